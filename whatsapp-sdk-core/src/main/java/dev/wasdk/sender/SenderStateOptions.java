package dev.wasdk.sender;

import dev.wasdk.message.TemplateCategory;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;

/**
 * The options of a {@link MessageSender} about where its state lives and what runs it: the stores,
 * their time budget and executor, the pseudonym key, the clock and the scheduler. {@link
 * SenderConfigBuilder} adds the limits and builds the {@link SenderConfig}. Not thread-safe.
 *
 * @param <B> the builder type the setters return
 */
abstract class SenderStateOptions<B extends SenderStateOptions<B>> {
  LimiterStore store;
  Clock clock = Clock.systemUTC();
  ScheduledExecutorService scheduler;
  Executor storeExecutor;
  Duration storeCallBudget = SenderConfig.DEFAULT_STORE_CALL_BUDGET;
  ServiceWindowTracker windows;
  ConsentRegistry consent;
  ConsentStore consentStore;
  ServiceWindowStore windowStore;
  RecipientIdStore recipientIdStore;
  BiFunction<String, String, Optional<TemplateCategory>> templateLookup;
  Pseudonyms pseudonyms = Pseudonyms.DEFAULT;

  /**
   * Sets the store of the counters. Default {@link LimiterStore#inMemory()}, for one app instance;
   * several instances share their limits through a Redis store.
   *
   * @param store the store
   * @return this builder
   */
  public B store(LimiterStore store) {
    this.store = Objects.requireNonNull(store, "store");
    return self();
  }

  /**
   * Sets the clock. Default the system UTC clock. Tests use a fake clock with a fake {@link
   * #scheduler}.
   *
   * @param clock the clock
   * @return this builder
   */
  public B clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return self();
  }

  /**
   * Sets the scheduler that wakes the sender when a limit frees. Default: a one-thread scheduler
   * the sender owns and shuts down on close. A given scheduler is not shut down.
   *
   * @param scheduler the scheduler
   * @return this builder
   */
  public B scheduler(ScheduledExecutorService scheduler) {
    this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    return self();
  }

  /**
   * Sets the tracker of customer-service windows, to share one the application feeds. Default a new
   * tracker, fed through {@link MessageSender#onInbound}.
   *
   * @param windows the tracker
   * @return this builder
   */
  public B serviceWindows(ServiceWindowTracker windows) {
    this.windows = Objects.requireNonNull(windows, "windows");
    return self();
  }

  /**
   * Sets the consent registry, to share one among senders. Default a new registry.
   *
   * @param consent the registry
   * @return this builder
   */
  public B consent(ConsentRegistry consent) {
    this.consent = Objects.requireNonNull(consent, "consent");
    return self();
  }

  /**
   * Sets the store of the consent history, for the registry the sender creates. Default {@link
   * ConsentStore#inMemory()}. A Redis or JDBC store keeps opt-outs across restarts and shares them
   * between app instances. Not together with {@link #consent(ConsentRegistry)}: give that registry
   * the store instead.
   *
   * @param store the store
   * @return this builder
   */
  public B consentStore(ConsentStore store) {
    this.consentStore = Objects.requireNonNull(store, "store");
    return self();
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
  public B serviceWindowStore(ServiceWindowStore store) {
    this.windowStore = Objects.requireNonNull(store, "store");
    return self();
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
  public B recipientIdStore(RecipientIdStore store) {
    this.recipientIdStore = Objects.requireNonNull(store, "store");
    return self();
  }

  /** Sets how the category of a template that declares none is looked up, for tests. */
  B templateLookup(BiFunction<String, String, Optional<TemplateCategory>> lookup) {
    this.templateLookup = lookup;
    return self();
  }

  /**
   * Sets the secret key of the pseudonyms that every store keys users by (HMAC-SHA256), for the
   * limiter store and for the registry and tracker the sender creates. Default: a public key, which
   * protects no more than a plain hash; set a secret one whenever a store lives outside this JVM,
   * and the same one on every app instance. A new key gives every user a new pseudonym, so what the
   * stores hold under the old key is orphaned: see the pacing guide on rotation.
   *
   * @param key at least 32 bytes; keep it with the application's other secrets
   * @return this builder
   */
  public B pseudonymKey(byte[] key) {
    this.pseudonyms = Pseudonyms.withKey(key);
    return self();
  }

  /**
   * Sets the time budget of one call to the limiter store. Default 250 ms. A call that takes
   * longer, or fails, ends the message it was for {@link RejectReason#STORE_UNAVAILABLE} (nothing
   * is sent unchecked), and the store is left alone for a second, so that a stalled store costs one
   * budget per second, not one per message. Stores in memory are called directly.
   *
   * @param budget 1 ms to 1 minute
   * @return this builder
   */
  public B storeCallBudget(Duration budget) {
    Objects.requireNonNull(budget, "budget");
    if (budget.compareTo(Duration.ofMillis(1)) < 0 || budget.compareTo(Duration.ofMinutes(1)) > 0) {
      throw new IllegalArgumentException("budget must be 1 ms to 1 minute, was " + budget);
    }
    this.storeCallBudget = budget;
    return self();
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
  public B storeExecutor(Executor executor) {
    this.storeExecutor = Objects.requireNonNull(executor, "executor");
    return self();
  }

  /** Returns this builder as its public type. */
  abstract B self();
}
