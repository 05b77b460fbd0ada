package dev.wasdk.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One request the simulator received, with the answer it gave. The {@code Authorization} header is
 * never recorded, and an {@code access_token} query parameter is recorded as {@code <redacted>}.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param path the path and query string, such as {@code /v23.0/106540352242922/messages}
 * @param body the request body as text, or a placeholder such as {@code <multipart: 3 parts>}; cut
 *     after 16,384 characters
 * @param status the HTTP status answered; 0 when the connection was reset instead
 * @param errorCode the Graph error code answered, if the answer was an error
 * @param fault the injected fault, such as {@code CONNECTION_RESET}, or the empty string
 * @param time when it arrived, on the simulator's clock
 */
public record RecordedRequest(
    String method,
    String path,
    String body,
    int status,
    OptionalInt errorCode,
    String fault,
    Instant time) {
  /** Checks the arguments. */
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(errorCode, "errorCode");
    Objects.requireNonNull(fault, "fault");
    Objects.requireNonNull(time, "time");
  }

  /** Returns a summary without the body. */
  @Override
  public String toString() {
    return "RecordedRequest["
        + method
        + " "
        + path
        + " -> "
        + status
        + (errorCode.isPresent() ? " (#" + errorCode.getAsInt() + ")" : "")
        + (fault.isEmpty() ? "" : " fault=" + fault)
        + "]";
  }
}
