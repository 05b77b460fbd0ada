package dev.wasdk.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * One call a sender made to one of its stores.
 *
 * @param store which store: {@code limiter}, {@code consent}, {@code window}, {@code recipient_id}
 *     or {@code templates}
 * @param operation what the call did, a fixed text such as {@code take tokens}
 * @param result how it ended
 * @param duration how long the caller waited
 */
public record StoreCallEvent(String store, String operation, Result result, Duration duration) {

  /** How a store call ended. */
  public enum Result {
    /** It answered in time. */
    SUCCESS,
    /** It threw. */
    FAILURE,
    /** It ran over its time budget. */
    TIMEOUT,
    /** It was not made: the store failed a moment ago and is paused. */
    SKIPPED
  }

  /** Checks the arguments. */
  public StoreCallEvent {
    Objects.requireNonNull(store, "store");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(duration, "duration");
  }
}
