package dev.wasdk.flows;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one request to a Flow endpoint, reported to a {@link FlowListener}.
 *
 * @param flow the endpoint's flow name, as set with {@link FlowEndpoint.Builder#flowName}
 * @param action the request's action; empty when it was not decrypted
 * @param screen the request's screen, if it named one
 * @param kind how it ended
 * @param status the HTTP status answered
 * @param latency from the request's arrival to the answer being ready
 */
public record FlowOutcome(
    String flow,
    Optional<String> action,
    Optional<String> screen,
    Kind kind,
    int status,
    Duration latency) {

  /** How a request ended. */
  public enum Kind {
    /** A handler answered. */
    ANSWERED(false),
    /** A health-check ping was answered. */
    PING(false),
    /** The flow token was rejected, by the validator or the handler (HTTP 427). */
    TOKEN_REJECTED(false),
    /** The method was not POST (HTTP 405). */
    METHOD_NOT_ALLOWED(true),
    /** The body was over the size limit (HTTP 413). */
    BODY_TOO_LARGE(true),
    /** The {@code X-Hub-Signature-256} header was missing or wrong (HTTP 432). */
    BAD_SIGNATURE(true),
    /** The body could not be decrypted or parsed (HTTP 421). */
    UNDECRYPTABLE(true),
    /** The handler or the token validator threw, returned null, or no handler took the request. */
    HANDLER_FAILED(true),
    /** The handler did not answer within the endpoint's budget. */
    BUDGET_EXCEEDED(true),
    /** No handler thread was free to take the request. */
    OVERLOADED(true);

    private final boolean error;

    Kind(boolean error) {
      this.error = error;
    }

    /** Returns whether this kind counts as an error. */
    public boolean isError() {
      return error;
    }
  }

  /** Checks for nulls. */
  public FlowOutcome {
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(screen, "screen");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(latency, "latency");
  }
}
