package dev.wasdk.sender;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.PhoneNumber;
import dev.wasdk.client.SendResult;
import dev.wasdk.client.TemplateQuery;
import dev.wasdk.client.Throughput;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.template.Template;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sends messages from one business phone number at the pace WhatsApp allows, so that sends do not
 * fail on a limit. It models Meta's limits and checks each message against them before the network:
 *
 * <ul>
 *   <li><b>Throughput</b> per phone number: a token bucket, 80 messages per second by default
 *       ({@link Throughput}), paced {@link Builder#throughputHeadroom(double) 2% below} the limit,
 *       and no span of 1.01 seconds holds more sends than the limit, because Meta counts requests
 *       as they arrive, after the network's jitter. A 130429 answer lowers the rate by 10% (by half
 *       when the previous reduction has not yet recovered), which then recovers linearly over
 *       {@link Builder#throughputRecovery(Duration)}; the refused message is queued again.
 *   <li><b>Pair rate</b> per (phone number, user): a bucket of 45 refilled one every 6 seconds. A
 *       131056 answer backs off that user alone for 4<sup>x</sup> seconds (x = 0, 1, 2, … per
 *       consecutive 131056); other users are not delayed.
 *   <li><b>Messaging-limit tier</b> per business portfolio: unique users reached outside the
 *       customer-service window in a rolling 24 hours ({@link MessagingTier}). A user already
 *       counted costs nothing; a slot taken by a send Meta rejected is given back. Several numbers
 *       (senders) with the same {@link Builder#portfolioId(String) portfolio id} and store share
 *       one window. When no slot is free, the {@link TierExhaustedPolicy} defers or rejects.
 *   <li><b>Customer-service window</b> ({@link ServiceWindowTracker}): a free-form message to a
 *       user whose window is closed is refused before the network ({@link
 *       RejectReason#WINDOW_CLOSED}); send a template instead. Messages inside an open window do
 *       not count against the tier.
 *   <li><b>Consent</b> ({@link ConsentRegistry}): marketing templates go only to opted-in users who
 *       have not opted out. A template that does not declare its category is looked up through the
 *       templates API (cached for an hour) and counts as marketing when that fails or without a
 *       client: the consent check is never skipped.
 * </ul>
 *
 * <pre>{@code
 * MessageSender sender = MessageSender.builder(wa)
 *     .throughputPerSecond(80)
 *     .tier(MessagingTier.TIER_2K)
 *     .store(LimiterStore.inMemory())       // or a RedisLimiterStore shared by app instances
 *     .build();
 * CompletableFuture<SendOutcome> outcome = sender.submit(message);
 * }</pre>
 *
 * <p><b>Outcomes.</b> Every submitted message ends in exactly one {@link SendOutcome}. A message is
 * sent again only when Meta provably did not accept it (130429, 131056, maintenance, a connection
 * that never opened), within {@link Builder#maxAttempts(int)}. A timeout after the request was
 * written ends {@link SendOutcome.Unknown} and is never resent.
 *
 * <p><b>Order and priority.</b> Messages to one user are sent one at a time, in the order they were
 * submitted. Among users, higher {@link Priority priorities} go first (authentication, then utility
 * and free-form, then marketing), then the order of submission. The queue holds at most {@link
 * Builder#maxQueued(int)} messages; the {@link QueueFullPolicy} decides what happens beyond.
 *
 * <p><b>Shared state.</b> Consent ({@link Builder#consentStore}) and the service windows ({@link
 * Builder#serviceWindowStore}) live in stores, in memory by default; with Redis or JDBC stores an
 * opt-out survives restarts and holds on every app instance, and a window opened on one instance
 * lets every instance reply. The feeds below update this instance at once and the stores without
 * waiting for them.
 *
 * <p><b>Feeding it.</b> The webhooks tell the sender what Meta knows: {@link #onInbound} (opens the
 * window), {@link #onStatusFailed} (131056, 131049, 131050, 131047 and tier slots), {@link
 * #onMarketingPreference}, {@link #updateTier} and {@link #updateThroughput}.
 *
 * <p><b>Concurrency.</b> At most {@link Builder#maxInFlight(int)} requests are outstanding, sent
 * with the client's non-blocking {@code sendAsync}; the very first request goes alone, and the
 * pacing starts when it is answered, so that its cold start (connection, TLS) does not bunch the
 * requests behind it into one second at Meta; the sender adds one scheduler thread (or uses the one
 * given) and never busy-waits: when a limit is short it schedules itself at the exact time the
 * {@link LimiterStore} reports. The client's own retry policy still applies to each request; the
 * sender sees what is left after it.
 *
 * <p><b>Thread-safety and lifecycle.</b> Instances are thread-safe; share one per phone number.
 * {@link #close(Duration)} stops new submissions, lets the queue drain for a while, and hands back
 * what was not sent. The sender does not close the client or the store.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput">Throughput</a>
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/messaging-limits">Messaging
 *     limits</a>
 */
public final class MessageSender implements AutoCloseable {
  private final SenderConfig config;
  private final SendLoop loop;

  private MessageSender(SenderConfig config) {
    this.config = config;
    this.loop = new SendLoop(config);
  }

  /**
   * Returns a builder for a sender that sends through {@code client}'s phone number. The tier
   * window's portfolio key defaults to the client's WABA id, or else its phone number id.
   *
   * @param client the client
   * @return a builder
   */
  public static Builder builder(WhatsAppClient client) {
    Objects.requireNonNull(client, "client");
    Builder b = new Builder();
    b.transport = client.messages()::sendAsync;
    b.phoneNumberId = client.phoneNumberId();
    b.defaultPortfolioId = client.wabaId().orElse(client.phoneNumberId());
    ObservedSends.of(client.observer(), client.phoneNumberId()).ifPresent(b.listeners::add);
    b.templateLookup =
        (name, language) ->
            client.templates().stream(TemplateQuery.builder().name(name).language(language).build())
                .filter(t -> t.name().equals(name) && t.language().equals(language))
                .map(Template::category)
                .findFirst();
    return b;
  }

  /** Returns a builder that sends through {@code transport}, for tests. */
  static Builder builder(
      String phoneNumberId, Function<Message, CompletableFuture<SendResult>> transport) {
    Builder b = new Builder();
    b.transport = Objects.requireNonNull(transport, "transport");
    b.phoneNumberId = Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    b.defaultPortfolioId = phoneNumberId;
    return b;
  }

  /**
   * Queues a message with the default options.
   *
   * @param message the message
   * @return its outcome, completed once, when it ends; never completed exceptionally by the sender
   */
  public CompletableFuture<SendOutcome> submit(Message message) {
    return submit(message, SubmitOptions.defaults());
  }

  /**
   * Queues a message. With {@link QueueFullPolicy#block(Duration)} this blocks while the queue is
   * full; otherwise it returns at once: the limits are checked later, on the sender's own thread,
   * so a slow store never delays the caller. Once the message is queued this method does not throw.
   *
   * <p>Cancelling the returned future withdraws the message if it has not been sent yet; a request
   * already in flight is not stopped.
   *
   * @param message the message
   * @param options its priority and deadline
   * @return its outcome, completed once, when it ends
   */
  public CompletableFuture<SendOutcome> submit(Message message, SubmitOptions options) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(options, "options");
    return loop.submit(message, options);
  }

  /**
   * Records an inbound message from a user, which opens the user's 24-hour customer-service window.
   * Feed it from the {@code messages} webhook.
   *
   * @param user the user's WhatsApp id, phone number or business-scoped user id
   * @param at the inbound message's time
   */
  public void onInbound(String user, Instant at) {
    Objects.requireNonNull(at, "at");
    loop.onInbound(user, at);
  }

  /**
   * Records an inbound text message: it opens the window, and an opt-out keyword (such as STOP)
   * opts the user out of marketing.
   *
   * @param user the user
   * @param text the message's text
   * @param at the message's time
   * @return whether the text was an opt-out keyword
   */
  public boolean onInboundText(String user, String text, Instant at) {
    return onInboundText(user, text, at, null);
  }

  /**
   * Records an inbound text message with its id: it opens the window, and an opt-out keyword opts
   * the user out of marketing, with the message's id kept as the opt-out's evidence.
   *
   * @param user the user
   * @param text the message's text
   * @param at the message's time
   * @param messageId the inbound message's id ({@code wamid}), or null
   * @return whether the text was an opt-out keyword
   */
  public boolean onInboundText(String user, String text, Instant at, String messageId) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(at, "at");
    return loop.onInboundText(user, text, at, messageId);
  }

  /**
   * Records a {@code user_preferences} webhook: the user stopped or resumed marketing messages.
   *
   * @param user the user
   * @param stop true for {@code stop}, false for {@code resume}
   * @param at the event's time
   */
  public void onMarketingPreference(String user, boolean stop, Instant at) {
    loop.onMarketingPreference(user, stop, at);
  }

  /**
   * Records a {@code failed} status webhook for a message this sender sent. The tier slot the send
   * took is given back (Meta counts delivered messages only), and:
   *
   * <ul>
   *   <li>131056: the user is backed off, as for a synchronous 131056;
   *   <li>131049: marketing to the user is held back for 24 hours;
   *   <li>131050: the user is opted out of marketing;
   *   <li>131047: the user's window is marked closed.
   * </ul>
   *
   * <p>It never waits for the limiter store: the slot is given back on the store's own executor.
   *
   * @param wamid the failed message's id
   * @param user the recipient ({@code recipient_id} or {@code recipient_user_id})
   * @param errorCode the first error's code
   * @param at the status's time
   */
  public void onStatusFailed(String wamid, String user, int errorCode, Instant at) {
    Objects.requireNonNull(wamid, "wamid");
    Objects.requireNonNull(at, "at");
    loop.onStatusFailed(wamid, UserKeys.of(user), errorCode, at);
  }

  /**
   * Changes the messaging-limit tier, as reported by {@code business_capability_update}, {@code
   * phone_number_quality_update} or a phone-number read, now. It applies to the next message.
   * Prefer {@link #updateTier(MessagingTier, Instant)} with the event's time when it is known.
   *
   * @param tier the new tier
   */
  public void updateTier(MessagingTier tier) {
    Objects.requireNonNull(tier, "tier");
    loop.updateTier(tier, loop.now());
  }

  /**
   * Changes the messaging-limit tier as reported at {@code eventTime} (the webhook's timestamp). A
   * report older than the last one applied is ignored, so a late retry or a replayed webhook cannot
   * roll the tier back.
   *
   * @param tier the new tier
   * @param eventTime when Meta reported it
   * @return whether the report was applied (false when it was older than the last one)
   */
  public boolean updateTier(MessagingTier tier, Instant eventTime) {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(eventTime, "eventTime");
    return loop.updateTier(tier, eventTime);
  }

  /**
   * Applies what a phone-number read says about the limits: the portfolio's messaging limit (when
   * the read has one with a known size) and the number's throughput level (when the read has one
   * and it differs from the current throughput). Call it at start-up and now and then, for example:
   *
   * <pre>{@code
   * sender.updateFrom(client.phoneNumbers().get());
   * }</pre>
   *
   * @param number the phone number as read from the API
   */
  public void updateFrom(PhoneNumber number) {
    Objects.requireNonNull(number, "number");
    number
        .messagingLimit()
        .filter(t -> t.isUnlimited() || t.uniqueUsersPer24Hours().isPresent())
        .ifPresent(this::updateTier);
    number
        .throughputLevel()
        .map(Throughput::ofLevel)
        .filter(t -> t.messagesPerSecond() != loop.throughput())
        .ifPresent(this::updateThroughput);
  }

  /**
   * Changes the configured throughput, as after a {@code THROUGHPUT_UPGRADE} event or a
   * phone-number read, now. It also ends any reduction after a 130429. Prefer {@link
   * #updateThroughput(Throughput, Instant)} with the event's time when it is known.
   *
   * @param throughput the new throughput
   */
  public void updateThroughput(Throughput throughput) {
    Objects.requireNonNull(throughput, "throughput");
    loop.updateThroughput(throughput.messagesPerSecond(), loop.now());
  }

  /**
   * Changes the configured throughput as reported at {@code eventTime}; a report older than the
   * last one applied is ignored.
   *
   * @param throughput the new throughput
   * @param eventTime when Meta reported it
   * @return whether the report was applied (false when it was older than the last one)
   */
  public boolean updateThroughput(Throughput throughput, Instant eventTime) {
    Objects.requireNonNull(throughput, "throughput");
    Objects.requireNonNull(eventTime, "eventTime");
    return loop.updateThroughput(throughput.messagesPerSecond(), eventTime);
  }

  /** Returns the tracker of customer-service windows this sender consults. */
  public ServiceWindowTracker serviceWindows() {
    return config.windows();
  }

  /** Returns the consent registry this sender consults. */
  public ConsentRegistry consent() {
    return config.consent();
  }

  /** Returns the id of the business phone number this sender sends from. */
  public String phoneNumberId() {
    return config.phoneNumberId();
  }

  /** Returns the key of the tier window this sender counts in. */
  public String portfolioId() {
    return config.portfolioId();
  }

  /**
   * Returns a snapshot of the queue, the counters and the limits. The tier usage is read from the
   * store, within the store's time budget; it is empty when the tier is unlimited or the store
   * cannot be reached.
   *
   * @return the snapshot
   */
  public SenderStats stats() {
    return loop.stats();
  }

  /** Returns how many queued messages the deadline index holds, for tests. */
  int deadlineEntries() {
    return loop.deadlineEntries();
  }

  /**
   * Returns everything this sender and its tracker and registry hold about a user, for a
   * data-access request. The limiter store holds only pseudonyms of users (a keyed hash), which
   * expire within 24 hours.
   *
   * @param user the user
   * @return the user's data
   */
  public UserData exportUser(String user) {
    return loop.exportUser(UserKeys.of(user));
  }

  /**
   * Erases what this sender, its tracker and its registry hold about a user: the window, the
   * consent records, the pair backoff, and the record of recent sends. The user's queued messages
   * end {@link SendOutcome.Cancelled}; a request already in flight is not stopped.
   *
   * @param user the user
   */
  public void eraseUser(String user) {
    loop.eraseUser(UserKeys.of(user));
  }

  /**
   * Closes the sender: new submissions end {@link SendOutcome.Cancelled}, queued messages keep
   * being sent for up to {@code drainTimeout}, and those still queued then end {@link
   * SendOutcome.Cancelled} and are returned, in submission order. Requests in flight are not
   * stopped; their futures complete when Meta answers. On an interrupted thread it stops waiting at
   * once, still cancels every queued message, and keeps the interrupt. Calling it again returns an
   * empty list.
   *
   * @param drainTimeout how long to keep sending; zero stops at once
   * @return the messages that were not sent
   */
  public List<Message> close(Duration drainTimeout) {
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    return loop.close(drainTimeout);
  }

  /** Closes the sender, draining for up to 30 seconds; see {@link #close(Duration)}. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  @Override
  public String toString() {
    return "MessageSender[phoneNumberId="
        + config.phoneNumberId()
        + ", portfolioId="
        + config.portfolioId()
        + ", throughput="
        + loop.throughput()
        + "/s, tier="
        + loop.tier()
        + ", store="
        + config.store()
        + "]";
  }

  /**
   * Builds a {@link MessageSender}. Every option has a default; setters check their values. Not
   * thread-safe.
   */
  public static final class Builder {
    private Function<Message, CompletableFuture<SendResult>> transport;
    private String phoneNumberId;
    private String defaultPortfolioId;
    private String portfolioId;
    private LimiterStore store;
    private Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;
    private Executor storeExecutor;
    private Duration storeCallBudget = SenderConfig.DEFAULT_STORE_CALL_BUDGET;
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
    private ServiceWindowTracker windows;
    private ConsentRegistry consent;
    private ConsentStore consentStore;
    private ServiceWindowStore windowStore;
    private RecipientIdStore recipientIdStore;
    private BiFunction<String, String, Optional<TemplateCategory>> templateLookup;
    private Pseudonyms pseudonyms = Pseudonyms.DEFAULT;
    private final List<SenderListener> listeners = new ArrayList<>();
    private int recentSends = 100_000;

    private Builder() {}

    /**
     * Sets the phone number's throughput. Default 80; 20 for coexistence numbers, 1,000 after the
     * upgrade. Leave headroom when the number also receives many inbound messages, which count too.
     *
     * @param perSecond 1 to 100,000
     * @return this builder
     */
    public Builder throughputPerSecond(int perSecond) {
      this.throughput = new Throughput(perSecond).messagesPerSecond();
      return this;
    }

    /**
     * Sets the phone number's throughput.
     *
     * @param throughput the throughput
     * @return this builder
     */
    public Builder throughput(Throughput throughput) {
      this.throughput = Objects.requireNonNull(throughput, "throughput").messagesPerSecond();
      return this;
    }

    /**
     * Sets how many sends may go at once after an idle time. Default 1: sends are spaced evenly
     * ({@code 1 / pacedRate} apart), and a wake-up of the sender that comes late by up to 100 ms is
     * made up by the next sends instead of being lost. A larger burst lets up to {@code burst}
     * sends go at once. Either way no span of {@code 1 + headroom / 2} seconds holds more of this
     * sender's sends than the throughput.
     *
     * @param burst 1 or more
     * @return this builder
     */
    public Builder throughputBurst(int burst) {
      if (burst < 1) {
        throw new IllegalArgumentException("burst must be at least 1, was " + burst);
      }
      this.throughputBurst = burst;
      return this;
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
     * the number also receives much inbound traffic, which counts against the same limit. 0 paces
     * at exactly the throughput, with no catch-up. With several senders on one {@link
     * LimiterStore}, the shared bucket paces them together and the guard counts each sender's own
     * sends.
     *
     * @param share 0 to 0.5
     * @return this builder
     */
    public Builder throughputHeadroom(double share) {
      if (!(share >= 0 && share <= 0.5)) {
        throw new IllegalArgumentException("headroom must be 0 to 0.5, was " + share);
      }
      this.throughputHeadroom = share;
      return this;
    }

    /**
     * Sets how long the throughput takes to grow back to the configured rate after a 130429 lowered
     * it (by 10%, or by half when an earlier reduction had not yet recovered). Default 5 s.
     *
     * @param recovery positive
     * @return this builder
     */
    public Builder throughputRecovery(Duration recovery) {
      Objects.requireNonNull(recovery, "recovery");
      if (recovery.isNegative() || recovery.isZero()) {
        throw new IllegalArgumentException("recovery must be positive, was " + recovery);
      }
      this.throughputRecovery = recovery;
      return this;
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
    public Builder tier(MessagingTier tier) {
      this.tier = Objects.requireNonNull(tier, "tier");
      return this;
    }

    /**
     * Sets what happens to a message that needs a tier slot when none is free. Default {@link
     * TierExhaustedPolicy#DEFER}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder tierExhaustedPolicy(TierExhaustedPolicy policy) {
      this.tierPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets the key of the tier window: the business portfolio (business) id. Senders for several
     * phone numbers of one portfolio must use the same key and the same store, so that they share
     * one window. Default: the client's WABA id, or else its phone number id.
     *
     * @param portfolioId the business portfolio id
     * @return this builder
     */
    public Builder portfolioId(String portfolioId) {
      Objects.requireNonNull(portfolioId, "portfolioId");
      if (portfolioId.isBlank()) {
        throw new IllegalArgumentException("portfolioId must not be blank");
      }
      this.portfolioId = portfolioId;
      return this;
    }

    /**
     * Sets the store of the counters. Default {@link LimiterStore#inMemory()}, for one app
     * instance; several instances share their limits through a Redis store.
     *
     * @param store the store
     * @return this builder
     */
    public Builder store(LimiterStore store) {
      this.store = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the clock. Default the system UTC clock. Tests use a fake clock with a fake {@link
     * #scheduler}.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the scheduler that wakes the sender when a limit frees. Default: a one-thread scheduler
     * the sender owns and shuts down on close. A given scheduler is not shut down.
     *
     * @param scheduler the scheduler
     * @return this builder
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    /**
     * Sets the most requests in flight at once, which bounds the connections and threads used.
     * Default {@code max(16, throughput / 2)}: the rate is kept with up to 500 ms of latency. Raise
     * it when Meta answers more slowly; the rate needs {@code throughput × latency} in flight.
     *
     * @param maxInFlight 1 to 10,000
     * @return this builder
     */
    public Builder maxInFlight(int maxInFlight) {
      if (maxInFlight < 1 || maxInFlight > 10_000) {
        throw new IllegalArgumentException("maxInFlight must be 1 to 10000, was " + maxInFlight);
      }
      this.maxInFlight = maxInFlight;
      return this;
    }

    /**
     * Sets the most messages waiting in the queue. Default 100,000.
     *
     * @param maxQueued at least 1
     * @return this builder
     */
    public Builder maxQueued(int maxQueued) {
      if (maxQueued < 1) {
        throw new IllegalArgumentException("maxQueued must be at least 1, was " + maxQueued);
      }
      this.maxQueued = maxQueued;
      return this;
    }

    /**
     * Sets what {@code submit} does when the queue is full. Default {@link
     * QueueFullPolicy#reject()}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder queueFullPolicy(QueueFullPolicy policy) {
      this.queueFullPolicy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Sets how many requests one message may take when the earlier ones were provably not accepted
     * for reasons of its own (131056, no connection). Default 10. Throughput (130429) and
     * maintenance refusals are not counted: the pacing slows down for them instead; give the
     * message a deadline to bound the wait.
     *
     * @param maxAttempts 1 to 100
     * @return this builder
     */
    public Builder maxAttempts(int maxAttempts) {
      if (maxAttempts < 1 || maxAttempts > 100) {
        throw new IllegalArgumentException("maxAttempts must be 1 to 100, was " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    /**
     * Sets whether free-form messages to users without an open customer-service window are refused
     * before the network. Default true. Turn it off only when the {@link ServiceWindowTracker} is
     * not fed; Meta then refuses them with 131047.
     *
     * @param enforce whether to refuse
     * @return this builder
     */
    public Builder enforceServiceWindow(boolean enforce) {
      this.enforceServiceWindow = enforce;
      return this;
    }

    /**
     * Sets whether marketing templates need a recorded opt-in. Default true. Opt-outs are honoured
     * either way.
     *
     * @param require whether an opt-in is needed
     * @return this builder
     */
    public Builder requireMarketingOptIn(boolean require) {
      this.requireMarketingOptIn = require;
      return this;
    }

    /**
     * Caps the marketing templates one user receives: at most {@code count} per {@code period},
     * refilled evenly. Default: no cap of the sender's own (Meta applies its own, see 131049).
     *
     * @param count at least 1
     * @param period a whole number of microseconds
     * @return this builder
     */
    public Builder marketingFrequencyCap(int count, Duration period) {
      this.marketingCap = new BucketSpec(count, count, period);
      return this;
    }

    /**
     * Sets the tracker of customer-service windows, to share one the application feeds. Default a
     * new tracker, fed through {@link MessageSender#onInbound}.
     *
     * @param windows the tracker
     * @return this builder
     */
    public Builder serviceWindows(ServiceWindowTracker windows) {
      this.windows = Objects.requireNonNull(windows, "windows");
      return this;
    }

    /**
     * Sets the consent registry, to share one among senders. Default a new registry.
     *
     * @param consent the registry
     * @return this builder
     */
    public Builder consent(ConsentRegistry consent) {
      this.consent = Objects.requireNonNull(consent, "consent");
      return this;
    }

    /**
     * Adds a listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(SenderListener listener) {
      this.listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets how many recent sends the sender remembers (by {@code wamid}), to give back their tier
     * slots when a failed status arrives. Default 100,000; 0 remembers none.
     *
     * @param count 0 or more
     * @return this builder
     */
    public Builder recentSends(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("count must not be negative, was " + count);
      }
      this.recentSends = count;
      return this;
    }

    /**
     * Sets the store of the consent history, for the registry the sender creates. Default {@link
     * ConsentStore#inMemory()}. A Redis or JDBC store keeps opt-outs across restarts and shares
     * them between app instances. Not together with {@link #consent(ConsentRegistry)}: give that
     * registry the store instead.
     *
     * @param store the store
     * @return this builder
     */
    public Builder consentStore(ConsentStore store) {
      this.consentStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the store of the service windows, for the tracker the sender creates. Default {@link
     * ServiceWindowStore#inMemory()}. With a shared store, a window opened by an inbound message on
     * one app instance lets every instance reply. Not together with {@link
     * #serviceWindows(ServiceWindowTracker)}.
     *
     * @param store the store
     * @return this builder
     */
    public Builder serviceWindowStore(ServiceWindowStore store) {
      this.windowStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * Sets the store of the WhatsApp ids learned from send responses. Default {@link
     * RecipientIdStore#inMemory()}. In Brazil and Mexico the {@code wa_id} Meta reports may differ
     * from the number dialled; the sender keys consent, windows and limits by the {@code wa_id}, so
     * that a STOP from the {@code wa_id} form stops marketing to the dialled form. A shared store
     * lets every app instance use what one learned.
     *
     * @param store the store
     * @return this builder
     */
    public Builder recipientIdStore(RecipientIdStore store) {
      this.recipientIdStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /** Sets how the category of a template that declares none is looked up, for tests. */
    Builder templateLookup(BiFunction<String, String, Optional<TemplateCategory>> lookup) {
      this.templateLookup = lookup;
      return this;
    }

    /**
     * Sets the secret key of the pseudonyms that every store keys users by (HMAC-SHA256), for the
     * limiter store and for the registry and tracker the sender creates. Default: a public key,
     * which protects no more than a plain hash; set a secret one whenever a store lives outside
     * this JVM, and the same one on every app instance. A new key gives every user a new pseudonym,
     * so what the stores hold under the old key is orphaned: see the pacing guide on rotation.
     *
     * @param key at least 32 bytes; keep it with the application's other secrets
     * @return this builder
     */
    public Builder pseudonymKey(byte[] key) {
      this.pseudonyms = Pseudonyms.withKey(key);
      return this;
    }

    /**
     * Sets the time budget of one call to the limiter store. Default 250 ms. A call that takes
     * longer, or fails, ends the message it was for {@link RejectReason#STORE_UNAVAILABLE} (nothing
     * is sent unchecked), and the store is left alone for a second, so that a stalled store costs
     * one budget per second, not one per message. Stores in memory are called directly.
     *
     * @param budget 1 ms to 1 minute
     * @return this builder
     */
    public Builder storeCallBudget(Duration budget) {
      Objects.requireNonNull(budget, "budget");
      if (budget.compareTo(Duration.ofMillis(1)) < 0
          || budget.compareTo(Duration.ofMinutes(1)) > 0) {
        throw new IllegalArgumentException("budget must be 1 ms to 1 minute, was " + budget);
      }
      this.storeCallBudget = budget;
      return this;
    }

    /**
     * Sets the executor that runs the calls to a store outside memory, so that the sender waits for
     * them at most their {@link #storeCallBudget(Duration) budget}, and releases and webhook writes
     * never wait at all. Default: four daemon threads the sender owns and shuts down on close. A
     * given executor is not shut down.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder storeExecutor(Executor executor) {
      this.storeExecutor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Builds the sender.
     *
     * @return the sender
     */
    public MessageSender build() {
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
      return new MessageSender(
          new SenderConfig(
              transport,
              phoneNumberId,
              portfolioId != null ? portfolioId : defaultPortfolioId,
              store != null ? store : LimiterStore.inMemory(),
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
              templateLookup));
    }
  }
}
