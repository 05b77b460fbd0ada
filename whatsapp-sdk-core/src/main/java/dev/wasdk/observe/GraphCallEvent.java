package dev.wasdk.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * The end of one HTTP attempt of a Graph API request.
 *
 * @param start what {@link WhatsAppObserver#onGraphCallStart} received
 * @param outcome how the attempt ended
 * @param status the HTTP status, or 0 when no response arrived
 * @param errorCode Graph's error code, or 0 when there was none
 * @param errorType the kind of failure, a bounded name such as {@code RateLimitException} or {@code
 *     TIMEOUT}; empty on success
 * @param duration the time from the start to the end of the attempt
 */
public record GraphCallEvent(
    GraphCallStart start,
    Outcome outcome,
    int status,
    int errorCode,
    String errorType,
    Duration duration) {

  /** How an attempt ended. */
  public enum Outcome {
    /** A 2xx answer, or an error status the call reads as a result. */
    SUCCESS,
    /** Graph answered with a 4xx error. */
    CLIENT_ERROR,
    /** Graph (or a proxy) answered with a 5xx error. */
    SERVER_ERROR,
    /** No answer: connect failure, timeout, broken connection. */
    TRANSPORT_ERROR
  }

  /** Checks the arguments. */
  public GraphCallEvent {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(errorType, "errorType");
    Objects.requireNonNull(duration, "duration");
  }
}
