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
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Message QR codes over HTTP. */
class QrCodesApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String Q = "/v24.0/" + PHONE_ID + "/message_qrdls";
  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("t")).build();
  }

  private static String qr(String code, String message, String extra) {
    return "{\"code\":\""
        + code
        + "\",\"prefilled_message\":\""
        + message
        + "\",\"deep_link_url\":\"https://wa.me/message/"
        + code
        + "\""
        + extra
        + "}";
  }

  @Test
  void create_withImage_postsMessageAndFormatAndReadsImageUrl() {
    wm.stubFor(
        post(urlEqualTo(Q))
            .willReturn(
                okJson(
                    qr("ANED2T5QRU7HG1", "Hi", ",\"qr_image_url\":\"https://x.example/q.svg\""))));
    try (WhatsAppClient wa = client()) {
      QrCode c = wa.qrCodes().create("Hi", QrImageFormat.SVG);
      assertThat(c.code()).isEqualTo("ANED2T5QRU7HG1");
      assertThat(c.prefilledMessage()).isEqualTo("Hi");
      assertThat(c.deepLinkUrl()).contains("https://wa.me/message/ANED2T5QRU7HG1");
      assertThat(c.qrImageUrl()).contains("https://x.example/q.svg");
      assertThat(c.toString()).doesNotContain("Hi");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(Q))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson("{\"prefilled_message\":\"Hi\",\"generate_qr_image\":\"SVG\"}")));
  }

  @Test
  void create_withoutImage_sendsOnlyTheMessage() {
    wm.stubFor(post(urlEqualTo(Q)).willReturn(okJson(qr("WOMVT6TJ2BP7A1", "Yo", ""))));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.qrCodes().create("Yo").qrImageUrl()).isEmpty();
    }
    wm.verify(
        postRequestedFor(urlEqualTo(Q))
            .withRequestBody(equalToJson("{\"prefilled_message\":\"Yo\"}")));
  }

  @Test
  void create_answerWithoutCode_isMaybeSentAndNotRetried() {
    wm.stubFor(post(urlEqualTo(Q)).willReturn(okJson("{\"id\":\"x\"}")));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.qrCodes().create("Hi"))
          .isInstanceOf(RequestMaybeSentException.class)
          .hasMessageContaining("no code");
    }
    wm.verify(1, postRequestedFor(urlEqualTo(Q)));
  }

  @Test
  void createAndUpdate_messageOver140Characters_failBeforeRequest() {
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.qrCodes().create("a".repeat(141)))
          .isInstanceOfSatisfying(
              InvalidMessageException.class,
              e -> assertThat(e.fieldPath()).isEqualTo("prefilled_message"))
          .hasMessageContaining("141 characters");
      assertThatThrownBy(() -> wa.qrCodes().update("ANED2T5QRU7HG1", " "))
          .isInstanceOf(InvalidMessageException.class)
          .hasMessageContaining("blank");
      assertThatThrownBy(() -> wa.qrCodes().update(" ", "Hi"))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> wa.qrCodes().delete(""))
          .isInstanceOf(IllegalArgumentException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void create_exactly140CodePoints_isAccepted() {
    wm.stubFor(post(urlEqualTo(Q)).willReturn(okJson(qr("ANED2T5QRU7HG1", "x", ""))));
    String emoji = "\uD83D\uDE00".repeat(140); // 140 characters, 280 UTF-16 units
    try (WhatsAppClient wa = client()) {
      assertThat(wa.qrCodes().create(emoji).code()).isEqualTo("ANED2T5QRU7HG1");
    }
  }

  @Test
  void update_postsCodeAndMessage() {
    wm.stubFor(post(urlEqualTo(Q)).willReturn(okJson(qr("WOMVT6TJ2BP7A1", "New", ""))));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.qrCodes().update("WOMVT6TJ2BP7A1", "New").prefilledMessage()).isEqualTo("New");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(Q))
            .withRequestBody(
                equalToJson("{\"code\":\"WOMVT6TJ2BP7A1\",\"prefilled_message\":\"New\"}")));
  }

  @Test
  void update_answerWithoutCode_returnsWhatWasSent() {
    wm.stubFor(post(urlEqualTo(Q)).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      QrCode c = wa.qrCodes().update("WOMVT6TJ2BP7A1", "New");
      assertThat(c.code()).isEqualTo("WOMVT6TJ2BP7A1");
      assertThat(c.prefilledMessage()).isEqualTo("New");
      assertThat(c.deepLinkUrl()).isEmpty();
    }
  }

  @Test
  void stream_followsCursorsWithDefaultFields() {
    wm.stubFor(
        get(urlEqualTo(Q))
            .willReturn(
                okJson(
                    "{\"data\":["
                        + qr("A1", "one", ",\"creation_time\":1672531200,\"new\":{\"x\":1}")
                        + ","
                        + qr("A2", "two", "")
                        + "],\"paging\":{\"cursors\":{\"before\":\"B\",\"after\":\"N\"}}}")));
    wm.stubFor(
        get(urlEqualTo(Q + "?after=N"))
            .willReturn(okJson("{\"data\":[" + qr("A3", "3", "") + "]}")));
    try (WhatsAppClient wa = client()) {
      List<QrCode> all = wa.qrCodes().stream().toList();
      assertThat(all).extracting(QrCode::code).containsExactly("A1", "A2", "A3");
      assertThat(all.get(0).creationTime()).contains(Instant.ofEpochSecond(1672531200));
      assertThat(all.get(0).json()).contains("\"new\"");
    }
  }

  @Test
  void list_withImage_asksForImageFieldInFormat() {
    wm.stubFor(get(urlPathEqualTo(Q)).willReturn(okJson("{\"data\":[]}")));
    try (WhatsAppClient wa = client()) {
      Page<QrCode> p = wa.qrCodes().list(QrImageFormat.PNG, Optional.of("C"));
      assertThat(p.items()).isEmpty();
      assertThat(p.hasNext()).isFalse();
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo(Q))
            .withQueryParam(
                "fields", equalTo("code,prefilled_message,deep_link_url,qr_image_url.format(PNG)"))
            .withQueryParam("after", equalTo("C")));
  }

  @Test
  void get_readsTheCodeFromDataArrayAndEncodesThePath() {
    wm.stubFor(
        get(urlEqualTo(
                Q
                    + "/ANED2T5QRU7HG1?fields=code%2Cprefilled_message%2Cdeep_link_url%2Cqr_image_url.format%28SVG%29"))
            .willReturn(
                okJson(
                    "{\"data\":["
                        + qr("ANED2T5QRU7HG1", "Hi", ",\"qr_image_url\":\"https://x.example/i\"")
                        + "]}")));
    wm.stubFor(get(urlEqualTo(Q + "/a%2Fb")).willReturn(okJson("{\"data\":[]}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.qrCodes().get("ANED2T5QRU7HG1", QrImageFormat.SVG))
          .hasValueSatisfying(c -> assertThat(c.qrImageUrl()).contains("https://x.example/i"));
      assertThat(wa.qrCodes().get("a/b")).isEmpty();
    }
  }

  @Test
  void get_notFound_throwsApiExceptionWithCode() {
    wm.stubFor(
        get(urlEqualTo(Q + "/GONE"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(803, "QR code not found", "none", "T"))));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.qrCodes().get("GONE"))
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().code()).isEqualTo(803));
    }
  }

  @Test
  void delete_usesDeleteOnTheCodePathAndChecksSuccess() {
    wm.stubFor(delete(urlEqualTo(Q + "/ANED2T5QRU7HG1")).willReturn(okJson("{\"success\":true}")));
    wm.stubFor(delete(urlEqualTo(Q + "/NOPE")).willReturn(okJson("{\"success\":false}")));
    try (WhatsAppClient wa = client()) {
      wa.qrCodes().delete("ANED2T5QRU7HG1");
      assertThatThrownBy(() -> wa.qrCodes().delete("NOPE")).hasMessageContaining("not confirmed");
    }
    wm.verify(
        deleteRequestedFor(urlEqualTo(Q + "/ANED2T5QRU7HG1"))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN)));
  }
}
