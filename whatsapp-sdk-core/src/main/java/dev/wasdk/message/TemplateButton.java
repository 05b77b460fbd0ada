package dev.wasdk.message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The send-time value of one of a template's buttons ({@code type: button}): its position ({@code
 * index}, from 0) and the parameter its kind takes.
 *
 * <p>Buttons without parameters (phone number, voice call, single-product, static URL or quick
 * replies without a payload) are not sent; the others keep their template index. Limits are checked
 * when the message is built.
 *
 * <pre>{@code
 * TemplateButton.quickReply(0, "STOP_PROMOS");
 * TemplateButton.url(1, "order/8812");
 * TemplateButton.copyCode(0, "SUMMER25");
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Their {@code toString()} leaves out payloads, codes
 * and URL suffixes.
 */
public sealed interface TemplateButton extends TemplateComponent {

  /** Returns the button's position in the template, from 0. */
  int index();

  /**
   * Returns a quick-reply button's payload ({@code sub_type: quick_reply}).
   *
   * @param index the button's position, from 0
   * @param payload the data returned in the webhook when the user taps the button
   * @return the button
   */
  static QuickReply quickReply(int index, String payload) {
    return new QuickReply(index, payload);
  }

  /**
   * Returns a URL button's dynamic suffix ({@code sub_type: url}).
   *
   * @param index the button's position, from 0
   * @param suffix the text appended to the template's URL
   * @return the button
   */
  static Url url(int index, String suffix) {
    return new Url(index, suffix);
  }

  /**
   * Returns the one-time-password button of an authentication template (copy-code, one-tap or
   * zero-tap), at index 0. It is sent as a URL button whose text is the code; the template's body
   * takes the same code as its only parameter.
   *
   * @param code the one-time password, at most 15 characters
   * @return the button
   */
  static OneTimePassword oneTimePassword(String code) {
    return new OneTimePassword(0, code);
  }

  /**
   * Returns a copy-code button's coupon code ({@code sub_type: copy_code}).
   *
   * @param index the button's position, from 0
   * @param couponCode the code copied when the user taps the button, at most 15 characters
   * @return the button
   */
  static CopyCode copyCode(int index, String couponCode) {
    return new CopyCode(index, couponCode);
  }

  /**
   * Returns a flow button's token ({@code sub_type: flow}).
   *
   * @param index the button's position, from 0
   * @param flowToken the token that identifies this flow session in the flow's requests
   * @return the button
   */
  static Flow flow(int index, String flowToken) {
    return new Flow(index, flowToken, Map.of());
  }

  /**
   * Returns a flow button's token and the data for the flow's first screen ({@code sub_type:
   * flow}).
   *
   * @param index the button's position, from 0
   * @param flowToken the token that identifies this flow session in the flow's requests
   * @param flowActionData the first screen's data: strings, numbers, booleans, and lists and maps
   *     of them
   * @return the button
   */
  static Flow flow(int index, String flowToken, Map<String, ?> flowActionData) {
    return new Flow(
        index, flowToken, deepCopy(Objects.requireNonNull(flowActionData, "flowActionData")));
  }

  /**
   * Returns a catalog button with the product whose image heads the message ({@code sub_type:
   * catalog}). To let WhatsApp use the catalog's first product, send no catalog button.
   *
   * @param index the button's position, from 0
   * @param thumbnailProductRetailerId the retailer id (SKU) of the thumbnail's product
   * @return the button
   */
  static Catalog catalog(int index, String thumbnailProductRetailerId) {
    return new Catalog(index, thumbnailProductRetailerId);
  }

  /**
   * Returns a multi-product button ({@code sub_type: mpm}): up to 30 products in up to 10 sections.
   *
   * @param index the button's position, from 0
   * @param thumbnailProductRetailerId the retailer id (SKU) of the thumbnail's product
   * @param sections the product sections
   * @return the button
   */
  static MultiProduct multiProduct(
      int index, String thumbnailProductRetailerId, List<TemplateProductSection> sections) {
    return new MultiProduct(index, thumbnailProductRetailerId, sections);
  }

  /**
   * A quick-reply button's payload.
   *
   * @param index the button's position
   * @param payload the data returned when the user taps the button
   */
  record QuickReply(int index, String payload) implements TemplateButton {
    /** Checks that the payload is present. */
    public QuickReply {
      Objects.requireNonNull(payload, "payload");
    }

    @Override
    public String toString() {
      return "QuickReply[index=" + index + ", payload=" + payload.length() + " characters]";
    }
  }

  /**
   * A URL button's dynamic suffix.
   *
   * @param index the button's position
   * @param suffix the text appended to the template's URL
   */
  record Url(int index, String suffix) implements TemplateButton {
    /** Checks that the suffix is present. */
    public Url {
      Objects.requireNonNull(suffix, "suffix");
    }

    @Override
    public String toString() {
      return "Url[index=" + index + ", suffix=" + suffix.length() + " characters]";
    }
  }

  /**
   * The one-time password of an authentication template, sent as a URL button.
   *
   * @param index the button's position (0 in authentication templates)
   * @param code the one-time password
   */
  record OneTimePassword(int index, String code) implements TemplateButton {
    /** Checks that the code is present. */
    public OneTimePassword {
      Objects.requireNonNull(code, "code");
    }

    @Override
    public String toString() {
      return "OneTimePassword[index=" + index + ", code=<redacted>]";
    }
  }

  /**
   * A copy-code button's coupon code.
   *
   * @param index the button's position
   * @param couponCode the code
   */
  record CopyCode(int index, String couponCode) implements TemplateButton {
    /** Checks that the code is present. */
    public CopyCode {
      Objects.requireNonNull(couponCode, "couponCode");
    }

    @Override
    public String toString() {
      return "CopyCode[index=" + index + ", couponCode=" + couponCode.length() + " characters]";
    }
  }

  /**
   * A flow button's token and first-screen data.
   *
   * @param index the button's position
   * @param flowToken the flow session's token
   * @param flowActionData the first screen's data, an unmodifiable deep copy; empty when none
   */
  record Flow(int index, String flowToken, Map<String, Object> flowActionData)
      implements TemplateButton {
    /** Checks that the arguments are present and copies the data deeply. */
    public Flow {
      Objects.requireNonNull(flowToken, "flowToken");
      flowActionData = deepCopy(Objects.requireNonNull(flowActionData, "flowActionData"));
    }

    @Override
    public String toString() {
      return "Flow[index=" + index + ", flowActionData=" + flowActionData.keySet() + "]";
    }
  }

  /**
   * A catalog button's thumbnail product.
   *
   * @param index the button's position
   * @param thumbnailProductRetailerId the retailer id (SKU) of the thumbnail's product
   */
  record Catalog(int index, String thumbnailProductRetailerId) implements TemplateButton {
    /** Checks that the id is present. */
    public Catalog {
      Objects.requireNonNull(thumbnailProductRetailerId, "thumbnailProductRetailerId");
    }
  }

  /**
   * A multi-product button's thumbnail and sections.
   *
   * @param index the button's position
   * @param thumbnailProductRetailerId the retailer id (SKU) of the thumbnail's product
   * @param sections the product sections
   */
  record MultiProduct(
      int index, String thumbnailProductRetailerId, List<TemplateProductSection> sections)
      implements TemplateButton {
    /** Checks that the arguments are present and copies the sections. */
    public MultiProduct {
      Objects.requireNonNull(thumbnailProductRetailerId, "thumbnailProductRetailerId");
      sections = List.copyOf(Objects.requireNonNull(sections, "sections"));
    }
  }

  /**
   * Copies flow data into unmodifiable maps and lists, keeping the keys' order. Values are checked
   * when the message is built, where the field path is known.
   */
  private static Map<String, Object> deepCopy(Map<String, ?> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, ?> e : map.entrySet()) {
      out.put(Objects.requireNonNull(e.getKey(), "flowActionData key"), copyValue(e.getValue()));
    }
    return Collections.unmodifiableMap(out);
  }

  private static Object copyValue(Object value) {
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        // JSON property names are strings; other keys are written as their string form.
        out.put(String.valueOf(e.getKey()), copyValue(e.getValue()));
      }
      return Collections.unmodifiableMap(out);
    }
    if (value instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(copyValue(o));
      }
      return Collections.unmodifiableList(out);
    }
    return value;
  }
}
