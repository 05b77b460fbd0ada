package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A value that fills a template's header or body: text, a currency amount, a date, media, a
 * location or a product.
 *
 * <p>Only {@link Variable}s (text, currency, date-time) fill the <code>{{1}}</code> or <code>
 * {{name}}</code> variables of a header or body, so only they go in a body. A header takes one
 * parameter of any kind except currency and date-time. All limits are checked when the message is
 * built, where the field path is known.
 *
 * <pre>{@code
 * TemplateParameter.text("Pablo");                        // positional {{1}}
 * TemplateParameter.namedText("first_name", "Pablo");     // named {{first_name}}
 * TemplateParameter.currency("$100.99", "USD", 100_990);  // amount x 1000
 * TemplateParameter.image(MediaRef.id("1037543291543636"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Their {@code toString()} leaves out text values,
 * which may be personal data or codes.
 */
public sealed interface TemplateParameter {

  /**
   * Returns a positional text parameter.
   *
   * @param text the text; no newlines or tabs, at most 4 consecutive spaces
   * @return the parameter
   */
  static Text text(String text) {
    return new Text(text, Optional.empty());
  }

  /**
   * Returns a named text parameter, for templates created with named parameters.
   *
   * @param parameterName the variable's name: lowercase letters, digits and underscores
   * @param text the text; no newlines or tabs, at most 4 consecutive spaces
   * @return the parameter
   */
  static Text namedText(String parameterName, String text) {
    return new Text(text, Optional.of(Objects.requireNonNull(parameterName, "parameterName")));
  }

  /**
   * Returns a positional currency parameter.
   *
   * @param fallbackValue the text shown, such as {@code $100.99}
   * @param code the ISO 4217 currency code, such as {@code USD}
   * @param amount1000 the amount multiplied by 1000, such as {@code 100990} for 100.99; it must fit
   *     in a 32-bit signed integer
   * @return the parameter
   */
  static Currency currency(String fallbackValue, String code, long amount1000) {
    return new Currency(fallbackValue, code, amount1000, Optional.empty());
  }

  /**
   * Returns a positional date-time parameter. The Cloud API always shows the fallback value as
   * given.
   *
   * @param fallbackValue the text shown, such as {@code February 25, 1977}
   * @return the parameter
   */
  static DateTime dateTime(String fallbackValue) {
    return new DateTime(fallbackValue, Optional.empty());
  }

  /**
   * Returns an image header parameter.
   *
   * @param media the image
   * @return the parameter
   */
  static Image image(MediaRef media) {
    return new Image(media);
  }

  /**
   * Returns a video header parameter.
   *
   * @param media the video
   * @return the parameter
   */
  static Video video(MediaRef media) {
    return new Video(media);
  }

  /**
   * Returns a document header parameter (a PDF).
   *
   * @param media the document
   * @return the parameter
   */
  static Document document(MediaRef media) {
    return new Document(media, Optional.empty());
  }

  /**
   * Returns a document header parameter with the file name users see.
   *
   * @param media the document
   * @param filename the file name, whose extension picks the icon, such as {@code invoice.pdf}
   * @return the parameter
   */
  static Document document(MediaRef media, String filename) {
    return new Document(media, Optional.of(Objects.requireNonNull(filename, "filename")));
  }

  /**
   * Returns a location header parameter with only coordinates.
   *
   * @param latitude the latitude in decimal degrees, -90 to 90
   * @param longitude the longitude in decimal degrees, -180 to 180
   * @return the parameter
   */
  static Location location(double latitude, double longitude) {
    return new Location(latitude, longitude, Optional.empty(), Optional.empty());
  }

  /**
   * Returns a location header parameter.
   *
   * @param latitude the latitude in decimal degrees, -90 to 90
   * @param longitude the longitude in decimal degrees, -180 to 180
   * @param name the place's name, shown below the map
   * @param address the place's address, shown after the name
   * @return the parameter
   */
  static Location location(double latitude, double longitude, String name, String address) {
    return new Location(
        latitude,
        longitude,
        Optional.of(Objects.requireNonNull(name, "name")),
        Optional.of(Objects.requireNonNull(address, "address")));
  }

  /**
   * Returns a product header parameter, for single-product templates and product carousel cards.
   *
   * @param catalogId the id of the catalog connected to the business account
   * @param productRetailerId the product's retailer id (SKU) in that catalog
   * @return the parameter
   */
  static Product product(String catalogId, String productRetailerId) {
    return new Product(catalogId, productRetailerId);
  }

  /**
   * A parameter that fills a text variable of a header or body: text, currency or date-time. Only
   * these may carry a {@code parameter_name}, and in one message either all of them do (a template
   * with named parameters) or none does (positional parameters).
   */
  sealed interface Variable extends TemplateParameter {
    /** Returns the variable's name for templates with named parameters; empty when positional. */
    Optional<String> parameterName();

    /**
     * Returns a copy of this parameter that fills the named variable.
     *
     * @param parameterName the variable's name: lowercase letters, digits and underscores
     * @return the named copy
     */
    Variable named(String parameterName);
  }

  /**
   * A text parameter ({@code type: text}).
   *
   * @param text the text
   * @param parameterName the variable's name, for templates with named parameters
   */
  record Text(String text, Optional<String> parameterName) implements Variable {
    /** Checks that the arguments are present. */
    public Text {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(parameterName, "parameterName");
    }

    @Override
    public Text named(String parameterName) {
      return new Text(text, Optional.of(Objects.requireNonNull(parameterName, "parameterName")));
    }

    @Override
    public String toString() {
      return "Text[" + describeName(parameterName) + text.length() + " characters]";
    }
  }

  /**
   * A currency parameter ({@code type: currency}).
   *
   * @param fallbackValue the text shown, such as {@code $100.99}
   * @param code the ISO 4217 currency code, such as {@code USD}
   * @param amount1000 the amount multiplied by 1000
   * @param parameterName the variable's name, for templates with named parameters
   */
  record Currency(
      String fallbackValue, String code, long amount1000, Optional<String> parameterName)
      implements Variable {
    /** Checks that the arguments are present. */
    public Currency {
      Objects.requireNonNull(fallbackValue, "fallbackValue");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(parameterName, "parameterName");
    }

    @Override
    public Currency named(String parameterName) {
      return new Currency(
          fallbackValue,
          code,
          amount1000,
          Optional.of(Objects.requireNonNull(parameterName, "parameterName")));
    }

    @Override
    public String toString() {
      return "Currency[" + describeName(parameterName) + "code=" + code + "]";
    }
  }

  /**
   * A date-time parameter ({@code type: date_time}). The Cloud API always shows the fallback value.
   *
   * @param fallbackValue the text shown, such as {@code February 25, 1977}
   * @param parameterName the variable's name, for templates with named parameters
   */
  record DateTime(String fallbackValue, Optional<String> parameterName) implements Variable {
    /** Checks that the arguments are present. */
    public DateTime {
      Objects.requireNonNull(fallbackValue, "fallbackValue");
      Objects.requireNonNull(parameterName, "parameterName");
    }

    @Override
    public DateTime named(String parameterName) {
      return new DateTime(
          fallbackValue, Optional.of(Objects.requireNonNull(parameterName, "parameterName")));
    }

    @Override
    public String toString() {
      return "DateTime[" + describeName(parameterName) + fallbackValue.length() + " characters]";
    }
  }

  /**
   * An image header parameter ({@code type: image}).
   *
   * @param media the image
   */
  record Image(MediaRef media) implements TemplateParameter {
    /** Checks that the media is present. */
    public Image {
      Objects.requireNonNull(media, "media");
    }
  }

  /**
   * A video header parameter ({@code type: video}).
   *
   * @param media the video
   */
  record Video(MediaRef media) implements TemplateParameter {
    /** Checks that the media is present. */
    public Video {
      Objects.requireNonNull(media, "media");
    }
  }

  /**
   * A document header parameter ({@code type: document}).
   *
   * @param media the document
   * @param filename the file name users see
   */
  record Document(MediaRef media, Optional<String> filename) implements TemplateParameter {
    /** Checks that the arguments are present. */
    public Document {
      Objects.requireNonNull(media, "media");
      Objects.requireNonNull(filename, "filename");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A location header parameter ({@code type: location}); only utility and marketing templates have
   * location headers.
   *
   * @param latitude the latitude in decimal degrees
   * @param longitude the longitude in decimal degrees
   * @param name the place's name
   * @param address the place's address
   */
  record Location(
      double latitude, double longitude, Optional<String> name, Optional<String> address)
      implements TemplateParameter {
    /** Checks that the arguments are present. */
    public Location {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(address, "address");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A product header parameter ({@code type: product}).
   *
   * @param catalogId the catalog's id
   * @param productRetailerId the product's retailer id (SKU)
   */
  record Product(String catalogId, String productRetailerId) implements TemplateParameter {
    /** Checks that the arguments are present. */
    public Product {
      Objects.requireNonNull(catalogId, "catalogId");
      Objects.requireNonNull(productRetailerId, "productRetailerId");
    }
  }

  private static String describeName(Optional<String> parameterName) {
    return parameterName.map(n -> "parameterName=" + n + ", ").orElse("");
  }
}
