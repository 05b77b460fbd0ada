package dev.wasdk.sender;

import static dev.wasdk.sender.MessageSenderTest.PHONE_ID;
import static dev.wasdk.sender.MessageSenderTest.T0;
import static dev.wasdk.sender.MessageSenderTest.utility;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** What a closed sender still holds: nothing once its last request is answered. */
class SenderCloseTest {
  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport = new ScriptedTransport(time);

  MessageSender.Builder builder() {
    return MessageSender.builder(PHONE_ID, transport)
        .clock(time)
        .scheduler(time)
        .tier(MessagingTier.TIER_UNLIMITED);
  }

  @Test
  void close_withQueuedAndOneInFlight_keepsOnlyTheInFlightLaneUntilItIsAnswered() {
    transport.pending();
    MessageSender sender = builder().maxInFlight(1).build();
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      futures.add(sender.submit(utility(i % 20))); // 20 users, 10 messages each
    }
    assertThat(sender.loop().laneCount()).isEqualTo(20);
    assertThat(sender.loop().heldJobs()).isEqualTo(200);

    List<?> unsent = sender.close(Duration.ZERO);

    assertThat(unsent).hasSize(199);
    assertThat(sender.loop().laneCount()).isEqualTo(1); // the user whose request is in flight
    assertThat(sender.loop().heldJobs()).isEqualTo(1);
    assertThat(sender.loop().deadlineEntries()).isZero();

    transport.calls().get(0).future().complete(ScriptedTransport.ok("wamid.0"));

    assertThat(futures.get(0).join()).isInstanceOf(SendOutcome.Sent.class);
    assertThat(futures).allMatch(CompletableFuture::isDone);
    assertThat(sender.loop().laneCount()).isZero();
    assertThat(sender.loop().heldJobs()).isZero();
  }

  @Test
  void close_withALaneAsleepAndDeadlines_holdsNoLaneAfterwards() {
    transport.answering(m -> MessageSenderTest.apiError(131056));
    MessageSender sender = builder().build();
    CompletableFuture<SendOutcome> backedOff = sender.submit(utility(1));
    time.advance(Duration.ofMillis(100)); // refused with 131056: the lane sleeps for 1 s
    assertThat(transport.calls()).hasSize(1);
    assertThat(backedOff).isNotDone();
    transport.pending();
    for (int i = 2; i < 50; i++) {
      sender.submit(utility(i), SubmitOptions.defaults().withDeadline(T0.plus(Duration.ofDays(1))));
    }

    List<?> unsent = sender.close(Duration.ZERO);

    List<ScriptedTransport.Call> pending = transport.calls().subList(1, transport.calls().size());
    assertThat(unsent).hasSize(49 - pending.size());
    assertThat(backedOff.join()).isInstanceOf(SendOutcome.Cancelled.class);
    assertThat(sender.loop().laneCount()).isEqualTo(pending.size()); // one per request in flight
    assertThat(sender.loop().heldJobs()).isEqualTo(pending.size());
    assertThat(sender.loop().deadlineEntries()).isZero();
    pending.forEach(c -> c.future().complete(ScriptedTransport.ok("wamid.x")));
    assertThat(sender.loop().laneCount()).isZero();
    assertThat(sender.loop().heldJobs()).isZero();
  }
}
