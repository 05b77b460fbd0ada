package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.MESSAGES_PATH;
import static dev.wasdk.client.TestClients.TO;
import static dev.wasdk.client.TestClients.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.AuthException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.Message;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The access token never appears in logs, exception messages, stack traces or toString(). */
class RedactionTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static String everything(Throwable t) {
    StringWriter w = new StringWriter();
    t.printStackTrace(new PrintWriter(w));
    return t + "\n" + w;
  }

  @Test
  void errorsRetriesAndLogs_neverContainTheToken() {
    // Meta echoing the token is hypothetical; the SDK must redact it anyway.
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .inScenario("r")
            .whenScenarioStateIs("Started")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(130429, "Rate limit hit", "x", "T1")))
            .willSetStateTo("auth"));
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .inScenario("r")
            .whenScenarioStateIs("auth")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Invalid OAuth access token - Cannot parse"
                            + " access token "
                            + TOKEN
                            + "\",\"type\":\"OAuthException\",\"code\":190,"
                            + "\"error_user_msg\":\"bad "
                            + TOKEN
                            + "\",\"fbtrace_id\":\"T2\"}}")));
    CapturingLogger log = new CapturingLogger("redaction");
    PrintStream realErr = System.err;
    PrintStream realOut = System.out;
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    Throwable failure;
    String clientText;
    try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      System.setErr(capture);
      System.setOut(capture);
      try (WhatsAppClient wa = TestClients.builder(wm, new FakeSleeper(), log).build()) {
        failure = catchThrowable(() -> wa.messages().send(Message.to(TO).text("Hi")));
        clientText = wa + " " + wa.messages() + " " + wa.retryPolicy();
      }
    } finally {
      System.setErr(realErr);
      System.setOut(realOut);
    }

    assertThat(failure).isInstanceOf(AuthException.class);
    assertThat(((AuthException) failure).error().toString()).doesNotContain(TOKEN);
    assertThat(((AuthException) failure).error().message()).doesNotContain(TOKEN);
    assertThat(everything(failure)).doesNotContain(TOKEN).doesNotContain("6505551234");
    assertThat(log.lines()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(log.text())
        .contains("POST /v24.0/106540352242922/messages -> HTTP 400")
        .contains("retrying")
        .doesNotContain(TOKEN)
        .doesNotContain("6505551234");
    assertThat(clientText).doesNotContain(TOKEN);
    assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain(TOKEN);
  }

  @Test
  void transportFailures_neverContainTheTokenOrTheFullNumber() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    CapturingLogger log = new CapturingLogger("redaction-transport");
    Throwable failure;
    try (WhatsAppClient wa = TestClients.builder(wm, new FakeSleeper(), log).build()) {
      failure = catchThrowable(() -> wa.messages().send(Message.to(TO).text("Hi")));
    }
    Throwable refused;
    try (WhatsAppClient wa =
        TestClients.builder(wm, new FakeSleeper(), log)
            .baseUrl(URI.create("http://127.0.0.1:1"))
            .build()) {
      refused = catchThrowable(() -> wa.messages().send(Message.to(TO).text("Hi")));
    }

    assertThat(everything(failure))
        .contains("+165*****234")
        .doesNotContain(TOKEN)
        .doesNotContain("6505551234");
    assertThat(everything(refused)).doesNotContain(TOKEN).doesNotContain("6505551234");
    assertThat(log.text()).doesNotContain(TOKEN);
  }
}
