package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A call-to-action URL message ({@code interactive.type: cta_url}): a body and one button that
 * opens a URL, so the raw link need not appear in the text. The header (any kind) and footer are
 * optional.
 *
 * <pre>{@code
 * Message.to("+16505551234").ctaUrl()
 *     .body("Tap below to see available dates.")
 *     .displayText("See dates")
 *     .url("https://example.com/schedule")
 *     .build();
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param header the header, if any
 * @param body the body text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters
 * @param footer the footer text, 1 to {@value Limits#INTERACTIVE_FOOTER_MAX} characters, if any
 * @param displayText the button label, 1 to {@value Limits#CTA_URL_DISPLAY_TEXT_MAX} characters
 * @param url the absolute {@code http(s)} URL the button opens
 */
public record CtaUrlMessage(
    Envelope envelope,
    Optional<InteractiveHeader> header,
    String body,
    Optional<String> footer,
    String displayText,
    URI url)
    implements InteractiveMessage {

  /** Checks the limits; see the component descriptions. */
  public CtaUrlMessage {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(header, "header");
    Validation.text("interactive.body.text", body, 1, Limits.INTERACTIVE_BODY_MAX);
    Validation.optionalText("interactive.footer.text", footer, Limits.INTERACTIVE_FOOTER_MAX);
    Validation.text(
        "interactive.action.parameters.display_text",
        displayText,
        1,
        Limits.CTA_URL_DISPLAY_TEXT_MAX);
    Validation.httpUrl("interactive.action.parameters.url", url);
  }

  static Builder builder(Envelope envelope) {
    return new Builder(envelope);
  }

  /** Returns a builder holding this message's values. */
  public Builder toBuilder() {
    Builder b = new Builder(envelope);
    b.header = header.orElse(null);
    b.body = body;
    b.footer = footer.orElse(null);
    b.displayText = displayText;
    b.url = url;
    return b;
  }

  /** Builds a {@link CtaUrlMessage}; {@link #build()} checks every limit. Not thread-safe. */
  public static final class Builder extends MediaHeaderBuilder<Builder> {
    private final Envelope envelope;
    private String displayText;
    private URI url;

    private Builder(Envelope envelope) {
      this.envelope = envelope;
    }

    /**
     * Sets the button label (required).
     *
     * @param displayText the label, 1 to {@value Limits#CTA_URL_DISPLAY_TEXT_MAX} characters
     * @return this builder
     */
    public Builder displayText(String displayText) {
      this.displayText = Objects.requireNonNull(displayText, "displayText");
      return this;
    }

    /**
     * Sets the URL the button opens (required).
     *
     * @param url an absolute {@code http(s)} URL
     * @return this builder
     * @throws dev.wasdk.error.InvalidMessageException if it is not one
     */
    public Builder url(String url) {
      this.url = Validation.parseUrl("interactive.action.parameters.url", url);
      return this;
    }

    /**
     * Sets the URL the button opens (required).
     *
     * @param url an absolute {@code http(s)} URL
     * @return this builder
     */
    public Builder url(URI url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * Builds the message.
     *
     * @return the message
     * @throws dev.wasdk.error.InvalidMessageException if a documented limit is broken
     */
    public CtaUrlMessage build() {
      return new CtaUrlMessage(
          envelope,
          Optional.ofNullable(header),
          body,
          Optional.ofNullable(footer),
          displayText,
          url);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
