package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static dev.wasdk.client.TestClients.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.ServerException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.TemplateEdit;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport's safety rules: no blind retries of calls with side effects, a deadline on the
 * whole response, a cap on buffered bodies, no redirects, and no clear-text token by accident.
 */
class TransportSafetyTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension elsewhere =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PHONE_PATH = "/v24.0/" + PHONE_ID;
  private static final Duration BOUND = Duration.ofSeconds(20);

  /**
   * The deadlines of {@link #stallingClient}: seconds, so that even a loaded machine reads the
   * headers well before them and what ends the call is always the stalled body.
   */
  private static final Duration STALL_TIMEOUT = Duration.ofSeconds(4);

  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.client(wm, sleeper);
  }

  // ---- no retry once a call with side effects may have been sent ----

  private static ResponseDefinitionBuilder serverError() {
    return aResponse()
        .withStatus(500)
        .withHeader("Content-Type", "application/json")
        .withBody(TestClients.graphError(131000, "Something went wrong", "x", "TRACE"));
  }

  private void sideEffectCall(String call, WhatsAppClient wa) {
    switch (call) {
      case "request_code" -> wa.phoneNumbers().requestCode(CodeMethod.SMS, "en_US");
      case "verify_code" -> wa.phoneNumbers().verifyCode("123456");
      case "register" -> wa.phoneNumbers().register("123456");
      case "deregister" -> wa.phoneNumbers().deregister();
      case "edit" -> wa.templates().edit("77", TemplateEdit.category(TemplateCategory.UTILITY));
      default -> throw new IllegalArgumentException(call);
    }
  }

  private static String pathOf(String call) {
    return call.equals("edit") ? "/v24.0/77" : PHONE_PATH + "/" + call;
  }

  @ParameterizedTest
  @ValueSource(strings = {"request_code", "verify_code", "register", "deregister", "edit"})
  void sideEffectCall_serverError_isSentOnceAndNotRetried(String call) {
    wm.stubFor(post(urlEqualTo(pathOf(call))).willReturn(serverError()));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> sideEffectCall(call, wa)).isInstanceOf(ServerException.class);
    }
    wm.verify(1, postRequestedFor(urlEqualTo(pathOf(call))));
    assertThat(sleeper.waits()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"request_code", "verify_code", "register", "deregister", "edit"})
  void sideEffectCall_connectionClosedAfterRequest_isMaybeSentAndNotRetried(String call) {
    wm.stubFor(
        post(urlEqualTo(pathOf(call))).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> sideEffectCall(call, wa))
          .isInstanceOf(RequestMaybeSentException.class);
    }
    wm.verify(1, postRequestedFor(urlEqualTo(pathOf(call))));
    assertThat(sleeper.waits()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"request_code", "verify_code", "register", "deregister", "edit"})
  void sideEffectCall_responseTimeout_isMaybeSentAndNotRetried(String call) throws Exception {
    try (RawHttpServer server = RawHttpServer.stallingBody();
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(TOKEN)
                .phoneNumberId(PHONE_ID)
                .baseUrl(server.baseUrl())
                .requestTimeout(Duration.ofMillis(1500))
                .sleeper(sleeper)
                .build()) {
      assertTimeoutPreemptively(
          BOUND,
          () ->
              assertThatThrownBy(() -> sideEffectCall(call, wa))
                  .isInstanceOfSatisfying(
                      RequestMaybeSentException.class,
                      e -> assertThat(e.failure()).isEqualTo(TransportFailure.RESPONSE_TIMEOUT)));
      assertThat(server.requests()).isEqualTo(1);
    }
    assertThat(sleeper.waits()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"request_code", "verify_code", "register", "deregister", "edit"})
  void sideEffectCall_appCallLimit_isRetriedBecauseItProvesNothingWasDone(String call) {
    wm.stubFor(
        post(urlEqualTo(pathOf(call)))
            .inScenario("limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(4, "Application request limit", "x", "T")))
            .willSetStateTo("ok"));
    wm.stubFor(
        post(urlEqualTo(pathOf(call)))
            .inScenario("limit")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      sideEffectCall(call, wa);
    }
    wm.verify(2, postRequestedFor(urlEqualTo(pathOf(call))));
    assertThat(sleeper.waits()).hasSize(1);
  }

  @Test
  void read_serverError_isStillRetriedBecauseReadingTwiceIsHarmless() {
    wm.stubFor(
        get(urlPathEqualTo(PHONE_PATH))
            .inScenario("read")
            .whenScenarioStateIs(STARTED)
            .willReturn(serverError())
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo(PHONE_PATH))
            .inScenario("read")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"id\":\"" + PHONE_ID + "\",\"quality_rating\":\"GREEN\"}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.phoneNumbers().get().id()).isEqualTo(PHONE_ID);
    }
    wm.verify(2, getRequestedFor(urlPathEqualTo(PHONE_PATH)));
  }

  // ---- a deadline on the whole response ----

  /**
   * A client whose deadlines leave a loaded machine ample time for the headers, so that what ends
   * the call is always the stalled body.
   */
  private static WhatsAppClient stallingClient(RawHttpServer server) {
    return WhatsAppClient.builder()
        .accessToken(TOKEN)
        .phoneNumberId(PHONE_ID)
        .baseUrl(server.baseUrl())
        .requestTimeout(STALL_TIMEOUT)
        .downloadTimeout(STALL_TIMEOUT)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private static Consumer<Throwable> responseTimeout(String timeoutText) {
    return e ->
        assertThat(e)
            .isInstanceOfSatisfying(
                RequestMaybeSentException.class,
                m -> {
                  assertThat(m.failure()).isEqualTo(TransportFailure.RESPONSE_TIMEOUT);
                  assertThat(m.getMessage())
                      .contains("the response did not complete within " + timeoutText)
                      .doesNotContain(TOKEN);
                });
  }

  @Test
  void get_headersThenStalledBody_failsWithTheRequestTimeout() throws Exception {
    AtomicBoolean interruptedAfter = new AtomicBoolean(true);
    try (RawHttpServer server = RawHttpServer.stallingBody();
        WhatsAppClient wa = stallingClient(server)) {
      Throwable thrown =
          assertTimeoutPreemptively(
              BOUND,
              () -> {
                Throwable t =
                    org.junit.jupiter.api.Assertions.assertThrows(
                        RequestMaybeSentException.class, () -> wa.phoneNumbers().get());
                interruptedAfter.set(Thread.currentThread().isInterrupted());
                return t;
              });
      responseTimeout("the request timeout of 4 s").accept(thrown);
      assertThat(server.requests()).isEqualTo(1);
      // The deadline woke the waiting call by interrupting it; that interrupt ends with the call.
      assertThat(interruptedAfter).isFalse();
    }
  }

  @Test
  void get_applicationInterruptsAStalledBody_callEndsAndTheThreadStaysInterrupted()
      throws Exception {
    try (RawHttpServer server = RawHttpServer.stallingBody();
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(TOKEN)
                .phoneNumberId(PHONE_ID)
                .baseUrl(server.baseUrl())
                .requestTimeout(Duration.ofMinutes(5))
                .retryPolicy(RetryPolicy.none())
                .build()) {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      AtomicBoolean interruptedAfter = new AtomicBoolean();
      Thread caller =
          new Thread(
              () -> {
                try {
                  wa.phoneNumbers().get();
                } catch (RuntimeException e) {
                  thrown.set(e);
                }
                interruptedAfter.set(Thread.currentThread().isInterrupted());
              });
      caller.start();
      while (server.requests() == 0 && caller.isAlive()) {
        Thread.onSpinWait();
      }
      caller.interrupt();
      caller.join(BOUND.toMillis());
      assertThat(caller.isAlive()).isFalse();
      assertThat(thrown.get()).isInstanceOf(RequestMaybeSentException.class);
      assertThat(interruptedAfter).isTrue();
    }
  }

  @Test
  void sendAsync_headersThenStalledBody_failsTheFutureWithTheRequestTimeout() throws Exception {
    try (RawHttpServer server = RawHttpServer.stallingBody();
        WhatsAppClient wa = stallingClient(server)) {
      CompletableFuture<SendResult> f =
          wa.messages().sendAsync(Message.to(TestClients.TO).text("Hi"));
      assertThatThrownBy(() -> f.get(BOUND.toSeconds(), TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .satisfies(e -> responseTimeout("the request timeout of 4 s").accept(e.getCause()));
    }
  }

  @Test
  void download_headersThenStalledBody_failsWithTheDownloadTimeout() throws Exception {
    try (RawHttpServer server = RawHttpServer.stallingBody();
        WhatsAppClient wa = stallingClient(server)) {
      ByteArrayOutputStream sink = new ByteArrayOutputStream();
      URI url = URI.create(server.baseUrl() + "/media/1");
      Throwable thrown =
          assertTimeoutPreemptively(
              BOUND,
              () ->
                  org.junit.jupiter.api.Assertions.assertThrows(
                      RuntimeException.class, () -> wa.media().download(url, sink, 1000)));
      // Five bytes reached the sink before the stall, so the failure is final, not a retry.
      assertThat(thrown).hasMessageContaining("did not complete within the download timeout");
      assertThat(sink.size()).isEqualTo(5);
    }
  }

  // ---- a cap on buffered bodies ----

  @Test
  void get_announcedBodyOverTheCap_failsWithAClearErrorWithoutReadingIt() throws Exception {
    String big = "{\"id\":\"" + "x".repeat(2000) + "\"}";
    try (RawHttpServer server = RawHttpServer.announced(big);
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(TOKEN)
                .phoneNumberId(PHONE_ID)
                .baseUrl(server.baseUrl())
                .maxResponseBytes(1000)
                .sleeper(sleeper)
                .build()) {
      assertThatThrownBy(() -> wa.phoneNumbers().get())
          .isInstanceOfSatisfying(
              RequestMaybeSentException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(TransportFailure.UNREADABLE_RESPONSE);
                assertThat(e.getMessage())
                    .contains(big.length() + " bytes announced, over the limit of 1000 bytes")
                    .contains("maxResponseBytes");
              });
      // Not retried: the answer would be just as large again.
      assertThat(server.requests()).isEqualTo(1);
    }
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void get_unannouncedBodyOverTheCap_isCutOffAtTheCap() throws Exception {
    String big = "{\"id\":\"" + "y".repeat(5000) + "\"}";
    try (RawHttpServer server = RawHttpServer.unannounced(big);
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(TOKEN)
                .phoneNumberId(PHONE_ID)
                .baseUrl(server.baseUrl())
                .maxResponseBytes(1000)
                .build()) {
      assertThatThrownBy(() -> wa.phoneNumbers().get())
          .isInstanceOfSatisfying(
              RequestMaybeSentException.class,
              e ->
                  assertThat(e.getMessage())
                      .contains("more than 1000 bytes, over the limit of 1000 bytes"));
      CompletableFuture<SendResult> f =
          wa.messages().sendAsync(Message.to(TestClients.TO).text("Hi"));
      assertThatThrownBy(() -> f.get(BOUND.toSeconds(), TimeUnit.SECONDS))
          .hasCauseInstanceOf(RequestMaybeSentException.class)
          .hasMessageContaining("over the limit of 1000 bytes");
    }
  }

  @Test
  void get_bodyOfExactlyTheCap_isRead() throws Exception {
    String prefix = "{\"id\":\"" + PHONE_ID + "\",\"verified_name\":\"";
    String body = prefix + "z".repeat(1000 - prefix.length() - 2) + "\"}";
    assertThat(body).hasSize(1000);
    try (RawHttpServer server = RawHttpServer.unannounced(body);
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(TOKEN)
                .phoneNumberId(PHONE_ID)
                .baseUrl(server.baseUrl())
                .maxResponseBytes(1000)
                .build()) {
      assertThat(wa.phoneNumbers().get().verifiedName()).hasValueSatisfying(v -> v.startsWith("z"));
    }
  }

  @Test
  void maxResponseBytes_default_isOneMebibyte() {
    assertThat(WhatsAppClient.DEFAULT_MAX_RESPONSE_BYTES).isEqualTo(1024 * 1024);
    assertThatThrownBy(() -> WhatsAppClient.builder().maxResponseBytes(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- redirects ----

  @ParameterizedTest
  @ValueSource(strings = {"NORMAL", "ALWAYS"})
  void build_httpClientThatFollowsRedirects_isRefused(String policy) {
    HttpClient http =
        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.valueOf(policy)).build();
    assertThatThrownBy(
            () ->
                WhatsAppClient.builder()
                    .accessToken(TOKEN)
                    .phoneNumberId(PHONE_ID)
                    .httpClient(http)
                    .build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("follows redirects (" + policy + ")")
        .hasMessageContaining("followRedirects(HttpClient.Redirect.NEVER)");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void redirectFromGraph_isNotFollowed_soTheTokenStaysHome(boolean ownHttpClient) {
    wm.stubFor(
        get(urlPathEqualTo(PHONE_PATH))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", elsewhere.baseUrl() + "/steal")));
    elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{\"id\":\"1\"}")));
    WhatsAppClient.Builder b = TestClients.builder(wm, sleeper, new CapturingLogger("t"));
    if (ownHttpClient) {
      b.httpClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build());
    }
    try (WhatsAppClient wa = b.build()) {
      assertThatThrownBy(() -> wa.phoneNumbers().get())
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().httpStatus()).isEqualTo(302));
    }
    elsewhere.verify(0, anyRequestedFor(anyUrl()));
    wm.verify(1, getRequestedFor(urlPathEqualTo(PHONE_PATH)));
  }

  // ---- plain http only on loopback ----

  private static WhatsAppClient.Builder aimedAt(String url) {
    return WhatsAppClient.builder()
        .accessToken(TOKEN)
        .phoneNumberId(PHONE_ID)
        .baseUrl(URI.create(url));
  }

  @Test
  void build_plainHttpOnARemoteHost_isRefusedUnlessAllowed() {
    assertThatThrownBy(() -> aimedAt("http://graph.example.com").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plain http on graph.example.com")
        .hasMessageContaining("allowInsecureHttp()")
        .hasMessageNotContaining(TOKEN);
    try (WhatsAppClient wa = aimedAt("http://graph.example.com").allowInsecureHttp().build()) {
      assertThat(wa.baseUrl()).hasToString("http://graph.example.com");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8089",
        "http://127.1.2.3",
        "http://localhost:8089",
        "http://LOCALHOST",
        "http://[::1]:8089",
        "https://graph.example.com"
      })
  void build_loopbackHttpOrAnyHttps_isAccepted(String url) {
    try (WhatsAppClient wa = aimedAt(url).build()) {
      assertThat(wa.baseUrl()).hasToString(url);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1.example.com",
        "http://10.0.0.1",
        "http://localhost.example.com",
        "http://0.0.0.0"
      })
  void build_plainHttpOnHostsThatOnlyLookLocal_isRefused(String url) {
    assertThatThrownBy(() -> aimedAt(url).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("plain http");
  }

  @Test
  void isLoopback_checksTheLiteralWithoutALookup() {
    assertThat(WhatsAppClient.Builder.isLoopback("127.0.0.1")).isTrue();
    assertThat(WhatsAppClient.Builder.isLoopback("127.255.255.254")).isTrue();
    assertThat(WhatsAppClient.Builder.isLoopback("[::1]")).isTrue();
    assertThat(WhatsAppClient.Builder.isLoopback("127.0.0.256")).isFalse();
    assertThat(WhatsAppClient.Builder.isLoopback("127.0.0")).isFalse();
    assertThat(WhatsAppClient.Builder.isLoopback("127..0.1")).isFalse();
    assertThat(WhatsAppClient.Builder.isLoopback("128.0.0.1")).isFalse();
    assertThat(WhatsAppClient.Builder.isLoopback("[::2]")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://admin:hunter2secret@127.0.0.1:8089",
        "https://admin:hunter2secret@graph.facebook.com",
        "ftp://admin:hunter2secret@example.com/x",
        "mailto:admin:hunter2secret@example.com"
      })
  void baseUrl_invalid_errorNeverEchoesTheUserInfo(String url) {
    assertThatThrownBy(() -> WhatsAppClient.builder().baseUrl(URI.create(url)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("hunter2secret")
        .hasMessageNotContaining("admin");
  }
}
