package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Marketing Messages API over HTTP: its own path, its two options, its refusals. */
class MarketingMessagesApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String PATH = "/v24.0/" + PHONE_ID + "/marketing_messages";
  static final String ANSWER =
      "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\","
          + "\"wa_id\":\"16505551234\"}],\"messages\":[{\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI\","
          + "\"message_status\":\"accepted\"}]}";
  static final String TEMPLATE_BODY =
      "\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
          + "\"to\":\"+16505551234\",\"type\":\"template\",\"template\":{\"name\":\"spring_sale\","
          + "\"language\":{\"code\":\"en_US\"},\"components\":[{\"type\":\"body\",\"parameters\":"
          + "[{\"type\":\"text\",\"text\":\"Mark\"}]}]}";

  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("mm")).build();
  }

  static TemplateMessage sale(TemplateCategory category) {
    return Message.to("+16505551234")
        .template("spring_sale", "en_US")
        .category(category)
        .bodyText("Mark")
        .build();
  }

  @Test
  void send_postsTheTemplateToMarketingMessages_withoutOptionsByDefault() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER)));
    try (WhatsAppClient wa = client()) {
      SendResult r = wa.messages().marketing().send(sale(TemplateCategory.MARKETING));
      assertThat(r.wamid()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(PATH)).withRequestBody(equalToJson("{" + TEMPLATE_BODY + "}")));
  }

  @Test
  void sendAsync_withOptions_addsProductPolicyAndActivitySharing() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER)));
    try (WhatsAppClient wa = client()) {
      wa.messages()
          .marketing()
          .sendAsync(
              sale(TemplateCategory.MARKETING),
              MarketingSendOptions.defaults()
                  .productPolicy(MarketingSendOptions.ProductPolicy.STRICT)
                  .messageActivitySharing(false))
          .get(30, TimeUnit.SECONDS);
    }
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    "{"
                        + TEMPLATE_BODY
                        + ",\"product_policy\":\"STRICT\",\"message_activity_sharing\":false}")));
  }

  /**
   * The v23.0 spec's request examples "Simple Template Message" and "Template with Product Policy",
   * with the one change our builder makes: {@code to} is written in E.164, with its {@code +}. The
   * third, "Parameterized Template", is covered by the template message's own contract tests (its
   * body is a {@code /messages} template body plus the two fields checked here).
   */
  @Test
  void send_reproducesTheSpecsRequestExamples() {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ANSWER)));
    try (WhatsAppClient wa = client()) {
      wa.messages()
          .marketing()
          .send(Message.to(Recipient.waId("16315552222")).template("hello_world", "en").build());
      wa.messages()
          .marketing()
          .send(
              Message.to(Recipient.waId("16315552222")).template("welcome_offer", "en_US").build(),
              MarketingSendOptions.defaults()
                  .productPolicy(MarketingSendOptions.ProductPolicy.CLOUD_API_FALLBACK)
                  .messageActivitySharing(true));
    }
    String envelope =
        "\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
            + "\"to\":\"+16315552222\",\"type\":\"template\",";
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    "{"
                        + envelope
                        + "\"template\":{\"name\":\"hello_world\",\"language\":{\"code\":\"en\"}}}")));
    wm.verify(
        postRequestedFor(urlEqualTo(PATH))
            .withRequestBody(
                equalToJson(
                    "{"
                        + envelope
                        + "\"template\":{\"name\":\"welcome_offer\","
                        + "\"language\":{\"code\":\"en_US\"}},"
                        + "\"product_policy\":\"CLOUD_API_FALLBACK\","
                        + "\"message_activity_sharing\":true}")));
  }

  @Test
  void aUtilityTemplateOrAGroup_isRefusedBeforeTheNetwork() {
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.messages().marketing().send(sale(TemplateCategory.UTILITY)))
          .isInstanceOf(InvalidMessageException.class)
          .hasMessageContaining("template.category")
          .hasMessageContaining("UTILITY");
      TemplateMessage toGroup =
          Message.to(Recipient.group("Y2FwaV9ncm91cDoxNjUwNTU1MTIzNDoxMjA"))
              .template("spring_sale", "en_US")
              .category(TemplateCategory.MARKETING)
              .build();
      assertThatThrownBy(() -> wa.messages().marketing().send(toGroup))
          .isInstanceOf(InvalidMessageException.class)
          .hasMessageContaining("group");
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void metasRefusal_isTheUsualApiException_andTheSendIsNotRepeated() {
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        TestClients.graphError(
                            131049, "Message not delivered", "ecosystem", "AbCdEf"))));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(
              () ->
                  wa.messages()
                      .marketing()
                      .sendAsync(sale(TemplateCategory.MARKETING))
                      .get(30, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(ApiException.class)
          .hasMessageContaining("131049");
    }
    wm.verify(1, postRequestedFor(urlEqualTo(PATH)));
  }
}
