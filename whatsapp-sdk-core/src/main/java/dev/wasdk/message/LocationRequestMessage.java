package dev.wasdk.message;

import java.util.Objects;

/**
 * A location request ({@code interactive.type: location_request_message}): a body and a "Send
 * location" button. The user's answer arrives as an inbound {@code location} message whose context
 * names this message.
 *
 * <pre>{@code
 * Message.to("+16505551234").locationRequest("Where should we deliver your order?");
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param body the body text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters
 */
public record LocationRequestMessage(Envelope envelope, String body) implements InteractiveMessage {
  /** Checks the limits; see the component descriptions. */
  public LocationRequestMessage {
    Objects.requireNonNull(envelope, "envelope");
    Validation.text("interactive.body.text", body, 1, Limits.INTERACTIVE_BODY_MAX);
  }
}
