package dev.wasdk.sender;

import dev.wasdk.message.CallPermissionRequestMessage;
import dev.wasdk.sender.LimiterStore.AdmitResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Holds call-permission requests to Meta's per-pair limits: one request per 24 hours and two per 7
 * days for each business number and user, free-form and template requests together (Meta refuses
 * more with 138009). Each request takes a slot in two rolling windows of the {@link LimiterStore},
 * so senders sharing a store share the count. A request over either limit is rejected with {@link
 * RejectReason#CALL_PERMISSION_REQUEST_LIMIT} and the time the next one is allowed: waiting a day
 * in the queue would hold the message long after its moment. The slots are given back when the
 * request ends without being sent, unless it may have reached Meta.
 *
 * <p>Only {@link CallPermissionRequestMessage}s are counted: a template is sent by name, and the
 * sender cannot tell that it carries a {@code call_permission_request} component. Meta resets both
 * counters after a connected call between the pair; the gate does not see calls and keeps counting,
 * the safe side.
 */
final class CallPermissionGate implements Gate {
  static final Duration DAY = Duration.ofHours(24);
  static final Duration WEEK = Duration.ofDays(7);
  static final long PER_DAY = 1;
  static final long PER_WEEK = 2;

  private final String phoneNumberId;
  private final LimiterStore store;
  private final StoreCalls calls;

  CallPermissionGate(String phoneNumberId, LimiterStore store, StoreCalls calls) {
    this.phoneNumberId = phoneNumberId;
    this.store = store;
    this.calls = calls;
  }

  @Override
  public Verdict check(Job job, Instant now) {
    if (!(job.message instanceof CallPermissionRequestMessage)
        || job.user.startsWith("group:")
        || job.callPermissionSlot != null) {
      return Verdict.PASS;
    }
    String slot = UUID.randomUUID().toString();
    String day = dayKey(job.member);
    String week = weekKey(job.member);
    AdmitResult d = admit(day, slot, PER_DAY, DAY, now);
    if (!d.admitted()) {
      return reject(job, "1 per 24 hours", d.retryAfter());
    }
    AdmitResult w;
    try {
      w = admit(week, slot, PER_WEEK, WEEK, now);
    } catch (LimiterUnavailableException ex) {
      giveBack(day, slot, now);
      throw ex;
    }
    if (!w.admitted()) {
      giveBack(day, slot, now);
      return reject(job, "2 per 7 days", w.retryAfter());
    }
    job.callPermissionSlot = slot;
    job.callPermissionAt = now;
    return Verdict.PASS;
  }

  @Override
  public void release(Job job, boolean mayHaveReachedMeta, Instant now) {
    String slot = job.callPermissionSlot;
    if (slot != null && !mayHaveReachedMeta) {
      Instant at = job.callPermissionAt;
      job.callPermissionSlot = null;
      job.callPermissionAt = null;
      giveBack(dayKey(job.member), slot, at);
      giveBack(weekKey(job.member), slot, at);
    }
  }

  /** Returns the key of the 24-hour window of the user whose limiter member is {@code member}. */
  String dayKey(String member) {
    return "callperm:day:" + phoneNumberId + ":" + member;
  }

  /** Returns the key of the 7-day window of the user whose limiter member is {@code member}. */
  String weekKey(String member) {
    return "callperm:week:" + phoneNumberId + ":" + member;
  }

  private AdmitResult admit(String key, String slot, long limit, Duration window, Instant now) {
    return calls.call(
        "call-permission requests",
        () -> store.admit(key, slot, limit, window, now),
        late -> {
          if (late.admitted() && !late.alreadyCounted()) {
            store.release(key, slot, now);
          }
        });
  }

  private void giveBack(String key, String slot, Instant admittedAt) {
    calls.runAsync("call-permission slot release", () -> store.release(key, slot, admittedAt));
  }

  private static Verdict reject(Job job, String limit, Duration retryAfter) {
    return Verdict.finish(
        new SendOutcome.Rejected(
            job.message,
            RejectReason.CALL_PERMISSION_REQUEST_LIMIT,
            "the call-permission request limit for this user is reached ("
                + limit
                + " per business number and user; Meta would refuse it with 138009); the next"
                + " request is allowed in "
                + retryAfter,
            Optional.empty()));
  }
}
