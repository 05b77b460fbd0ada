package dev.wasdk.template;

import dev.wasdk.internal.text.Values;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A part of a template: header, body, footer, buttons, carousel or limited-time offer, as created
 * and as read back.
 *
 * <pre>{@code
 * Component.textHeader("Our {{1}} is on!", "Summer Sale");
 * Component.body("Shop now through {{1}} with code {{2}}.", "the end of August", "25OFF");
 * Component.namedBody("Hi {{first_name}}!", Map.of("first_name", "Mark"));
 * Component.footer("Reply STOP to opt out");
 * Component.buttons(Button.quickReply("Unsubscribe"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Limits are checked when the {@link
 * TemplateDefinition} is built, where the component's position is known.
 */
public sealed interface Component {

  /**
   * Returns a text header without a variable.
   *
   * @param text at most 60 characters
   * @return the header
   */
  static Header textHeader(String text) {
    return new Header(HeaderFormat.TEXT, Optional.of(text), List.of(), Map.of(), List.of());
  }

  /**
   * Returns a text header with one positional variable <code>{{1}}</code> and its example.
   *
   * @param text at most 60 characters, with <code>{{1}}</code>
   * @param example an example value
   * @return the header
   */
  static Header textHeader(String text, String example) {
    return new Header(HeaderFormat.TEXT, Optional.of(text), List.of(example), Map.of(), List.of());
  }

  /**
   * Returns a text header with one named variable and its example.
   *
   * @param text at most 60 characters, with <code>{{name}}</code>
   * @param name the variable's name
   * @param example an example value
   * @return the header
   */
  static Header namedTextHeader(String text, String name, String example) {
    return new Header(
        HeaderFormat.TEXT, Optional.of(text), List.of(), Map.of(name, example), List.of());
  }

  /**
   * Returns an image, video or document header, with the handle of an example file uploaded through
   * the Resumable Upload API.
   *
   * @param format {@link HeaderFormat#IMAGE}, {@link HeaderFormat#VIDEO} or {@link
   *     HeaderFormat#DOCUMENT}
   * @param exampleHandle the example file's handle, such as {@code 4::aW1hZ2UvanBn:…}
   * @return the header
   */
  static Header mediaHeader(HeaderFormat format, String exampleHandle) {
    return new Header(format, Optional.empty(), List.of(), Map.of(), List.of(exampleHandle));
  }

  /**
   * Returns a location header, whose place is given at send time.
   *
   * @return the header
   */
  static Header locationHeader() {
    return new Header(HeaderFormat.LOCATION, Optional.empty(), List.of(), Map.of(), List.of());
  }

  /**
   * Returns a body with positional variables <code>{{1}}</code>…, one example value per variable.
   *
   * @param text at most 1,024 characters
   * @param examples an example value per variable, in order
   * @return the body
   */
  static Body body(String text, String... examples) {
    return new Body(Optional.of(text), Arrays.asList(examples), Map.of(), Optional.empty());
  }

  /**
   * Returns a body with named variables, one example per name.
   *
   * @param text at most 1,024 characters
   * @param examples the examples by variable name; a {@link LinkedHashMap} keeps their order
   * @return the body
   */
  static Body namedBody(String text, Map<String, String> examples) {
    return new Body(Optional.of(text), List.of(), examples, Optional.empty());
  }

  /**
   * Returns an authentication template's body, whose text WhatsApp supplies.
   *
   * @param addSecurityRecommendation whether to add "For your security, do not share this code."
   * @return the body
   */
  static Body authenticationBody(boolean addSecurityRecommendation) {
    return new Body(Optional.empty(), List.of(), Map.of(), Optional.of(addSecurityRecommendation));
  }

  /**
   * Returns a footer.
   *
   * @param text at most 60 characters, without variables
   * @return the footer
   */
  static Footer footer(String text) {
    return new Footer(Optional.of(text), Optional.empty());
  }

  /**
   * Returns an authentication template's footer, which states when the code expires.
   *
   * @param codeExpirationMinutes 1 to 90
   * @return the footer
   */
  static Footer codeExpirationFooter(int codeExpirationMinutes) {
    return new Footer(Optional.empty(), Optional.of(codeExpirationMinutes));
  }

  /**
   * Returns the buttons component.
   *
   * @param buttons the buttons, in order
   * @return the component
   */
  static Buttons buttons(Button... buttons) {
    return new Buttons(Arrays.asList(buttons));
  }

  /**
   * Returns a carousel of cards.
   *
   * @param cards the cards, at most 10, each with the same kinds of components
   * @return the carousel
   */
  static Carousel carousel(List<Card> cards) {
    return new Carousel(cards);
  }

  /**
   * Returns a limited-time offer.
   *
   * @param text the offer's text, at most 16 characters
   * @param hasExpiration whether a send gives an expiration time
   * @return the component
   */
  static LimitedTimeOffer limitedTimeOffer(String text, boolean hasExpiration) {
    return new LimitedTimeOffer(text, hasExpiration);
  }

  /**
   * A header.
   *
   * @param format the format
   * @param text the text of a text header
   * @param textExamples the example of a positional variable (at most one)
   * @param namedExamples the example of a named variable, by name (at most one)
   * @param exampleHandles the example media handles of a media header
   */
  record Header(
      HeaderFormat format,
      Optional<String> text,
      List<String> textExamples,
      Map<String, String> namedExamples,
      List<String> exampleHandles)
      implements Component {
    /** Copies the lists and map and checks that nothing is null. */
    public Header {
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(text, "text");
      textExamples = List.copyOf(textExamples);
      namedExamples = Collections.unmodifiableMap(new LinkedHashMap<>(namedExamples));
      exampleHandles = List.copyOf(exampleHandles);
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A body.
   *
   * @param text the text; empty for authentication templates, whose text WhatsApp supplies
   * @param examples example values of positional variables, in order
   * @param namedExamples example values of named variables, by name, in order
   * @param addSecurityRecommendation an authentication body's security sentence flag
   */
  record Body(
      Optional<String> text,
      List<String> examples,
      Map<String, String> namedExamples,
      Optional<Boolean> addSecurityRecommendation)
      implements Component {
    /** Copies the lists and map and checks that nothing is null. */
    public Body {
      Objects.requireNonNull(text, "text");
      examples = List.copyOf(examples);
      namedExamples = Collections.unmodifiableMap(new LinkedHashMap<>(namedExamples));
      Objects.requireNonNull(addSecurityRecommendation, "addSecurityRecommendation");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A footer.
   *
   * @param text the text of a plain footer
   * @param codeExpirationMinutes an authentication footer's code lifetime
   */
  record Footer(Optional<String> text, Optional<Integer> codeExpirationMinutes)
      implements Component {
    /** Checks that nothing is null. */
    public Footer {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(codeExpirationMinutes, "codeExpirationMinutes");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * The buttons.
   *
   * @param buttons the buttons, in order; their positions are the send-side indexes
   */
  record Buttons(List<Button> buttons) implements Component {
    /** Copies the list. */
    public Buttons {
      buttons = List.copyOf(buttons);
    }
  }

  /**
   * A carousel.
   *
   * @param cards the cards
   */
  record Carousel(List<Card> cards) implements Component {
    /** Copies the list. */
    public Carousel {
      cards = List.copyOf(cards);
    }
  }

  /**
   * A carousel card: a media header, an optional body and up to 2 buttons.
   *
   * @param components the card's components
   */
  record Card(List<Component> components) {
    /** Copies the list. */
    public Card {
      components = List.copyOf(components);
    }

    /**
     * Returns a card.
     *
     * @param components the card's components
     * @return the card
     */
    public static Card of(Component... components) {
      return new Card(Arrays.asList(components));
    }
  }

  /**
   * A limited-time offer (marketing templates only).
   *
   * @param text the offer's text
   * @param hasExpiration whether a send gives an expiration time
   */
  record LimitedTimeOffer(String text, boolean hasExpiration) implements Component {
    /** Checks that the text is not null. */
    public LimitedTimeOffer {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A component of a type this version does not know, as read back; it keeps its JSON. It cannot be
   * part of a definition.
   *
   * @param type the type Meta wrote
   * @param json the component's JSON
   */
  record Unknown(String type, String json) implements Component {
    /** Checks that nothing is null. */
    public Unknown {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(json, "json");
    }
  }
}
