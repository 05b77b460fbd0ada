package dev.wasdk.campaigns.internal;

import dev.wasdk.campaigns.AbDecision;
import dev.wasdk.campaigns.AbTest;
import dev.wasdk.campaigns.Audience;
import dev.wasdk.campaigns.AudienceMember;
import dev.wasdk.campaigns.CampaignEvent;
import dev.wasdk.campaigns.CampaignListener;
import dev.wasdk.campaigns.CampaignSnapshot;
import dev.wasdk.campaigns.CampaignStore;
import dev.wasdk.campaigns.DeliveryFailure;
import dev.wasdk.campaigns.DeliveryTracker;
import dev.wasdk.campaigns.RecipientState;
import dev.wasdk.campaigns.TrackingListener;
import dev.wasdk.campaigns.TrackingTag;
import dev.wasdk.campaigns.VariantMessage;
import dev.wasdk.message.Message;
import dev.wasdk.sender.RejectReason;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.sender.SenderStats;
import dev.wasdk.webhooks.event.DeliveryStatus;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The campaign's engine: one worker thread that loads the audience, claims, submits, records and
 * decides, step by step. Nothing here holds a lock: the worker's own fields are touched only by the
 * worker thread, and what other threads hand it goes through concurrent queues and atomics.
 */
public final class CampaignWorker {
  private static final Logger LOG = LoggerFactory.getLogger(CampaignWorker.class);
  private static final int LOAD_BATCH = 1000;
  private static final int LOAD_BATCHES_PER_STEP = 5;
  private static final String AUDIENCE_TOTAL = "audience.total";
  private static final String SAMPLE_DONE_AT = "ab.sampleDoneAt";
  private static final String DECISION = "ab.decision";
  private static final String CANCELLED = "cancelled";
  // later than any quiet-hours hold, and still within a millisecond count
  private static final Instant FAR_FUTURE = Instant.parse("9999-01-01T00:00:00Z");

  /** Everything the builder collected. */
  public record Settings(
      String campaignId,
      CampaignStore store,
      Function<Message, CompletableFuture<SendOutcome>> submitter,
      Supplier<Optional<SenderStats>> stats,
      Audience audience,
      Map<String, VariantMessage> variants,
      List<String> variantOrder,
      AbTest abTest,
      Instant startAt,
      LocalTime quietStart,
      LocalTime quietEnd,
      Clock clock,
      int batchSize,
      int maxInFlight,
      Duration lease,
      Duration pollInterval,
      List<CampaignListener> listeners,
      List<Consumer<DeliveryFailure>> failureCallbacks,
      String workerId,
      double assumedThroughput) {}

  private final Settings s;
  private final String id;
  private final CampaignStore store;
  private final DeliveryTracker tracker;
  private final CompletableFuture<CampaignSnapshot> completion = new CompletableFuture<>();
  private final ConcurrentLinkedQueue<CampaignStore.Outcome> outcomes =
      new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<CampaignStore.Progress> progress =
      new ConcurrentLinkedQueue<>();
  private final AtomicLong inFlight = new AtomicLong();
  private final AtomicBoolean started = new AtomicBoolean();
  private volatile boolean pauseRequested;
  private volatile boolean cancelRequested;
  private volatile boolean closed;
  private volatile CampaignSnapshot.Status status = CampaignSnapshot.Status.SCHEDULED;
  private volatile AbDecision decision;
  private volatile boolean audienceComplete;
  private ScheduledExecutorService thread;

  // the worker thread's own state
  private final List<CampaignStore.Outcome> unwrittenOutcomes = new ArrayList<>();
  private final List<CampaignStore.Progress> unwrittenProgress = new ArrayList<>();
  private Audience.Cursor cursor;
  private long cursorPosition = -1;
  private boolean announcedStart;
  private boolean paused;
  private boolean storeDown;
  private boolean sampleAnnounced;
  // whether the last claim found nothing: only then can the campaign be complete, so only then is
  // it worth counting every row's state
  private boolean nothingClaimed;
  private Instant nextRenewal = Instant.MIN;
  private Instant lastProgressEvent = Instant.MIN;
  private long recordedSinceEvent;
  private final AtomicLong recorded = new AtomicLong();
  private volatile Instant firstOutcomeAt;

  /** Creates the worker; {@link #start()} starts its thread. */
  public CampaignWorker(Settings settings) {
    this.s = settings;
    this.id = settings.campaignId();
    this.store = settings.store();
    DeliveryTracker.Builder tb =
        DeliveryTracker.builder()
            .originals(this::rebuild)
            .wamidLookup(store::findByWamid)
            .listener(new Feed());
    settings.failureCallbacks().forEach(tb::onFailure);
    this.tracker = tb.build();
  }

  /** Returns the campaign id. */
  public String campaignId() {
    return id;
  }

  /** Returns the store. */
  public CampaignStore store() {
    return store;
  }

  /** Returns the tracker. */
  public DeliveryTracker tracker() {
    return tracker;
  }

  /** Returns the completion future. */
  public CompletableFuture<CampaignSnapshot> completion() {
    return completion;
  }

  /** Starts the worker thread. */
  public void start() {
    if (!started.compareAndSet(false, true)) {
      throw new IllegalStateException("campaign " + id + " was started already");
    }
    thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "wasdk-campaign-" + id);
              t.setDaemon(true);
              return t;
            });
    thread.scheduleWithFixedDelay(this::step, 0, s.pollInterval().toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Asks the worker to pause. */
  public void pause() {
    pauseRequested = true;
  }

  /** Asks the worker to resume. */
  public void resume() {
    pauseRequested = false;
  }

  /** Asks the worker to cancel. */
  public void cancel() {
    cancelRequested = true;
  }

  /** Stops the worker thread. */
  public void close() {
    closed = true;
    status = CampaignSnapshot.Status.CLOSED;
    boolean stopped = true;
    if (thread != null) {
      thread.shutdownNow();
      try {
        stopped = thread.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        stopped = false;
        Thread.currentThread().interrupt();
      }
    }
    if (stopped) {
      // The worker thread has ended, so its buffers are ours: write what it had not yet written.
      try {
        flush();
      } catch (RuntimeException e) {
        LOG.warn("campaign {}: the last outcomes were not written: {}", id, e.toString());
      }
    }
    closeCursor();
  }

  /** Records a variant's clicks. */
  public void recordClicks(String variant, long total) {
    store.putValue(id, "clicks." + variant, Long.toString(total));
    tracker.recordClicks(id, variant, total);
  }

  /** Returns the decision from the store. */
  public Optional<AbDecision> decision() {
    AbDecision d = decision;
    if (d != null) {
      return Optional.of(d);
    }
    return store.value(id, DECISION).map(AbDecision::parse);
  }

  private void step() {
    if (closed) {
      return;
    }
    try {
      doStep();
    } catch (RuntimeException e) {
      if (!storeDown) {
        storeDown = true;
        status = CampaignSnapshot.Status.STORE_UNAVAILABLE;
        LOG.warn("campaign {}: the store failed, waiting for it: {}", id, e.toString());
        emit(CampaignEvent.Type.STORE_UNAVAILABLE, e.getClass().getSimpleName());
      }
    }
  }

  private void doStep() {
    flush();
    if (storeDown) {
      storeDown = false;
      emit(CampaignEvent.Type.STORE_RECOVERED, "the store answers again");
    }
    if (completion.isDone()) {
      return;
    }
    Instant now = s.clock().instant();
    if (cancelRequested || store.value(id, CANCELLED).isPresent()) {
      cancelStep(now);
      return;
    }
    if (pauseRequested) {
      if (!paused) {
        paused = true;
        status = CampaignSnapshot.Status.PAUSED;
        emit(CampaignEvent.Type.PAUSED, inFlight.get() + " messages still in flight");
      }
      return;
    }
    if (paused) {
      paused = false;
      emit(CampaignEvent.Type.RESUMED, "claiming again");
    }
    if (s.startAt() != null && now.isBefore(s.startAt())) {
      status = CampaignSnapshot.Status.SCHEDULED;
      return;
    }
    if (!announcedStart) {
      announcedStart = true;
      emit(CampaignEvent.Type.STARTED, "worker " + s.workerId());
    }
    status = CampaignSnapshot.Status.RUNNING;
    loadAudience();
    store.expireClaims(id, now);
    if (!now.isBefore(nextRenewal)) {
      store.renewClaims(id, s.workerId(), now.plus(s.lease()));
      nextRenewal = now.plus(s.lease().dividedBy(3));
    }
    if (s.abTest() == null) {
      claimAndSend(now, true, null);
    } else {
      abStep(now);
    }
    flush();
    progressEvent(now);
    checkComplete(now);
  }

  private void abStep(Instant now) {
    AbDecision d = decision;
    if (d == null) {
      d = store.value(id, DECISION).map(AbDecision::parse).orElse(null);
      decision = d;
    }
    if (d != null) {
      // STOP: claim the rest without a variant and skip them
      claimAndSend(now, true, d.sendToRest().orElse(null));
      return;
    }
    claimAndSend(now, false, null);
    if (!audienceComplete || inFlight.get() > 0 || !outcomes.isEmpty()) {
      return;
    }
    Map<RecipientState, Long> sample = store.counts(id, true);
    long open =
        sample.getOrDefault(RecipientState.PENDING, 0L)
            + sample.getOrDefault(RecipientState.CLAIMED, 0L);
    if (open > 0) {
      return;
    }
    Instant doneAt = Instant.parse(store.putValueIfAbsent(id, SAMPLE_DONE_AT, now.toString()));
    if (!sampleAnnounced) {
      sampleAnnounced = true;
      emit(
          CampaignEvent.Type.SAMPLE_DONE,
          "sample done at " + doneAt + "; deciding after " + s.abTest().decisionWait());
    }
    status = CampaignSnapshot.Status.WAITING_FOR_DECISION;
    if (now.isBefore(doneAt.plus(s.abTest().decisionWait()))) {
      return;
    }
    flush();
    AbDecision made = AbDecision.decide(s.abTest(), s.variantOrder(), store.funnels(id, true), now);
    AbDecision stored = AbDecision.parse(store.putValueIfAbsent(id, DECISION, made.encode()));
    decision = stored;
    status = CampaignSnapshot.Status.RUNNING;
    emit(CampaignEvent.Type.DECIDED, stored.explanation());
  }

  private void loadAudience() {
    if (audienceComplete) {
      return;
    }
    if (store.value(id, AUDIENCE_TOTAL).isPresent()) {
      audienceComplete = true;
      closeCursor();
      return;
    }
    for (int b = 0; b < LOAD_BATCHES_PER_STEP; b++) {
      long at = store.audienceCursor(id);
      if (cursor == null || cursorPosition != at) {
        closeCursor();
        cursor = s.audience().open();
        for (long i = 0; i < at && cursor.hasNext(); i++) {
          cursor.next();
        }
        cursorPosition = at;
      }
      List<CampaignStore.Entry> batch = new ArrayList<>(LOAD_BATCH);
      while (batch.size() < LOAD_BATCH && cursor.hasNext()) {
        batch.add(entry(at + batch.size(), cursor.next()));
      }
      if (batch.isEmpty()) {
        store.putValueIfAbsent(id, AUDIENCE_TOTAL, Long.toString(at));
        audienceComplete = true;
        closeCursor();
        emit(CampaignEvent.Type.AUDIENCE_LOADED, at + " recipients");
        return;
      }
      if (store.appendAudience(id, at, batch)) {
        cursorPosition = at + batch.size();
      } else {
        cursorPosition = -1; // another instance appended: reopen at the new cursor
      }
    }
  }

  private CampaignStore.Entry entry(long index, AudienceMember m) {
    List<String> names = s.variantOrder();
    long h = mix(id.hashCode() * 0x9E3779B97F4A7C15L + index);
    String variant;
    boolean sample = false;
    if (s.abTest() == null) {
      variant = names.get((int) (index % names.size()));
    } else {
      double u = (h >>> 11) * 0x1.0p-53;
      sample = u < s.abTest().sampleShare();
      variant = sample ? names.get((int) Long.remainderUnsigned(mix(h), names.size())) : null;
    }
    return new CampaignStore.Entry(index, m.recipient(), m.params(), m.zone(), variant, sample);
  }

  /** SplitMix64's finalizer: spreads consecutive indexes evenly. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  private void claimAndSend(Instant now, boolean includeUnassigned, String assignTo) {
    int room = (int) Math.min(s.batchSize(), s.maxInFlight() - inFlight.get());
    if (room <= 0) {
      return;
    }
    List<CampaignStore.Entry> claimed =
        store.claim(
            id,
            new CampaignStore.Claim(
                s.workerId(), room, now, now.plus(s.lease()), includeUnassigned, assignTo));
    nothingClaimed = claimed.isEmpty();
    Map<Instant, List<Long>> quiet = new TreeMap<>();
    for (CampaignStore.Entry e : claimed) {
      if (e.variant() == null) {
        outcomes.add(new CampaignStore.Outcome(e.index(), RecipientState.SKIPPED, null, null, now));
        continue;
      }
      Optional<Instant> until = quietUntil(now, e.zone());
      if (until.isPresent()) {
        quiet.computeIfAbsent(until.get(), k -> new ArrayList<>()).add(e.index());
        continue;
      }
      Message message;
      try {
        message = build(e);
      } catch (RuntimeException ex) {
        LOG.warn(
            "campaign {}: recipient {} variant {}: the message did not build: {}",
            id,
            e.index(),
            e.variant(),
            ex.getMessage());
        outcomes.add(
            new CampaignStore.Outcome(
                e.index(), RecipientState.REFUSED, null, RejectReason.API_ERROR, now));
        continue;
      }
      inFlight.incrementAndGet();
      tracker.submitted(message);
      CompletableFuture<SendOutcome> f;
      try {
        f = s.submitter().apply(message);
      } catch (RuntimeException ex) {
        f = CompletableFuture.failedFuture(ex);
      }
      long index = e.index();
      f.whenComplete((o, err) -> onOutcome(index, o, err));
    }
    quiet.forEach((until, indexes) -> store.release(id, s.workerId(), indexes, until));
  }

  private void onOutcome(long index, SendOutcome o, Throwable err) {
    Instant at = s.clock().instant();
    CampaignStore.Outcome out;
    if (err != null || o == null) {
      out = new CampaignStore.Outcome(index, RecipientState.UNKNOWN, null, null, at);
    } else {
      tracker.outcome(o);
      out =
          switch (o.status()) {
            case SENT ->
                new CampaignStore.Outcome(
                    index, RecipientState.SENT, o.wamid().orElseThrow(), null, at);
            case REJECTED ->
                new CampaignStore.Outcome(
                    index, RecipientState.REFUSED, null, o.rejectReason().orElseThrow(), at);
            case UNKNOWN ->
                new CampaignStore.Outcome(index, RecipientState.UNKNOWN, null, null, at);
            // provably not sent: claimable again
            case DEFERRED, CANCELLED ->
                new CampaignStore.Outcome(index, RecipientState.PENDING, null, null, at);
          };
    }
    if (firstOutcomeAt == null) {
      firstOutcomeAt = at;
    }
    outcomes.add(out);
    inFlight.decrementAndGet();
  }

  private Optional<Instant> quietUntil(Instant now, Optional<ZoneId> zone) {
    if (s.quietStart() == null || zone.isEmpty()) {
      return Optional.empty();
    }
    ZonedDateTime local = now.atZone(zone.get());
    LocalTime t = local.toLocalTime();
    LocalTime start = s.quietStart();
    LocalTime end = s.quietEnd();
    boolean quiet =
        start.isBefore(end)
            ? !t.isBefore(start) && t.isBefore(end)
            : !t.isBefore(start) || t.isBefore(end);
    if (!quiet) {
      return Optional.empty();
    }
    ZonedDateTime until = local.with(end);
    if (!until.isAfter(local)) {
      until = until.plusDays(1);
    }
    return Optional.of(until.toInstant());
  }

  private Message build(CampaignStore.Entry e) {
    TrackingTag tag = TrackingTag.of(id, e.variant(), e.index());
    Message.Builder to = Message.to(e.recipient()).bizOpaqueCallbackData(tag.encode());
    return s.variants().get(e.variant()).build(to, e.member());
  }

  private Optional<Message> rebuild(TrackingTag tag) {
    if (!tag.campaignId().equals(id) || !s.variants().containsKey(tag.variant())) {
      return Optional.empty();
    }
    return store.recipient(id, tag.index()).map(r -> build(r.entry().withVariant(tag.variant())));
  }

  private void cancelStep(Instant now) {
    store.putValueIfAbsent(id, CANCELLED, now.toString());
    status = CampaignSnapshot.Status.CANCELLED;
    while (true) {
      List<CampaignStore.Entry> rest =
          store.claim(
              id,
              new CampaignStore.Claim(
                  s.workerId(), 1000, FAR_FUTURE, now.plus(s.lease()), true, null));
      if (rest.isEmpty()) {
        break;
      }
      List<CampaignStore.Outcome> cancelled = new ArrayList<>();
      for (CampaignStore.Entry e : rest) {
        cancelled.add(
            new CampaignStore.Outcome(e.index(), RecipientState.CANCELLED, null, null, now));
      }
      store.recordOutcomes(id, s.workerId(), cancelled);
    }
    if (inFlight.get() == 0 && outcomes.isEmpty()) {
      flush();
      emit(
          CampaignEvent.Type.CANCELLED,
          "not sent: " + snapshotCounts().getOrDefault(RecipientState.CANCELLED, 0L));
      completion.complete(snapshot());
    }
  }

  private Map<RecipientState, Long> snapshotCounts() {
    return store.counts(id, false);
  }

  private void flush() {
    CampaignStore.Outcome o;
    while ((o = outcomes.poll()) != null) {
      unwrittenOutcomes.add(o);
    }
    CampaignStore.Progress p;
    while ((p = progress.poll()) != null) {
      unwrittenProgress.add(p);
    }
    if (!unwrittenOutcomes.isEmpty()) {
      store.recordOutcomes(id, s.workerId(), unwrittenOutcomes);
      recordedSinceEvent += unwrittenOutcomes.size();
      recorded.addAndGet(unwrittenOutcomes.size());
      unwrittenOutcomes.clear();
    }
    if (!unwrittenProgress.isEmpty()) {
      store.recordProgress(id, unwrittenProgress);
      unwrittenProgress.clear();
    }
  }

  private void progressEvent(Instant now) {
    if (recordedSinceEvent > 0 && !now.isBefore(lastProgressEvent.plusSeconds(1))) {
      lastProgressEvent = now;
      emit(
          CampaignEvent.Type.PROGRESS,
          recordedSinceEvent + " outcomes recorded; " + inFlight.get() + " in flight");
      recordedSinceEvent = 0;
    }
  }

  private void checkComplete(Instant now) {
    if (!audienceComplete || !nothingClaimed || inFlight.get() > 0 || !outcomes.isEmpty()) {
      return;
    }
    if (s.abTest() != null && decision == null) {
      return;
    }
    Map<RecipientState, Long> c = store.counts(id, false);
    if (c.getOrDefault(RecipientState.PENDING, 0L) == 0
        && c.getOrDefault(RecipientState.CLAIMED, 0L) == 0) {
      status = CampaignSnapshot.Status.COMPLETED;
      emit(CampaignEvent.Type.COMPLETED, "final states: " + c);
      completion.complete(snapshot());
    }
  }

  /** Returns a snapshot, reading the store. */
  public CampaignSnapshot snapshot() {
    Instant now = s.clock().instant();
    Map<RecipientState, Long> counts = store.counts(id, false);
    long loaded = counts.values().stream().mapToLong(Long::longValue).sum();
    long remaining =
        counts.getOrDefault(RecipientState.PENDING, 0L)
            + counts.getOrDefault(RecipientState.CLAIMED, 0L);
    Optional<SenderStats> stats = s.stats().get();
    double throughput =
        stats
            .map(SenderStats::currentThroughputPerSecond)
            .filter(t -> t > 0)
            .orElse(s.assumedThroughput());
    double rate = throughput;
    Instant first = firstOutcomeAt;
    long done = recorded.get();
    if (first != null && done > 0) {
      double seconds = Duration.between(first, now).toMillis() / 1000.0;
      if (seconds >= 1) {
        rate = Math.min(throughput, done / seconds);
      }
    }
    Optional<Instant> eta = Optional.empty();
    if (audienceComplete && rate > 0) {
      Duration d = Duration.ofMillis((long) (remaining / rate * 1000));
      if (stats.isPresent()) {
        OptionalLong limit = stats.get().tier().uniqueUsersPer24Hours();
        if (limit.isPresent() && limit.getAsLong() > 0) {
          long free = Math.max(0, limit.getAsLong() - stats.get().tierUsed().orElse(0));
          if (remaining > free) {
            long days = (remaining - free + limit.getAsLong() - 1) / limit.getAsLong();
            d = d.plusDays(days);
          }
        }
      }
      if (s.abTest() != null && decision == null) {
        Optional<String> doneAt = store.value(id, SAMPLE_DONE_AT);
        Instant decideAt = doneAt.map(Instant::parse).orElse(now).plus(s.abTest().decisionWait());
        if (decideAt.isAfter(now)) {
          d = d.plus(Duration.between(now, decideAt));
        }
      }
      eta = Optional.of(now.plus(d));
    }
    return new CampaignSnapshot(
        id,
        status,
        counts,
        loaded,
        audienceComplete,
        Optional.ofNullable(decision),
        inFlight.get(),
        rate,
        eta,
        now);
  }

  private void emit(CampaignEvent.Type type, String detail) {
    CampaignEvent e = new CampaignEvent(id, type, detail, s.clock().instant());
    for (CampaignListener l : s.listeners()) {
      try {
        l.onEvent(e);
      } catch (RuntimeException ex) {
        LOG.warn("campaign {}: a listener failed on {}: {}", id, type, ex.toString());
      }
    }
  }

  private void closeCursor() {
    if (cursor != null) {
      cursor.close();
      cursor = null;
      cursorPosition = -1;
    }
  }

  /** Turns the tracker's statuses and replies into store progress. */
  private final class Feed implements TrackingListener {
    @Override
    public void onStatus(TrackingTag tag, MessageStatusChanged st) {
      if (!tag.campaignId().equals(id)) {
        return;
      }
      DeliveryStatus ds = st.status();
      int rank = ds == DeliveryStatus.FAILED || ds == DeliveryStatus.UNKNOWN ? 0 : ds.rank();
      int code = ds == DeliveryStatus.FAILED ? st.errorCode().orElse(-1) : 0;
      String category =
          st.pricing()
              .filter(pr -> pr.isCharged())
              .map(pr -> pr.category().orElse("unknown"))
              .orElse(null);
      progress.add(
          new CampaignStore.Progress(
              tag.index(), st.messageId(), rank, code, false, category, st.timestamp()));
    }

    @Override
    public void onReply(TrackingTag tag, String wamid, MessageReceived reply) {
      if (tag.campaignId().equals(id)) {
        progress.add(
            new CampaignStore.Progress(tag.index(), wamid, 0, 0, true, null, reply.timestamp()));
      }
    }
  }
}
