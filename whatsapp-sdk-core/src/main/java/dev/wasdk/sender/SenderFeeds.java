package dev.wasdk.sender;

import dev.wasdk.internal.text.Redact;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the webhooks and Meta's answers tell the sender about users: inbound messages open windows,
 * opt-outs and frequency caps change consent, failed statuses give tier slots back and back users
 * off. Each change applies to this instance at once and reaches the stores without waiting for
 * them, so no webhook thread ever waits on a store. It also remembers recent sends by {@code wamid}
 * and calls the listeners.
 *
 * <p>Thread-safe; holds no lock while it calls a store, a listener or the dispatcher.
 */
final class SenderFeeds {
  private static final Logger LOG = LoggerFactory.getLogger(SenderFeeds.class);

  private final SenderConfig config;
  private final Clock clock;
  private final SenderRuntime runtime;
  private final PairRateGate pairGate;
  private final TierGate tierGate;
  private final Dispatcher dispatcher;
  private final Runnable pump;
  private final LinkedHashMap<String, SentRecord> recent = new LinkedHashMap<>();

  SenderFeeds(
      SenderConfig config,
      SenderRuntime runtime,
      PairRateGate pairGate,
      TierGate tierGate,
      Dispatcher dispatcher,
      Runnable pump) {
    this.config = config;
    this.clock = config.clock();
    this.runtime = runtime;
    this.pairGate = pairGate;
    this.tierGate = tierGate;
    this.dispatcher = dispatcher;
    this.pump = pump;
  }

  void onStatusFailed(String wamid, String user, int errorCode, Instant at) {
    Objects.requireNonNull(wamid, "wamid");
    Objects.requireNonNull(at, "at");
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
    pump.run();
  }

  /** Opens the user's window here at once and in the store without waiting for it. */
  void onInbound(String user, Instant at) {
    Objects.requireNonNull(at, "at");
    ServiceWindowTracker w = config.windows();
    String key = w.recordLocally(user, at);
    runtime.windows.runAsync("record inbound", () -> w.store().recordInbound(key, at));
    pump.run();
  }

  boolean onInboundText(String user, String text, Instant at, String messageId) {
    Objects.requireNonNull(text, "text");
    onInbound(user, at);
    Optional<ConsentRecord> stop = config.consent().keywordOptOut(text, at, messageId);
    stop.ifPresent(r -> recordConsent(user, r));
    return stop.isPresent();
  }

  void onMarketingPreference(String user, boolean stop, Instant at) {
    recordConsent(user, ConsentHistory.preference(stop, at));
    pump.run();
  }

  /** Applies what a final answer from Meta says about the user. */
  void applyEffect(OutcomePolicy.Effect effect, String user, Instant now) {
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

  /**
   * Backs a user off after a 131056 and returns until when; the listeners hear of it through {@code
   * fx}, after any lock is released.
   */
  Instant backOff(String user, Instant now, Effects fx) {
    Duration d = pairGate.backOff(user, now);
    String masked = Redact.mask(user);
    LOG.debug("131056 for {}: backing off {}", masked, d);
    fx.add(() -> each(l -> l.onPairBackoff(masked, d)));
    return now.plus(d);
  }

  /** Records consent here at once (an opt-out is refused from now on) and in the store later. */
  private void recordConsent(String user, ConsentRecord record) {
    ConsentRegistry consent = config.consent();
    String key = consent.keyLocal(user);
    consent.noteLocally(key, record);
    runtime.consent.runAsync("append consent", () -> consent.store().append(key, record));
  }

  private void closeWindow(String user) {
    ServiceWindowTracker w = config.windows();
    String key = w.keyLocal(user);
    w.closeLocally(key);
    runtime.windows.runAsync("close window", () -> w.closeKnown(key));
  }

  /** Remembers a send by its {@code wamid}, to give its tier slot back if its status fails. */
  void remember(String wamid, Job job) {
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

  /** Forgets the recent sends to a user. */
  void forget(String user) {
    synchronized (recent) {
      recent.values().removeIf(r -> r.user().equals(user));
    }
  }

  /**
   * Calls every listener; one that throws is logged and the rest still hear. Never under a lock.
   */
  void each(Consumer<SenderListener> call) {
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
