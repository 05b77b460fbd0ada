package dev.wasdk.sender;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.sender.LimiterStore.AdmitResult;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Admits a template sent outside the service window into the portfolio's rolling 24-hour window of
 * unique users, deferring or rejecting (by policy) when the tier is full. A user already counted
 * costs nothing. The slot is given back when the message ends without being sent, unless the
 * request may have reached Meta.
 */
final class TierGate implements Gate {
  private final String tierKey;
  private final TierExhaustedPolicy policy;
  private final LimiterStore store;
  private final StoreCalls calls;
  private volatile MessagingTier tier;
  private Instant appliedAt = Instant.MIN;

  TierGate(
      String portfolioId,
      MessagingTier tier,
      TierExhaustedPolicy policy,
      LimiterStore store,
      StoreCalls calls) {
    this.tierKey = "tier:" + portfolioId;
    this.tier = tier;
    this.policy = policy;
    this.store = store;
    this.calls = calls;
  }

  @Override
  public Verdict check(Job job, Instant now) {
    MessagingTier t = tier;
    OptionalLong limit = limit(t);
    if (!(job.message instanceof TemplateMessage)
        || job.windowOpen
        || limit.isEmpty()
        || job.tierAdmittedAt != null
        || job.tierFree) {
      return Verdict.PASS;
    }
    AdmitResult a =
        calls.call(
            "tier window",
            () ->
                store.admit(tierKey, job.member, limit.getAsLong(), SenderConfig.TIER_WINDOW, now),
            late -> {
              if (late.admitted() && !late.alreadyCounted()) {
                store.release(tierKey, job.member, now);
              }
            });
    if (!a.admitted()) {
      if (policy == TierExhaustedPolicy.REJECT) {
        return Verdict.finish(
            new SendOutcome.Rejected(
                job.message,
                RejectReason.TIER_EXHAUSTED,
                "the messaging limit ("
                    + t
                    + ") is reached for the rolling 24 hours; the next slot frees in "
                    + a.retryAfter(),
                Optional.empty()));
      }
      return Verdict.sleep(now.plus(a.retryAfter()), "a messaging-limit slot (" + t + ")");
    }
    if (a.alreadyCounted()) {
      job.tierFree = true;
    } else {
      job.tierAdmittedAt = now;
    }
    return Verdict.PASS;
  }

  @Override
  public void release(Job job, boolean mayHaveReachedMeta, Instant now) {
    if (job.tierAdmittedAt != null && !mayHaveReachedMeta) {
      releaseSlot(job.member, job.tierAdmittedAt);
      job.tierAdmittedAt = null;
    }
  }

  /** Returns the key of the tier window. */
  String windowKey() {
    return tierKey;
  }

  /** Gives back the slot of a send Meta reported failed; never blocks on the store. */
  void releaseSlot(String member, Instant admittedAt) {
    calls.runAsync("tier slot release", () -> store.release(tierKey, member, admittedAt));
  }

  MessagingTier tier() {
    return tier;
  }

  /**
   * Sets the tier reported at {@code at}; returns whether it changed. A report older than the last
   * one applied is ignored, so a late retry or a replayed webhook cannot roll the tier back.
   */
  synchronized boolean update(MessagingTier next, Instant at) {
    if (at.isBefore(appliedAt)) {
      return false;
    }
    appliedAt = at;
    if (next.equals(tier)) {
      return false;
    }
    tier = next;
    return true;
  }

  /** Returns how many users the window holds, or empty when unlimited or the store fails. */
  OptionalLong used(Instant now) {
    if (tier.isUnlimited()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(
          calls.call("tier usage", () -> store.windowSize(tierKey, SenderConfig.TIER_WINDOW, now)));
    } catch (LimiterUnavailableException ex) {
      return OptionalLong.empty();
    }
  }

  /**
   * Returns the tier's limit. A tier whose limit is not known counts as a new portfolio's 250:
   * exceeding the real limit would have no error to warn us.
   */
  private static OptionalLong limit(MessagingTier t) {
    if (t.isUnlimited()) {
      return OptionalLong.empty();
    }
    OptionalLong l = t.uniqueUsersPer24Hours();
    return l.isPresent() ? l : OptionalLong.of(250);
  }
}
