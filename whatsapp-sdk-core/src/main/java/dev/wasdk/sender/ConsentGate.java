package dev.wasdk.sender;

import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.sender.LimiterStore.TakeResult;
import java.time.Instant;
import java.util.Optional;

/**
 * Lets a marketing template through only to a user who consented and has not opted out, and takes a
 * token of the sender's own per-user marketing cap when one is set. The token is given back when
 * the message ends without being sent.
 */
final class ConsentGate implements Gate {
  private final ConsentRegistry consent;
  private final boolean requireOptIn;
  private final BucketSpec cap;
  private final LimiterStore store;
  private final StoreCalls calls;
  private final StoreCalls consentCalls;

  ConsentGate(
      ConsentRegistry consent,
      boolean requireOptIn,
      BucketSpec cap,
      LimiterStore store,
      StoreCalls calls,
      StoreCalls consentCalls) {
    this.consentCalls = consentCalls;
    this.consent = consent;
    this.requireOptIn = requireOptIn;
    this.cap = cap;
    this.store = store;
    this.calls = calls;
  }

  @Override
  public Verdict check(Job job, Instant now) {
    if (!(job.message instanceof TemplateMessage) || job.category != TemplateCategory.MARKETING) {
      return Verdict.PASS;
    }
    Optional<RejectReason> refused =
        job.readHistory != null
            ? consent.checkKey(job.key, requireOptIn, now, job.readHistory)
            : consentCalls.call("consent", () -> consent.checkKey(job.key, requireOptIn, now));
    if (refused.isPresent()) {
      return reject(job, refused.get(), detail(refused.get()));
    }
    if (cap != null && !job.capTaken) {
      TakeResult r =
          calls.call(
              "marketing cap",
              () -> store.tryTake(key(job), cap, 1, now),
              late -> {
                if (late.taken()) {
                  store.refund(key(job), cap, 1, now);
                }
              });
      if (!r.taken()) {
        return reject(
            job,
            RejectReason.FREQUENCY_CAPPED,
            "the per-user marketing cap is reached; next slot in " + r.retryAfter());
      }
      job.capTaken = true;
    }
    return Verdict.PASS;
  }

  @Override
  public void release(Job job, boolean mayHaveReachedMeta, Instant now) {
    if (job.capTaken && !mayHaveReachedMeta) {
      job.capTaken = false;
      calls.runAsync("marketing cap refund", () -> store.refund(key(job), cap, 1, now));
    }
  }

  private static String key(Job job) {
    return capKey(job.member);
  }

  /** Returns the key of the marketing-cap bucket of the user whose limiter member is given. */
  static String capKey(String member) {
    return "mcap:" + member;
  }

  private static Verdict reject(Job job, RejectReason reason, String detail) {
    return Verdict.finish(new SendOutcome.Rejected(job.message, reason, detail, Optional.empty()));
  }

  private static String detail(RejectReason reason) {
    switch (reason) {
      case OPTED_OUT:
        return "the user opted out of marketing messages";
      case FREQUENCY_CAPPED:
        return "WhatsApp capped the user's marketing messages (131049); wait 24 hours";
      default:
        return "no marketing opt-in is recorded for the user; record one with"
            + " ConsentRegistry.optIn";
    }
  }
}
