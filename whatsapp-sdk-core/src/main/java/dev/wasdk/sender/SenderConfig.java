package dev.wasdk.sender;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.SendResult;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The options of one {@link MessageSender}, fixed when it is built. Immutable; {@code scheduler}
 * and {@code storeExecutor} are null when the sender creates its own; {@code templateLookup} is
 * null when the sender has no client to ask; {@code storeShared} is true when the limiter store was
 * given to the builder, so other senders may take from the same buckets.
 */
record SenderConfig(
    Function<Message, CompletableFuture<SendResult>> transport,
    String phoneNumberId,
    String portfolioId,
    LimiterStore store,
    boolean storeShared,
    Clock clock,
    ScheduledExecutorService scheduler,
    Executor storeExecutor,
    Duration storeCallBudget,
    int throughput,
    int throughputBurst,
    double throughputHeadroom,
    Duration throughputRecovery,
    MessagingTier tier,
    TierExhaustedPolicy tierPolicy,
    int maxInFlight,
    int maxQueued,
    int maxAttempts,
    QueueFullPolicy queueFullPolicy,
    boolean enforceServiceWindow,
    boolean requireMarketingOptIn,
    BucketSpec marketingCap,
    ServiceWindowTracker windows,
    ConsentRegistry consent,
    List<SenderListener> listeners,
    int recentSends,
    Pseudonyms pseudonyms,
    RecipientIdStore recipientIdStore,
    BiFunction<String, String, Optional<TemplateCategory>> templateLookup) {

  /** The pair-rate bucket: 45 messages of burst, one more every 6 seconds. */
  static final BucketSpec PAIR_RATE = new BucketSpec(45, 1, Duration.ofSeconds(6));

  /** The length of the messaging-limit window. */
  static final Duration TIER_WINDOW = Duration.ofHours(24);

  /** How long Meta asks to wait after 131049 before more marketing to the user. */
  static final Duration FREQUENCY_CAP_HOLD = Duration.ofHours(24);

  /** The default share of the throughput left unused. */
  static final double DEFAULT_HEADROOM = 0.02;

  /** The default time budget of one store call. */
  static final Duration DEFAULT_STORE_CALL_BUDGET = Duration.ofMillis(250);

  /** How long the sender stops calling a store after a call failed or ran over its budget. */
  static final Duration STORE_RETRY = Duration.ofSeconds(1);

  SenderConfig {
    listeners = List.copyOf(listeners);
  }

  /** Returns the in-flight limit: the one set, or enough to keep the rate at 500 ms latency. */
  static int defaultMaxInFlight(int perSecond) {
    return Math.max(16, Math.min(2_000, (perSecond + 1) / 2));
  }
}
