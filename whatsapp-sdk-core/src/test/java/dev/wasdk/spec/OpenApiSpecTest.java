package dev.wasdk.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OpenApiSpecTest {
  @Test
  void requestExamples_messagesPath_hasFiftyExamples() {
    assertThat(OpenApiSpec.requestExamples(OpenApiSpec.MESSAGES_PATH, "post")).hasSize(50);
  }

  @Test
  void requestExamples_webhooksPath_hasSixteenExamples() {
    assertThat(OpenApiSpec.requestExamples(OpenApiSpec.WEBHOOKS_PATH, "post")).hasSize(16);
  }

  @Test
  void schema_message_isADiscriminatedUnion() {
    assertThat(OpenApiSpec.schema("Message").toString()).contains("TextMessage");
  }
}
