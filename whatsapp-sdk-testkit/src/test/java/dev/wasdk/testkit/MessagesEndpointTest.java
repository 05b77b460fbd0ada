package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TextMessage;
import dev.wasdk.spec.OpenApiSpec;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code POST /{phone-number-id}/messages}: success shapes, validation errors and records. */
class MessagesEndpointTest {
  private static final String USER = "+16505551234";

  private final WhatsAppSimulator sim = WhatsAppSimulator.start();
  private final Http http = new Http(sim);

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void send_text_hasSpecResponseShapeAndFreshWamid() {
    sim.userSends(USER, "hi");

    Http.Response r = http.send(Http.text(USER, "Hello"));

    assertThat(r.status()).isEqualTo(200);
    JsonNode example =
        OpenApiSpec.responseExamples(OpenApiSpec.MESSAGES_PATH, "post", "200")
            .get("Example response");
    assertThat(Shapes.missingFrom(r.json(), example)).isEmpty();
    assertThat(r.json().path("contacts").path(0).path("input").asString()).isEqualTo(USER);
    assertThat(r.json().path("contacts").path(0).path("wa_id").asString()).isEqualTo("16505551234");
    String wamid = r.json().path("messages").path(0).path("id").asString();
    assertThat(wamid).startsWith("wamid.");
    assertThat(Base64.getDecoder().decode(wamid.substring(6))).isNotEmpty();
    assertThat(r.json().path("messages").path(0).has("message_status")).isFalse();
  }

  @Test
  void send_manyMessages_allWamidsDistinct() {
    sim.userSends(USER, "hi");
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 40; i++) {
      ids.add(
          http.send(Http.text(USER, "n" + i))
              .json()
              .path("messages")
              .path(0)
              .path("id")
              .asString());
    }
    assertThat(ids).hasSize(40);
  }

  @Test
  void send_template_messageStatusAccepted() {
    Http.Response r = http.send(Http.template(USER, "hello_world", "en_US"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("messages").path(0).path("message_status").asString())
        .isEqualTo("accepted");
  }

  @Test
  void send_accepted_recordedAsTypedMessageWithRawJson() {
    sim.userSends(USER, "hi");
    String body =
        "{\"messaging_product\":\"whatsapp\",\"to\":\"16505551234\",\"type\":\"interactive\","
            + "\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"Pick\"},\"action\":"
            + "{\"buttons\":[{\"type\":\"reply\",\"reply\":{\"id\":\"y\",\"title\":\"Yes\"}}]}}}";

    Http.Response r = http.send(body);

    assertThat(sim.sentMessages()).hasSize(1);
    SentMessage sent = sim.sentMessages().get(0);
    assertThat(sent.message()).isInstanceOf(ReplyButtonsMessage.class);
    assertThat(((ReplyButtonsMessage) sent.message()).buttons().get(0).title()).isEqualTo("Yes");
    assertThat(sent.json()).isEqualTo(body);
    assertThat(sent.wamid()).isEqualTo(r.json().path("messages").path(0).path("id").asString());
    assertThat(sent.phoneNumberId()).isEqualTo(sim.phoneNumberId());
    assertThat(sent.failed()).isFalse();
    assertThat(sim.stats().accepted()).isEqualTo(1);
  }

  @Test
  void send_templateRecorded_withRegisteredCategory() {
    sim.registerTemplate("promo", "en_US", dev.wasdk.message.TemplateCategory.MARKETING, 1);

    http.send(Http.template(USER, "promo", "en_US", "Ana"));

    TemplateMessage t = (TemplateMessage) sim.sentMessages().get(0).message();
    assertThat(t.category()).isEqualTo(dev.wasdk.message.TemplateCategory.MARKETING);
  }

  @Test
  void send_missingField_131008WithPath() {
    sim.userSends(USER, "hi");

    Http.Response r =
        http.send("{\"messaging_product\":\"whatsapp\",\"to\":\"16505551234\",\"type\":\"text\"}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo(131008);
    assertThat(r.details()).startsWith("text:");
    assertThat(r.json().path("error").path("message").asString())
        .isEqualTo("(#131008) Required parameter is missing");
    assertThat(r.json().path("error").path("type").asString()).isEqualTo("OAuthException");
    assertThat(r.json().path("error").path("error_data").path("messaging_product").asString())
        .isEqualTo("whatsapp");
    assertThat(r.json().path("error").path("fbtrace_id").asString()).isNotBlank();
    assertThat(sim.sentMessages()).isEmpty();
    assertThat(sim.stats().rejected(131008)).isEqualTo(1);
  }

  @Test
  void send_tooManyButtons_131009NamingTheButton() {
    sim.userSends(USER, "hi");
    StringBuilder buttons = new StringBuilder();
    for (int i = 0; i < 4; i++) {
      buttons
          .append(i == 0 ? "" : ",")
          .append("{\"type\":\"reply\",\"reply\":{\"id\":\"b")
          .append(i)
          .append("\",\"title\":\"B")
          .append(i)
          .append("\"}}");
    }
    Http.Response r =
        http.send(
            "{\"messaging_product\":\"whatsapp\",\"to\":\"16505551234\",\"type\":\"interactive\","
                + "\"interactive\":{\"type\":\"button\",\"body\":{\"text\":\"Pick\"},"
                + "\"action\":{\"buttons\":["
                + buttons
                + "]}}}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo(131009);
    assertThat(r.details()).startsWith("interactive.action.buttons[3]:");
  }

  @Test
  void send_textTooLong_131009() {
    sim.userSends(USER, "hi");

    Http.Response r = http.send(Http.text(USER, "x".repeat(4097)));

    assertThat(r.errorCode()).isEqualTo(131009);
    assertThat(r.details()).contains("text.body").contains("4097 characters");
  }

  @Test
  void send_notJson_100() {
    Http.Response r = http.send("not json");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo(100);
  }

  @Test
  void send_noMessagingProduct_100() {
    Http.Response r = http.send("{\"to\":\"16505551234\",\"text\":{\"body\":\"x\"}}");

    assertThat(r.errorCode()).isEqualTo(100);
    assertThat(r.details()).contains("messaging_product");
  }

  @Test
  void send_wrongMessagingProduct_100() {
    Http.Response r =
        http.send("{\"messaging_product\":\"sms\",\"to\":\"1650555\",\"text\":{\"body\":\"x\"}}");

    assertThat(r.errorCode()).isEqualTo(100);
  }

  @Test
  void send_unknownType_100() {
    Http.Response r =
        http.send("{\"messaging_product\":\"whatsapp\",\"to\":\"16505551234\",\"type\":\"poll\"}");

    assertThat(r.errorCode()).isEqualTo(100);
    assertThat(r.details()).startsWith("type:");
  }

  @Test
  void send_invalidPhoneNumber_131009() {
    Http.Response r = http.send(Http.text("+12", "x"));

    assertThat(r.errorCode()).isEqualTo(131009);
    assertThat(r.details()).startsWith("to:").doesNotContain("+12\"");
  }

  @Test
  void send_toOwnNumber_131021() {
    Http.Response r = http.send(Http.text(sim.displayPhoneNumber(), "x"));

    assertThat(r.errorCode()).isEqualTo(131021);
  }

  @Test
  void send_toBusinessScopedUserId_contactHasUserId() {
    Http.Response r =
        http.send(
            "{\"messaging_product\":\"whatsapp\",\"recipient\":\"US.13491208655302741918\","
                + "\"type\":\"template\",\"template\":{\"name\":\"hello_world\","
                + "\"language\":{\"code\":\"en_US\"}}}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("contacts").path(0).path("user_id").asString())
        .isEqualTo("US.13491208655302741918");
  }

  @Test
  void send_toGroup_groupIdAndNoWindowRule() {
    Http.Response r =
        http.send(
            "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"group\","
                + "\"to\":\"120363025246125486@g.us\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}");

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().path("messages").path(0).path("group_id").asString())
        .isEqualTo("120363025246125486@g.us");
    assertThat(sim.sentMessages().get(0).failed()).isFalse();
  }

  @Test
  void send_unknownPhoneNumberId_100Subcode33() {
    Http.Response r = http.post(Http.V + "999/messages", Http.text(USER, "x"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo(100);
    assertThat(r.json().path("error").path("error_subcode").asInt()).isEqualTo(33);
  }

  @Test
  void send_getOnMessages_refused() {
    Http.Response r = http.get(Http.V + sim.phoneNumberId() + "/messages");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo(100);
  }

  @Test
  void send_badVersion_100() {
    Http.Response r = http.post("/23/" + sim.phoneNumberId() + "/messages", Http.text(USER, "x"));

    assertThat(r.errorCode()).isEqualTo(100);
    assertThat(r.json().path("error").path("message").asString()).contains("v23.0");
  }

  @Test
  void send_anyVersion_accepted() {
    sim.userSends(USER, "hi");

    Http.Response r =
        http.post("/v25.0/" + sim.phoneNumberId() + "/messages", Http.text(USER, "x"));

    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void markRead_inboundMessage_successShapeAndRecorded() {
    String inbound = sim.userSends(USER, "hi");

    Http.Response r =
        http.send(
            "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\""
                + inbound
                + "\"}");

    assertThat(r.status()).isEqualTo(200);
    Map<String, JsonNode> examples =
        OpenApiSpec.responseExamples(OpenApiSpec.MESSAGES_PATH, "post", "200");
    assertThat(r.json()).isEqualTo(examples.get("Send typing indicator and read receipt"));
    assertThat(sim.messagesMarkedRead()).containsExactly(inbound);
    assertThat(sim.sentMessages()).isEmpty();
  }

  @Test
  void markRead_withTypingIndicator_success() {
    String inbound = sim.userSends(USER, "hi");

    Http.Response r =
        http.send(
            "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\""
                + inbound
                + "\",\"typing_indicator\":{\"type\":\"text\"}}");

    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void markRead_badTypingIndicator_131009() {
    String inbound = sim.userSends(USER, "hi");

    Http.Response r =
        http.send(
            "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\""
                + inbound
                + "\",\"typing_indicator\":{\"type\":\"audio\"}}");

    assertThat(r.errorCode()).isEqualTo(131009);
  }

  @Test
  void markRead_unknownMessage_100() {
    Http.Response r =
        http.send(
            "{\"messaging_product\":\"whatsapp\",\"status\":\"read\",\"message_id\":\"wamid.X\"}");

    assertThat(r.errorCode()).isEqualTo(100);
    assertThat(sim.messagesMarkedRead()).isEmpty();
  }

  @Test
  void markRead_missingId_131008() {
    Http.Response r = http.send("{\"messaging_product\":\"whatsapp\",\"status\":\"read\"}");

    assertThat(r.errorCode()).isEqualTo(131008);
  }

  @Test
  void receivedRequests_recordsAnswerWithoutToken() {
    http.send("not json");

    RecordedRequest rec = sim.receivedRequests().get(0);
    assertThat(rec.method()).isEqualTo("POST");
    assertThat(rec.path()).isEqualTo(Http.V + sim.phoneNumberId() + "/messages");
    assertThat(rec.body()).isEqualTo("not json");
    assertThat(rec.status()).isEqualTo(400);
    assertThat(rec.errorCode()).hasValue(100);
    assertThat(rec.toString()).doesNotContain(sim.accessToken());
  }

  @Test
  void reset_forgetsRecordsAndCounters() {
    sim.userSends(USER, "hi");
    http.send(Http.text(USER, "x"));

    sim.reset();

    assertThat(sim.sentMessages()).isEmpty();
    assertThat(sim.receivedRequests()).isEmpty();
    assertThat(sim.stats().accepted()).isZero();
    Http.Response r = http.send(Http.text(USER, "x"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(sim.sentMessages().get(0).failureCode()).hasValue(131047);
  }

  @Test
  void send_defaultJdkClient_http2UpgradeAttempt_answered() throws Exception {
    sim.userSends(USER, "hi");
    // The JDK client's default version offers an h2c upgrade on plain http; the answer must still
    // come back whole.
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(http.uri(Http.V + sim.phoneNumberId() + "/messages"))
            .header("Authorization", "Bearer " + sim.accessToken())
            .header("Content-Type", "application/json")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(Http.text(USER, "Hello")))
            .build();

    java.net.http.HttpResponse<String> r =
        client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("wamid.");
  }

  @Test
  void send_plainText_recordsTextMessage() {
    sim.userSends(USER, "hi");

    http.send(Http.text(USER, "Hello there"));

    assertThat(((TextMessage) sim.sentMessages().get(0).message()).body()).isEqualTo("Hello there");
  }
}
