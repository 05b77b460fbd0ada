package dev.wasdk.sender;

import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import java.time.Instant;

/**
 * Reads a user's consent history and service window in one round trip ({@link ConsentStore#read})
 * when a marketing template needs both and neither is known in this JVM, and leaves what it read on
 * the job for the {@link WindowGate} and the {@link ConsentGate}. It reads afresh on every
 * admission. When either store answers in memory, or the read fails, the gates read as before, each
 * on its own. Refuses and reserves nothing.
 */
final class UserStateRead implements Gate {
  private final ConsentRegistry consent;
  private final ServiceWindowTracker windows;
  private final StoreCalls consentCalls;
  private final boolean bothRemote;

  UserStateRead(
      ConsentRegistry consent,
      ServiceWindowTracker windows,
      StoreCalls consentCalls,
      StoreCalls windowCalls) {
    this.consent = consent;
    this.windows = windows;
    this.consentCalls = consentCalls;
    this.bothRemote = !consentCalls.direct() && !windowCalls.direct();
  }

  @Override
  public Verdict check(Job job, Instant now) {
    job.readHistory = null;
    job.readInbound = null;
    if (!bothRemote
        || !(job.message instanceof TemplateMessage)
        || job.category != TemplateCategory.MARKETING
        || job.user.startsWith("group:")
        || consent.optOutCached(job.key)
        || windows.isOpenLocally(job.key, now)) {
      return Verdict.PASS;
    }
    try {
      ConsentStore.UserState s =
          consentCalls.call(
              "consent and service window", () -> consent.store().read(job.key, windows.store()));
      job.readHistory = s.history();
      job.readInbound = s.lastInbound();
    } catch (LimiterUnavailableException ex) {
      // The gates read on their own and fail as they would, naming their store.
    }
    return Verdict.PASS;
  }

  @Override
  public void release(Job job, boolean mayHaveReachedMeta, Instant now) {}
}
