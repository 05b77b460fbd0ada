package dev.wasdk.message;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a template message's {@code components}: the header, the body, a button, a
 * limited-time offer, a carousel or a tap-target override.
 *
 * <p>Most code never creates components directly: {@link TemplateMessage.Builder} assembles them in
 * a fixed order. They are records, so code that reads a message can switch over them.
 *
 * <p>Instances are immutable and thread-safe.
 */
public sealed interface TemplateComponent
    permits TemplateComponent.Header,
        TemplateComponent.Body,
        TemplateComponent.LimitedTimeOffer,
        TemplateComponent.Carousel,
        TemplateComponent.TapTarget,
        TemplateButton {

  /**
   * The header's one parameter ({@code type: header}).
   *
   * @param parameter text, image, video, document, location or product
   */
  record Header(TemplateParameter parameter) implements TemplateComponent {
    /** Checks that the parameter is present. */
    public Header {
      Objects.requireNonNull(parameter, "parameter");
    }
  }

  /**
   * The body's parameters ({@code type: body}), in variable order.
   *
   * @param parameters text, currency and date-time parameters
   */
  record Body(List<TemplateParameter.Variable> parameters) implements TemplateComponent {
    /** Checks that the list is present and copies it. */
    public Body {
      parameters = List.copyOf(Objects.requireNonNull(parameters, "parameters"));
    }
  }

  /**
   * The expiration of a limited-time offer ({@code type: limited_time_offer}); marketing templates
   * only.
   *
   * @param expirationTimeMs when the offer expires, in milliseconds since the epoch
   */
  record LimitedTimeOffer(long expirationTimeMs) implements TemplateComponent {}

  /**
   * The cards of a carousel template ({@code type: carousel}); each card's {@code card_index} is
   * its position in the list.
   *
   * @param cards the cards, 1 to 10, all with the same components
   */
  record Carousel(List<TemplateCarouselCard> cards) implements TemplateComponent {
    /** Checks that the list is present and copies it. */
    public Carousel {
      cards = List.copyOf(Objects.requireNonNull(cards, "cards"));
    }
  }

  /**
   * A tap-target override ({@code type: tap_target_configuration}): the message as a whole becomes
   * tappable, showing {@code title} and opening {@code url}. It needs a fully verified business
   * account with high quality.
   *
   * @param url the absolute {@code http(s)} URL opened on tap
   * @param title the title shown
   */
  record TapTarget(String url, String title) implements TemplateComponent {
    /** Checks that the arguments are present. */
    public TapTarget {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(title, "title");
    }
  }
}
