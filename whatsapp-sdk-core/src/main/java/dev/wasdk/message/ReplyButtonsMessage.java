package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reply-buttons message ({@code interactive.type: button}): a body with one to {@value
 * Limits#REPLY_BUTTONS_MAX} quick-reply buttons, an optional header of any kind and an optional
 * footer.
 *
 * <pre>{@code
 * Message.to("+16505551234").buttons()
 *     .body("Can you make it on Friday?")
 *     .button("yes", "Yes")
 *     .button("no", "No")
 *     .build();
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param header the header, if any
 * @param body the body text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters
 * @param footer the footer text, 1 to {@value Limits#INTERACTIVE_FOOTER_MAX} characters, if any
 * @param buttons the buttons, 1 to {@value Limits#REPLY_BUTTONS_MAX}, with unique ids and titles
 */
public record ReplyButtonsMessage(
    Envelope envelope,
    Optional<InteractiveHeader> header,
    String body,
    Optional<String> footer,
    List<ReplyButton> buttons)
    implements InteractiveMessage {

  /** Checks the limits and copies the list; see the component descriptions. */
  public ReplyButtonsMessage {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(header, "header");
    Validation.text("interactive.body.text", body, 1, Limits.INTERACTIVE_BODY_MAX);
    Validation.optionalText("interactive.footer.text", footer, Limits.INTERACTIVE_FOOTER_MAX);
    buttons = List.copyOf(buttons);
    String path = "interactive.action.buttons";
    Validation.items(path, buttons, 1, Limits.REPLY_BUTTONS_MAX);
    for (int i = 0; i < buttons.size(); i++) {
      String at = path + "[" + i + "].reply";
      ReplyButton b = buttons.get(i);
      Validation.text(at + ".id", b.id(), 1, Limits.REPLY_BUTTON_ID_MAX);
      Validation.noEdgeWhitespace(at + ".id", b.id());
      Validation.text(at + ".title", b.title(), 1, Limits.REPLY_BUTTON_TITLE_MAX);
    }
    Validation.unique(path, buttons, ReplyButton::id, ".reply.id", "button ids");
    Validation.unique(path, buttons, ReplyButton::title, ".reply.title", "button titles");
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
    b.buttons.addAll(buttons);
    return b;
  }

  /** Builds a {@link ReplyButtonsMessage}; {@link #build()} checks every limit. Not thread-safe. */
  public static final class Builder extends MediaHeaderBuilder<Builder> {
    private final Envelope envelope;
    private final List<ReplyButton> buttons = new ArrayList<>();

    private Builder(Envelope envelope) {
      this.envelope = envelope;
    }

    /**
     * Adds a button.
     *
     * @param id the id sent back when it is tapped, 1 to {@value Limits#REPLY_BUTTON_ID_MAX}
     *     characters, unique in the message
     * @param title the label, 1 to {@value Limits#REPLY_BUTTON_TITLE_MAX} characters, unique in the
     *     message
     * @return this builder
     */
    public Builder button(String id, String title) {
      return button(new ReplyButton(id, title));
    }

    /**
     * Adds a button.
     *
     * @param button the button
     * @return this builder
     */
    public Builder button(ReplyButton button) {
      buttons.add(Objects.requireNonNull(button, "button"));
      return this;
    }

    /**
     * Builds the message.
     *
     * @return the message
     * @throws dev.wasdk.error.InvalidMessageException if a documented limit is broken
     */
    public ReplyButtonsMessage build() {
      return new ReplyButtonsMessage(
          envelope, Optional.ofNullable(header), body, Optional.ofNullable(footer), buttons);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
