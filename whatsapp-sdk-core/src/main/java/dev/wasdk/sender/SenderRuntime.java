package dev.wasdk.sender;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The threads a sender runs on and the budgeted calls to each of its stores: the scheduler (the
 * given one or its own), the store executor (the given one, its own when a store lives outside this
 * JVM, or none), and one {@link StoreCalls} per store. Created once per sender; {@link #shutdown()}
 * stops only what it created.
 */
final class SenderRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(SenderRuntime.class);

  /** The least budget of a template lookup, an HTTP call to Meta. */
  static final Duration LOOKUP_BUDGET = Duration.ofSeconds(2);

  final ScheduledExecutorService scheduler;
  final StoreCalls limiter;
  final StoreCalls consent;
  final StoreCalls windows;
  final StoreCalls ids;
  final StoreCalls templates;
  private final boolean ownsScheduler;
  private final ExecutorService ownedStoreExecutor;

  SenderRuntime(SenderConfig c) {
    Clock clock = c.clock();
    if (c.scheduler() != null) {
      this.scheduler = c.scheduler();
      this.ownsScheduler = false;
    } else {
      ScheduledThreadPoolExecutor s =
          new ScheduledThreadPoolExecutor(1, daemon("wasdk-sender-" + c.phoneNumberId()));
      s.setRemoveOnCancelPolicy(true);
      this.scheduler = s;
      this.ownsScheduler = true;
    }
    boolean limiterInMemory = c.store() instanceof InMemoryLimiterStore;
    boolean consentInMemory = c.consent().store() instanceof InMemoryConsentStore;
    boolean windowsInMemory = c.windows().store() instanceof InMemoryServiceWindowStore;
    boolean idsInMemory = c.recipientIdStore() instanceof InMemoryRecipientIdStore;
    boolean allInMemory = limiterInMemory && consentInMemory && windowsInMemory && idsInMemory;
    if (c.storeExecutor() != null || (allInMemory && c.templateLookup() == null)) {
      this.ownedStoreExecutor = null;
    } else {
      ThreadPoolExecutor e =
          new ThreadPoolExecutor(
              4,
              4,
              30,
              TimeUnit.SECONDS,
              new LinkedBlockingQueue<>(10_000),
              daemon("wasdk-sender-store-" + c.phoneNumberId()));
      e.allowCoreThreadTimeOut(true);
      this.ownedStoreExecutor = e;
    }
    if (c.pseudonyms().isDefault() && !allInMemory) {
      LOG.warn(
          "a store outside this JVM keys users by pseudonyms under the public default key: set"
              + " MessageSender.Builder.pseudonymKey to a secret of at least 32 bytes");
    }
    Executor executor = c.storeExecutor() != null ? c.storeExecutor() : ownedStoreExecutor;
    Duration budget = c.storeCallBudget();
    this.limiter =
        new StoreCalls("the limiter store " + c.store(), limiterInMemory, executor, budget, clock);
    this.consent =
        new StoreCalls(
            "the consent store " + c.consent().store(), consentInMemory, executor, budget, clock);
    this.windows =
        new StoreCalls(
            "the service-window store " + c.windows().store(),
            windowsInMemory,
            executor,
            budget,
            clock);
    this.ids =
        new StoreCalls(
            "the recipient-id store " + c.recipientIdStore(), idsInMemory, executor, budget, clock);
    Duration lookupBudget = budget.compareTo(LOOKUP_BUDGET) > 0 ? budget : LOOKUP_BUDGET;
    this.templates = new StoreCalls("the templates API", false, executor, lookupBudget, clock);
    StoreCalls.observe(ObservedSends.observerIn(c.listeners()), limiter, consent, windows, ids);
  }

  /**
   * Returns whether a store the gates read counts as down, so that messages fail closed at once.
   */
  boolean anyDown() {
    return limiter.isDown() || consent.isDown() || windows.isDown();
  }

  /** Stops the scheduler and the store executor if the sender created them. */
  void shutdown() {
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
    if (ownedStoreExecutor != null) {
      ownedStoreExecutor.shutdown(); // lets the releases already handed over finish
    }
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
