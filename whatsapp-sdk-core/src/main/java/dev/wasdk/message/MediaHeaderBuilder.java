package dev.wasdk.message;

import java.util.Objects;

/**
 * Adds the header setters of the interactive messages whose header may be text or media (reply
 * buttons, CTA URL, Flow). Package-private, like {@link InteractiveBuilder}.
 *
 * @param <B> the public builder
 */
abstract class MediaHeaderBuilder<B extends MediaHeaderBuilder<B>> extends InteractiveBuilder<B> {
  InteractiveHeader header;

  MediaHeaderBuilder() {}

  /**
   * Sets the header: text, image, video or document.
   *
   * @param header the header
   * @return this builder
   */
  public B header(InteractiveHeader header) {
    this.header = Objects.requireNonNull(header, "header");
    return self();
  }

  /**
   * Sets a text header.
   *
   * @param text the text, 1 to {@value Limits#INTERACTIVE_HEADER_TEXT_MAX} characters
   * @return this builder
   */
  public B header(String text) {
    return header(InteractiveHeader.text(text));
  }
}
