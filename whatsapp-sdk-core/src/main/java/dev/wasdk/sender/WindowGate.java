package dev.wasdk.sender;

import dev.wasdk.message.TemplateMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * Refuses a free-form message to a user whose customer-service window is closed, and notes on the
 * job whether the window is open (messages inside it do not count against the tier). Reserves
 * nothing.
 */
final class WindowGate implements Gate {
  private final ServiceWindowTracker windows;
  private final boolean enforce;
  private final StoreCalls calls;

  WindowGate(ServiceWindowTracker windows, boolean enforce, StoreCalls calls) {
    this.windows = windows;
    this.enforce = enforce;
    this.calls = calls;
  }

  @Override
  public Verdict check(Job job, Instant now) {
    boolean template = job.message instanceof TemplateMessage;
    boolean group = job.user.startsWith("group:");
    try {
      if (group) {
        job.windowOpen = false;
      } else if (job.readInbound != null) {
        job.windowOpen =
            windows.isOpenLocally(job.key, now)
                || ServiceWindowTracker.isOpenAt(job.readInbound, now);
      } else {
        job.windowOpen = calls.call("service window", () -> windows.isOpenKey(job.key, now));
      }
    } catch (LimiterUnavailableException ex) {
      if (!template && enforce && !group) {
        throw ex; // a free-form message cannot be checked: refused, naming the store
      }
      job.windowOpen = false; // a template then counts against the tier, the safe side
    }
    if (!template && !job.windowOpen && enforce && !group) {
      return Verdict.finish(
          new SendOutcome.Rejected(
              job.message,
              RejectReason.WINDOW_CLOSED,
              "the user's 24-hour customer-service window is closed (no inbound message in the"
                  + " last 24 hours): send an approved template instead",
              Optional.empty()));
    }
    return Verdict.PASS;
  }

  @Override
  public void release(Job job, boolean mayHaveReachedMeta, Instant now) {}
}
