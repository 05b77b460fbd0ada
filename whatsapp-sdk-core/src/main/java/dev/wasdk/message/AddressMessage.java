package dev.wasdk.message;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.internal.text.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An address message ({@code interactive.type: address_message}): a body and a button that opens a
 * shipping-address form, optionally prefilled, with saved addresses to pick from and errors to show
 * on a second attempt. It has an optional text header and footer.
 *
 * <p>WhatsApp offers it only to businesses based in India and their Indian customers. The form's
 * fields are {@code name}, {@code phone_number}, {@code in_pin_code} (at most {@value
 * Limits#ADDRESS_IN_PIN_CODE_MAX} characters), {@code house_number}, {@code floor_number}, {@code
 * tower_number}, {@code building_name}, {@code address}, {@code landmark_area}, {@code city} and
 * {@code state}. The user's answer arrives as an inbound {@code nfm_reply}.
 *
 * <pre>{@code
 * Message.to("+919876543210").address()
 *     .body("Where should we deliver your order?")
 *     .country("IN")
 *     .value("city", "Bengaluru")
 *     .build();
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param header the header text, 1 to {@value Limits#INTERACTIVE_HEADER_TEXT_MAX} characters, if
 *     any
 * @param body the body text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters
 * @param footer the footer text, 1 to {@value Limits#INTERACTIVE_FOOTER_MAX} characters, if any
 * @param country the two-letter ISO country code of the form, such as {@code IN} (required)
 * @param values the form's prefilled values by field name; empty when none
 * @param savedAddresses the user's saved addresses to pick from; empty when none
 * @param validationErrors error texts to show by field name, when asking again; empty when none
 */
public record AddressMessage(
    Envelope envelope,
    Optional<String> header,
    String body,
    Optional<String> footer,
    String country,
    Map<String, String> values,
    List<SavedAddress> savedAddresses,
    Map<String, String> validationErrors)
    implements InteractiveMessage {

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
  private static final String PIN_CODE = "in_pin_code";

  /**
   * A saved address offered in the form ({@code saved_addresses[]}).
   *
   * @param id the id sent back when the user picks it
   * @param value the address's fields by name, as in {@link AddressMessage#values()}
   */
  public record SavedAddress(String id, Map<String, String> value) {
    /** Copies the map, keeping its order. */
    public SavedAddress {
      Objects.requireNonNull(id, "id");
      value = Validation.stringMap("value", value);
    }
  }

  /** Checks the rules and copies the collections; see the component descriptions. */
  public AddressMessage {
    Objects.requireNonNull(envelope, "envelope");
    Validation.optionalText("interactive.header.text", header, Limits.INTERACTIVE_HEADER_TEXT_MAX);
    Validation.text("interactive.body.text", body, 1, Limits.INTERACTIVE_BODY_MAX);
    Validation.optionalText("interactive.footer.text", footer, Limits.INTERACTIVE_FOOTER_MAX);
    String params = "interactive.action.parameters";
    Validation.required(params + ".country", country);
    if (!COUNTRY.matcher(country).matches()) {
      throw new InvalidMessageException(
          params + ".country",
          "a two-letter upper-case ISO country code",
          country.length() + " characters");
    }
    values = Validation.stringMap(params + ".values", values);
    pinCode(params + ".values." + PIN_CODE, values);
    savedAddresses = List.copyOf(savedAddresses);
    for (int i = 0; i < savedAddresses.size(); i++) {
      String at = params + ".saved_addresses[" + i + "]";
      Validation.required(at + ".id", savedAddresses.get(i).id());
      pinCode(at + ".value." + PIN_CODE, savedAddresses.get(i).value());
    }
    Validation.unique(
        params + ".saved_addresses", savedAddresses, SavedAddress::id, ".id", "saved address ids");
    validationErrors = Validation.stringMap(params + ".validation_errors", validationErrors);
  }

  private static void pinCode(String path, Map<String, String> fields) {
    String pin = fields.get(PIN_CODE);
    if (pin != null) {
      Validation.text(path, pin, 0, Limits.ADDRESS_IN_PIN_CODE_MAX);
    }
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
    b.country = country;
    b.values.putAll(values);
    b.savedAddresses.addAll(savedAddresses);
    b.validationErrors.putAll(validationErrors);
    return b;
  }

  /** Builds an {@link AddressMessage}; {@link #build()} checks every rule. Not thread-safe. */
  public static final class Builder extends InteractiveBuilder<Builder> {
    private final Envelope envelope;
    private String header;
    private String country;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final List<SavedAddress> savedAddresses = new ArrayList<>();
    private final Map<String, String> validationErrors = new LinkedHashMap<>();

    private Builder(Envelope envelope) {
      this.envelope = envelope;
    }

    /**
     * Sets the header text; address messages take only a text header here.
     *
     * @param text the text, 1 to {@value Limits#INTERACTIVE_HEADER_TEXT_MAX} characters
     * @return this builder
     */
    public Builder header(String text) {
      this.header = Objects.requireNonNull(text, "text");
      return this;
    }

    /**
     * Sets the form's country (required).
     *
     * @param country the two-letter ISO country code, such as {@code IN}
     * @return this builder
     */
    public Builder country(String country) {
      this.country = Objects.requireNonNull(country, "country");
      return this;
    }

    /**
     * Prefills one field of the form.
     *
     * @param field the field name, such as {@code city} or {@code in_pin_code}
     * @param value the value
     * @return this builder
     */
    public Builder value(String field, String value) {
      values.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds a saved address the user can pick.
     *
     * @param id the id sent back when the user picks it
     * @param value the address's fields by name
     * @return this builder
     */
    public Builder savedAddress(String id, Map<String, String> value) {
      savedAddresses.add(new SavedAddress(id, value));
      return this;
    }

    /**
     * Adds an error text shown next to a field, when asking the user again.
     *
     * @param field the field name
     * @param error the text to show
     * @return this builder
     */
    public Builder validationError(String field, String error) {
      validationErrors.put(
          Objects.requireNonNull(field, "field"), Objects.requireNonNull(error, "error"));
      return this;
    }

    /**
     * Builds the message.
     *
     * @return the message
     * @throws dev.wasdk.error.InvalidMessageException if a documented rule is broken
     */
    public AddressMessage build() {
      return new AddressMessage(
          envelope,
          Optional.ofNullable(header),
          body,
          Optional.ofNullable(footer),
          country,
          values,
          savedAddresses,
          validationErrors);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
