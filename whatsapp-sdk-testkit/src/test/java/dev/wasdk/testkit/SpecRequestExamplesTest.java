package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.spec.OpenApiSpec;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Posts every request example of {@code POST /{Version}/{Phone-Number-ID}/messages} in Meta's spec,
 * as a user might copy it into a test, and requires the simulator to accept it, except for the
 * examples listed in {@link #REFUSED} with the code and the reason. Placeholders are replaced with
 * valid values first (phone numbers, media ids, links, and the template name and language
 * placeholders cannot be validated otherwise), and the spec errata 7 and 8 of {@code
 * openapi/ERRATA.md} are corrected, as in core's contract tests. Template examples are posted with
 * the template rule off, since their templates are not registered; every other rule that would
 * depend on state is off too.
 */
class SpecRequestExamplesTest {
  private static final Pattern OBJECT_ID = Pattern.compile("<[A-Z_]*OBJECT_ID>");
  private static final Pattern LINK = Pattern.compile("<?http\\(s\\)://([^>]+)>?");

  /** Examples the simulator refuses, with the code, because Meta would refuse them too. */
  private static final Map<String, Integer> REFUSED =
      Map.of(
          // interactive order_details / order_status (India payments) are not modelled (erratum 6).
          "Send Order Details Message", 100,
          "Send Order Status Message", 100,
          // Quick-reply buttons with a text parameter (a boolean) instead of a payload.
          "Send Sample Issue Resolution Template", 131009);

  static String substitute(String text, String inboundWamid) {
    switch (text) {
      case "{{Recipient-Phone-Number}}":
      case "{{Recipient-WA-Phone-Number}}":
        return "+16505551234";
      case "{{Flow-ID}}":
        return "1234567890123456";
      case "{{Flow-Name}}":
        return "appointment_booking";
      case "template-name":
      case "<TEMPLATE_NAME>":
        return "order_confirmation";
      case "language-and-locale-code":
        return "en_US";
      default:
        break;
    }
    if (OBJECT_ID.matcher(text).matches()) {
      return "1037543291543636";
    }
    if (text.startsWith("<MSGID_OF_")) {
      return inboundWamid;
    }
    var link = LINK.matcher(text);
    if (link.matches()) {
      return "https://example.com/" + link.group(1);
    }
    return text;
  }

  private static JsonNode prepare(JsonNode node, String inboundWamid) {
    if (node.isObject()) {
      ObjectNode copy = Http.JSON.createObjectNode();
      node.properties().forEach(e -> copy.set(e.getKey(), prepare(e.getValue(), inboundWamid)));
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = Http.JSON.createArrayNode();
      node.forEach(v -> copy.add(prepare(v, inboundWamid)));
      return copy;
    }
    if (node.isString()) {
      return StringNode.valueOf(substitute(node.asString(), inboundWamid));
    }
    return node;
  }

  /** Erratum 8: three examples lack the top-level type; erratum 7: a placeholder header type. */
  private static void correctErrata(ObjectNode body) {
    if (!body.has("type") && !body.has("status")) {
      for (String kind : new String[] {"interactive", "text"}) {
        if (body.has(kind)) {
          body.put("type", kind);
        }
      }
    }
    JsonNode header = body.path("interactive").path("header");
    if (header.path("type").asString("").equals("<HEADER_TYPE>")) {
      ((ObjectNode) header).put("type", "text");
    }
  }

  @Test
  void everyExample_acceptedOrRefusedForItsListedReason() {
    Map<String, JsonNode> examples = OpenApiSpec.requestExamples(OpenApiSpec.MESSAGES_PATH, "post");
    Map<String, Integer> refused = new TreeMap<>();
    try (WhatsAppSimulator sim =
        WhatsAppSimulator.builder().disable(PlatformRule.values()).start()) {
      Http http = new Http(sim);
      for (Map.Entry<String, JsonNode> e : examples.entrySet()) {
        String inbound = sim.userSends("+16505551234", "hi");
        ObjectNode body = (ObjectNode) prepare(e.getValue(), inbound);
        correctErrata(body);
        if (body.has("status")) {
          // The read receipt example names a message id of Meta's; use one this number received.
          body.put("message_id", inbound);
        }
        Http.Response r = http.send(Http.JSON.writeValueAsString(body));
        if (r.status() != 200) {
          refused.put(e.getKey(), r.errorCode());
        }
      }
    }

    assertThat(examples).hasSizeGreaterThanOrEqualTo(50);
    assertThat(refused).isEqualTo(new TreeMap<>(REFUSED));
  }
}
