package dev.wasdk.message;

import java.util.Objects;

/**
 * A text message ({@code type: text}).
 *
 * @param envelope the recipient and common options
 * @param body the text, 1 to 4,096 characters
 * @param previewUrl whether WhatsApp renders a preview of the first URL in the body
 */
public record TextMessage(Envelope envelope, String body, boolean previewUrl) implements Message {
  /** Checks the limits; see the component descriptions. */
  public TextMessage {
    Objects.requireNonNull(envelope, "envelope");
    Validation.text("text.body", body, 1, Limits.TEXT_BODY_MAX);
  }
}
