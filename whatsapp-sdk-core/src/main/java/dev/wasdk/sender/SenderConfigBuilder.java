package dev.wasdk.sender;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.SendResult;
import dev.wasdk.client.TemplateQuery;
import dev.wasdk.client.Throughput;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.template.Template;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The options of a {@link MessageSender} while it is being built, with their defaults and checks:
 * each setter checks its value, {@link #toConfig()} checks the combination and gives the immutable
 * {@link SenderConfig}. {@link MessageSender.Builder} is its public face; the type parameter lets
 * every setter return that builder. Not thread-safe.
 *
 * @param <B> the builder type the setters return
 */
abstract class SenderConfigBuilder<B extends SenderConfigBuilder<B>> extends SenderStateOptions<B> {
  private Function<Message, CompletableFuture<SendResult>> transport;
  private String phoneNumberId;
  private String defaultPortfolioId;
  private String portfolioId;
  private int throughput = Throughput.STANDARD.messagesPerSecond();
  private int throughputBurst = 1;
  private double throughputHeadroom = SenderConfig.DEFAULT_HEADROOM;
  private Duration throughputRecovery = Duration.ofSeconds(5);
  private MessagingTier tier = MessagingTier.TIER_250;
  private TierExhaustedPolicy tierPolicy = TierExhaustedPolicy.DEFER;
  private int maxInFlight;
  private int maxQueued = 100_000;
  private int maxAttempts = 10;
  private QueueFullPolicy queueFullPolicy = QueueFullPolicy.reject();
  private boolean enforceServiceWindow = true;
  private boolean requireMarketingOptIn = true;
  private BucketSpec marketingCap;
  private final List<SenderListener> listeners = new ArrayList<>();
  private int recentSends = 100_000;

  /**
   * Sets where the sender sends and, when it can, how it looks up a template's category; the
   * portfolio id defaults to {@code defaultPortfolioId}.
   */
  /**
   * Sends through {@code client}'s phone number: the tier window's portfolio key defaults to the
   * client's WABA id, or else its phone number id; templates of unknown category are looked up
   * through its templates API; its observer, if any, sees every outcome.
   */
  final B sendVia(WhatsAppClient client) {
    Objects.requireNonNull(client, "client");
    sendVia(
        client.messages()::sendAsync,
        client.phoneNumberId(),
        client.wabaId().orElse(client.phoneNumberId()),
        (name, language) ->
            client.templates().stream(TemplateQuery.builder().name(name).language(language).build())
                .filter(t -> t.name().equals(name) && t.language().equals(language))
                .map(Template::category)
                .findFirst());
    ObservedSends.of(client.observer(), client.phoneNumberId()).ifPresent(this::listener);
    return self();
  }

  final B sendVia(
      Function<Message, CompletableFuture<SendResult>> transport,
      String phoneNumberId,
      String defaultPortfolioId,
      BiFunction<String, String, Optional<TemplateCategory>> templateLookup) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.phoneNumberId = Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    this.defaultPortfolioId = Objects.requireNonNull(defaultPortfolioId, "defaultPortfolioId");
    this.templateLookup = templateLookup;
    return self();
  }

  /**
   * Sets the phone number's throughput. Default 80; 20 for coexistence numbers, 1,000 after the
   * upgrade. Leave headroom when the number also receives many inbound messages, which count too.
   *
   * @param perSecond 1 to 100,000
   * @return this builder
   */
  public B throughputPerSecond(int perSecond) {
    this.throughput = new Throughput(perSecond).messagesPerSecond();
    return self();
  }

  /**
   * Sets the phone number's throughput.
   *
   * @param throughput the throughput
   * @return this builder
   */
  public B throughput(Throughput throughput) {
    this.throughput = Objects.requireNonNull(throughput, "throughput").messagesPerSecond();
    return self();
  }

  /**
   * Sets how many sends may go at once after an idle time. Default 1: sends are spaced evenly
   * ({@code 1 / pacedRate} apart), and a wake-up of the sender that comes late by up to 100 ms is
   * made up by the next sends instead of being lost (by up to half the headroom's time on a store
   * given to {@code store(...)}, which other senders may share). A larger burst lets up to {@code
   * burst} sends go at once. Either way no span of {@code 1 + headroom / 2} seconds holds more of
   * this sender's sends than the throughput.
   *
   * @param burst 1 or more
   * @return this builder
   */
  public B throughputBurst(int burst) {
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1, was " + burst);
    }
    this.throughputBurst = burst;
    return self();
  }

  /**
   * Sets the share of the throughput the sender leaves unused. Default 0.02: at 80 per second the
   * sender paces at 78.4 per second, and no span of 1.01 seconds holds more than 80 of its sends.
   * Meta counts a request when it arrives, so the jitter between a send and its arrival can crowd
   * sends spaced exactly {@code 1 / throughput} apart into one second and draw a 130429; the
   * guard's extra 10 ms absorb that jitter, while late wake-ups of the sender (up to 100 ms) are
   * made up by the next sends (see {@link #throughputBurst(int)}). Against a server that counts
   * arrivals over a sliding second, 0.005 (2.5 ms) and 0.01 (5 ms) still drew 130429s on a 2-core
   * machine where 0.02 drew none; lower it where the jitter is known to be smaller. Raise it when
   * the number also receives much inbound traffic, which counts against the same limit. 0 paces at
   * exactly the throughput, with no catch-up. With several senders on one {@link LimiterStore} (a
   * store given to {@link #store(LimiterStore)}, such as Redis shared by several app instances),
   * the shared bucket paces them together, and each sender catches up late wake-ups by at most half
   * the headroom's time (10 ms at the default) instead of 100 ms, so that together they keep the
   * same bound: no span of {@code 1 + headroom / 2} seconds holds more than the throughput of their
   * sends, with the default burst of 1.
   *
   * @param share 0 to 0.5
   * @return this builder
   */
  public B throughputHeadroom(double share) {
    if (!(share >= 0 && share <= 0.5)) {
      throw new IllegalArgumentException("headroom must be 0 to 0.5, was " + share);
    }
    this.throughputHeadroom = share;
    return self();
  }

  /**
   * Sets how long the throughput takes to grow back to the configured rate after a 130429 lowered
   * it (by 10%, or by half when an earlier reduction had not yet recovered). Default 5 s.
   *
   * @param recovery positive
   * @return this builder
   */
  public B throughputRecovery(Duration recovery) {
    Objects.requireNonNull(recovery, "recovery");
    if (recovery.isNegative() || recovery.isZero()) {
      throw new IllegalArgumentException("recovery must be positive, was " + recovery);
    }
    this.throughputRecovery = recovery;
    return self();
  }

  /**
   * Sets the portfolio's messaging-limit tier. Default {@link MessagingTier#TIER_250}, a new
   * portfolio's: set the real one (read it from the phone number's {@code
   * whatsapp_business_manager_messaging_limit}), or the sender defers users beyond 250. A tier
   * whose limit is not known counts as 250.
   *
   * @param tier the tier
   * @return this builder
   */
  public B tier(MessagingTier tier) {
    this.tier = Objects.requireNonNull(tier, "tier");
    return self();
  }

  /**
   * Sets what happens to a message that needs a tier slot when none is free. Default {@link
   * TierExhaustedPolicy#DEFER}.
   *
   * @param policy the policy
   * @return this builder
   */
  public B tierExhaustedPolicy(TierExhaustedPolicy policy) {
    this.tierPolicy = Objects.requireNonNull(policy, "policy");
    return self();
  }

  /**
   * Sets the key of the tier window: the business portfolio (business) id. Senders for several
   * phone numbers of one portfolio must use the same key and the same store, so that they share one
   * window. Default: the client's WABA id, or else its phone number id.
   *
   * @param portfolioId the business portfolio id
   * @return this builder
   */
  public B portfolioId(String portfolioId) {
    Objects.requireNonNull(portfolioId, "portfolioId");
    if (portfolioId.isBlank()) {
      throw new IllegalArgumentException("portfolioId must not be blank");
    }
    this.portfolioId = portfolioId;
    return self();
  }

  /**
   * Sets the most requests in flight at once, which bounds the connections and threads used.
   * Default {@code max(16, throughput / 2)}: the rate is kept with up to 500 ms of latency. Raise
   * it when Meta answers more slowly; the rate needs {@code throughput × latency} in flight.
   *
   * @param maxInFlight 1 to 10,000
   * @return this builder
   */
  public B maxInFlight(int maxInFlight) {
    if (maxInFlight < 1 || maxInFlight > 10_000) {
      throw new IllegalArgumentException("maxInFlight must be 1 to 10000, was " + maxInFlight);
    }
    this.maxInFlight = maxInFlight;
    return self();
  }

  /**
   * Sets the most messages waiting in the queue. Default 100,000.
   *
   * @param maxQueued at least 1
   * @return this builder
   */
  public B maxQueued(int maxQueued) {
    if (maxQueued < 1) {
      throw new IllegalArgumentException("maxQueued must be at least 1, was " + maxQueued);
    }
    this.maxQueued = maxQueued;
    return self();
  }

  /**
   * Sets what {@code submit} does when the queue is full. Default {@link QueueFullPolicy#reject()}.
   *
   * @param policy the policy
   * @return this builder
   */
  public B queueFullPolicy(QueueFullPolicy policy) {
    this.queueFullPolicy = Objects.requireNonNull(policy, "policy");
    return self();
  }

  /**
   * Sets how many requests one message may take when the earlier ones were provably not accepted
   * for reasons of its own (131056, no connection). Default 10. Throughput (130429) and maintenance
   * refusals are not counted: the pacing slows down for them instead; give the message a deadline
   * to bound the wait.
   *
   * @param maxAttempts 1 to 100
   * @return this builder
   */
  public B maxAttempts(int maxAttempts) {
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("maxAttempts must be 1 to 100, was " + maxAttempts);
    }
    this.maxAttempts = maxAttempts;
    return self();
  }

  /**
   * Sets whether free-form messages to users without an open customer-service window are refused
   * before the network. Default true. Turn it off only when the {@link ServiceWindowTracker} is not
   * fed; Meta then refuses them with 131047.
   *
   * @param enforce whether to refuse
   * @return this builder
   */
  public B enforceServiceWindow(boolean enforce) {
    this.enforceServiceWindow = enforce;
    return self();
  }

  /**
   * Sets whether marketing templates need a recorded opt-in. Default true. Opt-outs are honoured
   * either way.
   *
   * @param require whether an opt-in is needed
   * @return this builder
   */
  public B requireMarketingOptIn(boolean require) {
    this.requireMarketingOptIn = require;
    return self();
  }

  /**
   * Caps the marketing templates one user receives: at most {@code count} per {@code period},
   * refilled evenly. Default: no cap of the sender's own (Meta applies its own, see 131049).
   *
   * @param count at least 1
   * @param period a whole number of microseconds
   * @return this builder
   */
  public B marketingFrequencyCap(int count, Duration period) {
    this.marketingCap = new BucketSpec(count, count, period);
    return self();
  }

  /**
   * Adds a listener.
   *
   * @param listener the listener
   * @return this builder
   */
  public B listener(SenderListener listener) {
    this.listeners.add(Objects.requireNonNull(listener, "listener"));
    return self();
  }

  /**
   * Sets how many recent sends the sender remembers (by {@code wamid}), to give back their tier
   * slots when a failed status arrives. Default 100,000; 0 remembers none.
   *
   * @param count 0 or more
   * @return this builder
   */
  public B recentSends(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative, was " + count);
    }
    this.recentSends = count;
    return self();
  }

  /** Checks the combination of options and returns the configuration they give. */
  SenderConfig toConfig() {
    if (consent != null && consentStore != null) {
      throw new IllegalStateException(
          "set either consent(registry) or consentStore(store), not both: give the registry the"
              + " store");
    }
    if (windows != null && windowStore != null) {
      throw new IllegalStateException(
          "set either serviceWindows(tracker) or serviceWindowStore(store), not both");
    }
    ConsentRegistry registry =
        consent != null
            ? consent
            : ConsentRegistry.builder()
                .store(consentStore != null ? consentStore : ConsentStore.inMemory())
                .pseudonyms(pseudonyms)
                .clock(clock)
                .build();
    ServiceWindowTracker tracker =
        windows != null
            ? windows
            : ServiceWindowTracker.create(
                windowStore != null ? windowStore : ServiceWindowStore.inMemory(), pseudonyms);
    return new SenderConfig(
        transport,
        phoneNumberId,
        portfolioId != null ? portfolioId : defaultPortfolioId,
        store != null ? store : LimiterStore.inMemory(),
        store != null,
        clock,
        scheduler,
        storeExecutor,
        storeCallBudget,
        throughput,
        throughputBurst,
        throughputHeadroom,
        throughputRecovery,
        tier,
        tierPolicy,
        maxInFlight,
        maxQueued,
        maxAttempts,
        queueFullPolicy,
        enforceServiceWindow,
        requireMarketingOptIn,
        marketingCap,
        tracker,
        registry,
        listeners,
        recentSends,
        pseudonyms,
        recipientIdStore != null ? recipientIdStore : RecipientIdStore.inMemory(),
        templateLookup);
  }
}
