package dev.wasdk.sender;

import dev.wasdk.client.PhoneNumber;
import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.ErrorCategory;
import dev.wasdk.error.RateLimitException;
import dev.wasdk.error.RateLimitKind;
import dev.wasdk.error.RecipientException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.RequestNotSentException;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.text.Redact;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.sender.LimiterStore.AdmitResult;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.sender.LimiterStore.TakeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.PriorityQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 *       have not opted out.
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
  private static final Logger LOG = LoggerFactory.getLogger(MessageSender.class);

  /** The pair-rate bucket: 45 messages of burst, one more every 6 seconds. */
  static final BucketSpec PAIR_RATE = new BucketSpec(45, 1, Duration.ofSeconds(6));

  /** The length of the messaging-limit window. */
  static final Duration TIER_WINDOW = Duration.ofHours(24);

  /** How long Meta asks to wait after 131049 before more marketing to the user. */
  static final Duration FREQUENCY_CAP_HOLD = Duration.ofHours(24);

  /**
   * The throughput bucket counts thousandths of a message, so that a paced rate such as 78.4 per
   * second and a catch-up allowance of a fraction of a message are exact.
   */
  static final long THROUGHPUT_UNITS = 1_000;

  /** The default share of the throughput left unused. */
  static final double DEFAULT_HEADROOM = 0.02;

  /** How far behind its ideal timeline a late sender may catch up (when the headroom is not 0). */
  static final Duration CATCH_UP = Duration.ofMillis(100);

  /** The factor of the first reduction after 130429. */
  static final double GENTLE_SHRINK = 0.9;

  /** The factor of a reduction while an earlier one is still recovering. */
  static final double HARD_SHRINK = 0.5;

  /** How long the sender pauses when the limiter store cannot be reached. */
  static final Duration STORE_RETRY = Duration.ofSeconds(1);

  private static final Comparator<Lane> BY_PRIORITY =
      Comparator.<Lane>comparingInt(l -> l.headPriority).thenComparingLong(l -> l.headSeq);
  private static final Comparator<Lane> BY_WAKE = Comparator.comparing(l -> l.wakeAt);
  private static final Comparator<Entry> BY_DEADLINE = Comparator.comparing(e -> e.deadline);

  // Configuration.
  private final Function<Message, CompletableFuture<SendResult>> transport;
  private final String phoneNumberId;
  private final String portfolioId;
  private final LimiterStore store;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final int maxInFlight;
  private final int maxQueued;
  private final int maxAttempts;
  private final int throughputBurst;
  private final double throughputHeadroom;
  private final QueueFullPolicy queueFullPolicy;
  private final TierExhaustedPolicy tierPolicy;
  private final boolean enforceServiceWindow;
  private final boolean requireMarketingOptIn;
  private final BucketSpec marketingCap;
  private final Duration throughputRecovery;
  private final ServiceWindowTracker windows;
  private final ConsentRegistry consent;
  private final List<SenderListener> listeners;
  private final int recentCapacity;
  private final String throughputKey;
  private final String tierKey;

  // State, guarded by lock.
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition roomFreed = lock.newCondition();
  private final Condition drained = lock.newCondition();
  private final Map<String, Lane> lanes = new HashMap<>();
  private final PriorityQueue<Lane> ready = new PriorityQueue<>(BY_PRIORITY);
  private final PriorityQueue<Lane> sleeping = new PriorityQueue<>(BY_WAKE);
  private final PriorityQueue<Entry> deadlines = new PriorityQueue<>(BY_DEADLINE);
  private final Map<String, PairBackoff> pairBackoffs = new HashMap<>();
  private final LinkedHashMap<String, SentRecord> recent;
  private long seq;
  private long queued;
  private int inFlight;
  private Instant throughputWaitUntil = Instant.MIN;
  private Instant paceCursor;
  // The clock times (epoch nanoseconds) of the latest sends, a ring: departures[(depStart + i) %
  // departures.length] for i < depCount, oldest first.
  private long[] departures;
  private int depStart;
  private int depCount;
  private boolean answered;
  private int throughput;
  private double shrunkRate;
  private Instant shrunkAt;
  private MessagingTier tier;
  private ScheduledFuture<?> wake;
  private Instant wakeAt;
  private boolean closed;
  private boolean drainOver;
  private long sentCount;
  private long unknownCount;
  private long deferredCount;
  private long cancelledCount;
  private long throttledCount;
  private long pairBackoffCount;
  private final EnumMap<RejectReason, Long> rejectedCounts = new EnumMap<>(RejectReason.class);

  // Runs the actions decided under the lock (sends, completions) after it is released, on the
  // thread that decided them; nested decisions are appended, so the stack never grows.
  private final ThreadLocal<ArrayDeque<Runnable>> draining = new ThreadLocal<>();

  private MessageSender(Builder b) {
    this.transport = b.transport;
    this.phoneNumberId = b.phoneNumberId;
    this.portfolioId = b.portfolioId != null ? b.portfolioId : b.defaultPortfolioId;
    this.store = b.store;
    this.clock = b.clock;
    if (b.scheduler != null) {
      this.scheduler = b.scheduler;
      this.ownsScheduler = false;
    } else {
      ScheduledThreadPoolExecutor s =
          new ScheduledThreadPoolExecutor(
              1,
              r -> {
                Thread t = new Thread(r, "wasdk-sender-" + phoneNumberId);
                t.setDaemon(true);
                return t;
              });
      s.setRemoveOnCancelPolicy(true);
      this.scheduler = s;
      this.ownsScheduler = true;
    }
    this.throughput = b.throughput;
    this.maxInFlight = b.maxInFlight > 0 ? b.maxInFlight : defaultMaxInFlight(b.throughput);
    this.maxQueued = b.maxQueued;
    this.maxAttempts = b.maxAttempts;
    this.throughputBurst = b.throughputBurst;
    this.throughputHeadroom = b.throughputHeadroom;
    this.departures = new long[b.throughput];
    this.queueFullPolicy = b.queueFullPolicy;
    this.tierPolicy = b.tierPolicy;
    this.enforceServiceWindow = b.enforceServiceWindow;
    this.requireMarketingOptIn = b.requireMarketingOptIn;
    this.marketingCap = b.marketingCap;
    this.throughputRecovery = b.throughputRecovery;
    this.windows = b.windows != null ? b.windows : ServiceWindowTracker.create();
    this.consent = b.consent != null ? b.consent : ConsentRegistry.create();
    this.listeners = List.copyOf(b.listeners);
    this.recentCapacity = b.recentSends;
    this.recent = new LinkedHashMap<>(16, 0.75f, false);
    this.tier = b.tier;
    this.throughputKey = "tp:" + phoneNumberId;
    this.tierKey = "tier:" + portfolioId;
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

  static int defaultMaxInFlight(int perSecond) {
    // Enough requests in flight to keep the rate with up to 500 ms of latency.
    return Math.max(16, Math.min(2_000, (perSecond + 1) / 2));
  }

  // ---------------------------------------------------------------------------------------------
  // Submitting

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
   * full; otherwise it returns at once.
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
    String user = UserKeys.of(message.recipient());
    Entry e =
        new Entry(
            message,
            user,
            options.priority().orElseGet(() -> Priority.of(message)),
            options.deadline().orElse(null));
    List<Runnable> out = new ArrayList<>(2);
    lock.lock();
    try {
      if (closed) {
        finishUnqueued(e, new SendOutcome.Cancelled(message, "the sender is closed"), out);
      } else if (!waitForRoom()) {
        finishUnqueued(
            e,
            new SendOutcome.Rejected(
                message,
                RejectReason.QUEUE_FULL,
                "the queue holds " + maxQueued + " messages; submit more slowly or raise maxQueued",
                Optional.empty()),
            out);
      } else {
        e.seq = seq++;
        Lane lane = lanes.computeIfAbsent(user, Lane::new);
        lane.queue.addLast(e);
        e.counted = true;
        queued++;
        if (e.deadline != null) {
          deadlines.add(e);
        }
        if (!lane.inFlight && !lane.asleep && !lane.inReady) {
          makeReady(lane);
        }
        pump(now(), out);
      }
    } finally {
      lock.unlock();
    }
    runOutside(out);
    if (!e.future.isDone()) {
      e.future.whenComplete(
          (o, error) -> {
            if (error instanceof CancellationException) {
              onCallerCancelled(e);
            }
          });
    }
    return e.future;
  }

  private boolean waitForRoom() {
    if (queued < maxQueued) {
      return true;
    }
    long nanos = queueFullPolicy.timeout().toNanos();
    try {
      while (queued >= maxQueued && nanos > 0 && !closed) {
        nanos = roomFreed.awaitNanos(nanos);
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
    return queued < maxQueued && !closed;
  }

  // ---------------------------------------------------------------------------------------------
  // Feeding in what the webhooks report

  /**
   * Records an inbound message from a user, which opens the user's 24-hour customer-service window.
   * Feed it from the {@code messages} webhook.
   *
   * @param user the user's WhatsApp id, phone number or business-scoped user id
   * @param at the inbound message's time
   */
  public void onInbound(String user, Instant at) {
    windows.recordInbound(user, at);
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
    windows.recordInbound(user, at);
    return consent.onInboundText(user, text, at);
  }

  /**
   * Records a {@code user_preferences} webhook: the user stopped or resumed marketing messages.
   *
   * @param user the user
   * @param stop true for {@code stop}, false for {@code resume}
   * @param at the event's time
   */
  public void onMarketingPreference(String user, boolean stop, Instant at) {
    consent.onMarketingPreference(user, stop, at);
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
   * @param wamid the failed message's id
   * @param user the recipient ({@code recipient_id} or {@code recipient_user_id})
   * @param errorCode the first error's code
   * @param at the status's time
   */
  public void onStatusFailed(String wamid, String user, int errorCode, Instant at) {
    Objects.requireNonNull(wamid, "wamid");
    Objects.requireNonNull(at, "at");
    String key = UserKeys.of(user);
    List<Runnable> out = new ArrayList<>();
    lock.lock();
    try {
      SentRecord r = recent.remove(wamid);
      if (r != null && r.tierAdmittedAt != null) {
        releaseTier(r.member, r.tierAdmittedAt);
      }
      switch (errorCode) {
        case 131056:
          backOffPair(key, now());
          break;
        case 131049:
          consent.capMarketing(key, at.plus(FREQUENCY_CAP_HOLD));
          break;
        case 131050:
          consent.optOut(key, ConsentRegistry.OptOutSource.FAILED_131050, at);
          break;
        case 131047:
          windows.markClosed(key);
          break;
        default:
          break;
      }
      pump(now(), out);
    } finally {
      lock.unlock();
    }
    runOutside(out);
  }

  /**
   * Changes the messaging-limit tier, as reported by {@code business_capability_update}, {@code
   * phone_number_quality_update} or a phone-number read. It applies to the next message.
   *
   * @param tier the new tier
   */
  public void updateTier(MessagingTier tier) {
    Objects.requireNonNull(tier, "tier");
    List<Runnable> out = new ArrayList<>();
    lock.lock();
    try {
      if (!tier.equals(this.tier)) {
        LOG.debug("messaging tier {} -> {}", this.tier, tier);
        this.tier = tier;
        // Users deferred for a slot may fit under a higher tier: let them try again now.
        wakeAll(now());
        pump(now(), out);
      }
    } finally {
      lock.unlock();
    }
    runOutside(out);
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
        .filter(t -> t.messagesPerSecond() != configuredThroughput())
        .ifPresent(this::updateThroughput);
  }

  private int configuredThroughput() {
    lock.lock();
    try {
      return throughput;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Changes the configured throughput, as after a {@code THROUGHPUT_UPGRADE} event or a
   * phone-number read. It also ends any reduction after a 130429.
   *
   * @param throughput the new throughput
   */
  public void updateThroughput(Throughput throughput) {
    Objects.requireNonNull(throughput, "throughput");
    List<Runnable> out = new ArrayList<>();
    lock.lock();
    try {
      LOG.debug("throughput {} -> {} per second", this.throughput, throughput.messagesPerSecond());
      this.throughput = throughput.messagesPerSecond();
      if (departures.length < this.throughput) {
        long[] grown = new long[this.throughput];
        for (int i = 0; i < depCount; i++) {
          grown[i] = departures[(depStart + i) % departures.length];
        }
        departures = grown;
        depStart = 0;
      }
      this.shrunkAt = null;
      this.throughputWaitUntil = Instant.MIN;
      this.paceCursor = null;
      pump(now(), out);
    } finally {
      lock.unlock();
    }
    runOutside(out);
  }

  // ---------------------------------------------------------------------------------------------
  // Reading

  /** Returns the tracker of customer-service windows this sender consults. */
  public ServiceWindowTracker serviceWindows() {
    return windows;
  }

  /** Returns the consent registry this sender consults. */
  public ConsentRegistry consent() {
    return consent;
  }

  /** Returns the id of the business phone number this sender sends from. */
  public String phoneNumberId() {
    return phoneNumberId;
  }

  /** Returns the key of the tier window this sender counts in. */
  public String portfolioId() {
    return portfolioId;
  }

  /**
   * Returns a snapshot of the queue, the counters and the limits. The tier usage is read from the
   * store; it is empty when the tier is unlimited or the store cannot be reached.
   *
   * @return the snapshot
   */
  public SenderStats stats() {
    Instant now = now();
    MessagingTier t;
    SenderStats s;
    lock.lock();
    try {
      t = tier;
      s =
          new SenderStats(
              queued,
              inFlight,
              sentCount,
              unknownCount,
              deferredCount,
              cancelledCount,
              new EnumMap<>(rejectedCounts),
              throttledCount,
              pairBackoffCount,
              throughput,
              currentRate(now),
              tier,
              OptionalLong.empty());
    } finally {
      lock.unlock();
    }
    if (t.isUnlimited()) {
      return s;
    }
    try {
      long used = store.windowSize(tierKey, TIER_WINDOW, now);
      return new SenderStats(
          s.queued(),
          s.inFlight(),
          s.sent(),
          s.unknown(),
          s.deferred(),
          s.cancelled(),
          s.rejected(),
          s.throttled(),
          s.pairBackoffs(),
          s.throughputPerSecond(),
          s.currentThroughputPerSecond(),
          s.tier(),
          OptionalLong.of(used));
    } catch (LimiterUnavailableException ex) {
      return s;
    }
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
    String key = UserKeys.of(user);
    int waiting;
    Optional<Instant> backoff;
    lock.lock();
    try {
      Lane lane = lanes.get(key);
      waiting = lane == null ? 0 : (int) lane.queue.stream().filter(x -> !x.done).count();
      PairBackoff p = pairBackoffs.get(key);
      backoff = p == null ? Optional.empty() : Optional.of(p.until);
    } finally {
      lock.unlock();
    }
    return new UserData(key, windows.lastInbound(key), consent.export(key), waiting, backoff);
  }

  /**
   * Erases what this sender, its tracker and its registry hold about a user: the window, the
   * consent records, the pair backoff, and the record of recent sends. Queued messages are not
   * touched; cancel their futures to withdraw them.
   *
   * @param user the user
   */
  public void eraseUser(String user) {
    String key = UserKeys.of(user);
    windows.forget(key);
    consent.erase(key);
    lock.lock();
    try {
      pairBackoffs.remove(key);
      recent.values().removeIf(r -> r.user.equals(key));
    } finally {
      lock.unlock();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Closing

  /**
   * Closes the sender: new submissions end {@link SendOutcome.Cancelled}, queued messages keep
   * being sent for up to {@code drainTimeout}, and those still queued then end {@link
   * SendOutcome.Cancelled} and are returned, in submission order. Requests in flight are not
   * stopped; their futures complete when Meta answers. Calling it again returns an empty list.
   *
   * @param drainTimeout how long to keep sending; zero stops at once
   * @return the messages that were not sent
   */
  public List<Message> close(Duration drainTimeout) {
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    List<Runnable> out = new ArrayList<>();
    List<Entry> unsent = new ArrayList<>();
    lock.lock();
    try {
      if (closed) {
        return List.of();
      }
      closed = true;
      roomFreed.signalAll();
      long nanos = drainTimeout.toNanos();
      while ((queued > 0 || inFlight > 0) && nanos > 0) {
        nanos = drained.awaitNanos(nanos);
      }
      drainOver = true;
      for (Lane lane : lanes.values()) {
        for (Entry e : lane.queue) {
          if (!e.done && !e.inFlight) {
            unsent.add(e);
          }
        }
      }
      unsent.sort(Comparator.comparingLong(e -> e.seq));
      for (Entry e : unsent) {
        finish(
            e, new SendOutcome.Cancelled(e.message, "the sender closed before it was sent"), out);
      }
      if (wake != null) {
        wake.cancel(false);
        wake = null;
        wakeAt = null;
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    } finally {
      lock.unlock();
    }
    runOutside(out);
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
    List<Message> messages = new ArrayList<>(unsent.size());
    for (Entry e : unsent) {
      messages.add(e.message);
    }
    return messages;
  }

  /** Closes the sender, draining for up to 30 seconds; see {@link #close(Duration)}. */
  @Override
  public void close() {
    close(Duration.ofSeconds(30));
  }

  @Override
  public String toString() {
    return "MessageSender[phoneNumberId="
        + phoneNumberId
        + ", portfolioId="
        + portfolioId
        + ", throughput="
        + throughput
        + "/s, tier="
        + tier
        + ", store="
        + store
        + "]";
  }

  // ---------------------------------------------------------------------------------------------
  // The dispatch loop. Everything below runs with the lock held unless it says otherwise.

  private void pump(Instant now, List<Runnable> out) {
    expireDeadlines(now, out);
    wakeDue(now);
    while (inFlight < sendLimit() && !ready.isEmpty()) {
      Lane lane = ready.peek();
      Entry e = lane.head();
      if (e == null) {
        ready.poll();
        lane.inReady = false;
        retire(lane);
        continue;
      }
      if (e.seq != lane.headSeq || e.priority.ordinal() != lane.headPriority) {
        // The head was withdrawn since the lane was queued: sort the lane again.
        ready.poll();
        makeReady(lane);
        continue;
      }
      Step step = admit(e, lane, now, out);
      if (step == Step.GLOBAL_WAIT) {
        break;
      }
      ready.poll();
      lane.inReady = false;
      switch (step) {
        case SEND:
          dispatch(e, lane, out);
          break;
        case SLEEP:
          lane.asleep = true;
          sleeping.add(lane);
          break;
        case FINISHED:
          lane.queue.pollFirst();
          settle(lane);
          break;
        default:
          throw new AssertionError(step);
      }
    }
    scheduleWake(now);
  }

  /**
   * Returns how many requests may be in flight now: one until the first answer, then {@link
   * #maxInFlight}. The first request of a cold process is slow (connection, TLS, class loading)
   * while the ones paced behind it are not, so they would reach Meta bunched within one second.
   */
  private int sendLimit() {
    return answered ? maxInFlight : 1;
  }

  private enum Step {
    SEND,
    SLEEP,
    GLOBAL_WAIT,
    FINISHED
  }

  /** Checks every limit for the lane's head entry, taking what it needs from the store. */
  private Step admit(Entry e, Lane lane, Instant now, List<Runnable> out) {
    try {
      // Policy first: these refuse without using any limit.
      boolean template = e.message instanceof TemplateMessage;
      boolean windowOpen = windows.isOpen(e.user, now);
      if (!template && !windowOpen && enforceServiceWindow && !e.user.startsWith("group:")) {
        finish(
            e,
            reject(
                e,
                RejectReason.WINDOW_CLOSED,
                "the user's 24-hour customer-service window is closed (no inbound message in the"
                    + " last 24 hours): send an approved template instead"),
            out);
        return Step.FINISHED;
      }
      TemplateCategory category =
          template ? ((TemplateMessage) e.message).category() : TemplateCategory.UNKNOWN;
      if (category == TemplateCategory.MARKETING) {
        Optional<RejectReason> refused =
            consent.check(e.user, category, requireMarketingOptIn, now);
        if (refused.isPresent()) {
          finish(e, reject(e, refused.get(), consentDetail(refused.get())), out);
          return Step.FINISHED;
        }
        if (marketingCap != null && !e.capTaken) {
          TakeResult cap = store.tryTake("mcap:" + member(e.user), marketingCap, 1, now);
          if (!cap.taken()) {
            finish(
                e,
                reject(
                    e,
                    RejectReason.FREQUENCY_CAPPED,
                    "the per-user marketing cap is reached; next slot in " + cap.retryAfter()),
                out);
            return Step.FINISHED;
          }
          e.capTaken = true;
        }
      }
      // The user's own limits: a 131056 backoff, then the pair-rate bucket.
      PairBackoff backoff = pairBackoffs.get(e.user);
      if (backoff != null && backoff.until.isAfter(now)) {
        e.waitingFor = "the pair-rate backoff after 131056";
        lane.wakeAt = backoff.until;
        return Step.SLEEP;
      }
      if (!e.pairTaken && !e.user.startsWith("group:")) {
        TakeResult pair =
            store.tryTake("pair:" + phoneNumberId + ":" + member(e.user), PAIR_RATE, 1, now);
        if (!pair.taken()) {
          e.waitingFor = "the pair rate (45 messages, then 1 every 6 seconds per user)";
          lane.wakeAt = now.plus(pair.retryAfter());
          return Step.SLEEP;
        }
        e.pairTaken = true;
      }
      // The portfolio's tier: only messages outside the window count.
      OptionalLong limit = tierLimit();
      if (template && !windowOpen && limit.isPresent() && e.tierAdmittedAt == null && !e.tierFree) {
        AdmitResult a = store.admit(tierKey, member(e.user), limit.getAsLong(), TIER_WINDOW, now);
        if (!a.admitted()) {
          if (tierPolicy == TierExhaustedPolicy.REJECT) {
            finish(
                e,
                reject(
                    e,
                    RejectReason.TIER_EXHAUSTED,
                    "the messaging limit ("
                        + tier
                        + ") is reached for the rolling 24 hours; the next slot frees in "
                        + a.retryAfter()),
                out);
            return Step.FINISHED;
          }
          e.waitingFor = "a messaging-limit slot (" + tier + ")";
          lane.wakeAt = now.plus(a.retryAfter());
          return Step.SLEEP;
        }
        if (a.alreadyCounted()) {
          e.tierFree = true;
        } else {
          e.tierAdmittedAt = now;
        }
      }
      // The number's throughput, shared by every user.
      if (now.isBefore(throughputWaitUntil)) {
        return Step.GLOBAL_WAIT;
      }
      return takeThroughput(e, now);
    } catch (LimiterUnavailableException ex) {
      LOG.warn("limiter store unavailable, pausing {}: {}", STORE_RETRY, ex.getMessage());
      e.waitingFor = "the limiter store";
      throughputWaitUntil = now.plus(STORE_RETRY);
      return Step.GLOBAL_WAIT;
    }
  }

  /**
   * Takes a throughput token on the ideal timeline: when the sender wakes late, it takes the token
   * at the time the token became due (the pace cursor), not at the late wake-up, so the next token
   * is due one interval after that and the lateness is made up instead of lost (by up to {@link
   * #CATCH_UP}, and only with a headroom). Whatever the catch-up, the window guard holds: no span
   * of {@code 1 + headroom / 2} seconds holds more of this sender's sends than the current rate per
   * second.
   */
  private Step takeThroughput(Entry e, Instant now) {
    Instant guard = windowGuard(now);
    if (guard != null) {
      e.waitingFor = "the throughput limit";
      throughputWaitUntil = guard;
      return Step.GLOBAL_WAIT;
    }
    BucketSpec spec = throughputSpec(now);
    Instant oldest = throughputHeadroom > 0 ? now.minus(CATCH_UP) : now;
    Instant at =
        paceCursor != null && !paceCursor.isAfter(now) && !paceCursor.isBefore(oldest)
            ? paceCursor
            : now;
    while (true) {
      TakeResult tp = store.tryTake(throughputKey, spec, THROUGHPUT_UNITS, at);
      if (tp.taken()) {
        paceCursor = at;
        recordDeparture(now);
        return Step.SEND;
      }
      Instant due = at.plus(tp.retryAfter());
      paceCursor = due;
      if (due.isAfter(now)) {
        e.waitingFor = "the throughput limit";
        throughputWaitUntil = due;
        return Step.GLOBAL_WAIT;
      }
      at = due; // due while the sender was late: take it on the ideal timeline
    }
  }

  /**
   * Returns when the window guard lets the next send go, or null when it may go now. The guard
   * counts this sender's own sends: the n-th latest (n = the current whole rate per second) must be
   * at least {@code 1 + headroom / 2} seconds old, so that the network's jitter of up to half the
   * headroom's time cannot crowd more than the limit into any second of arrivals at Meta. The other
   * half leaves the catch-up room to work without meeting the guard.
   */
  private Instant windowGuard(Instant now) {
    int n = Math.min(departures.length, Math.max(1, (int) Math.floor(currentRate(now) + 1e-9)));
    if (depCount < n) {
      return null;
    }
    long nth = departures[(depStart + depCount - n) % departures.length];
    long until = nth + Math.round((1 + throughputHeadroom / 2) * 1e9);
    long nowNanos = epochNanos(now);
    return nowNanos >= until ? null : Instant.ofEpochSecond(0, until);
  }

  private void recordDeparture(Instant now) {
    long t = epochNanos(now);
    if (depCount < departures.length) {
      departures[(depStart + depCount) % departures.length] = t;
      depCount++;
    } else {
      departures[depStart] = t;
      depStart = (depStart + 1) % departures.length;
    }
  }

  private static long epochNanos(Instant t) {
    return t.getEpochSecond() * 1_000_000_000L + t.getNano();
  }

  private static String consentDetail(RejectReason reason) {
    switch (reason) {
      case OPTED_OUT:
        return "the user opted out of marketing messages";
      case FREQUENCY_CAPPED:
        return "WhatsApp capped the user's marketing messages (131049); wait 24 hours";
      default:
        return "no marketing opt-in is recorded for the user; record one with"
            + " ConsentRegistry.optIn";
    }
  }

  private void dispatch(Entry e, Lane lane, List<Runnable> out) {
    e.inFlight = true;
    e.attempts++;
    lane.inFlight = true;
    inFlight++;
    e.counted = false;
    queued--;
    signalRoom();
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "sending to {} (attempt {}, {} in flight)", Redact.mask(e.user), e.attempts, inFlight);
    }
    out.add(
        () -> {
          CompletableFuture<SendResult> f;
          try {
            f = transport.apply(e.message);
          } catch (RuntimeException ex) {
            f = CompletableFuture.failedFuture(ex);
          }
          f.whenComplete((result, error) -> onAnswer(e, lane, result, error));
        });
  }

  /** Handles Meta's answer to one request; called without the lock. */
  private void onAnswer(Entry e, Lane lane, SendResult result, Throwable error) {
    List<Runnable> out = new ArrayList<>(4);
    lock.lock();
    try {
      Instant now = now();
      inFlight--;
      answered = true;
      lane.inFlight = false;
      e.inFlight = false;
      Throwable cause = unwrap(error);
      if (result != null && cause == null) {
        PairBackoff p = pairBackoffs.get(e.user);
        if (p != null && !p.until.isAfter(now)) {
          pairBackoffs.remove(e.user);
        }
        remember(result.wamid(), e);
        finish(e, new SendOutcome.Sent(e.message, result, e.attempts), out);
        lane.queue.remove(e);
      } else {
        handleFailure(e, lane, cause, now, out);
      }
      settle(lane);
      signalIfDrained();
      pump(now, out);
    } finally {
      lock.unlock();
    }
    runOutside(out);
  }

  private void handleFailure(Entry e, Lane lane, Throwable cause, Instant now, List<Runnable> out) {
    if (cause instanceof RequestMaybeSentException maybe) {
      // Possibly accepted: never resent, and its tier slot stays taken.
      finish(e, new SendOutcome.Unknown(e.message, maybe), out);
      lane.queue.remove(e);
      return;
    }
    if (cause instanceof RequestNotSentException) {
      requeue(e, lane, now, null, cause, out);
      return;
    }
    if (cause instanceof RateLimitException rl && rl.kind() == RateLimitKind.THROUGHPUT) {
      throttledCount++;
      shrink(now, out);
      e.limitRefusals++;
      requeue(e, lane, now, null, cause, out);
      return;
    }
    if (cause instanceof RateLimitException rl && rl.kind() == RateLimitKind.PAIR) {
      pairBackoffCount++;
      Instant until = backOffPair(e.user, now);
      requeue(e, lane, now, until, cause, out);
      return;
    }
    if (cause instanceof ApiException api && isMaintenance(api)) {
      Duration wait = api.retryAfter().orElse(Duration.ofSeconds(60));
      e.limitRefusals++;
      requeue(e, lane, now, null, cause, out);
      Instant until = now.plus(wait);
      if (until.isAfter(throughputWaitUntil)) {
        throughputWaitUntil = until;
      }
      return;
    }
    lane.queue.remove(e);
    if (cause instanceof RecipientException re) {
      switch (re.reason()) {
        case WINDOW_CLOSED:
          windows.markClosed(e.user);
          finish(e, rejectApi(e, RejectReason.WINDOW_CLOSED, re), out);
          break;
        case OPTED_OUT:
          consent.optOut(e.user, ConsentRegistry.OptOutSource.FAILED_131050, now);
          finish(e, rejectApi(e, RejectReason.OPTED_OUT, re), out);
          break;
        case FREQUENCY_CAPPED:
          consent.capMarketing(e.user, now.plus(FREQUENCY_CAP_HOLD));
          finish(e, rejectApi(e, RejectReason.FREQUENCY_CAPPED, re), out);
          break;
        case UNDELIVERABLE:
          finish(e, rejectApi(e, RejectReason.UNDELIVERABLE, re), out);
          break;
        default:
          finish(e, rejectApi(e, RejectReason.API_ERROR, re), out);
          break;
      }
      releaseTierOf(e);
      return;
    }
    if (cause instanceof ApiException api && api.category() == ErrorCategory.SERVER) {
      // Not proven unaccepted: the slot stays taken, and the message is not resent.
      finish(e, rejectApi(e, RejectReason.SERVER_ERROR, api), out);
      return;
    }
    if (cause instanceof WhatsAppException wx) {
      finish(e, rejectApi(e, RejectReason.API_ERROR, wx), out);
    } else {
      finish(
          e,
          rejectApi(
              e,
              RejectReason.API_ERROR,
              new WhatsAppException("the send failed before the network: " + cause, cause)),
          out);
    }
    releaseTierOf(e);
  }

  private static boolean isMaintenance(ApiException api) {
    int code = api.error().code();
    return code == 131057 || code == 2494100;
  }

  private void requeue(
      Entry e, Lane lane, Instant now, Instant until, Throwable cause, List<Runnable> out) {
    if (e.future.isCancelled()) {
      lane.queue.remove(e);
      finish(e, new SendOutcome.Cancelled(e.message, "cancelled by the caller"), out);
      releaseTierOf(e);
      return;
    }
    // Throughput and maintenance refusals concern the number, not the message: the pacing adapts
    // to them, so they do not use up the message's attempts (a deadline bounds the wait).
    if (e.attempts - e.limitRefusals >= maxAttempts) {
      lane.queue.remove(e);
      WhatsAppException wx =
          cause instanceof WhatsAppException w
              ? w
              : new WhatsAppException("not accepted: " + cause, cause);
      finish(
          e,
          new SendOutcome.Rejected(
              e.message,
              RejectReason.ATTEMPTS_EXHAUSTED,
              "not accepted after "
                  + e.attempts
                  + " attempts; the last failure: "
                  + wx.getMessage(),
              Optional.of(wx)),
          out);
      releaseTierOf(e);
      return;
    }
    if (e.deadline != null && !e.deadline.isAfter(now)) {
      lane.queue.remove(e);
      finish(
          e,
          new SendOutcome.Deferred(
              e.message, e.deadline, "a retry after a failure that proves it was not accepted"),
          out);
      releaseTierOf(e);
      return;
    }
    if (drainOver) {
      lane.queue.remove(e);
      finish(e, new SendOutcome.Cancelled(e.message, "the sender closed before it was sent"), out);
      releaseTierOf(e);
      return;
    }
    // Still the lane's head: it goes again, first for this user, when the limits allow.
    e.counted = true;
    queued++;
    if (until != null) {
      e.waitingFor = "the pair-rate backoff after 131056";
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug(
          "queued again for {} after attempt {}: {}",
          Redact.mask(e.user),
          e.attempts,
          cause.getClass().getSimpleName());
    }
  }

  private Instant backOffPair(String user, Instant now) {
    PairBackoff p = pairBackoffs.computeIfAbsent(user, u -> new PairBackoff());
    long seconds = 1L << (2 * Math.min(p.failures, 10)); // 4^x
    p.failures++;
    p.until = now.plusSeconds(seconds);
    Duration d = Duration.ofSeconds(seconds);
    String masked = Redact.mask(user);
    LOG.debug("131056 for {}: backing off {}", masked, d);
    Lane lane = lanes.get(user);
    if (lane != null && !lane.inFlight && lane.head() != null) {
      if (lane.inReady) {
        ready.remove(lane);
        lane.inReady = false;
      }
      if (lane.asleep) {
        sleeping.remove(lane);
      }
      lane.wakeAt = p.until;
      lane.asleep = true;
      sleeping.add(lane);
    }
    for (SenderListener l : listeners) {
      safely(() -> l.onPairBackoff(masked, d));
    }
    return p.until;
  }

  private void shrink(Instant now, List<Runnable> out) {
    if (shrunkAt != null && Duration.between(shrunkAt, now).compareTo(Duration.ofSeconds(1)) < 0) {
      return; // one reduction per second: the answers to requests already in flight repeat it
    }
    // A first 130429 after full speed is most likely a stray arrival that landed in a crowded
    // second: slow down a little. Another one while still recovering means the limit really is
    // lower than configured (or inbound traffic is heavy): back off hard.
    double current = currentRate(now); // ends a reduction that has recovered
    double factor = shrunkAt == null ? GENTLE_SHRINK : HARD_SHRINK;
    double rate = Math.max(1.0, current * factor);
    shrunkRate = rate;
    shrunkAt = now;
    LOG.debug("130429: throughput reduced to {} per second", rate);
    for (SenderListener l : listeners) {
      out.add(() -> safely(() -> l.onThroughputReduced(rate)));
    }
  }

  private double currentRate(Instant now) {
    if (shrunkAt == null) {
      return throughput;
    }
    double elapsed = Duration.between(shrunkAt, now).toNanos();
    double span = throughputRecovery.toNanos();
    if (elapsed >= span) {
      shrunkAt = null;
      return throughput;
    }
    return Math.min(throughput, shrunkRate + (throughput - shrunkRate) * (elapsed / span));
  }

  /**
   * Returns the throughput bucket, in thousandths of a message: it refills at the current rate less
   * the headroom and holds the burst.
   */
  BucketSpec throughputSpec(Instant now) {
    double paced = currentRate(now) * (1 - throughputHeadroom);
    long refill = Math.max(1, Math.round(paced * THROUGHPUT_UNITS));
    long burst = Math.min(throughputBurst, Math.max(1, (long) Math.ceil(paced)));
    return new BucketSpec(burst * THROUGHPUT_UNITS, refill, Duration.ofSeconds(1));
  }

  private OptionalLong tierLimit() {
    if (tier.isUnlimited()) {
      return OptionalLong.empty();
    }
    // A tier whose limit is not known (not set yet, or a name this version does not know) is
    // treated as a new portfolio's 250: exceeding the real limit would have no error to warn us.
    OptionalLong l = tier.uniqueUsersPer24Hours();
    return l.isPresent() ? l : OptionalLong.of(250);
  }

  private void remember(String wamid, Entry e) {
    if (recentCapacity == 0) {
      return;
    }
    recent.put(wamid, new SentRecord(e.user, member(e.user), e.tierAdmittedAt));
    if (recent.size() > recentCapacity) {
      Iterator<String> it = recent.keySet().iterator();
      it.next();
      it.remove();
    }
  }

  private void releaseTierOf(Entry e) {
    if (e.tierAdmittedAt != null) {
      releaseTier(member(e.user), e.tierAdmittedAt);
      e.tierAdmittedAt = null;
    }
  }

  private void releaseTier(String member, Instant admittedAt) {
    try {
      store.release(tierKey, member, admittedAt);
    } catch (LimiterUnavailableException ex) {
      LOG.warn("could not give back a tier slot: {}", ex.getMessage());
    }
  }

  private String member(String user) {
    return UserKeys.pseudonym(portfolioId, user);
  }

  private void expireDeadlines(Instant now, List<Runnable> out) {
    while (!deadlines.isEmpty() && !deadlines.peek().deadline.isAfter(now)) {
      Entry e = deadlines.poll();
      if (!e.done && !e.inFlight) {
        finish(
            e,
            new SendOutcome.Deferred(
                e.message,
                e.deadline,
                e.waitingFor != null ? e.waitingFor : "its turn in the queue"),
            out);
        releaseTierOf(e);
      }
    }
  }

  private void wakeDue(Instant now) {
    while (!sleeping.isEmpty() && !sleeping.peek().wakeAt.isAfter(now)) {
      Lane lane = sleeping.poll();
      lane.asleep = false;
      lane.wakeAt = null;
      if (!lane.inFlight) {
        makeReady(lane);
      }
    }
  }

  private void wakeAll(Instant now) {
    while (!sleeping.isEmpty()) {
      Lane lane = sleeping.poll();
      lane.asleep = false;
      lane.wakeAt = null;
      if (!lane.inFlight) {
        makeReady(lane);
      }
    }
    // Users backing off after 131056 go back to sleep when the pump sees their backoff.
  }

  /** Puts a lane in the ready queue, sorted by its current head; retires it when empty. */
  private void makeReady(Lane lane) {
    Entry head = lane.head();
    if (head == null) {
      lane.inReady = false;
      retire(lane);
      return;
    }
    lane.headPriority = head.priority.ordinal();
    lane.headSeq = head.seq;
    lane.inReady = true;
    ready.add(lane);
  }

  /** Puts a lane whose request was answered where it belongs. */
  private void settle(Lane lane) {
    if (lane.inFlight) {
      return;
    }
    if (lane.head() == null) {
      if (lane.asleep) {
        sleeping.remove(lane);
        lane.asleep = false;
        lane.wakeAt = null;
      }
      retire(lane);
    } else if (!lane.asleep && !lane.inReady) {
      makeReady(lane);
    }
  }

  private void retire(Lane lane) {
    if (!lane.inFlight && !lane.asleep && !lane.inReady && lane.head() == null) {
      lanes.remove(lane.user, lane);
    }
  }

  private void scheduleWake(Instant now) {
    Instant next = null;
    if (!ready.isEmpty() && inFlight < sendLimit() && throughputWaitUntil.isAfter(now)) {
      next = throughputWaitUntil;
    }
    if (!sleeping.isEmpty()) {
      next = earliest(next, sleeping.peek().wakeAt);
    }
    if (!deadlines.isEmpty()) {
      next = earliest(next, deadlines.peek().deadline);
    }
    // A wake-up already due at or before the next one will do, unless the clock has passed it
    // without it running (the clock jumped ahead of the scheduler): then schedule afresh.
    if (next == null || (wakeAt != null && wakeAt.isAfter(now) && !next.isBefore(wakeAt))) {
      return;
    }
    if (wake != null) {
      wake.cancel(false);
    }
    wakeAt = next;
    long delay = Math.max(0, Duration.between(now, next).toNanos());
    try {
      Instant target = next;
      wake = scheduler.schedule(() -> onWake(target), delay, TimeUnit.NANOSECONDS);
    } catch (java.util.concurrent.RejectedExecutionException ex) {
      wake = null;
      wakeAt = null;
    }
  }

  private void onWake(Instant target) {
    List<Runnable> out = new ArrayList<>();
    lock.lock();
    try {
      if (!target.equals(wakeAt)) {
        return; // superseded by an earlier wake-up
      }
      wake = null;
      wakeAt = null;
      pump(now(), out);
    } finally {
      lock.unlock();
    }
    runOutside(out);
  }

  private static Instant earliest(Instant a, Instant b) {
    return a == null || b.isBefore(a) ? b : a;
  }

  private void onCallerCancelled(Entry e) {
    List<Runnable> out = new ArrayList<>(1);
    lock.lock();
    try {
      if (e.done || e.inFlight) {
        return;
      }
      finish(e, new SendOutcome.Cancelled(e.message, "cancelled by the caller"), out);
      releaseTierOf(e);
      Lane lane = lanes.get(e.user);
      if (lane != null && lane.head() == null) {
        settle(lane);
      }
      pump(now(), out);
    } finally {
      lock.unlock();
    }
    runOutside(out);
  }

  /**
   * Ends an entry: counts it, and completes its future and tells the listeners after the lock is
   * released. Entries left in their lane are skipped from then on.
   */
  private void finish(Entry e, SendOutcome outcome, List<Runnable> out) {
    if (e.done) {
      return;
    }
    e.done = true;
    if (e.counted) {
      e.counted = false;
      queued--;
      signalRoom();
    }
    count(outcome);
    out.add(
        () -> {
          e.future.complete(outcome);
          for (SenderListener l : listeners) {
            safely(() -> l.onOutcome(outcome));
          }
        });
    signalIfDrained();
  }

  private void signalIfDrained() {
    if (queued == 0 && inFlight == 0) {
      drained.signalAll();
    }
  }

  private void finishUnqueued(Entry e, SendOutcome outcome, List<Runnable> out) {
    e.done = true;
    count(outcome);
    out.add(
        () -> {
          e.future.complete(outcome);
          for (SenderListener l : listeners) {
            safely(() -> l.onOutcome(outcome));
          }
        });
  }

  private void count(SendOutcome outcome) {
    switch (outcome.status()) {
      case SENT:
        sentCount++;
        break;
      case UNKNOWN:
        unknownCount++;
        break;
      case DEFERRED:
        deferredCount++;
        break;
      case CANCELLED:
        cancelledCount++;
        break;
      case REJECTED:
        rejectedCounts.merge(((SendOutcome.Rejected) outcome).reason(), 1L, Long::sum);
        break;
      default:
        throw new AssertionError(outcome);
    }
  }

  private void signalRoom() {
    if (queued < maxQueued) {
      roomFreed.signal();
    }
  }

  private static SendOutcome.Rejected reject(Entry e, RejectReason reason, String detail) {
    return new SendOutcome.Rejected(e.message, reason, detail, Optional.empty());
  }

  private static SendOutcome.Rejected rejectApi(
      Entry e, RejectReason reason, WhatsAppException error) {
    return new SendOutcome.Rejected(e.message, reason, error.getMessage(), Optional.of(error));
  }

  private Instant now() {
    return clock.instant();
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static void safely(Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ex) {
      LOG.warn("a sender listener failed", ex);
    }
  }

  /** Runs actions decided under the lock, after it is released. */
  private void runOutside(List<Runnable> out) {
    if (out.isEmpty()) {
      return;
    }
    ArrayDeque<Runnable> q = draining.get();
    if (q != null) {
      q.addAll(out);
      return;
    }
    q = new ArrayDeque<>(out);
    draining.set(q);
    try {
      Runnable r;
      while ((r = q.poll()) != null) {
        try {
          r.run();
        } catch (RuntimeException ex) {
          LOG.warn("a sender action failed", ex);
        }
      }
    } finally {
      draining.remove();
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** One submitted message. Guarded by the sender's lock, except the immutable fields. */
  private static final class Entry {
    final Message message;
    final String user;
    final Priority priority;
    final Instant deadline;
    final CompletableFuture<SendOutcome> future = new CompletableFuture<>();
    long seq;
    boolean done;
    boolean inFlight;
    boolean counted;
    boolean pairTaken;
    boolean capTaken;
    boolean tierFree;
    Instant tierAdmittedAt;
    int attempts;
    int limitRefusals;
    String waitingFor;

    Entry(Message message, String user, Priority priority, Instant deadline) {
      this.message = message;
      this.user = user;
      this.priority = priority;
      this.deadline = deadline;
    }
  }

  /** The messages to one user, sent one at a time in order. */
  private static final class Lane {
    final String user;
    final ArrayDeque<Entry> queue = new ArrayDeque<>(2);
    boolean inFlight;
    boolean inReady;
    boolean asleep;
    Instant wakeAt;
    int headPriority;
    long headSeq;

    Lane(String user) {
      this.user = user;
    }

    /** Returns the first entry that has not ended, dropping the ended ones before it. */
    Entry head() {
      Entry e;
      while ((e = queue.peekFirst()) != null && e.done && !e.inFlight) {
        queue.pollFirst();
      }
      return e;
    }
  }

  private static final class PairBackoff {
    int failures;
    Instant until = Instant.MIN;
  }

  private record SentRecord(String user, String member, Instant tierAdmittedAt) {}

  // ---------------------------------------------------------------------------------------------

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
    private int throughput = Throughput.STANDARD.messagesPerSecond();
    private int throughputBurst = 1;
    private double throughputHeadroom = DEFAULT_HEADROOM;
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
     * Builds the sender.
     *
     * @return the sender
     */
    public MessageSender build() {
      if (store == null) {
        store = LimiterStore.inMemory();
      }
      return new MessageSender(this);
    }
  }
}
