package dev.wasdk.message;

import java.util.Objects;

/**
 * A template message ({@code type: template}).
 *
 * @param envelope the recipient and common options
 * @param name the template's name
 * @param languageCode the template's language code, such as {@code en_US}
 */
public record TemplateMessage(Envelope envelope, String name, String languageCode)
    implements Message {
  /** Checks the limits. */
  public TemplateMessage {
    Objects.requireNonNull(envelope, "envelope");
    Validation.text("template.name", name, 1, 512);
    Validation.text("template.language.code", languageCode, 2, 15);
  }

  static Builder builder(Envelope envelope, String name, String languageCode) {
    return new Builder(envelope, name, languageCode);
  }

  /** Builds a template message. Not thread-safe. */
  public static final class Builder {
    private final Envelope envelope;
    private final String name;
    private final String languageCode;

    Builder(Envelope envelope, String name, String languageCode) {
      this.envelope = envelope;
      this.name = name;
      this.languageCode = languageCode;
    }

    /**
     * Builds the message.
     *
     * @return the message
     */
    public TemplateMessage build() {
      return new TemplateMessage(envelope, name, languageCode);
    }
  }
}
