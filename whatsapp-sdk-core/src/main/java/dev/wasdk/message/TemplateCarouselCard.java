package dev.wasdk.message;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One card of a carousel template: a media or product header, optional body parameters and up to
 * two buttons.
 *
 * <p>Every card of a carousel must have the same components: the same header kind, the same number
 * of body parameters, and the same buttons at the same indexes. This is checked when the message is
 * built.
 *
 * <pre>{@code
 * TemplateCarouselCard card =
 *     TemplateCarouselCard.builder(TemplateParameter.image(MediaRef.id("1558081531584829")))
 *         .body(TemplateParameter.text("15OFF"))
 *         .quickReplyButton(0, "more-like-this")
 *         .urlButton(1, "blue_elf")
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param header the card's header: image, video or product
 * @param body the card's body parameters; empty when the card body has no variables
 * @param buttons the card's buttons that take parameters, at most 2
 */
public record TemplateCarouselCard(
    TemplateParameter header, List<TemplateParameter.Variable> body, List<TemplateButton> buttons) {
  /** Checks that the arguments are present and copies the lists. */
  public TemplateCarouselCard {
    Objects.requireNonNull(header, "header");
    body = List.copyOf(Objects.requireNonNull(body, "body"));
    buttons = List.copyOf(Objects.requireNonNull(buttons, "buttons"));
  }

  /**
   * Starts a card.
   *
   * @param header the card's header: image, video or product
   * @return the builder
   */
  public static Builder builder(TemplateParameter header) {
    return new Builder(Objects.requireNonNull(header, "header"));
  }

  /**
   * Returns a builder holding this card's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(header);
    b.body.addAll(body);
    b.buttons.addAll(buttons);
    return b;
  }

  /** Builds a carousel card. Not thread-safe; use one builder per card. */
  public static final class Builder {
    private final TemplateParameter header;
    private final List<TemplateParameter.Variable> body = new ArrayList<>();
    private final List<TemplateButton> buttons = new ArrayList<>();

    private Builder(TemplateParameter header) {
      this.header = header;
    }

    /**
     * Adds body parameters, after any added before.
     *
     * @param parameters text, currency or date-time parameters
     * @return this builder
     */
    public Builder body(TemplateParameter.Variable... parameters) {
      for (TemplateParameter.Variable p : parameters) {
        body.add(Objects.requireNonNull(p, "parameter"));
      }
      return this;
    }

    /**
     * Adds a button.
     *
     * @param button a quick-reply or URL button
     * @return this builder
     */
    public Builder button(TemplateButton button) {
      buttons.add(Objects.requireNonNull(button, "button"));
      return this;
    }

    /**
     * Adds a quick-reply button's payload.
     *
     * @param index the button's position on the card, 0 or 1
     * @param payload the data returned when the user taps the button
     * @return this builder
     */
    public Builder quickReplyButton(int index, String payload) {
      return button(TemplateButton.quickReply(index, payload));
    }

    /**
     * Adds a URL button's dynamic suffix.
     *
     * @param index the button's position on the card, 0 or 1
     * @param suffix the text appended to the button's URL
     * @return this builder
     */
    public Builder urlButton(int index, String suffix) {
      return button(TemplateButton.url(index, suffix));
    }

    /**
     * Builds the card, with its buttons ordered by index. Its limits are checked when the message
     * that holds it is built.
     *
     * @return the card
     */
    public TemplateCarouselCard build() {
      List<TemplateButton> sorted = new ArrayList<>(buttons);
      sorted.sort(Comparator.comparingInt(TemplateButton::index));
      return new TemplateCarouselCard(header, body, sorted);
    }
  }
}
