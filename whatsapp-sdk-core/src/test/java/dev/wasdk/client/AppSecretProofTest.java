package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.MESSAGES_PATH;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static dev.wasdk.client.TestClients.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.ApiException;
import dev.wasdk.internal.http.AppSecretProof;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.Message;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The {@code appsecret_proof} parameter, checked against values computed independently with {@code
 * echo -n TOKEN | openssl dgst -sha256 -hmac SECRET}.
 */
class AppSecretProofTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String SECRET = "app-secret-4f2a9c";

  /** HMAC-SHA256 of {@link TestClients#TOKEN} keyed with {@link #SECRET}, from openssl. */
  private static final String PROOF =
      "438f01ff923498c96536ca8b3de63e94503022acd8c5f7766c3106bdf693213e";

  /** HMAC-SHA256 of {@code EAAG-rotated-token-2} keyed with {@link #SECRET}, from openssl. */
  private static final String ROTATED_PROOF =
      "e3b1ac98f1dcfa18d34d8f270435a64bebad8a4bea6ad9dd90536c8ce17d2f98";

  private static final String PHONE_PATH = "/v24.0/" + PHONE_ID;

  private final FakeSleeper sleeper = new FakeSleeper();
  private final CapturingLogger log = new CapturingLogger("proof");

  private WhatsAppClient.Builder builder() {
    return TestClients.builder(wm, sleeper, log);
  }

  @Test
  void proof_knownAnswer_matchesOpenssl() {
    assertThat(AppSecretProof.of(SECRET).proof(TestClients.TOKEN)).isEqualTo(PROOF);
    assertThat(AppSecretProof.of(SECRET).proof("EAAG-rotated-token-2")).isEqualTo(ROTATED_PROOF);
  }

  @Test
  void get_withAppSecret_addsTheProofNextToTheExistingQuery() {
    wm.stubFor(
        get(urlPathEqualTo(PHONE_PATH))
            .willReturn(okJson("{\"id\":\"" + PHONE_ID + "\",\"quality_rating\":\"GREEN\"}")));
    try (WhatsAppClient wa = builder().appSecret(SECRET).build()) {
      wa.phoneNumbers().get();
    }
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(PHONE_PATH))
            .withQueryParam("fields", equalTo(PhoneNumber.DEFAULT_FIELDS))
            .withQueryParam("appsecret_proof", equalTo(PROOF))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
  }

  @Test
  void send_withAppSecret_addsTheProofAsTheOnlyQueryParameterAndLeavesTheBodyAlone() {
    wm.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("w.1"))));
    try (WhatsAppClient wa = builder().appSecret(SECRET).build()) {
      wa.messages().send(Message.to(TO).text("Hi"));
    }
    assertThat(wm.getAllServeEvents())
        .singleElement()
        .satisfies(
            e ->
                assertThat(e.getRequest().getUrl())
                    .isEqualTo(MESSAGES_PATH + "?appsecret_proof=" + PROOF));
    wm.verify(
        postRequestedFor(urlPathEqualTo(MESSAGES_PATH))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"+16505551234\",\"type\":\"text\","
                        + "\"text\":{\"body\":\"Hi\",\"preview_url\":false}}")));
  }

  @Test
  void send_tokenRotates_eachRequestCarriesTheProofOfItsOwnToken() {
    wm.stubFor(post(urlPathEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("w.1"))));
    AtomicInteger calls = new AtomicInteger();
    try (WhatsAppClient wa =
        builder()
            .accessTokenProvider(
                () -> calls.getAndIncrement() == 0 ? TestClients.TOKEN : "EAAG-rotated-token-2")
            .appSecret(SECRET)
            .build()) {
      wa.messages().send(Message.to(TO).text("one"));
      wa.messages().send(Message.to(TO).text("two"));
    }
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(MESSAGES_PATH))
            .withQueryParam("appsecret_proof", equalTo(PROOF))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
    wm.verify(
        1,
        postRequestedFor(urlPathEqualTo(MESSAGES_PATH))
            .withQueryParam("appsecret_proof", equalTo(ROTATED_PROOF))
            .withHeader("Authorization", equalTo("Bearer EAAG-rotated-token-2")));
  }

  @Test
  void get_withoutAppSecret_sendsNoProof() {
    wm.stubFor(get(urlPathEqualTo(PHONE_PATH)).willReturn(okJson("{\"id\":\"" + PHONE_ID + "\"}")));
    try (WhatsAppClient wa = builder().build()) {
      wa.phoneNumbers().get();
    }
    wm.verify(
        1, getRequestedFor(urlPathEqualTo(PHONE_PATH)).withQueryParam("appsecret_proof", absent()));
  }

  @Test
  void appSecret_neverInToStringLogsOrErrors() {
    wm.stubFor(
        get(urlPathEqualTo(PHONE_PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        TestClients.graphError(
                            100,
                            "Invalid appsecret_proof provided in the API argument",
                            "x",
                            "T"))));
    try (WhatsAppClient wa = builder().appSecret(SECRET).build()) {
      assertThat(wa.toString()).doesNotContain(SECRET).doesNotContain(PROOF);
      assertThat(wa.toBuilder().toString()).doesNotContain(SECRET);
      assertThat(AppSecretProof.of(SECRET).toString()).doesNotContain(SECRET);
      assertThatThrownBy(() -> wa.phoneNumbers().get())
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.error().code()).isEqualTo(100);
                assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain(PROOF);
              });
    }
    assertThat(log.lines()).isNotEmpty();
    assertThat(log.text()).doesNotContain(SECRET).doesNotContain(PROOF);
  }

  @Test
  void appSecret_blankOrWithWhitespace_isRefusedWithoutEchoingIt() {
    assertThatThrownBy(() -> WhatsAppClient.builder().appSecret(" "))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> WhatsAppClient.builder().appSecret("abc secret-part"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret-part");
  }
}
