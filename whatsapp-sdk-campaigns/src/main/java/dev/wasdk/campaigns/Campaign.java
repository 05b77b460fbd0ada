package dev.wasdk.campaigns;

import dev.wasdk.campaigns.internal.CampaignWorker;
import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.sender.SenderStats;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends one message to every member of an audience through a {@link MessageSender}, tracks each
 * send back to its recipient, optionally tests variants on a sample first, and keeps its progress
 * in a {@link CampaignStore} so that it resumes after a crash and can be worked by several
 * instances at once.
 *
 * <pre>{@code
 * Campaign campaign = Campaign.builder("spring-sale", sender, store)
 *     .audience(Audience.csv(Path.of("optins.csv"), "phone", "zone"))
 *     .variant("A", (to, m) -> to.template("spring_sale_a", "en").bodyText(m.param("name")).build())
 *     .variant("B", (to, m) -> to.template("spring_sale_b", "en").bodyText(m.param("name")).build())
 *     .abTest(AbTest.builder().sampleShare(0.1).metric(Metric.READ).build())
 *     .quietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))
 *     .listener(e -> log.info("{} {}", e.type(), e.detail()))
 *     .build()
 *     .start();
 * router.on(WebhookEvent.class, campaign::accept);   // statuses and replies
 * campaign.completion().join();
 * }</pre>
 *
 * <p><b>What it does.</b> A worker thread loads the audience into the store in batches (the
 * audience cursor), claims batches of pending recipients, builds each message with its variant and
 * a {@link TrackingTag} in {@code biz_opaque_callback_data}, and submits it. The sender applies
 * every limit and rule: throughput, pair rate, the messaging-limit tier, consent and the frequency
 * cap; a message it refuses ends {@link RecipientState#REFUSED} with its reason. Outcomes and
 * webhook progress are written back in batches.
 *
 * <p><b>Crashes and several instances.</b> A claim holds a lease ({@link Builder#lease}), renewed
 * while the instance runs. When an instance stops without recording a claimed recipient's outcome,
 * the lease runs out and the recipient becomes {@link RecipientState#UNKNOWN}: it may have been
 * sent, so it is reported and never sent again (a later status webhook proves it sent or failed).
 * Every other recipient is sent at most once: at most one claim batch per crashed instance ends in
 * doubt. Instances working one campaign claim disjoint batches; share the sender's limits through a
 * shared {@code LimiterStore} (Redis) as well.
 *
 * <p><b>A/B.</b> With an {@link AbTest}, a seeded random share of the audience (the same on every
 * instance) is split evenly between the variants and sent first. When the sample is done, the
 * campaign waits {@link AbTest#decisionWait()}, decides once from the stored data ({@link
 * AbDecision}), stores the decision, and sends the chosen variant to the rest, or stops.
 *
 * <p><b>Store failures.</b> When the store fails, the campaign stops claiming, keeps the outcomes
 * it has yet to write, reports {@link CampaignEvent.Type#STORE_UNAVAILABLE}, and goes on when the
 * store answers again.
 *
 * <p><b>Thread-safety and lifecycle.</b> Thread-safe. {@link #start()} starts the worker thread;
 * {@link #pause()}, {@link #resume()} and {@link #cancel()} take effect on its next step; {@link
 * #close()} stops this instance's worker and leaves the campaign in the store, to be resumed by a
 * new instance. The campaign does not close the sender or the store.
 */
public final class Campaign implements AutoCloseable {
  private final CampaignWorker worker;

  private Campaign(CampaignWorker worker) {
    this.worker = worker;
  }

  /**
   * Returns a builder for a campaign.
   *
   * @param campaignId the campaign's id, the same on every instance and after restarts: 1 to 64
   *     letters, digits, {@code _} or {@code -}
   * @param sender the sender that applies the limits and rules
   * @param store where progress lives
   * @return the builder
   */
  public static Builder builder(String campaignId, MessageSender sender, CampaignStore store) {
    Objects.requireNonNull(sender, "sender");
    Builder b = new Builder(campaignId, store);
    b.submitter = sender::submit;
    b.stats = () -> Optional.of(sender.stats());
    return b;
  }

  /** Returns a builder that submits through a function, for tests. */
  static Builder builder(
      String campaignId,
      Function<Message, CompletableFuture<SendOutcome>> submitter,
      CampaignStore store) {
    Builder b = new Builder(campaignId, store);
    b.submitter = Objects.requireNonNull(submitter, "submitter");
    b.stats = Optional::empty;
    return b;
  }

  /**
   * Starts the worker thread; the campaign sends from its start time on.
   *
   * @return this campaign
   * @throws IllegalStateException if it was started before
   */
  public Campaign start() {
    worker.start();
    return this;
  }

  /** Stops claiming new recipients; messages already handed to the sender still end. */
  public void pause() {
    worker.pause();
  }

  /** Goes on after {@link #pause()}. */
  public void resume() {
    worker.resume();
  }

  /**
   * Cancels the campaign: recipients not yet claimed end {@link RecipientState#CANCELLED}, and the
   * completion future completes once messages in flight have ended.
   */
  public void cancel() {
    worker.cancel();
  }

  /**
   * Feeds a webhook event: statuses and replies of this campaign's messages update the store; other
   * events are ignored.
   *
   * @param event the event
   */
  public void accept(WebhookEvent event) {
    worker.tracker().accept(event);
  }

  /**
   * Records a variant's URL-button clicks from template analytics (see {@link
   * DeliveryTracker#importClicks}); the {@link Metric#CLICKED} test reads them.
   *
   * @param variant the variant
   * @param total the clicks so far
   */
  public void recordClicks(String variant, long total) {
    worker.recordClicks(variant, total);
  }

  /** Returns the tracker that ties this campaign's webhooks to its recipients. */
  public DeliveryTracker tracker() {
    return worker.tracker();
  }

  /**
   * Returns where the campaign stands; reads the store.
   *
   * @return the snapshot
   */
  public CampaignSnapshot snapshot() {
    return worker.snapshot();
  }

  /**
   * Returns the funnel of each variant, from the store.
   *
   * @return the funnels by variant
   */
  public Map<String, Funnel> funnels() {
    return worker.store().funnels(worker.campaignId(), false);
  }

  /**
   * Returns the A/B decision, once made, from the store.
   *
   * @return the decision
   */
  public Optional<AbDecision> decision() {
    return worker.decision();
  }

  /**
   * Returns a future completed with the final snapshot when every recipient has a final state (or
   * the campaign was cancelled).
   *
   * @return the future; completing it from outside has no effect on the campaign
   */
  public CompletableFuture<CampaignSnapshot> completion() {
    return worker.completion().thenApply(s -> s);
  }

  /** Returns the campaign's id. */
  public String id() {
    return worker.campaignId();
  }

  /**
   * Stops this instance's worker thread, then writes the outcomes and webhook progress it had
   * received but not yet written. The campaign stays in the store: a new instance with the same id
   * resumes it. Claims this instance held end as {@link RecipientState#UNKNOWN} when their lease
   * runs out, unless their outcomes were recorded first.
   */
  @Override
  public void close() {
    worker.close();
  }

  @Override
  public String toString() {
    return "Campaign[" + worker.campaignId() + "]";
  }

  /**
   * Configures a {@link Campaign}.
   *
   * <p>Not thread-safe; use one builder per campaign instance.
   */
  public static final class Builder {
    final String campaignId;
    final CampaignStore store;
    Function<Message, CompletableFuture<SendOutcome>> submitter;
    Supplier<Optional<SenderStats>> stats;
    Audience audience;
    final Map<String, VariantMessage> variants = new LinkedHashMap<>();
    AbTest abTest;
    Instant startAt;
    LocalTime quietStart;
    LocalTime quietEnd;
    Clock clock = Clock.systemUTC();
    int batchSize = 100;
    int maxInFlight = 500;
    Duration lease = Duration.ofMinutes(5);
    Duration pollInterval = Duration.ofMillis(50);
    final List<CampaignListener> listeners = new ArrayList<>();
    final List<Consumer<DeliveryFailure>> failureCallbacks = new ArrayList<>();
    String workerId = "w-" + UUID.randomUUID().toString().substring(0, 8);
    double assumedThroughput = 80;

    private Builder(String campaignId, CampaignStore store) {
      TrackingTag.of(campaignId, "x", 0); // checks the id's shape
      this.campaignId = campaignId;
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Sets the audience. Required.
     *
     * @param audience the audience, in a stable order
     * @return this builder
     */
    public Builder audience(Audience audience) {
      this.audience = Objects.requireNonNull(audience, "audience");
      return this;
    }

    /**
     * Adds a variant; the first is the control. At least one is required; without an {@link
     * AbTest}, several variants split the audience evenly by index.
     *
     * @param name 1 to 16 letters, digits, {@code _} or {@code -}
     * @param message builds the variant's message
     * @return this builder
     */
    public Builder variant(String name, VariantMessage message) {
      TrackingTag.of(campaignId, name, 0);
      if (variants.putIfAbsent(name, Objects.requireNonNull(message, "message")) != null) {
        throw new IllegalArgumentException("variant " + name + " was added twice");
      }
      return this;
    }

    /**
     * Tests the variants on a sample first. Needs at least two variants.
     *
     * @param test the test
     * @return this builder
     */
    public Builder abTest(AbTest test) {
      this.abTest = Objects.requireNonNull(test, "test");
      return this;
    }

    /**
     * Sets when sending may begin. Default: at once.
     *
     * @param startAt the start time
     * @return this builder
     */
    public Builder startAt(Instant startAt) {
      this.startAt = Objects.requireNonNull(startAt, "startAt");
      return this;
    }

    /**
     * Sets quiet hours in each recipient's own time zone, when the audience gives one: a message
     * due in them waits until they end. Recipients without a zone are not held. Default: none.
     *
     * @param start when quiet hours begin, such as 21:00
     * @param end when they end, such as 08:00 (the next morning when before {@code start})
     * @return this builder
     */
    public Builder quietHours(LocalTime start, LocalTime end) {
      if (Objects.requireNonNull(start, "start").equals(Objects.requireNonNull(end, "end"))) {
        throw new IllegalArgumentException("quiet hours must not start and end at the same time");
      }
      this.quietStart = start;
      this.quietEnd = end;
      return this;
    }

    /**
     * Sets the clock for start time, quiet hours, leases, decision wait and events. Default UTC.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how many recipients one claim takes. Default 100.
     *
     * @param size 1 to 10,000
     * @return this builder
     */
    public Builder batchSize(int size) {
      if (size < 1 || size > 10_000) {
        throw new IllegalArgumentException("batchSize must be 1 to 10,000, was " + size);
      }
      this.batchSize = size;
      return this;
    }

    /**
     * Sets how many messages this instance keeps handed to the sender at once. Default 500; keep it
     * below the sender's queue size.
     *
     * @param max at least 1
     * @return this builder
     */
    public Builder maxInFlight(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxInFlight must be at least 1, was " + max);
      }
      this.maxInFlight = max;
      return this;
    }

    /**
     * Sets the lease of a claim: how long after an instance stops its claimed recipients end {@link
     * RecipientState#UNKNOWN}. Default 5 minutes; keep it well above the time a claimed batch may
     * wait in the sender's queue.
     *
     * @param lease more than zero
     * @return this builder
     */
    public Builder lease(Duration lease) {
      if (lease.isNegative() || lease.isZero()) {
        throw new IllegalArgumentException("lease must be positive, was " + lease);
      }
      this.lease = lease;
      return this;
    }

    /**
     * Sets how often the worker looks for work when there is none. Default 50 ms.
     *
     * @param interval more than zero
     * @return this builder
     */
    public Builder pollInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("pollInterval must be positive, was " + interval);
      }
      this.pollInterval = interval;
      return this;
    }

    /**
     * Adds a listener for the campaign's events.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(CampaignListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Adds a callback for this campaign's failed statuses, with the rebuilt message.
     *
     * @param callback the callback
     * @return this builder
     */
    public Builder onFailure(Consumer<DeliveryFailure> callback) {
      failureCallbacks.add(Objects.requireNonNull(callback, "callback"));
      return this;
    }

    /**
     * Sets this instance's worker id, unique among the instances working the campaign. Default: a
     * random one.
     *
     * @param id the id
     * @return this builder
     */
    public Builder workerId(String id) {
      this.workerId = Objects.requireNonNull(id, "id");
      return this;
    }

    /**
     * Builds the campaign; {@link Campaign#start()} starts it.
     *
     * @return the campaign
     * @throws IllegalStateException when the audience or a variant is missing, or an A/B test has
     *     fewer than two variants
     */
    public Campaign build() {
      if (audience == null) {
        throw new IllegalStateException("a campaign needs an audience");
      }
      if (variants.isEmpty()) {
        throw new IllegalStateException("a campaign needs at least one variant");
      }
      if (abTest != null && variants.size() < 2) {
        throw new IllegalStateException("an A/B test needs at least two variants");
      }
      return new Campaign(
          new CampaignWorker(
              new CampaignWorker.Settings(
                  campaignId,
                  store,
                  submitter,
                  stats,
                  audience,
                  Map.copyOf(variants),
                  List.copyOf(variants.keySet()),
                  abTest,
                  startAt,
                  quietStart,
                  quietEnd,
                  clock,
                  batchSize,
                  maxInFlight,
                  lease,
                  pollInterval,
                  List.copyOf(listeners),
                  List.copyOf(failureCallbacks),
                  workerId,
                  assumedThroughput)));
    }
  }
}
