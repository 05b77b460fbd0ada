package dev.wasdk.sender;

import dev.wasdk.error.ApiError;
import dev.wasdk.error.ApiException;
import dev.wasdk.internal.observe.SafeObserver;
import dev.wasdk.observe.CapturedContext;
import dev.wasdk.observe.LimiterDecisionEvent;
import dev.wasdk.observe.LimiterDecisionEvent.Decision;
import dev.wasdk.observe.LimiterDecisionEvent.Limit;
import dev.wasdk.observe.SendOutcomeEvent;
import dev.wasdk.observe.WhatsAppObserver;
import java.util.List;
import java.util.Optional;

/**
 * Reports a sender's outcomes and limiter decisions to the client's {@link WhatsAppObserver}, as
 * bounded facts only (kinds, reasons, codes; never a user or a message). Registered as one more
 * listener, so it runs where the other listeners run: outside every lock, failures isolated.
 * Immutable and thread-safe.
 */
final class ObservedSends implements SenderListener {
  private final WhatsAppObserver observer;
  private final String phoneNumberId;

  private ObservedSends(WhatsAppObserver observer, String phoneNumberId) {
    this.observer = observer;
    this.phoneNumberId = phoneNumberId;
  }

  /** Returns the listener for {@code observer}, or empty when it observes nothing. */
  static Optional<SenderListener> of(WhatsAppObserver observer, String phoneNumberId) {
    return SafeObserver.isNone(observer)
        ? Optional.empty()
        : Optional.of(new ObservedSends(observer, phoneNumberId));
  }

  /** Returns the observer among a sender's listeners, or {@link WhatsAppObserver#none()}. */
  static WhatsAppObserver observerIn(List<SenderListener> listeners) {
    for (SenderListener l : listeners) {
      if (l instanceof ObservedSends o) {
        return o.observer;
      }
    }
    return WhatsAppObserver.none();
  }

  /** Returns the observing listener among a sender's listeners, or null. */
  static ObservedSends in(List<SenderListener> listeners) {
    for (SenderListener l : listeners) {
      if (l instanceof ObservedSends o) {
        return o;
      }
    }
    return null;
  }

  /** Takes the submitting thread's context from the observer. */
  CapturedContext capture() {
    try {
      CapturedContext c = observer.capture();
      return c == null ? CapturedContext.none() : c;
    } catch (RuntimeException ex) {
      return CapturedContext.none(); // the client's observer isolates and logs its own failures
    }
  }

  @Override
  public void onOutcome(SendOutcome outcome) {
    observer.onSendOutcome(eventOf(phoneNumberId, outcome));
  }

  /** Reports what the limits decided for a job. */
  void decided(Verdict v) {
    Decision d =
        switch (v.kind()) {
          case PASS, SEND -> Decision.SEND;
          case SLEEP -> Decision.SLEEP;
          case WAIT -> Decision.WAIT;
          case FINISH -> Decision.FINISH;
        };
    observer.onLimiterDecision(new LimiterDecisionEvent(phoneNumberId, d, limitOf(v)));
  }

  static Limit limitOf(Verdict v) {
    String w = v.waitingFor();
    switch (v.kind()) {
      case PASS, SEND:
        return Limit.NONE;
      case SLEEP:
        if (w != null && w.startsWith("a messaging-limit")) {
          return Limit.TIER;
        }
        return w != null && w.startsWith("the pair") ? Limit.PAIR_RATE : Limit.OTHER;
      case WAIT:
        return w == null || w.equals(ThroughputPacer.WAITING) ? Limit.THROUGHPUT : Limit.STORE;
      default:
        if (v.outcome() instanceof SendOutcome.Rejected r) {
          return switch (r.reason()) {
            case STORE_UNAVAILABLE -> Limit.STORE;
            case TIER_EXHAUSTED -> Limit.TIER;
            default -> Limit.OTHER;
          };
        }
        return Limit.OTHER;
    }
  }

  static SendOutcomeEvent eventOf(String phoneNumberId, SendOutcome outcome) {
    if (outcome instanceof SendOutcome.Sent s) {
      return new SendOutcomeEvent(phoneNumberId, SendOutcomeEvent.Kind.SENT, "", 0, s.attempts());
    }
    if (outcome instanceof SendOutcome.Rejected r) {
      int code =
          r.error().orElse(null) instanceof ApiException api
                  && api.error().code() != ApiError.NO_CODE
              ? api.error().code()
              : 0;
      return new SendOutcomeEvent(
          phoneNumberId, SendOutcomeEvent.Kind.REJECTED, r.reason().name(), code, 0);
    }
    if (outcome instanceof SendOutcome.Deferred) {
      return new SendOutcomeEvent(phoneNumberId, SendOutcomeEvent.Kind.DEFERRED, "", 0, 0);
    }
    if (outcome instanceof SendOutcome.Cancelled) {
      return new SendOutcomeEvent(phoneNumberId, SendOutcomeEvent.Kind.CANCELLED, "", 0, 0);
    }
    return new SendOutcomeEvent(phoneNumberId, SendOutcomeEvent.Kind.UNKNOWN, "", 0, 0);
  }
}
