package dev.wasdk.message;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A template message ({@code type: template}): an approved template, named with its language, and
 * the values of its header, body and buttons.
 *
 * <p>Only template messages may start a conversation outside the 24-hour customer-service window.
 * The message is checked against WhatsApp's documented rules when it is built (see {@link
 * TemplateLimits}); a failure throws {@link dev.wasdk.error.InvalidMessageException} with the JSON
 * path of the field, such as {@code template.components[1].parameters[0].text}. The template's own
 * definition (how many variables it has, which buttons) is not known here: a mismatch is reported
 * by WhatsApp (error 132000).
 *
 * <pre>{@code
 * TemplateMessage order =
 *     Message.to("+16505551234")
 *         .template("order_update", "en_US")
 *         .category(TemplateCategory.UTILITY)
 *         .header(TemplateParameter.image(MediaRef.id("1037543291543636")))
 *         .body(
 *             TemplateParameter.text("Pablo"),
 *             TemplateParameter.currency("$100.99", "USD", 100_990))
 *         .quickReplyButton(0, "TRACK")
 *         .urlButton(1, "orders/8812")
 *         .build();
 *
 * TemplateMessage otp =
 *     Message.to("+16505551234")
 *         .template("login_code", "en_US")
 *         .category(TemplateCategory.AUTHENTICATION)
 *         .body(TemplateParameter.text("482913"))
 *         .otpButton("482913")
 *         .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param envelope the recipient and common options
 * @param name the template's name: lowercase letters, digits and underscores, at most 512
 * @param language the template's language
 * @param components the header, body, buttons and other components, in the order they are sent
 * @param category the template's category when the sender knows it, else {@link
 *     TemplateCategory#UNKNOWN}; used for pacing, never sent
 * @param bodyOnlyTemplate whether the template has only a body, which lets body text parameters
 *     reach 32,768 characters; see {@link Builder#bodyOnlyTemplate()}
 */
public record TemplateMessage(
    Envelope envelope,
    String name,
    TemplateLanguage language,
    List<TemplateComponent> components,
    TemplateCategory category,
    boolean bodyOnlyTemplate)
    implements Message {

  /**
   * Checks every documented rule.
   *
   * @throws dev.wasdk.error.InvalidMessageException if a rule is broken, naming the field's path
   */
  public TemplateMessage {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(category, "category");
    components = List.copyOf(Objects.requireNonNull(components, "components"));
    TemplateRules.check(name, language, components, bodyOnlyTemplate);
  }

  /** Returns the template's language code, such as {@code en_US}. */
  public String languageCode() {
    return language.code();
  }

  static Builder builder(Envelope envelope, String name, String languageCode) {
    return new Builder(envelope, name, languageCode);
  }

  /**
   * Returns a builder holding this message's values; components come back in the builder's order.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(envelope, name, language.code());
    b.deterministicPolicy = language.deterministicPolicy();
    b.category = category;
    b.bodyOnlyTemplate = bodyOnlyTemplate;
    for (TemplateComponent c : components) {
      if (c instanceof TemplateComponent.Header h) {
        b.header = h.parameter();
      } else if (c instanceof TemplateComponent.Body body) {
        b.body.addAll(body.parameters());
      } else if (c instanceof TemplateButton button) {
        b.buttons.add(button);
      } else if (c instanceof TemplateComponent.LimitedTimeOffer lto) {
        b.limitedTimeOffer = lto;
      } else if (c instanceof TemplateComponent.Carousel carousel) {
        b.carousel = carousel;
      } else if (c instanceof TemplateComponent.TapTarget tap) {
        b.tapTarget = tap;
      }
    }
    return b;
  }

  /**
   * Builds a template message. Values are checked by {@link #build()}, not by the setters, so they
   * may be given in any order.
   *
   * <p>Components are sent in this order: header, body, limited-time offer, carousel, buttons by
   * index, tap-target override.
   *
   * <p>Not thread-safe; use one builder per message.
   */
  public static final class Builder {
    private final Envelope envelope;
    private final String name;
    private final String languageCode;
    private boolean deterministicPolicy;
    private TemplateCategory category = TemplateCategory.UNKNOWN;
    private boolean bodyOnlyTemplate;
    private TemplateParameter header;
    private final List<TemplateParameter.Variable> body = new ArrayList<>();
    private final List<TemplateButton> buttons = new ArrayList<>();
    private TemplateComponent.LimitedTimeOffer limitedTimeOffer;
    private TemplateComponent.Carousel carousel;
    private TemplateComponent.TapTarget tapTarget;

    Builder(Envelope envelope, String name, String languageCode) {
      this.envelope = Objects.requireNonNull(envelope, "envelope");
      this.name = Objects.requireNonNull(name, "name");
      this.languageCode = Objects.requireNonNull(languageCode, "languageCode");
    }

    /**
     * Declares the template's category, so that a sender can prioritize and pace the message. It is
     * not sent. Default: {@link TemplateCategory#UNKNOWN}.
     *
     * @param category the category
     * @return this builder
     */
    public Builder category(TemplateCategory category) {
      this.category = Objects.requireNonNull(category, "category");
      return this;
    }

    /**
     * Writes {@code "policy": "deterministic"} in the language. WhatsApp applies this policy (the
     * template is rendered in the requested language or not at all) whether or not it is written.
     *
     * @return this builder
     */
    public Builder deterministicLanguagePolicy() {
      this.deterministicPolicy = true;
      return this;
    }

    /**
     * Declares that the template has only a body (no header, footer or buttons), which lets a body
     * text parameter hold up to 32,768 characters instead of 1,024. A message built this way may
     * then have no component other than the body.
     *
     * @return this builder
     */
    public Builder bodyOnlyTemplate() {
      this.bodyOnlyTemplate = true;
      return this;
    }

    /**
     * Sets the header's parameter, replacing any set before.
     *
     * @param parameter text (at most 60 characters), image, video, document, location or product
     * @return this builder
     */
    public Builder header(TemplateParameter parameter) {
      this.header = Objects.requireNonNull(parameter, "parameter");
      return this;
    }

    /**
     * Adds body parameters, after any added before, in the order of the body's variables.
     *
     * @param parameters text (at most 1,024 characters), currency or date-time parameters
     * @return this builder
     */
    public Builder body(TemplateParameter.Variable... parameters) {
      for (TemplateParameter.Variable p : parameters) {
        body.add(Objects.requireNonNull(p, "parameter"));
      }
      return this;
    }

    /**
     * Adds positional text parameters to the body, after any added before.
     *
     * @param texts the texts, in the order of the body's variables
     * @return this builder
     */
    public Builder bodyText(String... texts) {
      for (String t : texts) {
        body.add(TemplateParameter.text(t));
      }
      return this;
    }

    /**
     * Adds a named text parameter to the body, for templates created with named parameters.
     *
     * @param parameterName the variable's name: lowercase letters, digits and underscores
     * @param text the text
     * @return this builder
     */
    public Builder bodyNamed(String parameterName, String text) {
      body.add(TemplateParameter.namedText(parameterName, text));
      return this;
    }

    /**
     * Adds a button's value. Buttons are sent ordered by index; each index may be used once.
     *
     * @param button the button
     * @return this builder
     */
    public Builder button(TemplateButton button) {
      buttons.add(Objects.requireNonNull(button, "button"));
      return this;
    }

    /**
     * Adds a quick-reply button's payload.
     *
     * @param index the button's position, 0 to 9
     * @param payload the data returned in the webhook when the user taps the button
     * @return this builder
     */
    public Builder quickReplyButton(int index, String payload) {
      return button(TemplateButton.quickReply(index, payload));
    }

    /**
     * Adds a URL button's dynamic suffix.
     *
     * @param index the button's position, 0 to 9
     * @param suffix the text appended to the button's URL, at most 2,000 characters
     * @return this builder
     */
    public Builder urlButton(int index, String suffix) {
      return button(TemplateButton.url(index, suffix));
    }

    /**
     * Adds a copy-code button's coupon code.
     *
     * @param index the button's position, 0 to 9
     * @param couponCode the code, at most 15 characters
     * @return this builder
     */
    public Builder copyCodeButton(int index, String couponCode) {
      return button(TemplateButton.copyCode(index, couponCode));
    }

    /**
     * Adds the one-time password of an authentication template (copy-code, one-tap or zero-tap
     * button), sent as the URL button at index 0. The body takes the same code: add it with {@code
     * body(TemplateParameter.text(code))}.
     *
     * @param code the one-time password, at most 15 characters
     * @return this builder
     */
    public Builder otpButton(String code) {
      return button(TemplateButton.oneTimePassword(code));
    }

    /**
     * Adds a flow button's token.
     *
     * @param index the button's position, 0 to 9
     * @param flowToken the token that identifies this flow session
     * @return this builder
     */
    public Builder flowButton(int index, String flowToken) {
      return button(TemplateButton.flow(index, flowToken));
    }

    /**
     * Adds a flow button's token and the data for the flow's first screen.
     *
     * @param index the button's position, 0 to 9
     * @param flowToken the token that identifies this flow session
     * @param flowActionData the first screen's data: strings, numbers, booleans, and lists and maps
     *     of them
     * @return this builder
     */
    public Builder flowButton(int index, String flowToken, Map<String, ?> flowActionData) {
      return button(TemplateButton.flow(index, flowToken, flowActionData));
    }

    /**
     * Adds a catalog button with the product whose image heads the message.
     *
     * @param index the button's position, 0 to 9
     * @param thumbnailProductRetailerId the retailer id (SKU) of the thumbnail's product
     * @return this builder
     */
    public Builder catalogButton(int index, String thumbnailProductRetailerId) {
      return button(TemplateButton.catalog(index, thumbnailProductRetailerId));
    }

    /**
     * Adds a multi-product button: up to 30 products in up to 10 sections.
     *
     * @param index the button's position, 0 to 9
     * @param thumbnailProductRetailerId the retailer id (SKU) of the thumbnail's product
     * @param sections the product sections
     * @return this builder
     */
    public Builder mpmButton(
        int index, String thumbnailProductRetailerId, List<TemplateProductSection> sections) {
      return button(TemplateButton.multiProduct(index, thumbnailProductRetailerId, sections));
    }

    /**
     * Sets the carousel's cards, replacing any set before. A carousel template has a body and the
     * carousel, with no header or buttons of its own.
     *
     * @param cards 1 to 10 cards with the same components; each card's index is its position
     * @return this builder
     */
    public Builder carousel(TemplateCarouselCard... cards) {
      return carousel(List.of(cards));
    }

    /**
     * Sets the carousel's cards, replacing any set before.
     *
     * @param cards 1 to 10 cards with the same components; each card's index is its position
     * @return this builder
     */
    public Builder carousel(List<TemplateCarouselCard> cards) {
      this.carousel = new TemplateComponent.Carousel(cards);
      return this;
    }

    /**
     * Sets when a limited-time offer expires (marketing templates only).
     *
     * @param expirationTimeMs the expiration in milliseconds since the epoch, not seconds
     * @return this builder
     */
    public Builder limitedTimeOffer(long expirationTimeMs) {
      this.limitedTimeOffer = new TemplateComponent.LimitedTimeOffer(expirationTimeMs);
      return this;
    }

    /**
     * Sets when a limited-time offer expires (marketing templates only).
     *
     * @param expiration the expiration instant
     * @return this builder
     */
    public Builder limitedTimeOffer(Instant expiration) {
      return limitedTimeOffer(Objects.requireNonNull(expiration, "expiration").toEpochMilli());
    }

    /**
     * Makes the whole message tappable with a title and a URL (tap-target override).
     *
     * @param url the absolute {@code http(s)} URL opened on tap
     * @param title the title shown
     * @return this builder
     */
    public Builder tapTarget(String url, String title) {
      this.tapTarget = new TemplateComponent.TapTarget(url, title);
      return this;
    }

    /**
     * Builds the message.
     *
     * @return the message
     * @throws dev.wasdk.error.InvalidMessageException if a documented rule is broken, naming the
     *     field's path
     */
    public TemplateMessage build() {
      List<TemplateComponent> components = new ArrayList<>();
      if (header != null) {
        components.add(new TemplateComponent.Header(header));
      }
      if (!body.isEmpty()) {
        components.add(new TemplateComponent.Body(body));
      }
      if (limitedTimeOffer != null) {
        components.add(limitedTimeOffer);
      }
      if (carousel != null) {
        components.add(carousel);
      }
      List<TemplateButton> sorted = new ArrayList<>(buttons);
      sorted.sort(Comparator.comparingInt(TemplateButton::index));
      components.addAll(sorted);
      if (tapTarget != null) {
        components.add(tapTarget);
      }
      return new TemplateMessage(
          envelope,
          name,
          new TemplateLanguage(languageCode, deterministicPolicy),
          components,
          category,
          bodyOnlyTemplate);
    }
  }
}
