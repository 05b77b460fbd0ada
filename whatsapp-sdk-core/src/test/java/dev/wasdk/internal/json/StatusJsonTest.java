package dev.wasdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StatusJsonTest {
  @Test
  void markRead_withAndWithoutIndicator_writesTheDocumentedBodies() {
    assertThat(new String(StatusJson.markRead("wamid.A\"b", null), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.A\\\"b\"}");
    assertThat(new String(StatusJson.markRead("wamid.A", "text"), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.A\","
                + "\"typing_indicator\":{\"type\":\"text\"}}");
  }

  @Test
  void isSuccess_readsOnlyATrueSuccessField() {
    assertThat(StatusJson.isSuccess(b("{\"success\":true}"))).isTrue();
    assertThat(StatusJson.isSuccess(b("{\"x\":{\"success\":false},\"success\":\"true\"}")))
        .isTrue();
    assertThat(StatusJson.isSuccess(b("{\"success\":false}"))).isFalse();
    assertThat(StatusJson.isSuccess(b("{}"))).isFalse();
    assertThat(StatusJson.isSuccess(b("not json"))).isFalse();
    assertThat(StatusJson.isSuccess(b("[true]"))).isFalse();
  }

  private static byte[] b(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
