package dev.wasdk.message;

import java.util.Objects;

/**
 * A reply button of a {@link ReplyButtonsMessage}. When the user taps it, the inbound webhook
 * carries its id and title.
 *
 * <p>The limits ({@value Limits#REPLY_BUTTON_ID_MAX} characters for the id, {@value
 * Limits#REPLY_BUTTON_TITLE_MAX} for the title, both unique in the message) are checked when the
 * message is built, so the error names the button's place, such as {@code
 * interactive.action.buttons[2].reply.title}.
 *
 * @param id the id sent back when the button is tapped
 * @param title the label shown on the button
 */
public record ReplyButton(String id, String title) {
  /** Checks the arguments. */
  public ReplyButton {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
  }

  /**
   * Returns a reply button.
   *
   * @param id the id sent back when the button is tapped
   * @param title the label shown on the button
   * @return the button
   */
  public static ReplyButton of(String id, String title) {
    return new ReplyButton(id, title);
  }
}
