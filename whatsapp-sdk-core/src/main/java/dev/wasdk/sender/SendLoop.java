package dev.wasdk.sender;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.PhoneNumber;
import dev.wasdk.client.SendResult;
import dev.wasdk.client.Throughput;
import dev.wasdk.internal.text.Redact;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.observe.CapturedContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composes the sender's parts: the {@link Dispatcher} decides which job goes next, the {@link Gate}
 * chain and the {@link ThroughputPacer} admit it (outside any lock, on one thread at a time, the
 * scheduler's), the transport sends it, and the {@link OutcomePolicy} reads the answer. It holds no
 * rule of its own. Callers only queue work and ask for a pump, so {@code submit} and the webhook
 * feeds never wait for a store.
 *
 * <p>The very first request goes alone, and the pacing starts when it is answered, so that its cold
 * start (connection, TLS) does not bunch the requests behind it into one second at Meta. When a
 * limit is short, the loop schedules itself at the exact time the {@link LimiterStore} reports.
 */
final class SendLoop implements Dispatcher.Hooks {
  private static final Logger LOG = LoggerFactory.getLogger(SendLoop.class);

  private final SenderConfig config;
  private final Clock clock;
  private final SenderRuntime runtime;
  private final RecipientIds ids;
  private final TemplateCategories categories;
  private final WindowGate windowGate;
  private final ConsentGate consentGate;
  private final PairRateGate pairGate;
  private final TierGate tierGate;
  private final List<Gate> gates;
  private final ThroughputPacer pacer;
  private final OutcomePolicy policy = new OutcomePolicy();
  private final SenderCounters counters = new SenderCounters();
  private final Dispatcher dispatcher;
  private final SenderFeeds feeds;
  private final SenderUsers users;
  private final AtomicInteger pumpRequests = new AtomicInteger();
  private final ObservedSends observed;

  SendLoop(SenderConfig c) {
    this.config = c;
    this.clock = c.clock();
    this.runtime = new SenderRuntime(c);
    this.ids = new RecipientIds(c.recipientIdStore(), c.pseudonyms());
    this.categories = new TemplateCategories(c.templateLookup(), runtime.templates, clock);
    this.observed = ObservedSends.in(c.listeners());
    c.consent().useRecipientIds(ids);
    c.windows().useRecipientIds(ids);
    this.windowGate = new WindowGate(c.windows(), c.enforceServiceWindow(), runtime.windows);
    this.consentGate =
        new ConsentGate(
            c.consent(),
            c.requireMarketingOptIn(),
            c.marketingCap(),
            c.store(),
            runtime.limiter,
            runtime.consent);
    this.pairGate = new PairRateGate(c.phoneNumberId(), c.store(), runtime.limiter);
    this.tierGate =
        new TierGate(c.portfolioId(), c.tier(), c.tierPolicy(), c.store(), runtime.limiter);
    UserStateRead read =
        new UserStateRead(c.consent(), c.windows(), runtime.consent, runtime.windows);
    this.gates =
        List.of(
            read,
            windowGate,
            consentGate,
            new CallPermissionGate(c.phoneNumberId(), c.store(), runtime.limiter),
            pairGate,
            tierGate);
    this.pacer = new ThroughputPacer(c, runtime.limiter);
    this.dispatcher = new Dispatcher(c, policy, counters, this, runtime.scheduler);
    this.feeds = new SenderFeeds(c, runtime, pairGate, tierGate, dispatcher, this::requestPump);
    this.users = new SenderUsers(c, runtime, ids, dispatcher, pairGate, tierGate, feeds);
  }

  // ---------------------------------------------------------------------------------------------
  // Queueing

  CompletableFuture<SendOutcome> submit(Message message, SubmitOptions options) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(options, "options");
    String user = UserKeys.of(message.recipient());
    Job job =
        new Job(
            message,
            user,
            options.priority().orElseGet(() -> Priority.of(message)),
            options.deadline().orElse(null));
    if (observed != null) {
      job.context = observed.capture();
    }
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
        runtime.scheduler.execute(this::pumpLoop);
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
      if (runtime.anyDown()) {
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
      return runtime.ids.call("recipient id", () -> ids.canonical(user, true));
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
    try (CapturedContext.Scope ignored = job.context.makeCurrent()) {
      f = config.transport().apply(job.message);
      if (f == null) {
        f = CompletableFuture.failedFuture(new NullPointerException("the transport gave null"));
      }
    } catch (RuntimeException ex) {
      f = CompletableFuture.failedFuture(ex);
    }
    f.whenComplete(
        (result, error) -> {
          try (CapturedContext.Scope ignored = job.context.makeCurrent()) {
            onAnswer(job, result, error);
          }
        });
  }

  @Override
  public void complete(Job job, SendOutcome outcome) {
    // The listeners first: whoever waits for the future then sees what they recorded.
    feeds.each(l -> l.onOutcome(outcome));
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
          feeds.remember(result.wamid(), job);
          learnWaId(job, result);
          dispatcher.end(job, d.outcome(), false, fx);
        }
        case END -> {
          feeds.applyEffect(d.effect(), job.user, now);
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
      // The writes move consent records too: off this thread unless both stores are in memory.
      StoreCalls via = runtime.consent.direct() ? runtime.ids : runtime.consent;
      via.runAsync("learn a wa_id", write);
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
          fx.add(() -> feeds.each(l -> l.onThroughputReduced(rate)));
        }
      }
      case PAIR_BACKOFF -> {
        counters.pairBackoff();
        pairUntil = feeds.backOff(job.user, now, fx);
      }
      default -> {}
    }
    dispatcher.requeue(job, d.cause(), d.limitRefusal(), pairUntil, now, fx);
    if (d.effect() == OutcomePolicy.Effect.MAINTENANCE) {
      pacer.pauseUntil(now.plus(d.pause()));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // What the webhooks report

  /** Returns the part that applies what the webhooks report about users. */
  SenderFeeds feeds() {
    return feeds;
  }

  boolean updateTier(MessagingTier tier, Instant at) {
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(at, "eventTime");
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

  boolean updateThroughput(Throughput throughput, Instant at) {
    Objects.requireNonNull(at, "eventTime");
    int perSecond = throughput.messagesPerSecond();
    int old = pacer.throughput();
    if (!pacer.update(perSecond, at)) {
      return false;
    }
    LOG.debug("throughput {} -> {} per second", old, perSecond);
    requestPump();
    return true;
  }

  void updateFrom(PhoneNumber number) {
    Objects.requireNonNull(number, "number");
    number
        .messagingLimit()
        .filter(t -> t.isUnlimited() || t.uniqueUsersPer24Hours().isPresent())
        .ifPresent(t -> updateTier(t, clock.instant()));
    number
        .throughputLevel()
        .map(Throughput::ofLevel)
        .filter(t -> t.messagesPerSecond() != pacer.throughput())
        .ifPresent(t -> updateThroughput(t, clock.instant()));
  }

  String describe() {
    return "phoneNumberId="
        + config.phoneNumberId()
        + ", portfolioId="
        + config.portfolioId()
        + ", throughput="
        + pacer.throughput()
        + "/s, tier="
        + tierGate.tier()
        + ", store="
        + config.store();
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
    return counters.snapshot(
        dispatcher.queued(),
        dispatcher.inFlight(),
        pacer.throughput(),
        pacer.currentRate(now),
        tierGate.tier(),
        tierGate.used(now));
  }

  int deadlineEntries() {
    return dispatcher.deadlineEntries();
  }

  int laneCount() {
    return dispatcher.laneCount();
  }

  int heldJobs() {
    return dispatcher.heldJobs();
  }

  UserData exportUser(String key) {
    return users.export(key);
  }

  void eraseUser(String key) {
    users.erase(key);
    requestPump();
  }

  List<Message> close(Duration drainTimeout) {
    Objects.requireNonNull(drainTimeout, "drainTimeout");
    Effects fx = new Effects();
    List<Job> unsent = dispatcher.close(drainTimeout, fx);
    if (unsent == null) {
      return List.of();
    }
    fx.run();
    runtime.shutdown();
    List<Message> messages = new ArrayList<>(unsent.size());
    for (Job j : unsent) {
      messages.add(j.message);
    }
    return messages;
  }
}
