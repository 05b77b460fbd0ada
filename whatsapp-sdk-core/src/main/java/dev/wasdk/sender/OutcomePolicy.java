package dev.wasdk.sender;

import dev.wasdk.client.SendResult;
import dev.wasdk.error.ApiError;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.ErrorCategory;
import dev.wasdk.error.RateLimitException;
import dev.wasdk.error.RateLimitKind;
import dev.wasdk.error.RecipientException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.RequestNotSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.error.WhatsAppException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Maps Meta's answer to a request, and every other way a message can end, to exactly one decision:
 * sent, sent again (only when the failure proves Meta did not accept it), or ended with one {@link
 * SendOutcome}. Stateless and thread-safe.
 */
final class OutcomePolicy {
  /** The longest a server-provided wait (such as {@code Retry-After}) pauses the sender. */
  static final Duration MAX_SERVER_WAIT = Duration.ofMinutes(5);

  /** The wait after a maintenance answer that gives none. */
  static final Duration DEFAULT_MAINTENANCE_WAIT = Duration.ofSeconds(60);

  enum Action {
    SENT,
    RETRY,
    END
  }

  /** What the answer tells the sender beyond the message's own end. */
  enum Effect {
    NONE,
    THROTTLED,
    PAIR_BACKOFF,
    MAINTENANCE,
    WINDOW_CLOSED,
    OPTED_OUT,
    FREQUENCY_CAPPED
  }

  /**
   * One decision. {@code outcome} is set for SENT and END; {@code limitRefusal} marks a refusal
   * that concerns the number, not the message, and does not use up an attempt; {@code pause} is the
   * pause a maintenance answer asks for.
   */
  record Decision(
      Action action,
      Effect effect,
      SendOutcome outcome,
      Throwable cause,
      boolean limitRefusal,
      Duration pause) {
    boolean mayHaveReachedMeta() {
      return outcome instanceof SendOutcome.Unknown;
    }
  }

  Decision decide(Job job, SendResult result, Throwable error) {
    Throwable cause = unwrap(error);
    if (result != null && cause == null) {
      return end(Action.SENT, Effect.NONE, new SendOutcome.Sent(job.message, result, job.attempts));
    }
    if (cause instanceof RequestMaybeSentException maybe) {
      // Possibly accepted: never resent, and what it used stays used.
      return end(Action.END, Effect.NONE, new SendOutcome.Unknown(job.message, maybe));
    }
    if (cause instanceof RequestNotSentException) {
      return retry(Effect.NONE, cause, false, null);
    }
    if (cause instanceof RateLimitException rl && rl.kind() == RateLimitKind.THROUGHPUT) {
      return retry(Effect.THROTTLED, cause, true, null);
    }
    if (cause instanceof RateLimitException rl && rl.kind() == RateLimitKind.PAIR) {
      return retry(Effect.PAIR_BACKOFF, cause, false, null);
    }
    if (cause instanceof ApiException api && isMaintenance(api)) {
      Duration wait = clamp(api.retryAfter().orElse(DEFAULT_MAINTENANCE_WAIT));
      return retry(Effect.MAINTENANCE, cause, true, wait);
    }
    if (cause instanceof RecipientException re) {
      return switch (re.reason()) {
        case WINDOW_CLOSED ->
            end(Action.END, Effect.WINDOW_CLOSED, reject(job, RejectReason.WINDOW_CLOSED, re));
        case OPTED_OUT ->
            end(Action.END, Effect.OPTED_OUT, reject(job, RejectReason.OPTED_OUT, re));
        case FREQUENCY_CAPPED ->
            end(
                Action.END,
                Effect.FREQUENCY_CAPPED,
                reject(job, RejectReason.FREQUENCY_CAPPED, re));
        case UNDELIVERABLE ->
            end(Action.END, Effect.NONE, reject(job, RejectReason.UNDELIVERABLE, re));
        default -> end(Action.END, Effect.NONE, reject(job, RejectReason.API_ERROR, re));
      };
    }
    if (cause instanceof ApiException api && api.error().code() == 138009) {
      return end(
          Action.END, Effect.NONE, reject(job, RejectReason.CALL_PERMISSION_REQUEST_LIMIT, api));
    }
    if (cause instanceof ApiException api && isProxyAnswer(api)) {
      // A 502, 503 or 504 with no Graph body came from a proxy: the request may have reached Meta.
      RequestMaybeSentException maybe =
          new RequestMaybeSentException(
              "HTTP "
                  + api.error().httpStatus()
                  + " without a Graph error body: a proxy answered, and the request may have"
                  + " reached Meta",
              TransportFailure.UNREADABLE_RESPONSE,
              api);
      return end(Action.END, Effect.NONE, new SendOutcome.Unknown(job.message, maybe));
    }
    if (cause instanceof ApiException api && api.category() == ErrorCategory.SERVER) {
      // Meta answered with an error body: it did not accept the message. Not resent; the slot
      // is given back, and the error carries the catalog's retry advice.
      return end(Action.END, Effect.NONE, reject(job, RejectReason.SERVER_ERROR, api));
    }
    if (cause instanceof WhatsAppException wx) {
      return end(Action.END, Effect.NONE, reject(job, RejectReason.API_ERROR, wx));
    }
    return end(
        Action.END,
        Effect.NONE,
        reject(
            job,
            RejectReason.API_ERROR,
            new WhatsAppException("the send failed before the network: " + cause, cause)));
  }

  /** The end of a message that ran out of attempts. */
  SendOutcome attemptsExhausted(Job job, Throwable cause) {
    WhatsAppException wx =
        cause instanceof WhatsAppException w
            ? w
            : new WhatsAppException("not accepted: " + cause, cause);
    return new SendOutcome.Rejected(
        job.message,
        RejectReason.ATTEMPTS_EXHAUSTED,
        "not accepted after " + job.attempts + " attempts; the last failure: " + wx.getMessage(),
        Optional.of(wx));
  }

  /** The end of a message whose deadline passed while it waited. */
  SendOutcome deferred(Job job, String waitingFor) {
    return new SendOutcome.Deferred(
        job.message, job.deadline, waitingFor != null ? waitingFor : "its turn in the queue");
  }

  SendOutcome cancelled(Job job, String detail) {
    return new SendOutcome.Cancelled(job.message, detail);
  }

  /** The end of a message a store could not check: fail closed, nothing was sent. */
  SendOutcome storeUnavailable(Job job, LimiterUnavailableException ex) {
    return new SendOutcome.Rejected(
        job.message,
        RejectReason.STORE_UNAVAILABLE,
        ex.getMessage() + "; the message was not sent",
        Optional.of(ex));
  }

  /** The end of a message the sender itself failed on: it was not sent. */
  SendOutcome internalError(Job job, RuntimeException ex) {
    WhatsAppException wx =
        new WhatsAppException("the sender failed before sending the message: " + ex, ex);
    return new SendOutcome.Rejected(
        job.message, RejectReason.API_ERROR, wx.getMessage(), Optional.of(wx));
  }

  static Duration clamp(Duration wait) {
    if (wait.isNegative()) {
      return Duration.ZERO;
    }
    return wait.compareTo(MAX_SERVER_WAIT) > 0 ? MAX_SERVER_WAIT : wait;
  }

  private static boolean isProxyAnswer(ApiException api) {
    int status = api.error().httpStatus();
    return api.error().code() == ApiError.NO_CODE
        && (status == 502 || status == 503 || status == 504);
  }

  private static boolean isMaintenance(ApiException api) {
    int code = api.error().code();
    return code == 131057 || code == 2494100;
  }

  private static Decision end(Action action, Effect effect, SendOutcome outcome) {
    return new Decision(action, effect, outcome, null, false, null);
  }

  private static Decision retry(Effect effect, Throwable cause, boolean limit, Duration wait) {
    return new Decision(Action.RETRY, effect, null, cause, limit, wait);
  }

  private static SendOutcome.Rejected reject(
      Job job, RejectReason reason, WhatsAppException error) {
    return new SendOutcome.Rejected(job.message, reason, error.getMessage(), Optional.of(error));
  }

  private static Throwable unwrap(Throwable t) {
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
