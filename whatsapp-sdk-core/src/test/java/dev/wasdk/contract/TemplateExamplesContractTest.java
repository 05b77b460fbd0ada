package dev.wasdk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.internal.json.Json;
import dev.wasdk.internal.json.MessageJson;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TemplateParameter;
import dev.wasdk.spec.OpenApiSpec;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Every {@code type: template} request example of {@code POST /{Phone-Number-ID}/messages} in
 * Meta's spec is either built with our builder and compared as a JSON tree, or listed in {@link
 * #OUT_OF_SCOPE} with the reason.
 *
 * <p>Before comparing, the example is normalized, and only in these ways:
 *
 * <ol>
 *   <li>Placeholders are replaced by valid values, the same value everywhere ({@link
 *       #PLACEHOLDERS}); ERRATA.md, last paragraph.
 *   <li>A missing {@code recipient_type} becomes {@code individual}: ERRATA.md item 2.
 *   <li>A button {@code index} written as a string becomes an integer: ERRATA.md item 5.
 *   <li>{@code sub_type: CATALOG} becomes {@code catalog}. New erratum T1: the spec's own {@code
 *       TemplateComponent.sub_type} and {@code ButtonComponent.sub_type} enums are lowercase
 *       ({@code quick_reply, url, catalog}), so the example fails the spec's schema as written;
 *       every other sub_type is lowercase in the spec and in Meta's pages.
 *   <li>{@code date_time} objects lose {@code calendar, day_of_month, day_of_week, hour, minute,
 *       month, year}. New erratum T2: the spec's {@code DateTimeObject} defines only {@code
 *       fallback_value} and says "For Cloud API, this fallback value is always used"; the other
 *       fields are localization inputs of the retired On-Premises API, which the builder does not
 *       write.
 *   <li>A {@code to} without {@code +} gains it. Not a spec mistake but our deliberate choice: the
 *       example "16315555555" is built with {@link Recipient#waId(String)}, and the SDK always
 *       writes E.164 with {@code +}, because Meta prepends the business number's country code to a
 *       number without it (API-FACTS §3.1).
 * </ol>
 */
class TemplateExamplesContractTest {
  private static final String PHONE = "+16505551234";

  /** Placeholder → the valid value used for it in both the example and our build. */
  private static final Map<String, String> PLACEHOLDERS =
      Map.of(
          "{{Recipient-Phone-Number}}", PHONE,
          "http(s)://the-image-url", "https://example.com/image.jpg",
          "language-and-locale-code", "en_US",
          "template-name", "template_name",
          "<TEMPLATE_NAME>", "flow_template");

  private static final Set<String> LEGACY_DATE_TIME_FIELDS =
      Set.of("calendar", "day_of_month", "day_of_week", "hour", "minute", "month", "year");

  /** Examples the builder does not reproduce, with the reason. */
  static final Map<String, String> OUT_OF_SCOPE =
      Map.of(
          "Send Sample Issue Resolution Template",
          "its quick_reply buttons carry {type: text, text: true/false}: a boolean where the spec's"
              + " ButtonTextParameter.text is a string, and a text parameter where the spec"
              + " (ButtonComponent: 'payload for quick reply') and Meta's pages give quick replies"
              + " a payload. The builder writes quick replies as {type: payload} only.");

  /** Examples the builder reproduces: example name → the message built for it. */
  static final Map<String, Supplier<TemplateMessage>> BUILT = new LinkedHashMap<>();

  static {
    BUILT.put(
        "Send Catalog Template Message",
        () ->
            Message.to(PHONE)
                .template("intro_catalog_offer", "en_US")
                .bodyText("100", "400", "3")
                .catalogButton(0, "2lc20305pt")
                .build());
    BUILT.put(
        "Send Flow Template Message",
        () ->
            Message.to(PHONE)
                .template("flow_template", "en_US")
                .flowButton(0, "<FLOW_TOKEN>", Map.of("<CUSTOM_KEY>", "<CUSTOM_VALUE>"))
                .build());
    BUILT.put(
        "Send Message Template Interactive",
        () ->
            mediaTemplate(Message.to(PHONE))
                .quickReplyButton(0, "aGlzIHRoaXMgaXMgY29v")
                .quickReplyButton(1, "9rwnB8RbYmPF5t2Mn09x4h")
                .build());
    BUILT.put("Send Message Template Media", () -> mediaTemplate(Message.to(PHONE)).build());
    BUILT.put("Send Message Template Text", () -> textTemplate(Message.to(PHONE)).build());
    BUILT.put(
        "Send Sample Shipping Confirmation Template",
        () -> textTemplate(Message.to(Recipient.waId("16315555555"))).build());
    BUILT.put(
        "Send Sample Text Message",
        () -> textTemplate(Message.to(Recipient.waId("16315555555"))).build());
    BUILT.put(
        "Send Test Message", () -> Message.to(PHONE).template("hello_world", "en_US").build());
  }

  private static TemplateMessage.Builder textTemplate(Message.Builder to) {
    return to.template("template_name", "en_US")
        .body(
            TemplateParameter.text("text-string"),
            TemplateParameter.currency("$100.99", "USD", 100_990),
            TemplateParameter.dateTime("February 25, 1977"));
  }

  private static TemplateMessage.Builder mediaTemplate(Message.Builder to) {
    return textTemplate(to)
        .header(TemplateParameter.image(MediaRef.link("https://example.com/image.jpg")));
  }

  static Map<String, JsonNode> templateExamples() {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    OpenApiSpec.requestExamples(OpenApiSpec.MESSAGES_PATH, "post")
        .forEach(
            (name, value) -> {
              if ("template".equals(value.path("type").asString())) {
                out.put(name, value);
              }
            });
    return out;
  }

  static Stream<Arguments> builtExamples() {
    return BUILT.keySet().stream().map(Arguments::of);
  }

  @Test
  void templateExamples_everyOneBuiltOrOutOfScope_fullCoverage() {
    Set<String> examples = templateExamples().keySet();
    Set<String> covered = new HashSet<>(BUILT.keySet());
    covered.addAll(OUT_OF_SCOPE.keySet());

    assertThat(covered).containsExactlyInAnyOrderElementsOf(examples);
    assertThat(BUILT.keySet()).doesNotContainAnyElementsOf(OUT_OF_SCOPE.keySet());
    assertThat(examples).hasSize(9);
    assertThat(BUILT).hasSize(8);
    assertThat(OUT_OF_SCOPE).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("builtExamples")
  void build_specExample_sameJsonTree(String exampleName) {
    JsonNode expected = normalize(templateExamples().get(exampleName));

    JsonNode actual = Json.MAPPER.readTree(MessageJson.toBytes(BUILT.get(exampleName).get()));

    assertThat(actual).isEqualTo(expected);
  }

  @Test
  void outOfScope_issueResolution_reasonStillHolds() {
    JsonNode example = templateExamples().get("Send Sample Issue Resolution Template");
    List<JsonNode> quickReplyTexts =
        example
            .path("template")
            .path("components")
            .valueStream()
            .filter(c -> "quick_reply".equals(c.path("sub_type").asString()))
            .map(c -> c.path("parameters").get(0))
            .toList();

    assertThat(quickReplyTexts)
        .isNotEmpty()
        .allSatisfy(
            p -> {
              assertThat(p.path("type").asString()).isEqualTo("text");
              assertThat(p.path("text").isBoolean()).isTrue();
            });
  }

  @Test
  void normalize_errataApplied_onlyToTheDocumentedFields() {
    // The normalization must not hide differences: it changes nothing in an example that has no
    // erratum, and each erratum it fixes is present in at least one example.
    JsonNode catalog = templateExamples().get("Send Catalog Template Message");
    JsonNode normalized = normalize(catalog);
    assertThat(normalized.path("template").path("components").get(1).path("sub_type").asString())
        .isEqualTo("catalog");
    ((ObjectNode) normalized.path("template").path("components").get(1)).put("sub_type", "CATALOG");
    assertThat(normalized).isEqualTo(catalog);

    assertThat(
            templateExamples().values().stream()
                .anyMatch(e -> e.toString().contains("\"day_of_week\"")))
        .isTrue();
    assertThat(
            templateExamples().values().stream()
                .anyMatch(e -> e.toString().contains("\"index\":\"0\"")))
        .isTrue();
    assertThat(templateExamples().values().stream().anyMatch(e -> !e.has("recipient_type")))
        .isTrue();
  }

  /** Applies the documented normalizations (see the class comment) to a copy of an example. */
  static JsonNode normalize(JsonNode example) {
    ObjectNode copy = (ObjectNode) replacePlaceholders(example);
    // ERRATA.md item 2: recipient_type is optional and defaults to individual.
    if (!copy.has("recipient_type")) {
      copy.put("recipient_type", "individual");
    }
    // SDK choice (class comment, item 6): E.164 with '+'.
    String to = copy.path("to").asString();
    if (!to.startsWith("+")) {
      copy.put("to", "+" + to);
    }
    for (JsonNode c : copy.path("template").path("components")) {
      ObjectNode component = (ObjectNode) c;
      // ERRATA.md item 5: a button index may be a string in the examples.
      if (component.path("index").isString()) {
        component.put("index", Integer.parseInt(component.path("index").asString()));
      }
      // New erratum T1: the spec's sub_type enum is lowercase.
      if ("CATALOG".equals(component.path("sub_type").asString())) {
        component.put("sub_type", "catalog");
      }
      // New erratum T2: Cloud API date_time is fallback_value only.
      for (JsonNode p : component.path("parameters")) {
        if (p.path("date_time") instanceof ObjectNode dateTime) {
          dateTime.remove(LEGACY_DATE_TIME_FIELDS);
        }
      }
    }
    return copy;
  }

  private static JsonNode replacePlaceholders(JsonNode node) {
    if (node.isString()) {
      String s = node.asString();
      return PLACEHOLDERS.containsKey(s) ? StringNode.valueOf(PLACEHOLDERS.get(s)) : node;
    }
    JsonNode copy = node.deepCopy();
    if (copy instanceof ObjectNode o) {
      for (String name : List.copyOf(o.propertyNames())) {
        o.set(name, replacePlaceholders(o.get(name)));
      }
    } else if (copy.isArray()) {
      for (int i = 0; i < copy.size(); i++) {
        ((tools.jackson.databind.node.ArrayNode) copy).set(i, replacePlaceholders(copy.get(i)));
      }
    }
    return copy;
  }
}
