package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.ApiException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Webhook subscriptions of a WABA over HTTP. */
class WebhookSubscriptionsApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String WABA = "102290129340398";
  static final String S = "/v24.0/" + WABA + "/subscribed_apps";
  static final String VERIFY = "verify-secret-7f3a";
  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("t")).wabaId(WABA).build();
  }

  @Test
  void subscribe_postsEmptyObjectWithBearer() {
    wm.stubFor(post(urlEqualTo(S)).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.webhookSubscriptions().subscribe()).isEmpty();
    }
    wm.verify(
        postRequestedFor(urlEqualTo(S))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(equalToJson("{}")));
  }

  @Test
  void subscribe_withOverride_postsUriAndTokenAndReadsEcho() {
    wm.stubFor(
        post(urlEqualTo(S))
            .willReturn(
                okJson(
                    "{\"success\":true,\"data\":[{\"override_callback_uri\":"
                        + "\"https://hooks.example.com/wa\",\"whatsapp_business_api_data\":"
                        + "{\"id\":\"67084\",\"name\":\"Support Bot\"}}]}")));
    try (WhatsAppClient wa = client()) {
      List<SubscribedApp> apps =
          wa.webhookSubscriptions().subscribe(URI.create("https://hooks.example.com/wa"), VERIFY);
      assertThat(apps).hasSize(1);
      assertThat(apps.get(0).appId()).isEqualTo("67084");
      assertThat(apps.get(0).overrideCallbackUri()).contains("https://hooks.example.com/wa");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(S))
            .withRequestBody(
                equalToJson(
                    "{\"override_callback_uri\":\"https://hooks.example.com/wa\","
                        + "\"verify_token\":\""
                        + VERIFY
                        + "\"}")));
  }

  @Test
  void subscribe_badOverride_failsBeforeRequestWithoutEchoingToken() {
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(
              () ->
                  wa.webhookSubscriptions()
                      .subscribe(URI.create("http://hooks.example.com/wa"), VERIFY))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("https")
          .hasMessageNotContaining(VERIFY);
      assertThatThrownBy(() -> wa.webhookSubscriptions().subscribe(URI.create("/relative"), VERIFY))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  wa.webhookSubscriptions().subscribe(URI.create("https://hooks.example.com"), " "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("verifyToken");
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void subscribe_withoutSuccess_isNotConfirmed() {
    wm.stubFor(post(urlEqualTo(S)).willReturn(okJson("{\"success\":false}")));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.webhookSubscriptions().subscribe())
          .hasMessageContaining("not confirmed");
    }
  }

  @Test
  void list_readsNestedAndFlatEntriesTolerantly() {
    wm.stubFor(
        get(urlEqualTo(S))
            .willReturn(
                okJson(
                    "{\"data\":[{\"whatsapp_business_api_data\":{\"id\":\"1\",\"name\":\"A\","
                        + "\"link\":\"https://www.facebook.com/games/?app_id=1\",\"x\":[1]}},"
                        + "{\"id\":\"2\",\"name\":\"B\"},\"junk\"]}")));
    try (WhatsAppClient wa = client()) {
      List<SubscribedApp> apps = wa.webhookSubscriptions().list();
      assertThat(apps).extracting(SubscribedApp::appId).containsExactly("1", "2");
      assertThat(apps.get(0).link()).contains("https://www.facebook.com/games/?app_id=1");
      assertThat(apps.get(1).name()).contains("B");
      assertThat(apps.get(1).overrideCallbackUri()).isEmpty();
    }
    wm.verify(getRequestedFor(urlEqualTo(S)));
  }

  @Test
  void unsubscribe_usesDelete() {
    wm.stubFor(delete(urlEqualTo(S)).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      wa.webhookSubscriptions().unsubscribe();
    }
    wm.verify(deleteRequestedFor(urlEqualTo(S)));
  }

  @Test
  void unsubscribe_error_throwsApiException() {
    wm.stubFor(
        delete(urlEqualTo(S))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(803, "not subscribed", "none", "T"))));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.webhookSubscriptions().unsubscribe())
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().code()).isEqualTo(803));
    }
  }

  @Test
  void anyCall_withoutWabaId_saysHowToSetIt() {
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      assertThatThrownBy(() -> wa.webhookSubscriptions().list())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("wabaId(");
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
