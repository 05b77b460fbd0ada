package dev.wasdk.message;

import java.util.Objects;

/**
 * A call permission request ({@code interactive.type: call_permission_request}): asks the user
 * whether the business may call them on WhatsApp. Only the body can be customized; the user's
 * answer arrives as an inbound {@code interactive} message of type {@code call_permission_reply}.
 *
 * <pre>{@code
 * Message.to("+16505551234").callPermissionRequest("May we call you about your claim?");
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param body the body text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters
 */
public record CallPermissionRequestMessage(Envelope envelope, String body)
    implements InteractiveMessage {
  /** Checks the limits; see the component descriptions. */
  public CallPermissionRequestMessage {
    Objects.requireNonNull(envelope, "envelope");
    Validation.text("interactive.body.text", body, 1, Limits.INTERACTIVE_BODY_MAX);
  }
}
