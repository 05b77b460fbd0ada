package dev.wasdk.testkit;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The outcome of one webhook the simulator posted (or tried to post) to the callback URL.
 *
 * @param field the webhook field, such as {@code messages} or {@code phone_number_quality_update}
 * @param body the exact body posted
 * @param signature the {@code X-Hub-Signature-256} header sent with it
 * @param attempts how many times it was posted
 * @param delivered whether the receiver finally answered with a 2xx status
 * @param statusCode the receiver's last HTTP status, if it answered at all
 * @param error why the last attempt failed, if it did
 * @param duplicate whether this was an injected duplicate of an earlier delivery
 * @param time when the last attempt finished, on the wall clock
 */
public record WebhookDelivery(
    String field,
    String body,
    String signature,
    int attempts,
    boolean delivered,
    OptionalInt statusCode,
    Optional<String> error,
    boolean duplicate,
    Instant time) {
  /** Checks the arguments. */
  public WebhookDelivery {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(signature, "signature");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(time, "time");
  }

  /** Returns a summary without the body. */
  @Override
  public String toString() {
    return "WebhookDelivery[field="
        + field
        + ", attempts="
        + attempts
        + ", delivered="
        + delivered
        + (statusCode.isPresent() ? ", status=" + statusCode.getAsInt() : "")
        + error.map(e -> ", error=" + e).orElse("")
        + (duplicate ? ", duplicate" : "")
        + "]";
  }
}
