package dev.wasdk.message;

import java.util.Objects;

/**
 * The header of an interactive message ({@code interactive.header}): text, or an image, video or
 * document.
 *
 * <p>Reply-button, CTA URL and flow messages take any header; list and address messages take only a
 * text header, and a multi-product message requires one (see their builders).
 *
 * <pre>{@code
 * InteractiveHeader.text("Your order");
 * InteractiveHeader.image(MediaRef.id("1037543291543636"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public sealed interface InteractiveHeader
    permits InteractiveHeader.Text,
        InteractiveHeader.Image,
        InteractiveHeader.Video,
        InteractiveHeader.Document {

  /** Returns the header's {@code type} as WhatsApp spells it: text, image, video or document. */
  String type();

  /**
   * Returns a text header.
   *
   * @param text the text, 1 to {@value Limits#INTERACTIVE_HEADER_TEXT_MAX} characters
   * @return the header
   * @throws dev.wasdk.error.InvalidMessageException if the text is blank or too long
   */
  static Text text(String text) {
    return new Text(text);
  }

  /**
   * Returns an image header.
   *
   * @param image the image
   * @return the header
   */
  static Image image(MediaRef image) {
    return new Image(image);
  }

  /**
   * Returns a video header.
   *
   * @param video the video
   * @return the header
   */
  static Video video(MediaRef video) {
    return new Video(video);
  }

  /**
   * Returns a document header.
   *
   * @param document the document
   * @return the header
   */
  static Document document(MediaRef document) {
    return new Document(document);
  }

  /**
   * A text header.
   *
   * @param text the text, 1 to {@value Limits#INTERACTIVE_HEADER_TEXT_MAX} characters
   */
  record Text(String text) implements InteractiveHeader {
    /** Checks the length. */
    public Text {
      Validation.text("interactive.header.text", text, 1, Limits.INTERACTIVE_HEADER_TEXT_MAX);
    }

    @Override
    public String type() {
      return "text";
    }
  }

  /**
   * An image header.
   *
   * @param image the image
   */
  record Image(MediaRef image) implements InteractiveHeader {
    /** Checks the argument. */
    public Image {
      Objects.requireNonNull(image, "image");
    }

    @Override
    public String type() {
      return "image";
    }
  }

  /**
   * A video header.
   *
   * @param video the video
   */
  record Video(MediaRef video) implements InteractiveHeader {
    /** Checks the argument. */
    public Video {
      Objects.requireNonNull(video, "video");
    }

    @Override
    public String type() {
      return "video";
    }
  }

  /**
   * A document header.
   *
   * @param document the document
   */
  record Document(MediaRef document) implements InteractiveHeader {
    /** Checks the argument. */
    public Document {
      Objects.requireNonNull(document, "document");
    }

    @Override
    public String type() {
      return "document";
    }
  }
}
