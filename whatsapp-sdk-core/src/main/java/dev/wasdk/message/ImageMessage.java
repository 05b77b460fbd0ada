package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * An image message ({@code type: image}): a JPEG or PNG image with an optional caption.
 *
 * <pre>{@code
 * Message.to("+16505551234").image(MediaRef.id("1037543291543636"), "Your receipt");
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param image the image, by uploaded media id or link
 * @param caption the caption, 1 to {@value Limits#CAPTION_MAX} characters, if any
 */
public record ImageMessage(Envelope envelope, MediaRef image, Optional<String> caption)
    implements Message {
  /** Checks the limits; see the component descriptions. */
  public ImageMessage {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(image, "image");
    Validation.optionalText("image.caption", caption, Limits.CAPTION_MAX);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
