package dev.wasdk.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.internal.json.MessageJson;
import dev.wasdk.spec.MessageSchema;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks the JSON of every kind and variant the builders make against Meta's OpenAPI spec (v23.0),
 * with the spec's documented errata corrected by {@link MessageSchema}.
 *
 * <p>Some documented kinds and options are missing from the v23 schema (see {@link
 * MessageSamples#outsideSchema()}). For those, the test asserts that the full schema still rejects
 * them, so it notices when Meta adds them, and validates the parts the spec does define.
 */
class MessageSchemaContractTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final List<String> ENVELOPE_GAPS =
      List.of("recipient", "biz_opaque_callback_data", "recipient_identity_key_hash");

  static Stream<Arguments> inSchema() {
    return MessageSamples.inSchema().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  static Stream<Arguments> outsideSchema() {
    return MessageSamples.outsideSchema().entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  private static JsonNode json(Message m) {
    return MAPPER.readTree(MessageJson.toBytes(m));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inSchema")
  void validateMessage_builderOutput_hasNoErrors(String name, Message message) {
    assertThat(MessageSchema.validateMessage(json(message))).as(name).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outsideSchema")
  void validateMessage_kindTheSpecLacks_isStillRejected(String name, Message message) {
    assertThat(MessageSchema.validateMessage(json(message))).as(name).isNotEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outsideSchema")
  void validate_partsTheSpecDefines_haveNoErrors(String name, Message message) {
    ObjectNode json = (ObjectNode) json(message);
    JsonNode interactive = json.path("interactive");
    if (!interactive.isMissingNode()) {
      assertThat(MessageSchema.validate("BodyObject", interactive.path("body"))).isEmpty();
      for (Map.Entry<String, String> part :
          Map.of("header", "HeaderObject", "footer", "FooterObject").entrySet()) {
        if (interactive.has(part.getKey())) {
          assertThat(MessageSchema.validate(part.getValue(), interactive.path(part.getKey())))
              .as(name + " " + part.getKey())
              .isEmpty();
        }
      }
    } else if (!json.has("recipient")) {
      // Only the envelope field the spec lacks is in the way: the rest must be valid.
      ENVELOPE_GAPS.forEach(json::remove);
      assertThat(MessageSchema.validateMessage(json)).as(name).isEmpty();
    } else {
      // A business-scoped recipient replaces "to", which the spec requires; the exact JSON is
      // checked in MessageJsonTest.
      assertThat(json.path("recipient").asString()).isEqualTo("US.13491208655302741918");
      assertThat(json.has("to")).isFalse();
    }
  }

  @Test
  void samples_coverEveryMessageKind() {
    Set<Class<?>> kinds = new HashSet<>();
    MessageSamples.inSchema().values().forEach(m -> kinds.add(m.getClass()));
    MessageSamples.outsideSchema().values().forEach(m -> kinds.add(m.getClass()));
    Set<Class<?>> expected = new HashSet<>();
    for (Class<?> k : Message.class.getPermittedSubclasses()) {
      if (k == InteractiveMessage.class) {
        expected.addAll(List.of(InteractiveMessage.class.getPermittedSubclasses()));
      } else if (k != TemplateMessage.class) {
        expected.add(k);
      }
    }
    System.out.printf(
        "schema-validated samples: %d in the v23 schema, %d partly (kinds the schema lacks),"
            + " %d kinds%n",
        MessageSamples.inSchema().size(), MessageSamples.outsideSchema().size(), expected.size());

    assertThat(kinds).containsExactlyInAnyOrderElementsOf(expected);
  }
}
