package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.binaryEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Resumable upload sessions over HTTP: open, send with an offset, resume after a break. */
class UploadSessionsApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String APP = "1234567890";
  static final String SESSION = "upload:MTphdHRhY2htZW50?sig=ARZxyz";
  static final String SESSION_PATH = "/v24.0/" + SESSION;
  static final byte[] DATA = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  @TempDir Path dir;
  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("uploads")).build();
  }

  private Path file() throws Exception {
    Path f = dir.resolve("header.jpg");
    Files.write(f, DATA);
    return f;
  }

  private static void stubOpen() {
    wm.stubFor(
        post(urlEqualTo(
                "/v24.0/"
                    + APP
                    + "/uploads?file_name=header.jpg&file_length=16&file_type=image%2Fjpeg"))
            .willReturn(okJson("{\"id\":\"" + SESSION + "\"}")));
  }

  @Test
  void upload_opensASessionAndSendsTheBytesFromOffsetZero() throws Exception {
    stubOpen();
    wm.stubFor(
        post(urlEqualTo(SESSION_PATH))
            .withHeader("file_offset", equalTo("0"))
            .withRequestBody(binaryEqualTo(DATA))
            .willReturn(okJson("{\"h\":\"2:c2FtcGxl\"}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.media().uploadSessions().upload(APP, file(), "image/jpeg"))
          .isEqualTo("2:c2FtcGxl");
    }
    wm.verify(1, postRequestedFor(urlEqualTo(SESSION_PATH)));
    wm.verify(0, getRequestedFor(urlEqualTo(SESSION_PATH)));
  }

  @Test
  void upload_brokenTransfer_resumesFromTheOffsetMetaReports() throws Exception {
    stubOpen();
    wm.stubFor(
        post(urlEqualTo(SESSION_PATH))
            .inScenario("resume")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE))
            .willSetStateTo("broken"));
    wm.stubFor(
        get(urlEqualTo(SESSION_PATH))
            .inScenario("resume")
            .whenScenarioStateIs("broken")
            .willReturn(okJson("{\"id\":\"" + SESSION + "\",\"file_offset\":6}")));
    wm.stubFor(
        post(urlEqualTo(SESSION_PATH))
            .inScenario("resume")
            .whenScenarioStateIs("broken")
            .withHeader("file_offset", equalTo("6"))
            .withRequestBody(binaryEqualTo(Arrays.copyOfRange(DATA, 6, DATA.length)))
            .willReturn(okJson("{\"h\":\"2:resumed\"}")));
    try (WhatsAppClient wa = client()) {
      assertThat(
              wa.media()
                  .uploadSessions()
                  .uploadAsync(APP, file(), "image/jpeg")
                  .get(30, TimeUnit.SECONDS))
          .isEqualTo("2:resumed");
    }
    wm.verify(2, postRequestedFor(urlEqualTo(SESSION_PATH)));
    wm.verify(1, getRequestedFor(urlEqualTo(SESSION_PATH)));
  }

  @Test
  void upload_breaksEveryTime_failsAfterTheLastResume() throws Exception {
    stubOpen();
    wm.stubFor(
        post(urlEqualTo(SESSION_PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    wm.stubFor(get(urlEqualTo(SESSION_PATH)).willReturn(okJson("{\"file_offset\":0}")));
    try (WhatsAppClient wa = client()) {
      Path f = file();
      assertThatThrownBy(() -> wa.media().uploadSessions().upload(APP, f, "image/jpeg"))
          .isInstanceOf(RequestMaybeSentException.class);
    }
    wm.verify(UploadSessionsApi.MAX_RESUMES + 1, postRequestedFor(urlEqualTo(SESSION_PATH)));
    wm.verify(UploadSessionsApi.MAX_RESUMES, getRequestedFor(urlEqualTo(SESSION_PATH)));
  }

  @Test
  void stepByStep_createOffsetSend() throws Exception {
    stubOpen();
    wm.stubFor(get(urlEqualTo(SESSION_PATH)).willReturn(okJson("{\"file_offset\":\"10\"}")));
    wm.stubFor(
        post(urlEqualTo(SESSION_PATH))
            .withHeader("file_offset", equalTo("10"))
            .withRequestBody(binaryEqualTo(Arrays.copyOfRange(DATA, 10, DATA.length)))
            .willReturn(okJson("{\"h\":\"4::aW\"}")));
    try (WhatsAppClient wa = client()) {
      UploadSessionsApi u = wa.media().uploadSessions();
      String s = u.create(APP, "header.jpg", 16, "image/jpeg");
      assertThat(s).isEqualTo(SESSION);
      long offset = u.offset(s);
      assertThat(offset).isEqualTo(10);
      assertThat(u.send(s, file(), offset)).isEqualTo("4::aW");
    }
  }

  @Test
  void badValues_failBeforeTheNetwork() throws Exception {
    try (WhatsAppClient wa = client()) {
      UploadSessionsApi u = wa.media().uploadSessions();
      assertThatThrownBy(() -> u.create(APP, "a.gif", 3, "image/gif"))
          .hasMessageContaining("image/gif");
      assertThatThrownBy(() -> u.create(APP, "a.jpg", 0, "image/jpeg"))
          .hasMessageContaining("fileLength");
      assertThatThrownBy(() -> u.create(APP, " ", 3, "image/jpeg"))
          .hasMessageContaining("fileName");
      assertThatThrownBy(() -> u.offset("abc")).hasMessageContaining("upload:");
      assertThatThrownBy(() -> u.offset("upload:a/b")).hasMessageContaining("upload:");
      Path f = file();
      assertThatThrownBy(() -> u.send(SESSION, f, 17)).hasMessageContaining("offset");
      assertThatThrownBy(() -> u.send(SESSION, f, -1)).hasMessageContaining("offset");
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
