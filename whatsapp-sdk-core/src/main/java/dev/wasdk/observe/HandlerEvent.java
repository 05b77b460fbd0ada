package dev.wasdk.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * The end of a webhook handler that a hand-off worker ran, after its delivery was answered.
 *
 * @param result whether the handler returned normally
 * @param duration the time the handler took
 */
public record HandlerEvent(Result result, Duration duration) {

  /** How a handler ended. */
  public enum Result {
    /** The handler returned normally. */
    HANDLED,
    /** The handler threw; the router logged it and called its error hook. */
    FAILED
  }

  /** Checks the arguments. */
  public HandlerEvent {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(duration, "duration");
  }
}
