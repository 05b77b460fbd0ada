package dev.wasdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.MessageStatus;
import dev.wasdk.client.SendResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SendResultJsonTest {
  private static SendResult parse(String json) {
    return SendResultJson.parse(json.getBytes(StandardCharsets.UTF_8), "+16505551234");
  }

  @Test
  void parse_fullResponse_readsEveryField() {
    SendResult r =
        parse(
            "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\","
                + "\"wa_id\":\"16505551234\",\"user_id\":\"US.1349\"}],\"messages\":[{\"id\":"
                + "\"wamid.X\",\"message_status\":\"accepted\",\"group_id\":\"g1\"}]}");

    assertThat(r.wamid()).isEqualTo("wamid.X");
    assertThat(r.input()).isEqualTo("+16505551234");
    assertThat(r.waId()).contains("16505551234");
    assertThat(r.userId()).contains("US.1349");
    assertThat(r.messageStatus()).contains(MessageStatus.ACCEPTED);
    assertThat(r.groupId()).contains("g1");
  }

  @Test
  void parse_fieldsInAnyOrderWithNestedUnknowns_areRead() {
    SendResult r =
        parse(
            "{\"messages\":[{\"extra\":{\"deep\":[1,{\"id\":\"no\"}]},\"id\":\"wamid.Y\"}],"
                + "\"unknown\":[{\"contacts\":1}],\"contacts\":[[\"odd\"],{\"input\":\"x\"},"
                + "{\"input\":\"second\"}],\"messaging_product\":\"whatsapp\"}");

    assertThat(r.wamid()).isEqualTo("wamid.Y");
    assertThat(r.input()).isEqualTo("x");
  }

  @Test
  void parse_numericWaIdAndNulls_areTolerated() {
    SendResult r =
        parse(
            "{\"contacts\":[{\"input\":null,\"wa_id\":16505551234}],"
                + "\"messages\":[{\"id\":\"wamid.Z\",\"message_status\":null}]}");

    assertThat(r.waId()).contains("16505551234");
    assertThat(r.input()).isEqualTo("+16505551234");
    assertThat(r.messageStatus()).isEmpty();
  }

  @Test
  void parse_withoutId_orNotJson_throws() {
    assertThatThrownBy(() -> parse("{\"messages\":[{}]}"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no messages[0].id");
    assertThatThrownBy(() -> parse("[1]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> parse("{\"messages\":[{\"id\":"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toString_masksPhoneNumbers() {
    SendResult r =
        parse("{\"contacts\":[{\"wa_id\":\"16505551234\"}],\"messages\":[{\"id\":\"w\"}]}");

    assertThat(r.toString()).contains("+165*****234").contains("1650****234");
    assertThat(r.toString()).doesNotContain("6505551234");
  }
}
