package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.Throughput;
import dev.wasdk.error.ApiError;
import dev.wasdk.error.ApiException;
import dev.wasdk.internal.http.ApiExceptions;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The sender's guarantees that hold across its parts: each message ends once, whatever throws;
 * listeners run without the sender's locks; what the gates reserve comes back; the deadline index
 * holds only waiting messages; close completes every future, even on an interrupted thread.
 */
class SenderPartsTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  static final String PHONE_ID = "106540352242922";

  final FakeTime time = new FakeTime(T0);
  final ScriptedTransport transport = new ScriptedTransport(time);

  MessageSender.Builder builder() {
    return MessageSender.builder(PHONE_ID, transport)
        .clock(time)
        .scheduler(time)
        .tier(MessagingTier.TIER_UNLIMITED)
        .throughputPerSecond(1_000);
  }

  static String phone(int i) {
    return String.format("+1650555%04d", i);
  }

  static Message utility(int user) {
    return Message.to(phone(user))
        .template("order_update", "en_US")
        .category(TemplateCategory.UTILITY)
        .build();
  }

  static Message marketing(int user) {
    return Message.to(phone(user))
        .template("spring_sale", "en_US")
        .category(TemplateCategory.MARKETING)
        .build();
  }

  static ApiException apiError(int code) {
    return ApiException.of(ApiError.builder(code, 400).message("(#" + code + ") test").build());
  }

  @Test
  void close_onAnInterruptedThread_completesEveryFutureAndKeepsTheInterrupt() {
    transport.pending();
    MessageSender sender = builder().build();
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      futures.add(sender.submit(utility(i)));
    }
    time.advance(Duration.ofSeconds(1));
    assertThat(transport.calls()).hasSize(1); // the first goes alone until it is answered

    List<Message> unsent;
    boolean stillInterrupted;
    Thread.currentThread().interrupt();
    try {
      unsent = sender.close(Duration.ofMinutes(1));
    } finally {
      stillInterrupted = Thread.interrupted();
    }

    assertThat(stillInterrupted).isTrue();
    assertThat(unsent).hasSize(4);
    assertThat(futures.subList(1, 5))
        .allSatisfy(f -> assertThat(f.getNow(null)).isInstanceOf(SendOutcome.Cancelled.class));
    transport.calls().get(0).future().complete(ScriptedTransport.ok("wamid.0"));
    assertThat(futures.get(0).getNow(null)).isInstanceOf(SendOutcome.Sent.class);
  }

  @Test
  void deadlines_messagesSentOrCancelled_leaveTheIndexAtOnce() {
    MessageSender sender = builder().build();
    SubmitOptions day = SubmitOptions.defaults().withDeadline(T0.plus(Duration.ofDays(1)));
    List<CompletableFuture<SendOutcome>> futures = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      futures.add(sender.submit(utility(i), day));
    }
    time.advance(Duration.ofSeconds(1));
    assertThat(futures).allSatisfy(f -> assertThat(f).isDone());
    assertThat(sender.loop().deadlineEntries()).isZero();

    transport.pending();
    List<CompletableFuture<SendOutcome>> waiting = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      waiting.add(sender.submit(utility(500), day)); // one user: one in flight, nine queued
    }
    time.advance(Duration.ofSeconds(1));
    assertThat(sender.loop().deadlineEntries()).isEqualTo(9);
    waiting.forEach(f -> f.cancel(false));
    assertThat(sender.loop().deadlineEntries()).isZero();
  }

  @Test
  void submit_transportAndListenerThrow_submitReturnsAndEachMessageEndsOnce() {
    AtomicInteger outcomes = new AtomicInteger();
    transport.answering(
        m -> {
          throw new IllegalStateException("the transport broke");
        });
    MessageSender sender =
        builder()
            .listener(
                new SenderListener() {
                  @Override
                  public void onOutcome(SendOutcome o) {
                    outcomes.incrementAndGet();
                    throw new IllegalStateException("the listener broke");
                  }
                })
            .build();

    CompletableFuture<SendOutcome> f = sender.submit(utility(1));
    time.advance(Duration.ofSeconds(1));

    SendOutcome.Rejected r = (SendOutcome.Rejected) f.getNow(null);
    assertThat(r.reason()).isEqualTo(RejectReason.API_ERROR);
    assertThat(outcomes).hasValue(1);
    assertThat(sender.stats().queued()).isZero();
    assertThat(sender.stats().inFlight()).isZero();
  }

  @Test
  void listeners_pairBackoffAndOutcome_runWithoutTheSendersLocks() {
    AtomicInteger calls = new AtomicInteger();
    transport.answering(m -> calls.getAndIncrement() == 0 ? apiError(131056) : null);
    List<String> seen = new ArrayList<>();
    MessageSender[] holder = new MessageSender[1];
    SenderListener probe =
        new SenderListener() {
          @Override
          public void onPairBackoff(String maskedUser, Duration backoff) {
            seen.add("backoff:" + statsFromAnotherThread(holder[0]));
          }

          @Override
          public void onOutcome(SendOutcome o) {
            seen.add("outcome:" + statsFromAnotherThread(holder[0]));
          }
        };
    holder[0] = builder().listener(probe).build();

    CompletableFuture<SendOutcome> f = holder[0].submit(utility(1));
    time.advance(Duration.ofSeconds(1));
    assertThat(seen).containsExactly("backoff:ok");
    transport.calls().get(1).future().complete(ScriptedTransport.ok("wamid.1"));

    assertThat(f.getNow(null)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(seen).containsExactly("backoff:ok", "outcome:ok");
  }

  /** Reads the stats on another thread: it blocks, and times out, if the caller holds a lock. */
  private static String statsFromAnotherThread(MessageSender sender) {
    try {
      CompletableFuture.supplyAsync(sender::stats).get(30, TimeUnit.SECONDS);
      return "ok";
    } catch (Exception ex) {
      return "blocked: " + ex;
    }
  }

  @Test
  void reservations_messageRejectedByMeta_givesBackCapPairAndTier() {
    InMemoryLimiterStore store = new InMemoryLimiterStore(0);
    transport.answering(m -> apiError(131026));
    MessageSender sender =
        builder()
            .store(store)
            .tier(MessagingTier.TIER_250)
            .marketingFrequencyCap(2, Duration.ofDays(1))
            .build();
    sender.consent().optIn(phone(1), TemplateCategory.MARKETING, "app", T0);

    CompletableFuture<SendOutcome> f = sender.submit(marketing(1));
    time.advance(Duration.ofSeconds(1));

    assertThat(((SendOutcome.Rejected) f.getNow(null)).reason())
        .isEqualTo(RejectReason.UNDELIVERABLE);
    String member =
        Pseudonyms.DEFAULT.of(PHONE_ID, Pseudonyms.DEFAULT.of("user", UserKeys.of(phone(1))));
    Instant now = time.instant();
    assertThat(store.windowSize("tier:" + PHONE_ID, SenderConfig.TIER_WINDOW, now)).isZero();
    assertThat(store.tryTake("pair:" + PHONE_ID + ":" + member, SenderConfig.PAIR_RATE, 45, now))
        .extracting(LimiterStore.TakeResult::taken)
        .isEqualTo(true);
    assertThat(
            store.tryTake(
                "mcap:" + member, new LimiterStore.BucketSpec(2, 2, Duration.ofDays(1)), 2, now))
        .extracting(LimiterStore.TakeResult::taken)
        .isEqualTo(true);
  }

  @Test
  void reservations_messageSent_keepsCapPairAndTier() {
    InMemoryLimiterStore store = new InMemoryLimiterStore(0);
    MessageSender sender =
        builder()
            .store(store)
            .tier(MessagingTier.TIER_250)
            .marketingFrequencyCap(2, Duration.ofDays(1))
            .build();
    sender.consent().optIn(phone(1), TemplateCategory.MARKETING, "app", T0);

    CompletableFuture<SendOutcome> f = sender.submit(marketing(1));
    time.advance(Duration.ofSeconds(1));

    assertThat(f.getNow(null)).isInstanceOf(SendOutcome.Sent.class);
    String member =
        Pseudonyms.DEFAULT.of(PHONE_ID, Pseudonyms.DEFAULT.of("user", UserKeys.of(phone(1))));
    Instant now = time.instant();
    assertThat(store.windowSize("tier:" + PHONE_ID, SenderConfig.TIER_WINDOW, now)).isOne();
    assertThat(store.tryTake("pair:" + PHONE_ID + ":" + member, SenderConfig.PAIR_RATE, 45, now))
        .extracting(LimiterStore.TakeResult::taken)
        .isEqualTo(false);
  }

  @Test
  void answer_5xxWithGraphBody_rejectedServerErrorAndTheTierSlotGivenBack() {
    InMemoryLimiterStore store = new InMemoryLimiterStore(0);
    transport.answering(m -> ApiException.of(ApiError.builder(131000, 500).build()));
    MessageSender sender = builder().store(store).tier(MessagingTier.TIER_250).build();

    CompletableFuture<SendOutcome> f = sender.submit(utility(1));
    time.advance(Duration.ofSeconds(5));

    SendOutcome.Rejected r = (SendOutcome.Rejected) f.getNow(null);
    assertThat(r.reason()).isEqualTo(RejectReason.SERVER_ERROR);
    assertThat(r.error()).isPresent();
    assertThat(transport.calls()).hasSize(1);
    assertThat(store.windowSize("tier:" + PHONE_ID, SenderConfig.TIER_WINDOW, time.instant()))
        .isZero();
  }

  @Test
  void answer_503WithoutGraphBody_unknownNeverResentAndTheTierSlotKept() {
    InMemoryLimiterStore store = new InMemoryLimiterStore(0);
    transport.answering(m -> ApiException.of(ApiError.builder(ApiError.NO_CODE, 503).build()));
    MessageSender sender = builder().store(store).tier(MessagingTier.TIER_250).build();

    CompletableFuture<SendOutcome> f = sender.submit(utility(1));
    time.advance(Duration.ofSeconds(5));

    assertThat(f.getNow(null)).isInstanceOf(SendOutcome.Unknown.class);
    assertThat(transport.calls()).hasSize(1);
    assertThat(store.windowSize("tier:" + PHONE_ID, SenderConfig.TIER_WINDOW, time.instant()))
        .isOne();
  }

  @Test
  void answer_maintenanceWithAHugeRetryAfter_pausesAtMostFiveMinutes() {
    java.net.http.HttpHeaders hugeWait =
        java.net.http.HttpHeaders.of(
            java.util.Map.of("Retry-After", List.of("999999999")), (a, b) -> true);
    AtomicInteger n = new AtomicInteger();
    transport.answering(
        m ->
            n.getAndIncrement() == 0
                ? ApiExceptions.of(
                    ApiError.builder(131057, 503).message("maintenance").build(), hugeWait, T0)
                : ScriptedTransport.ok("wamid.1"));
    MessageSender sender = builder().build();

    CompletableFuture<SendOutcome> f = sender.submit(utility(1));
    time.advance(OutcomePolicy.MAX_SERVER_WAIT.minusMillis(1));
    assertThat(f).isNotDone();
    time.advance(Duration.ofMillis(1));

    assertThat(f.getNow(null)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(transport.times().get(1)).isEqualTo(T0.plus(OutcomePolicy.MAX_SERVER_WAIT));
  }

  @Test
  void updateTier_olderEventThanTheLastApplied_ignored() {
    MessageSender sender = builder().build();

    assertThat(sender.updateTier(MessagingTier.TIER_10K, T0.plusSeconds(10))).isTrue();
    assertThat(sender.updateTier(MessagingTier.TIER_2K, T0.plusSeconds(5))).isFalse();

    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_10K);
    assertThat(sender.updateTier(MessagingTier.TIER_100K, T0.plusSeconds(10))).isTrue();
    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_100K);
  }

  @Test
  void updateThroughput_olderEventThanTheLastApplied_ignored() {
    MessageSender sender = builder().build();

    assertThat(sender.updateThroughput(Throughput.HIGH, T0.plusSeconds(10))).isTrue();
    assertThat(sender.updateThroughput(Throughput.STANDARD, T0.plusSeconds(9))).isFalse();

    assertThat(sender.stats().throughputPerSecond()).isEqualTo(Throughput.HIGH.messagesPerSecond());
  }

  static Message uncategorized(int user) {
    return Message.to(phone(user)).template("order_update", "en_US").build();
  }

  @Test
  void submit_templateWithoutCategoryAndNoClient_checkedAsMarketing() {
    MessageSender sender = builder().build();

    CompletableFuture<SendOutcome> refused = sender.submit(uncategorized(1));
    time.advance(Duration.ofSeconds(1));
    assertThat(((SendOutcome.Rejected) refused.getNow(null)).reason())
        .isEqualTo(RejectReason.NO_CONSENT);

    sender.consent().optIn(phone(1), TemplateCategory.MARKETING, "signup", T0);
    CompletableFuture<SendOutcome> sent = sender.submit(uncategorized(1));
    time.advance(Duration.ofSeconds(1));
    assertThat(sent.getNow(null)).isInstanceOf(SendOutcome.Sent.class);
  }

  @Test
  void submit_templateWithoutCategory_lookedUpOnceThenCached() {
    AtomicInteger lookups = new AtomicInteger();
    MessageSender sender =
        builder()
            .templateLookup(
                (name, language) -> {
                  lookups.incrementAndGet();
                  return java.util.Optional.of(TemplateCategory.UTILITY);
                })
            .build();

    CompletableFuture<SendOutcome> a = sender.submit(uncategorized(1));
    CompletableFuture<SendOutcome> b = sender.submit(uncategorized(2));
    time.advance(Duration.ofSeconds(1));

    assertThat(a.getNow(null)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(b.getNow(null)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(lookups).hasValue(1);
  }

  @Test
  void submit_templateWithoutCategoryAndTheLookupFails_checkedAsMarketing() {
    MessageSender sender =
        builder()
            .templateLookup(
                (name, language) -> {
                  throw new IllegalStateException("no WABA id");
                })
            .build();

    CompletableFuture<SendOutcome> f = sender.submit(uncategorized(1));
    time.advance(Duration.ofSeconds(1));

    assertThat(((SendOutcome.Rejected) f.getNow(null)).reason()).isEqualTo(RejectReason.NO_CONSENT);
  }
}
