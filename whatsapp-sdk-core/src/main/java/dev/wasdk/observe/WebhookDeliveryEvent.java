package dev.wasdk.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * The end of one webhook POST.
 *
 * @param status the HTTP status answered
 * @param result why it ended as it did
 * @param events the events in the body (0 when it was refused before parsing)
 * @param duplicates events skipped as already handled
 * @param verifyTime the time spent checking the signature
 * @param parseTime the time spent parsing the body
 * @param duration the time from the start to the answer, handlers or hand-off included
 */
public record WebhookDeliveryEvent(
    int status,
    Result result,
    int events,
    int duplicates,
    Duration verifyTime,
    Duration parseTime,
    Duration duration) {

  /** Why a delivery ended as it did. */
  public enum Result {
    /** Handled or handed off; answered 200. */
    ACCEPTED,
    /** The body was over the size limit. */
    TOO_LARGE,
    /** The signature was missing or wrong. */
    BAD_SIGNATURE,
    /** The body could not be parsed. */
    MALFORMED,
    /** The de-duplication store failed. */
    DEDUPE_UNAVAILABLE,
    /** Another delivery is handling one of its events; Meta retries. */
    IN_PROGRESS,
    /** A handler failed; Meta retries. */
    HANDLER_FAILED,
    /** The hand-off queue refused the events; Meta retries. */
    HANDOFF_REFUSED,
    /** An unexpected failure inside; answered 500. */
    ERROR
  }

  /** Checks the arguments. */
  public WebhookDeliveryEvent {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(verifyTime, "verifyTime");
    Objects.requireNonNull(parseTime, "parseTime");
    Objects.requireNonNull(duration, "duration");
  }
}
