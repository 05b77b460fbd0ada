package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.MESSAGES_PATH;
import static dev.wasdk.client.TestClients.TO;
import static dev.wasdk.client.TestClients.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.RecipientException;
import dev.wasdk.error.RecipientReason;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.Message;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MessagesApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeSleeper sleeper = new FakeSleeper();

  @Test
  void send_textMessage_postsExactRequestAndReturnsResult() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.A1"))));
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      SendResult r = wa.messages().send(Message.to(TO).text("Hello"));

      assertThat(r.wamid()).isEqualTo("wamid.A1");
      assertThat(r.input()).isEqualTo("+16505551234");
      assertThat(r.waId()).contains("16505551234");
      assertThat(r.userId()).isEmpty();
      assertThat(r.messageStatus()).isEmpty();
      assertThat(r.groupId()).isEmpty();
    }
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MESSAGES_PATH))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("User-Agent", matching("wasdk/\\S+"))
            .withRequestBody(
                equalTo(
                    "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"+16505551234\",\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Hello\"}}")));
  }

  @Test
  void send_templateMessage_postsTemplateAndReadsMessageStatus() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(
                okJson(
                    "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\","
                        + "\"wa_id\":\"16505551234\"}],\"messages\":[{\"id\":\"wamid.T1\","
                        + "\"message_status\":\"accepted\"}]}")));
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      SendResult r = wa.messages().send(Message.to(TO).template("hello_world", "en_US").build());

      assertThat(r.messageStatus()).contains(MessageStatus.ACCEPTED);
    }
    wm.verify(
        postRequestedFor(urlEqualTo(MESSAGES_PATH))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"+16505551234\",\"type\":\"template\",\"template\":"
                        + "{\"name\":\"hello_world\",\"language\":{\"code\":\"en_US\"}}}")));
  }

  @Test
  void send_userIdResponseWithoutWaId_returnsUserIdAndNoWaId() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(
                okJson(
                    "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":"
                        + "\"US.13491208655302741918\",\"user_id\":\"US.13491208655302741918\"}],"
                        + "\"messages\":[{\"id\":\"wamid.B1\"}]}")));
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      SendResult r = wa.messages().send(Message.to("US.13491208655302741918").text("Hi"));

      assertThat(r.waId()).isEmpty();
      assertThat(r.userId()).contains("US.13491208655302741918");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(MESSAGES_PATH))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"recipient\":\"US.13491208655302741918\",\"type\":\"text\","
                        + "\"text\":{\"preview_url\":false,\"body\":\"Hi\"}}")));
  }

  @Test
  void send_heldForQualityAndGroupAndUnknownFields_readsThemTolerantly() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(
                okJson(
                    "{\"messaging_product\":\"whatsapp\",\"new_top\":{\"a\":[1,2]},"
                        + "\"contacts\":[{\"input\":\"+16505551234\",\"wa_id\":\"16505551234\","
                        + "\"extra\":{\"x\":1}}],\"messages\":[{\"id\":\"wamid.G1\",\"group_id\":"
                        + "\"G-42\",\"message_status\":\"held_for_quality_assessment\"},"
                        + "{\"id\":\"wamid.ignored\"}]}")));
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      SendResult r = wa.messages().send(Message.to(TO).text("Hi"));

      assertThat(r.wamid()).isEqualTo("wamid.G1");
      assertThat(r.groupId()).contains("G-42");
      assertThat(r.messageStatus()).contains(MessageStatus.HELD_FOR_QUALITY_ASSESSMENT);
    }
  }

  @Test
  void send_unknownMessageStatus_keepsRawValue() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(
                okJson(
                    "{\"messages\":[{\"id\":\"wamid.U1\",\"message_status\":\"paced_2027\"}]}")));
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      SendResult r = wa.messages().send(Message.to(TO).text("Hi"));

      assertThat(r.messageStatus()).map(MessageStatus::value).contains("paced_2027");
      assertThat(r.messageStatus().orElseThrow().isKnown()).isFalse();
      assertThat(r.input()).as("falls back to the recipient sent").isEqualTo(TO);
    }
  }

  @Test
  void send_successWithoutMessageId_throwsMaybeSentUnreadable() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson("{\"messages\":[]}")));
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              RequestMaybeSentException.class,
              e -> assertThat(e.failure()).isEqualTo(TransportFailure.UNREADABLE_RESPONSE))
          .hasMessageContaining("probably accepted")
          .hasMessageNotContaining("+16505551234");
    }
  }

  @Test
  void sendAsync_textMessage_completesWithResult() throws Exception {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.AS"))));
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      CompletableFuture<SendResult> f = wa.messages().sendAsync(Message.to(TO).text("Hello"));

      assertThat(f.get(10, TimeUnit.SECONDS).wamid()).isEqualTo("wamid.AS");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(MESSAGES_PATH))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"+16505551234\",\"type\":\"text\",\"text\":{\"preview_url\":false,\"body\":\"Hello\"}}")));
  }

  @Test
  void sendAsync_recipientError_completesExceptionallyWithTheFamily() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        TestClients.graphError(
                            131047,
                            "Re-engagement message",
                            "Message failed to send because more than 24 hours have passed"
                                + " since the customer last replied to this number.",
                            "AbCdEf123"))));
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      CompletableFuture<SendResult> f = wa.messages().sendAsync(Message.to(TO).text("Hello"));

      assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOfSatisfying(
              RecipientException.class,
              e -> assertThat(e.reason()).isEqualTo(RecipientReason.WINDOW_CLOSED));
    }
  }

  @Test
  void markRead_wamid_postsReadReceipt() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      wa.messages().markRead("wamid.IN1");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(MESSAGES_PATH))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalTo(
                    "{\"messaging_product\":\"whatsapp\",\"status\":\"read\","
                        + "\"message_id\":\"wamid.IN1\"}")));
  }

  @Test
  void markRead_withTypingIndicator_postsTypingIndicator() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      wa.messages().markRead("wamid.IN2", TypingIndicator.TEXT);
    }
    wm.verify(
        postRequestedFor(urlEqualTo(MESSAGES_PATH))
            .withRequestBody(
                equalTo(
                    "{\"messaging_product\":\"whatsapp\",\"status\":\"read\","
                        + "\"message_id\":\"wamid.IN2\",\"typing_indicator\":{\"type\":\"text\"}}")));
  }

  @Test
  void markRead_successFalse_throws() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson("{\"success\":false}")));
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      assertThatThrownBy(() -> wa.messages().markRead("wamid.IN3"))
          .isExactlyInstanceOf(WhatsAppException.class)
          .hasMessageContaining("not confirmed");
    }
  }

  @Test
  void send_tokenProvider_isAskedPerRequestSoRotationTakesEffect() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.R"))));
    List<String> tokens = List.of("token-one-AAAAAAAA", "token-two-BBBBBBBB");
    AtomicInteger calls = new AtomicInteger();
    try (WhatsAppClient wa =
        TestClients.builder(wm, sleeper, new dev.wasdk.internal.http.CapturingLogger("t"))
            .accessTokenProvider(() -> tokens.get(Math.min(calls.getAndIncrement(), 1)))
            .build()) {
      wa.messages().send(Message.to(TO).text("one"));
      wa.messages().send(Message.to(TO).text("two"));
    }
    assertThat(calls).hasValue(2);
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MESSAGES_PATH))
            .withHeader("Authorization", equalTo("Bearer token-one-AAAAAAAA")));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MESSAGES_PATH))
            .withHeader("Authorization", equalTo("Bearer token-two-BBBBBBBB")));
  }

  @Test
  void send_versionPrefixAndUserAgentConfigured_usesThem() {
    String path = "/graph/v25.0/" + TestClients.PHONE_ID + "/messages";
    wm.stubFor(post(urlEqualTo(path)).willReturn(okJson(TestClients.sendOk("wamid.V"))));
    try (WhatsAppClient wa =
        TestClients.builder(wm, sleeper, new dev.wasdk.internal.http.CapturingLogger("t"))
            .baseUrl(URI.create(wm.baseUrl() + "/graph/"))
            .apiVersion(ApiVersion.of("25.0"))
            .userAgent("shop-backend/3.1")
            .build()) {
      assertThat(wa.messages().send(Message.to(TO).text("v")).wamid()).isEqualTo("wamid.V");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(path)).withHeader("User-Agent", equalTo("shop-backend/3.1")));
  }

  @Test
  void send_callerSuppliedHttpClient_isUsedAndLeftOpen() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.H"))));
    HttpClient shared = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    WhatsAppClient first =
        TestClients.builder(wm, sleeper, new dev.wasdk.internal.http.CapturingLogger("t"))
            .httpClient(shared)
            .build();
    first.close();
    try (WhatsAppClient second =
        TestClients.builder(wm, sleeper, new dev.wasdk.internal.http.CapturingLogger("t"))
            .httpClient(shared)
            .build()) {
      assertThat(second.messages().send(Message.to(TO).text("x")).wamid()).isEqualTo("wamid.H");
    }
  }

  @Test
  void send_afterClose_throwsIllegalStateWithoutARequest() {
    WhatsAppClient wa = TestClients.client(wm, sleeper);
    wa.close();
    wa.close();

    assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> wa.messages().sendAsync(Message.to(TO).text("late")))
        .isInstanceOf(IllegalStateException.class);
    assertThat(wm.getAllServeEvents()).isEmpty();
    assertThat(wa.toString()).contains("closed");
    assertThat(Optional.of(wa.phoneNumberId())).contains(TestClients.PHONE_ID);
  }
}
