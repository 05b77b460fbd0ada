package dev.wasdk.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the leases a delivery holds while its handlers run, on one shared daemon thread. A renewal
 * is a store call, so it runs on that thread and never under a lock; a store that stalls delays
 * only later renewals.
 */
final class LeaseRenewer {
  private static final Logger log = LoggerFactory.getLogger(LeaseRenewer.class);

  private static final ScheduledThreadPoolExecutor TIMER = newTimer();

  private LeaseRenewer() {}

  /** A running renewal; {@link #stop()} ends it. */
  interface Renewal {
    void stop();
  }

  private static final Renewal NONE = () -> {};

  /**
   * Starts renewing the keys (nulls are skipped) every third of the lease, until stopped.
   *
   * @return the renewal; stop it once the keys are completed or released
   */
  static Renewal start(
      Deduplicator store, List<String> keys, String holder, Clock clock, Duration lease) {
    if (keys.stream().allMatch(k -> k == null)) {
      return NONE;
    }
    long every = Math.max(1, lease.toMillis() / 3);
    List<String> held = keys.stream().filter(k -> k != null).toList();
    ScheduledFuture<?> task =
        TIMER.scheduleWithFixedDelay(
            () -> renew(store, held, holder, clock, lease), every, every, TimeUnit.MILLISECONDS);
    return () -> task.cancel(false);
  }

  private static void renew(
      Deduplicator store, List<String> keys, String holder, Clock clock, Duration lease) {
    for (String key : keys) {
      try {
        if (!store.renew(key, holder, clock.instant(), lease)) {
          // Done or released in the meantime is the normal end; only a takeover is worth a line,
          // and the store cannot tell them apart, so stay at DEBUG.
          log.debug("Webhook lease not renewed: the key is no longer held by this delivery");
        }
      } catch (RuntimeException e) {
        log.warn(
            "Webhook de-duplication store could not renew a lease; another delivery may take"
                + " the event over if this lasts: {}",
            e.getClass().getName());
      }
    }
  }

  private static ScheduledThreadPoolExecutor newTimer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "wasdk-webhook-lease");
              t.setDaemon(true);
              return t;
            });
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
