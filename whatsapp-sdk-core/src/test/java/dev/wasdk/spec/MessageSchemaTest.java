package dev.wasdk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class MessageSchemaTest {
  @Test
  void validateMessage_specExamples_mostValidateAfterErrata() {
    Map<String, JsonNode> examples = OpenApiSpec.requestExamples(OpenApiSpec.MESSAGES_PATH, "post");
    int valid = 0;
    StringBuilder report = new StringBuilder();
    for (Map.Entry<String, JsonNode> e : examples.entrySet()) {
      var errors = MessageSchema.validateMessage(e.getValue());
      if (errors.isEmpty()) {
        valid++;
      } else {
        report.append(e.getKey()).append(" -> ").append(errors).append('\n');
      }
    }
    assertThat(valid).as(report.toString()).isGreaterThanOrEqualTo(41);
  }

  @Test
  void validateMessage_textBodyNotAString_reportsError() {
    ObjectNode text =
        (ObjectNode)
            OpenApiSpec.requestExamples(OpenApiSpec.MESSAGES_PATH, "post").values().stream()
                .filter(v -> "text".equals(v.path("type").asString()))
                .findFirst()
                .orElseThrow()
                .deepCopy();
    ((ObjectNode) text.path("text")).put("body", 5);
    assertThat(MessageSchema.validateMessage(text)).isNotEmpty();
  }

  @Test
  void validateMessage_unknownTopLevelProperty_reportsError() {
    ObjectNode text =
        (ObjectNode)
            OpenApiSpec.requestExamples(OpenApiSpec.MESSAGES_PATH, "post").values().stream()
                .filter(v -> "text".equals(v.path("type").asString()))
                .findFirst()
                .orElseThrow()
                .deepCopy();
    text.put("surprise", 1);
    assertThat(MessageSchema.validateMessage(text)).isNotEmpty();
  }
}
