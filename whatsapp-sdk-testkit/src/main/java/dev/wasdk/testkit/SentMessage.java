package dev.wasdk.testkit;

import dev.wasdk.message.Message;
import java.time.Instant;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A message the simulator accepted on {@code POST /{phone-number-id}/messages}: the typed message
 * read back from the request, the exact JSON that was sent, and the id the simulator gave it.
 *
 * <p>A message that Meta would accept and then fail to deliver (a closed customer-service window, a
 * user who stopped marketing messages, a reached messaging limit) is recorded here too, with the
 * code of its {@code failed} status webhook in {@link #failureCode()}.
 *
 * <pre>{@code
 * SentMessage sent = simulator.sentMessages().get(0);
 * assertThat(sent.message()).isInstanceOf(TextMessage.class);
 * assertThat(sent.json()).contains("\"preview_url\":false");
 * }</pre>
 *
 * @param wamid the message id returned to the caller
 * @param phoneNumberId the business phone number id the message was sent from
 * @param message the message, read back into the typed model
 * @param json the request body exactly as received
 * @param time when the simulator accepted it, on the simulator's clock
 * @param failureCode the error code of the message's {@code failed} status, if delivery failed
 */
public record SentMessage(
    String wamid,
    String phoneNumberId,
    Message message,
    String json,
    Instant time,
    OptionalInt failureCode) {
  /** Checks the arguments. */
  public SentMessage {
    Objects.requireNonNull(wamid, "wamid");
    Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(failureCode, "failureCode");
  }

  /** Returns whether the simulator reports the message as failed rather than delivered. */
  public boolean failed() {
    return failureCode.isPresent();
  }

  /** Returns a summary without the message content, which may hold personal data. */
  @Override
  public String toString() {
    return "SentMessage[wamid="
        + wamid
        + ", kind="
        + message.getClass().getSimpleName()
        + ", time="
        + time
        + (failureCode.isPresent() ? ", failureCode=" + failureCode.getAsInt() : "")
        + "]";
  }
}
