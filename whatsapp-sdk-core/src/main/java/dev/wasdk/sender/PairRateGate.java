package dev.wasdk.sender;

import dev.wasdk.sender.LimiterStore.TakeResult;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Holds back a user while a 131056 backoff lasts, and takes a token of the (phone number, user)
 * pair-rate bucket: 45 messages, then one every 6 seconds. The token is given back when the message
 * ends without being sent. The backoffs live in memory, guarded by this gate's monitor, which is
 * never held across a call out.
 */
final class PairRateGate implements Gate {
  private final String phoneNumberId;
  private final LimiterStore store;
  private final StoreCalls calls;
  private final Map<String, Backoff> backoffs = new HashMap<>();

  PairRateGate(String phoneNumberId, LimiterStore store, StoreCalls calls) {
    this.phoneNumberId = phoneNumberId;
    this.store = store;
    this.calls = calls;
  }

  @Override
  public Verdict check(Job job, Instant now) {
    Optional<Instant> until = backoffUntil(job.user);
    if (until.isPresent() && until.get().isAfter(now)) {
      return Verdict.sleep(until.get(), "the pair-rate backoff after 131056");
    }
    if (!job.pairTaken && !job.user.startsWith("group:")) {
      TakeResult r =
          calls.call(
              "pair rate",
              () -> store.tryTake(key(job), SenderConfig.PAIR_RATE, 1, now),
              late -> {
                if (late.taken()) {
                  store.refund(key(job), SenderConfig.PAIR_RATE, 1, now);
                }
              });
      if (!r.taken()) {
        return Verdict.sleep(
            now.plus(r.retryAfter()),
            "the pair rate (45 messages, then 1 every 6 seconds per user)");
      }
      job.pairTaken = true;
    }
    return Verdict.PASS;
  }

  @Override
  public void release(Job job, boolean mayHaveReachedMeta, Instant now) {
    if (job.pairTaken && !mayHaveReachedMeta) {
      job.pairTaken = false;
      calls.runAsync(
          "pair-rate refund", () -> store.refund(key(job), SenderConfig.PAIR_RATE, 1, now));
    }
  }

  /** Backs the user off for 4<sup>x</sup> seconds after its x-th consecutive 131056. */
  synchronized Duration backOff(String user, Instant now) {
    Backoff b = backoffs.computeIfAbsent(user, u -> new Backoff());
    long seconds = 1L << (2 * Math.min(b.failures, 10));
    b.failures++;
    b.until = now.plusSeconds(seconds);
    return Duration.ofSeconds(seconds);
  }

  /** Forgets a backoff that has run out, once a message to the user went through. */
  synchronized void onSent(String user, Instant now) {
    Backoff b = backoffs.get(user);
    if (b != null && !b.until.isAfter(now)) {
      backoffs.remove(user);
    }
  }

  synchronized Optional<Instant> backoffUntil(String user) {
    Backoff b = backoffs.get(user);
    return b == null ? Optional.empty() : Optional.of(b.until);
  }

  synchronized void erase(String user) {
    backoffs.remove(user);
  }

  private String key(Job job) {
    return bucketKey(job.member);
  }

  /** Returns the key of the pair-rate bucket of the user whose limiter member is {@code member}. */
  String bucketKey(String member) {
    return "pair:" + phoneNumberId + ":" + member;
  }

  private static final class Backoff {
    int failures;
    Instant until = Instant.MIN;
  }
}
