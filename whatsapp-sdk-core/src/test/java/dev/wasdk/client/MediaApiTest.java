package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static dev.wasdk.client.TestClients.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.http.FakeSleeper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class MediaApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String UPLOAD_PATH = "/v24.0/" + PHONE_ID + "/media";
  private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01, 0x02};

  private final FakeSleeper sleeper = new FakeSleeper();

  @TempDir Path dir;

  private WhatsAppClient client() {
    return TestClients.client(wm, sleeper);
  }

  private static String expectedMultipart(String boundary, String filename, byte[] content) {
    String ct = "image/jpeg";
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\"messaging_product\"\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\nwhatsapp\r\n"
        + "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\"type\"\r\n"
        + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
        + ct
        + "\r\n--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
        + filename
        + "\"\r\nContent-Type: "
        + ct
        + "\r\n\r\n"
        + new String(content, StandardCharsets.ISO_8859_1)
        + "\r\n--"
        + boundary
        + "--\r\n";
  }

  private static void assertMultipart(LoggedRequest r, String filename, byte[] content) {
    String contentType = r.getHeader("Content-Type");
    assertThat(contentType).startsWith("multipart/form-data; boundary=wasdk-");
    String boundary = contentType.substring(contentType.indexOf('=') + 1);
    assertThat(new String(r.getBody(), StandardCharsets.ISO_8859_1))
        .isEqualTo(expectedMultipart(boundary, filename, content));
  }

  @Test
  void upload_bytes_sendsExactMultipartAndReturnsId() {
    wm.stubFor(post(urlEqualTo(UPLOAD_PATH)).willReturn(okJson("{\"id\":\"4490709327384033\"}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.media().upload(JPEG, "image/jpeg", "photo.jpg")).isEqualTo("4490709327384033");
    }
    List<LoggedRequest> requests = wm.findAll(postRequestedFor(urlEqualTo(UPLOAD_PATH)));
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getHeader("Authorization")).isEqualTo("Bearer " + TOKEN);
    assertMultipart(requests.get(0), "photo.jpg", JPEG);
  }

  @Test
  void upload_path_streamsFileWithItsName() throws Exception {
    Path file = dir.resolve("receipt.jpg");
    Files.write(file, JPEG);
    wm.stubFor(post(urlEqualTo(UPLOAD_PATH)).willReturn(okJson("{\"id\":\"77\"}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.media().upload(file, "image/jpeg")).isEqualTo("77");
    }
    assertMultipart(
        wm.findAll(postRequestedFor(urlEqualTo(UPLOAD_PATH))).get(0), "receipt.jpg", JPEG);
  }

  @Test
  void upload_inputStream_sendsTheStreamsBytes() {
    wm.stubFor(post(urlEqualTo(UPLOAD_PATH)).willReturn(okJson("{\"id\":\"78\"}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.media().upload(new ByteArrayInputStream(JPEG), "image/jpeg", "s.jpg"))
          .isEqualTo("78");
    }
    assertMultipart(wm.findAll(postRequestedFor(urlEqualTo(UPLOAD_PATH))).get(0), "s.jpg", JPEG);
  }

  @Test
  void upload_imageOverFiveMegabytes_failsBeforeAnyRequest() {
    byte[] big = new byte[5 * 1024 * 1024 + 1];
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.media().upload(big, "image/png", "big.png"))
          .isInstanceOfSatisfying(
              InvalidMessageException.class,
              e -> {
                assertThat(e.fieldPath()).isEqualTo("file");
                assertThat(e.limit()).contains("5242880").contains("IMAGE");
              });
      assertThatThrownBy(
              () -> wa.media().upload(new ByteArrayInputStream(big), "image/png", "big.png"))
          .isInstanceOf(InvalidMessageException.class)
          .hasMessageContaining("more than 5242880 bytes");
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void upload_unsupportedMimeType_failsWithTypePath() {
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.media().upload(JPEG, "image/gif", "a.gif"))
          .isInstanceOfSatisfying(
              InvalidMessageException.class, e -> assertThat(e.fieldPath()).isEqualTo("type"));
      assertThatThrownBy(() -> wa.media().upload(new byte[0], "image/png", "a.png"))
          .isInstanceOf(InvalidMessageException.class)
          .hasMessageContaining("0 bytes");
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void mediaKind_ofMimeType_ignoresCaseAndParameters() {
    assertThat(MediaKind.ofMimeType("Audio/OGG; codecs=opus")).contains(MediaKind.AUDIO);
    assertThat(MediaKind.ofMimeType("image/webp")).contains(MediaKind.STICKER);
    assertThat(MediaKind.ofMimeType("application/zip")).isEmpty();
    assertThat(MediaKind.DOCUMENT.maxBytes()).isEqualTo(100L * 1024 * 1024);
  }

  private String mediaJson(String url) {
    return "{\"messaging_product\":\"whatsapp\",\"url\":\""
        + url
        + "\",\"mime_type\":\"image/jpeg\",\"sha256\":\"abc\",\"file_size\":\"5\",\"id\":\"42\"}";
  }

  @Test
  void url_withPhoneNumberId_readsInfo() {
    wm.stubFor(
        get(urlEqualTo("/v24.0/42?phone_number_id=" + PHONE_ID))
            .willReturn(okJson(mediaJson(wm.baseUrl() + "/files/42"))));
    try (WhatsAppClient wa = client()) {
      MediaInfo info = wa.media().url("42", PHONE_ID);
      assertThat(info.id()).isEqualTo("42");
      assertThat(info.url()).isEqualTo(URI.create(wm.baseUrl() + "/files/42"));
      assertThat(info.mimeType()).isEqualTo("image/jpeg");
      assertThat(info.sha256()).isEqualTo("abc");
      assertThat(info.fileSize()).contains(5L);
    }
  }

  @Test
  void download_byId_streamsBodyWithBearer() {
    wm.stubFor(get(urlEqualTo("/v24.0/42")).willReturn(okJson(mediaJson(wm.baseUrl() + "/f/42"))));
    wm.stubFor(
        get(urlEqualTo("/f/42"))
            .willReturn(aResponse().withHeader("Content-Type", "image/jpeg").withBody(JPEG)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WhatsAppClient wa = client()) {
      DownloadedMedia d = wa.media().download("42", out);
      assertThat(d.size()).isEqualTo(5);
      assertThat(d.mimeType()).contains("image/jpeg");
      assertThat(d.info()).isPresent();
    }
    assertThat(out.toByteArray()).isEqualTo(JPEG);
    wm.verify(
        getRequestedFor(urlEqualTo("/f/42"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void download_urlAnswers404_looksUpAgainOnce() {
    wm.stubFor(
        get(urlEqualTo("/v24.0/42"))
            .inScenario("refresh")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(mediaJson(wm.baseUrl() + "/f/old")))
            .willSetStateTo("second"));
    wm.stubFor(
        get(urlEqualTo("/v24.0/42"))
            .inScenario("refresh")
            .whenScenarioStateIs("second")
            .willReturn(okJson(mediaJson(wm.baseUrl() + "/f/new"))));
    wm.stubFor(
        get(urlEqualTo("/f/old"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(100, "gone", "expired", "T1"))));
    wm.stubFor(get(urlEqualTo("/f/new")).willReturn(aResponse().withBody(JPEG)));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WhatsAppClient wa = client()) {
      assertThat(wa.media().download("42", out).size()).isEqualTo(5);
    }
    assertThat(out.toByteArray()).isEqualTo(JPEG);
    wm.verify(2, getRequestedFor(urlEqualTo("/v24.0/42")));
    wm.verify(1, getRequestedFor(urlEqualTo("/f/old")));
  }

  @Test
  void download_overTheCap_failsWithoutWritingPastIt() {
    wm.stubFor(get(urlEqualTo("/f/big")).willReturn(aResponse().withBody(new byte[100])));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.media().download(URI.create(wm.baseUrl() + "/f/big"), out, 10))
          .isInstanceOf(WhatsAppException.class)
          .isNotInstanceOf(ApiException.class)
          .hasMessageContaining("over the limit of 10 bytes");
    }
    assertThat(out.size()).isLessThanOrEqualTo(10);
  }

  @Test
  void download_foreignHost_isRefusedWithoutSendingTheToken() {
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(
              () ->
                  wa.media()
                      .download(
                          URI.create("https://evil.example.com/x"),
                          new ByteArrayOutputStream(),
                          10))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("refusing to send the access token")
          .hasMessageNotContaining(TOKEN);
      assertThatThrownBy(
              () ->
                  wa.media()
                      .download(
                          URI.create("http://lookaside.fbsbx.com/x"),
                          new ByteArrayOutputStream(),
                          10))
          .isInstanceOf(IllegalArgumentException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void download_toPath_writesFileAndLeavesNoTemporaryFile() throws Exception {
    wm.stubFor(get(urlEqualTo("/v24.0/42")).willReturn(okJson(mediaJson(wm.baseUrl() + "/f/42"))));
    wm.stubFor(get(urlEqualTo("/f/42")).willReturn(aResponse().withBody(JPEG)));
    Path target = dir.resolve("in.jpg");
    try (WhatsAppClient wa = client()) {
      wa.media().download("42", target);
    }
    assertThat(Files.readAllBytes(target)).isEqualTo(JPEG);
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void delete_sendsDeleteAndChecksSuccess() {
    wm.stubFor(delete(urlEqualTo("/v24.0/42")).willReturn(okJson("{\"success\":true}")));
    wm.stubFor(delete(urlEqualTo("/v24.0/43")).willReturn(okJson("{\"success\":false}")));
    try (WhatsAppClient wa = client()) {
      wa.media().delete("42");
      assertThatThrownBy(() -> wa.media().delete("43"))
          .isInstanceOf(WhatsAppException.class)
          .hasMessageContaining("not confirmed");
    }
    wm.verify(
        deleteRequestedFor(urlEqualTo("/v24.0/42"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withRequestBody(absent()));
  }

  @Test
  void lookup_usageHeaders_areSurfaced() {
    wm.stubFor(
        get(urlEqualTo("/v24.0/42"))
            .willReturn(
                okJson(mediaJson("https://lookaside.fbsbx.com/x"))
                    .withHeader("X-App-Usage", "{\"call_count\":28,\"total_time\":25}")
                    .withHeader(
                        "X-Business-Use-Case-Usage",
                        "{\"1\":[{\"type\":\"whatsapp\",\"call_count\":91,"
                            + "\"estimated_time_to_regain_access\":3}]}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.media().lastUsage()).isEmpty();
      wa.media().url("42");
      UsageInfo u = wa.media().lastUsage().orElseThrow();
      assertThat(u.highestPercent()).isEqualTo(91);
      assertThat(u.regainAccessIn()).contains(java.time.Duration.ofMinutes(3));
      assertThat(u.appUsage()).contains("{\"call_count\":28,\"total_time\":25}");
      assertThat(u.observedAt()).isEqualTo(TestClients.NOW);
    }
  }

  @Test
  void url_rateLimited80007_isRetriedForTheRead() {
    wm.stubFor(
        get(urlEqualTo("/v24.0/42"))
            .inScenario("limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(80007, "limit", "WABA limit", "T2")))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlEqualTo("/v24.0/42"))
            .inScenario("limit")
            .whenScenarioStateIs("ok")
            .willReturn(okJson(mediaJson("https://lookaside.fbsbx.com/x"))));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.media().url("42").id()).isEqualTo("42");
    }
    wm.verify(2, getRequestedFor(urlEqualTo("/v24.0/42")));
    assertThat(sleeper.waits()).hasSize(1);
  }
}
