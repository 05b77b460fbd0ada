package dev.wasdk.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathTemplatesTest {

  @Test
  void of_idThenEdge_replacesTheId() {
    assertThat(PathTemplates.of("106540352242922/messages")).isEqualTo("{id}/messages");
    assertThat(PathTemplates.of("102290129340398/message_templates"))
        .isEqualTo("{id}/message_templates");
  }

  @Test
  void of_codesAndEncodedNames_becomeIds() {
    assertThat(PathTemplates.of("1065/message_qrdls/4O4YGZEG3RIVE1"))
        .isEqualTo("{id}/message_qrdls/{id}");
    assertThat(PathTemplates.of("abc%20def")).isEqualTo("{id}");
    assertThat(PathTemplates.of("Hello")).isEqualTo("{id}");
  }

  @Test
  void of_deepOrEmptyPaths_areBounded() {
    assertThat(PathTemplates.of("a/b/c/d/e/f")).isEqualTo("a/b/c/d/...");
    assertThat(PathTemplates.of("")).isEmpty();
    assertThat(PathTemplates.of("1//messages/")).isEqualTo("{id}/messages");
    assertThat(PathTemplates.of("x".repeat(41))).isEqualTo("{id}");
  }

  @Test
  void operation_wordsWithDigits_becomeTemplates() {
    assertThat(PathTemplates.operation("send message")).isEqualTo("send message");
    assertThat(PathTemplates.operation("get flow 1234567890")).isEqualTo("get flow {id}");
    assertThat(PathTemplates.operation("graph call POST 106540352242922/settings"))
        .isEqualTo("graph call POST {id}/settings");
  }
}
