package dev.wasdk.sender;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.SendResult;
import dev.wasdk.internal.text.Redact;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes the sender's parts: the {@link Dispatcher} decides which job goes next, the {@link Gate}
 * chain and the {@link ThroughputPacer} admit it (outside any lock, on one thread at a time, the
 * scheduler's), the transport sends it, and the {@link OutcomePolicy} reads the answer. It holds no
 * rule of its own. Callers only queue work and ask for a pump, so {@code submit} and the webhook
 * feeds never wait for a store.
 */
final class SendLoop implements Dispatcher.Hooks {
  private static final Logger LOG = LoggerFactory.getLogger(SendLoop.class);

  private final SenderConfig config;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final boolean ownsScheduler;
  private final ExecutorService ownedStoreExecutor;
  private final StoreCalls calls;
  private final StoreCalls consentCalls;
  private final StoreCalls windowCalls;
  private final StoreCalls idCalls;
  private final RecipientIds ids;
  private final TemplateCategories categories;

  /** The least budget of a template lookup, an HTTP call to Meta. */
  static final Duration LOOKUP_BUDGET = Duration.ofSeconds(2);

  private final WindowGate windowGate;
  private final ConsentGate consentGate;
  private final PairRateGate pairGate;
  private final TierGate tierGate;
  private final List<Gate> gates;
  private final ThroughputPacer pacer;
  private final OutcomePolicy policy = new OutcomePolicy();
  private final SenderCounters counters = new SenderCounters();
  private final Dispatcher dispatcher;
  private final LinkedHashMap<String, SentRecord> recent = new LinkedHashMap<>();
  private final AtomicInteger pumpRequests = new AtomicInteger();
  private final ObservedSends observed;

  SendLoop(SenderConfig c) {
    this.config = c;
    this.clock = c.clock();
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
    if (c.storeExecutor() != null
        || (limiterInMemory
            && consentInMemory
            && windowsInMemory
            && idsInMemory
            && c.templateLookup() == null)) {
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
    if (c.pseudonyms().isDefault()
        && !(limiterInMemory && consentInMemory && windowsInMemory && idsInMemory)) {
      LOG.warn(
          "a store outside this JVM keys users by pseudonyms under the public default key: set"
              + " MessageSender.Builder.pseudonymKey to a secret of at least 32 bytes");
    }
    Executor executor = c.storeExecutor() != null ? c.storeExecutor() : ownedStoreExecutor;
    Duration budget = c.storeCallBudget();
    this.calls =
        new StoreCalls("the limiter store " + c.store(), limiterInMemory, executor, budget, clock);
    this.consentCalls =
        new StoreCalls(
            "the consent store " + c.consent().store(), consentInMemory, executor, budget, clock);
    this.windowCalls =
        new StoreCalls(
            "the service-window store " + c.windows().store(),
            windowsInMemory,
            executor,
            budget,
            clock);
    this.ids = new RecipientIds(c.recipientIdStore(), c.pseudonyms());
    this.idCalls =
        new StoreCalls(
            "the recipient-id store " + c.recipientIdStore(),
            c.recipientIdStore() instanceof InMemoryRecipientIdStore,
            executor,
            budget,
            clock);
    Duration lookupBudget = budget.compareTo(LOOKUP_BUDGET) > 0 ? budget : LOOKUP_BUDGET;
    this.categories =
        new TemplateCategories(
            c.templateLookup(),
            new StoreCalls("the templates API", false, executor, lookupBudget, clock),
            clock);
    this.observed = ObservedSends.in(c.listeners());
    StoreCalls.observe(
        ObservedSends.observerIn(c.listeners()), calls, consentCalls, windowCalls, idCalls);
    c.consent().useRecipientIds(ids);
    c.windows().useRecipientIds(ids);
    this.windowGate = new WindowGate(c.windows(), c.enforceServiceWindow(), windowCalls);
    this.consentGate =
        new ConsentGate(
            c.consent(),
            c.requireMarketingOptIn(),
            c.marketingCap(),
            c.store(),
            calls,
            consentCalls);
    this.pairGate = new PairRateGate(c.phoneNumberId(), c.store(), calls);
    this.tierGate = new TierGate(c.portfolioId(), c.tier(), c.tierPolicy(), c.store(), calls);
    this.gates = List.of(windowGate, consentGate, pairGate, tierGate);
    this.pacer = new ThroughputPacer(c, calls);
    this.dispatcher = new Dispatcher(c, policy, counters, this, scheduler);
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  // ---------------------------------------------------------------------------------------------
  // Queueing

  CompletableFuture<SendOutcome> submit(Message message, SubmitOptions options) {
    String user = UserKeys.of(message.recipient());
    Job job =
        new Job(
            message,
            user,
            options.priority().orElseGet(() -> Priority.of(message)),
            options.deadline().orElse(null));
    Effects fx = new Effects();
    dispatcher.offer(job, fx);
    // Queued: from here nothing may throw, or a caller who resubmits would send twice.
    try {
      fx.run();
      if (!job.future.isDone()) {
        job.future.whenComplete(
            (o, error) -> {
              if (error instanceof CancellationException) {
                onCallerCancelled(job);
              }
            });
        requestPump();
      }
    } catch (RuntimeException ex) {
      LOG.warn("after queuing a message", ex);
    }
    return job.future;
  }

  private void onCallerCancelled(Job job) {
    Effects fx = new Effects();
    dispatcher.cancel(job, fx);
    fx.run();
    requestPump();
  }

  // ---------------------------------------------------------------------------------------------
  // The pump: admits jobs on one thread at a time (the scheduler's), never under a lock.

  void requestPump() {
    if (pumpRequests.getAndIncrement() == 0) {
      try {
        scheduler.execute(this::pumpLoop);
      } catch (RejectedExecutionException ex) {
        pumpRequests.set(0); // closed: nothing more goes out
      }
    }
  }

  private void pumpLoop() {
    int seen = pumpRequests.get();
    while (true) {
      try {
        pumpOnce();
      } catch (RuntimeException ex) {
        LOG.warn("the sender's dispatch loop failed", ex);
      }
      if (pumpRequests.compareAndSet(seen, 0)) {
        return;
      }
      seen = pumpRequests.get();
    }
  }

  private void pumpOnce() {
    while (true) {
      Instant now = clock.instant();
      Effects fx = new Effects();
      Job job = dispatcher.next(now, pacer.waitUntil(), fx);
      fx.run();
      if (job == null) {
        return;
      }
      Verdict v = admit(job, now);
      if (observed != null) {
        observed.decided(v); // the client's observer isolates its own failures
      }
      boolean more;
      try {
        more = dispatcher.settle(job, v, now, pacer.waitUntil(), fx);
      } catch (RuntimeException ex) {
        LOG.warn("the dispatcher failed on a message; it ends rejected", ex);
        dispatcher.fail(job, policy.internalError(job, ex), false, fx);
        more = true;
      }
      fx.run();
      if (!more) {
        return;
      }
    }
  }

  private Verdict admit(Job job, Instant now) {
    try {
      if (job.message instanceof TemplateMessage t && job.category == null) {
        job.category = categories.of(t);
      }
      if (job.key == null) {
        job.key = canonical(job.user);
        job.member = config.pseudonyms().of(config.portfolioId(), job.key);
      }
      for (Gate g : gates) {
        Verdict v = g.check(job, now);
        if (v.kind() != Verdict.Kind.PASS) {
          return v;
        }
      }
      return pacer.take(now);
    } catch (LimiterUnavailableException ex) {
      if (calls.isDown() || consentCalls.isDown() || windowCalls.isDown()) {
        return Verdict.finish(policy.storeUnavailable(job, ex)); // fail closed, at once
      }
      // A failure or two may be a blip (a cold connection): every user waits a moment.
      Instant until = now.plus(SenderConfig.STORE_RETRY);
      pacer.pauseUntil(until);
      return Verdict.waitAll(until, ex.getMessage());
    } catch (RuntimeException ex) {
      LOG.warn("a gate failed on a message; it ends rejected", ex);
      return Verdict.finish(policy.internalError(job, ex));
    }
  }

  /**
   * Returns the store key of a user: their WhatsApp id's pseudonym, the dialled form's if unknown.
   */
  private String canonical(String user) {
    if (user.startsWith("group:")) {
      return config.pseudonyms().of("user", user);
    }
    try {
      return idCalls.call("recipient id", () -> ids.canonical(user, true));
    } catch (LimiterUnavailableException ex) {
      return ids.canonical(user, false);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Hooks, run by Effects outside the dispatcher's lock.

  @Override
  public void send(Job job) {
    if (LOG.isDebugEnabled()) {
      LOG.debug("sending to {} (attempt {})", Redact.mask(job.user), job.attempts);
    }
    CompletableFuture<SendResult> f;
    try {
      f = config.transport().apply(job.message);
      if (f == null) {
        f = CompletableFuture.failedFuture(new NullPointerException("the transport gave null"));
      }
    } catch (RuntimeException ex) {
      f = CompletableFuture.failedFuture(ex);
    }
    f.whenComplete((result, error) -> onAnswer(job, result, error));
  }

  @Override
  public void complete(Job job, SendOutcome outcome) {
    // The listeners first: whoever waits for the future then sees what they recorded.
    each(l -> l.onOutcome(outcome));
    job.future.complete(outcome);
  }

  @Override
  public void release(Job job, boolean mayHaveReachedMeta) {
    Instant now = clock.instant();
    for (Gate g : gates) {
      try {
        g.release(job, mayHaveReachedMeta, now);
      } catch (RuntimeException ex) {
        LOG.warn("a gate failed to give back a reservation", ex);
      }
    }
  }

  @Override
  public void wake(Instant target) {
    if (dispatcher.woke(target)) {
      requestPump();
    }
  }

  /** Handles Meta's answer to one request; runs on the thread that completed it. */
  private void onAnswer(Job job, SendResult result, Throwable error) {
    Effects fx = new Effects();
    Instant now = clock.instant();
    try {
      OutcomePolicy.Decision d = policy.decide(job, result, error);
      switch (d.action()) {
        case SENT -> {
          pairGate.onSent(job.user, now);
          remember(result.wamid(), job);
          learnWaId(job, result);
          dispatcher.end(job, d.outcome(), false, fx);
        }
        case END -> {
          applyEffect(d.effect(), job.user, now);
          dispatcher.end(job, d.outcome(), d.mayHaveReachedMeta(), fx);
        }
        case RETRY -> retry(job, d, now, fx);
        default -> throw new AssertionError(d);
      }
    } catch (RuntimeException ex) {
      LOG.warn("handling an answer failed; the message ends with what is known", ex);
      SendOutcome o =
          result != null && error == null
              ? new SendOutcome.Sent(job.message, result, job.attempts)
              : policy.internalError(job, ex);
      dispatcher.fail(job, o, true, fx);
    }
    fx.run();
    requestPump();
  }

  /** Keeps the WhatsApp id Meta reported for the number dialled, when it differs. */
  private void learnWaId(Job job, SendResult result) {
    if (result.waId().isEmpty() || job.user.startsWith("group:")) {
      return;
    }
    Runnable write = ids.learn(job.user, UserKeys.of(result.waId().get()));
    if (write != null) {
      idCalls.runAsync("learn a wa_id", write);
    }
  }

  private void retry(Job job, OutcomePolicy.Decision d, Instant now, Effects fx) {
    Instant pairUntil = null;
    switch (d.effect()) {
      case THROTTLED -> {
        counters.throttled();
        double rate = pacer.shrink(now);
        if (rate > 0) {
          LOG.debug("130429: throughput reduced to {} per second", rate);
          fx.add(() -> each(l -> l.onThroughputReduced(rate)));
        }
      }
      case PAIR_BACKOFF -> {
        counters.pairBackoff();
        pairUntil = backOff(job.user, now, fx);
      }
      default -> {}
    }
    dispatcher.requeue(job, d.cause(), d.limitRefusal(), pairUntil, now, fx);
    if (d.effect() == OutcomePolicy.Effect.MAINTENANCE) {
      pacer.pauseUntil(now.plus(d.pause()));
    }
  }

  private Instant backOff(String user, Instant now, Effects fx) {
    Duration d = pairGate.backOff(user, now);
    String masked = Redact.mask(user);
    LOG.debug("131056 for {}: backing off {}", masked, d);
    fx.add(() -> each(l -> l.onPairBackoff(masked, d)));
    return now.plus(d);
  }

  private void applyEffect(OutcomePolicy.Effect effect, String user, Instant now) {
    switch (effect) {
      case WINDOW_CLOSED -> closeWindow(user);
      case OPTED_OUT ->
          recordConsent(
              user, ConsentRecord.optOut(ConsentSource.FAILED_131050, "send failed", null, now));
      case FREQUENCY_CAPPED ->
          config.consent().capMarketing(user, now.plus(SenderConfig.FREQUENCY_CAP_HOLD));
      default -> {}
    }
  }

  // ---------------------------------------------------------------------------------------------
  // What the webhooks report

  void onStatusFailed(String wamid, String user, int errorCode, Instant at) {
    Effects fx = new Effects();
    Instant now = clock.instant();
    SentRecord r;
    synchronized (recent) {
      r = recent.remove(wamid);
    }
    if (r != null && r.tierAdmittedAt() != null) {
      tierGate.releaseSlot(r.member(), r.tierAdmittedAt());
    }
    switch (errorCode) {
      case 131056 -> dispatcher.sleepUser(user, backOff(user, now, fx));
      case 131049 -> config.consent().capMarketing(user, at.plus(SenderConfig.FREQUENCY_CAP_HOLD));
      case 131050 ->
          recordConsent(
              user, ConsentRecord.optOut(ConsentSource.FAILED_131050, "status failed", wamid, at));
      case 131047 -> closeWindow(user);
      default -> {}
    }
    fx.run();
    requestPump();
  }

  /** Opens the user's window here at once and in the store without waiting for it. */
  void onInbound(String user, Instant at) {
    ServiceWindowTracker w = config.windows();
    String key = w.recordLocally(user, at);
    windowCalls.runAsync("record inbound", () -> w.store().recordInbound(key, at));
    requestPump();
  }

  boolean onInboundText(String user, String text, Instant at, String messageId) {
    onInbound(user, at);
    Optional<ConsentRecord> stop = config.consent().keywordOptOut(text, at, messageId);
    stop.ifPresent(r -> recordConsent(user, r));
    return stop.isPresent();
  }

  void onMarketingPreference(String user, boolean stop, Instant at) {
    recordConsent(user, ConsentRegistry.preference(stop, at));
    requestPump();
  }

  /** Records consent here at once (an opt-out is refused from now on) and in the store later. */
  private void recordConsent(String user, ConsentRecord record) {
    ConsentRegistry consent = config.consent();
    String key = consent.keyLocal(user);
    consent.noteLocally(key, record);
    consentCalls.runAsync("append consent", () -> consent.store().append(key, record));
  }

  private void closeWindow(String user) {
    ServiceWindowTracker w = config.windows();
    String key = w.keyLocal(user);
    w.closeLocally(key);
    windowCalls.runAsync("close window", () -> w.closeKnown(key));
  }

  boolean updateTier(MessagingTier tier, Instant at) {
    MessagingTier old = tierGate.tier();
    if (!tierGate.update(tier, at)) {
      return false;
    }
    LOG.debug("messaging tier {} -> {}", old, tier);
    // Users deferred for a slot may fit under a higher tier: let them try again now.
    dispatcher.wakeAll();
    requestPump();
    return true;
  }

  boolean updateThroughput(int perSecond, Instant at) {
    int old = pacer.throughput();
    if (!pacer.update(perSecond, at)) {
      return false;
    }
    LOG.debug("throughput {} -> {} per second", old, perSecond);
    requestPump();
    return true;
  }

  Instant now() {
    return clock.instant();
  }

  int throughput() {
    return pacer.throughput();
  }

  MessagingTier tier() {
    return tierGate.tier();
  }

  // ---------------------------------------------------------------------------------------------
  // Reading, erasing, closing

  SenderStats stats() {
    Instant now = clock.instant();
    SenderStats s =
        counters.snapshot(
            dispatcher.queued(),
            dispatcher.inFlight(),
            pacer.throughput(),
            pacer.currentRate(now),
            tierGate.tier());
    java.util.OptionalLong used = tierGate.used(now);
    if (used.isEmpty()) {
      return s;
    }
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
        used);
  }

  int deadlineEntries() {
    return dispatcher.deadlineEntries();
  }

  UserData exportUser(String key) {
    int waiting = dispatcher.waiting(key);
    Optional<Instant> backoff = pairGate.backoffUntil(key);
    return new UserData(
        key, config.windows().lastInbound(key), config.consent().export(key), waiting, backoff);
  }

  void eraseUser(String key) {
    Effects fx = new Effects();
    dispatcher.cancelUser(key, "the user's data was erased", fx);
    fx.run();
    String canonical = ids.canonical(key, true);
    config.windows().forgetKey(canonical);
    config.consent().eraseKey(canonical);
    ids.erase(canonical);
    pairGate.erase(key);
    synchronized (recent) {
      recent.values().removeIf(r -> r.user().equals(key));
    }
    requestPump();
  }

  List<Message> close(Duration drainTimeout) {
    Effects fx = new Effects();
    List<Job> unsent = dispatcher.close(drainTimeout, fx);
    if (unsent == null) {
      return List.of();
    }
    fx.run();
    if (ownsScheduler) {
      scheduler.shutdownNow();
    }
    if (ownedStoreExecutor != null) {
      ownedStoreExecutor.shutdown(); // lets the releases already handed over finish
    }
    List<Message> messages = new ArrayList<>(unsent.size());
    for (Job j : unsent) {
      messages.add(j.message);
    }
    return messages;
  }

  private void remember(String wamid, Job job) {
    int capacity = config.recentSends();
    if (capacity == 0) {
      return;
    }
    synchronized (recent) {
      recent.put(wamid, new SentRecord(job.user, job.member, job.tierAdmittedAt));
      if (recent.size() > capacity) {
        Iterator<String> it = recent.keySet().iterator();
        it.next();
        it.remove();
      }
    }
  }

  private void each(Consumer<SenderListener> call) {
    for (SenderListener l : config.listeners()) {
      try {
        call.accept(l);
      } catch (RuntimeException ex) {
        LOG.warn("a sender listener failed", ex);
      }
    }
  }

  private record SentRecord(String user, String member, Instant tierAdmittedAt) {}
}
