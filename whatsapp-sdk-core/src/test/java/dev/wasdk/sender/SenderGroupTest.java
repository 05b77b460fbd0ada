package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TemplateCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A group is one recipient for the sender's limits: a send to a group is one request and takes one
 * throughput token, whatever its member count; the group takes one slot of the messaging-limit
 * window; and no per-user pair rate holds its messages back. On a fake clock.
 */
class SenderGroupTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String PHONE_ID = "106540352242922";
  static final String GROUP = "Y2FwaV9ncm91cDoxNjUwNTU1MTIzNDoxMjA";
  static final String GROUP_2 = "US.13491208655302741918"; // group ids are opaque

  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport = new ScriptedTransport(time);

  MessageSender.Builder builder() {
    return MessageSender.builder(PHONE_ID, transport)
        .clock(time)
        .scheduler(time)
        .tier(MessagingTier.TIER_UNLIMITED)
        .throughputPerSecond(1_000);
  }

  static Message groupText(String group, int i) {
    return Message.to(Recipient.group(group)).text("Announcement " + i);
  }

  static Message groupTemplate(String group) {
    return Message.to(Recipient.group(group))
        .template("weekly_digest", "en_US")
        .category(TemplateCategory.UTILITY)
        .build();
  }

  List<Instant> sendTimes(MessageSender sender, int count, IntFunction<Message> message) {
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      futures.add(sender.submit(message.apply(i)));
    }
    time.advance(Duration.ofMinutes(5));
    for (CompletableFuture<SendOutcome> f : futures) {
      assertThat(f).isDone();
      assertThat(f.join()).isInstanceOf(SendOutcome.Sent.class);
    }
    return transport.times();
  }

  @Test
  void groupSends_arePacedExactlyLikeSendsToAsManyDistinctUsers() {
    MessageSender groups = builder().throughputPerSecond(10).build();
    List<Instant> groupTimes = sendTimes(groups, 30, i -> groupText(GROUP, i));
    groups.close(Duration.ofSeconds(1));

    FakeTime otherTime = new FakeTime(T0);
    ScriptedTransport otherTransport = new ScriptedTransport(otherTime);
    MessageSender users =
        MessageSender.builder(PHONE_ID, otherTransport)
            .clock(otherTime)
            .scheduler(otherTime)
            .tier(MessagingTier.TIER_UNLIMITED)
            .throughputPerSecond(10)
            .enforceServiceWindow(false)
            .build();
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      futures.add(users.submit(Message.to(String.format("+1650555%04d", i)).text("Hi " + i)));
    }
    otherTime.advance(Duration.ofMinutes(5));
    assertThat(futures).allSatisfy(f -> assertThat(f).isDone());
    users.close(Duration.ofSeconds(1));

    assertThat(groupTimes).hasSize(30).isEqualTo(otherTransport.times());
    // 30 requests at 10 per second take about three seconds, not thirty times the member count.
    assertThat(Duration.between(T0, groupTimes.get(29)))
        .isBetween(Duration.ofMillis(1_900), Duration.ofMillis(3_100));
  }

  @Test
  void groupSends_areNotHeldByThePairRate_whileOneUserIsAfter45() {
    MessageSender sender = builder().enforceServiceWindow(false).build();
    List<Instant> times = sendTimes(sender, 60, i -> groupText(GROUP, i));
    assertThat(Duration.between(T0, times.get(59))).isLessThan(Duration.ofSeconds(1));

    transport.answering(m -> ScriptedTransport.ok("wamid.u"));
    List<CompletableFuture<SendOutcome>> toOneUser = new ArrayList<>();
    Instant start = time.instant();
    for (int i = 0; i < 46; i++) {
      toOneUser.add(sender.submit(Message.to("+16505550001").text("Hi " + i)));
    }
    time.advance(Duration.ofSeconds(1));
    assertThat(toOneUser.get(44)).isDone();
    assertThat(toOneUser.get(45)).isNotDone(); // the 46th waits for the user's bucket
    time.advance(Duration.ofSeconds(6));
    assertThat(toOneUser.get(45)).isDone();
    assertThat(Duration.between(start, transport.times().get(60 + 45)))
        .isGreaterThanOrEqualTo(Duration.ofSeconds(5));
    sender.close(Duration.ofSeconds(1));
  }

  @Test
  void aFreeFormGroupMessage_isNotRefusedForAClosedUserWindow() {
    MessageSender sender = builder().build(); // the service window is enforced
    List<Instant> times = sendTimes(sender, 1, i -> groupText(GROUP, i));
    assertThat(times).hasSize(1);
    sender.close(Duration.ofSeconds(1));
  }

  @Test
  void groupTemplates_takeOneTierSlotPerGroup() {
    MessageSender sender = builder().tier(MessagingTier.TIER_250).build();
    sendTimes(sender, 5, i -> groupTemplate(GROUP));
    assertThat(sender.stats().tierUsed()).hasValue(1);

    sendTimes(sender, 3, i -> groupTemplate(GROUP_2));
    assertThat(sender.stats().tierUsed()).hasValue(2);

    // A user whose id reads like a group's is someone else.
    sendTimes(
        sender,
        1,
        i ->
            Message.to(Recipient.userId(GROUP_2))
                .template("weekly_digest", "en_US")
                .category(TemplateCategory.UTILITY)
                .build());
    assertThat(sender.stats().tierUsed()).hasValue(3);
    assertThat(transport.calls()).hasSize(9);
    sender.close(Duration.ofSeconds(1));
  }
}
