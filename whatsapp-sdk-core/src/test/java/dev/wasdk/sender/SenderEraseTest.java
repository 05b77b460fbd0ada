package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Erasing a user removes what the limiter store keeps under their name, too. */
class SenderEraseTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String USER = "+16505550001";

  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport = new ScriptedTransport(time);
  final InMemoryLimiterStore store = (InMemoryLimiterStore) LimiterStore.inMemory();

  MessageSender sender() {
    return MessageSender.builder("106540352242922", transport)
        .clock(time)
        .scheduler(time)
        .store(store)
        .tier(MessagingTier.TIER_2K)
        .marketingFrequencyCap(2, Duration.ofDays(1))
        .build();
  }

  static Message marketing() {
    return Message.to(USER)
        .template("spring_sale", "en_US")
        .category(TemplateCategory.MARKETING)
        .build();
  }

  SendOutcome send(MessageSender sender, Message m) {
    CompletableFuture<SendOutcome> f = sender.submit(m);
    time.advance(Duration.ofSeconds(1));
    assertThat(f).isDone();
    return f.join();
  }

  @Test
  void eraseUser_afterSends_removesTheUsersBucketsAndNameInTheTierWindow() {
    MessageSender sender = sender();
    sender.consent().optIn(USER, TemplateCategory.MARKETING, "signup", T0);
    assertThat(send(sender, marketing())).isInstanceOf(SendOutcome.Sent.class);
    assertThat(send(sender, marketing())).isInstanceOf(SendOutcome.Sent.class);
    // The marketing cap of 2 is used up.
    assertThat(((SendOutcome.Rejected) send(sender, marketing())).reason())
        .isEqualTo(RejectReason.FREQUENCY_CAPPED);
    int buckets = store.bucketCount(); // throughput, pair rate, marketing cap
    assertThat(sender.stats().tierUsed()).hasValue(1);

    sender.eraseUser(USER);

    assertThat(store.bucketCount()).isEqualTo(buckets - 2); // the throughput bucket stays
    assertThat(sender.stats().tierUsed()).hasValue(1); // Meta still counts the slot
    assertThat(sender.consent().history(USER)).isEmpty();
    // The store no longer knows the user: a new opt-in and send take a fresh cap and a new slot.
    sender.consent().optIn(USER, TemplateCategory.MARKETING, "signup again", time.instant());
    assertThat(send(sender, marketing())).isInstanceOf(SendOutcome.Sent.class);
    assertThat(sender.stats().tierUsed()).hasValue(2);
  }
}
