package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A document message ({@code type: document}) with an optional caption and file name. The file
 * name's extension decides the icon WhatsApp shows.
 *
 * <pre>{@code
 * Message.to("+16505551234")
 *     .document(MediaRef.id("1037543291543636"), "Your invoice")
 *     .withFilename("invoice-2026-01.pdf");
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param document the document, by uploaded media id or link
 * @param caption the caption, 1 to {@value Limits#CAPTION_MAX} characters, if any
 * @param filename the file name shown to the user, if any
 */
public record DocumentMessage(
    Envelope envelope, MediaRef document, Optional<String> caption, Optional<String> filename)
    implements Message {
  /** Checks the limits; see the component descriptions. */
  public DocumentMessage {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(document, "document");
    Validation.optionalText("document.caption", caption, Limits.CAPTION_MAX);
    Validation.optionalRequired("document.filename", filename);
  }

  /**
   * Returns a copy with a caption.
   *
   * @param caption the caption, 1 to {@value Limits#CAPTION_MAX} characters
   * @return the new message
   */
  public DocumentMessage withCaption(String caption) {
    return new DocumentMessage(envelope, document, Optional.of(caption), filename);
  }

  /**
   * Returns a copy with a file name, such as {@code invoice.pdf}.
   *
   * @param filename the file name shown to the user
   * @return the new message
   */
  public DocumentMessage withFilename(String filename) {
    return new DocumentMessage(envelope, document, caption, Optional.of(filename));
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
