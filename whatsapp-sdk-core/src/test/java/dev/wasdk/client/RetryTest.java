package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.wasdk.client.TestClients.MESSAGES_PATH;
import static dev.wasdk.client.TestClients.NOW;
import static dev.wasdk.client.TestClients.TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.RateLimitException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.RequestNotSentException;
import dev.wasdk.error.RequestState;
import dev.wasdk.error.ServerException;
import dev.wasdk.error.TransportException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.Message;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Automatic retries: what is retried for message sends and for idempotent calls, how long the
 * client waits (recorded by a fake sleeper, never slept), and how transport faults are reported.
 */
class RetryTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("retry")).build();
  }

  private static ResponseDefinitionBuilder graphError(int status, int code) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(TestClients.graphError(code, "error " + code, "details " + code, "TRACE1"));
  }

  /** The first call answers with {@code first}; later calls answer with {@code then}. */
  private static void firstThen(
      String path, ResponseDefinitionBuilder first, ResponseDefinitionBuilder then) {
    wm.stubFor(
        post(urlEqualTo(path))
            .inScenario("retry")
            .whenScenarioStateIs(STARTED)
            .willReturn(first)
            .willSetStateTo("later"));
    wm.stubFor(
        post(urlEqualTo(path)).inScenario("retry").whenScenarioStateIs("later").willReturn(then));
  }

  private static int requests() {
    return wm.getAllServeEvents().size();
  }

  @Test
  void send_throughputLimitThenSuccess_retriesAfterJitteredBackoff() {
    firstThen(MESSAGES_PATH, graphError(400, 130429), okJson(TestClients.sendOk("wamid.OK")));
    try (WhatsAppClient wa = client()) {
      SendResult r = wa.messages().send(Message.to(TO).text("Hi"));

      assertThat(r.wamid()).isEqualTo("wamid.OK");
    }
    assertThat(requests()).isEqualTo(2);
    // 500 ms initial backoff, jitter 0.5, random 0.5: 500 x (1 - 0.25) = 375 ms.
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(375));
  }

  @Test
  void send_throughputLimitEveryTime_stopsAfterMaxAttemptsWithExponentialWaits() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(graphError(400, 130429)));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              RateLimitException.class,
              e -> {
                assertThat(e.getSuppressed()).hasSize(1);
                assertThat(e.getSuppressed()[0]).isInstanceOf(RateLimitException.class);
              });
    }
    assertThat(requests()).isEqualTo(3);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(375), Duration.ofMillis(750));
  }

  @Test
  void send_retryAfterSeconds_waitsExactlyThatLong() {
    firstThen(
        MESSAGES_PATH,
        graphError(429, 130429).withHeader("Retry-After", "3"),
        okJson(TestClients.sendOk("wamid.OK")));
    try (WhatsAppClient wa = client()) {
      wa.messages().send(Message.to(TO).text("Hi"));
    }
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void send_retryAfterHttpDate_waitsUntilThatTimeOnTheInjectedClock() {
    String date =
        DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(5).atZone(ZoneOffset.UTC));
    firstThen(
        MESSAGES_PATH,
        graphError(429, 130429).withHeader("Retry-After", date),
        okJson(TestClients.sendOk("wamid.OK")));
    try (WhatsAppClient wa = client()) {
      wa.messages().send(Message.to(TO).text("Hi"));
    }
    assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5));
  }

  @Test
  void send_retryAfterBeyondTheLimit_givesUpAndReportsTheWait() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(graphError(429, 130429).withHeader("Retry-After", "120")));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              RateLimitException.class,
              e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(120)));
    }
    assertThat(requests()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void send_hugeServerWaits_givesUpAndReportsADayInsteadOfOverflowing() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(
                graphError(429, 130429)
                    .withHeader(
                        "X-Business-Use-Case-Usage",
                        "{\"1\":[{\"type\":\"whatsapp\","
                            + "\"estimated_time_to_regain_access\":9223372036854775807}]}")));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              RateLimitException.class,
              e -> assertThat(e.retryAfter()).contains(Duration.ofHours(24)));
    }
    assertThat(requests()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void send_tokenRotatesBetweenAttempts_retryUsesTheNewToken() {
    firstThen(MESSAGES_PATH, graphError(400, 130429), okJson(TestClients.sendOk("wamid.OK")));
    AtomicInteger calls = new AtomicInteger();
    try (WhatsAppClient wa =
        TestClients.builder(wm, sleeper, new CapturingLogger("t"))
            .accessTokenProvider(
                () -> calls.getAndIncrement() == 0 ? "old-token-1234" : "new-token-5678")
            .build()) {
      wa.messages().send(Message.to(TO).text("Hi"));
    }
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MESSAGES_PATH))
            .withHeader("Authorization", equalTo("Bearer old-token-1234")));
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MESSAGES_PATH))
            .withHeader("Authorization", equalTo("Bearer new-token-5678")));
  }

  @ParameterizedTest(name = "code {0} is retried for a message send")
  @ValueSource(ints = {4, 80007})
  void send_callLimitCodes_areRetriedBecauseTheyProveNotAccepted(int code) {
    firstThen(MESSAGES_PATH, graphError(400, code), okJson(TestClients.sendOk("wamid.OK")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.messages().send(Message.to(TO).text("Hi")).wamid()).isEqualTo("wamid.OK");
    }
    assertThat(requests()).isEqualTo(2);
  }

  @ParameterizedTest(name = "code {0} is never retried for a message send")
  @ValueSource(ints = {131056, 131047, 131049, 131050, 131048, 131026, 100, 190, 368})
  void send_codesThatAreNotSafeOrNotTransient_areNotRetried(int code) {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(graphError(400, code)));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOf(ApiException.class);
    }
    assertThat(requests()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @ParameterizedTest(name = "server code {0} is not retried for a message send")
  @ValueSource(ints = {1, 2, 131000, 131016, 133004})
  void send_serverErrors_areNotRetriedBecauseAcceptanceIsNotRuledOut(int code) {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(graphError(503, code)));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOf(ServerException.class);
    }
    assertThat(requests()).isEqualTo(1);
  }

  @ParameterizedTest(name = "server code {0} is retried for a read receipt")
  @ValueSource(ints = {1, 2, 131000, 131016, 133004})
  void markRead_serverErrors_areRetriedBecauseMarkingTwiceIsHarmless(int code) {
    firstThen(MESSAGES_PATH, graphError(503, code), okJson("{\"success\":true}"));
    try (WhatsAppClient wa = client()) {
      wa.messages().markRead("wamid.IN");
    }
    assertThat(requests()).isEqualTo(2);
  }

  @Test
  void send_maintenanceMode_waitsTheDocumentedMinuteWhenThePolicyAllowsIt() {
    firstThen(MESSAGES_PATH, graphError(500, 131057), okJson(TestClients.sendOk("wamid.OK")));
    try (WhatsAppClient wa =
        TestClients.builder(wm, sleeper, new CapturingLogger("t"))
            .retryPolicy(RetryPolicy.builder().maxRetryAfter(Duration.ofSeconds(90)).build())
            .build()) {
      wa.messages().send(Message.to(TO).text("Hi"));
    }
    assertThat(sleeper.waits()).containsExactly(Duration.ofMinutes(1));
  }

  @Test
  void send_maintenanceModeWithDefaultPolicy_isNotRetriedBecauseTheWaitExceedsTheLimit() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(graphError(500, 131057)));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              ServerException.class,
              e -> assertThat(e.retryAfter()).contains(Duration.ofMinutes(1)));
    }
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void send_retryPolicyNone_doesNotRetryEvenThroughputLimits() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(graphError(400, 130429)));
    try (WhatsAppClient wa =
        TestClients.builder(wm, sleeper, new CapturingLogger("t"))
            .retryPolicy(RetryPolicy.none())
            .build()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOf(RateLimitException.class);
    }
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void send_connectionRefused_isRetriedThenReportedAsNotSent() throws IOException {
    int port = freePort();
    try (WhatsAppClient wa =
        TestClients.builder(wm, sleeper, new CapturingLogger("t"))
            .baseUrl(URI.create("http://127.0.0.1:" + port))
            .build()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              RequestNotSentException.class,
              e -> {
                assertThat(e.requestState()).isEqualTo(RequestState.NOT_SENT);
                assertThat(e.failure()).isEqualTo(TransportFailure.CONNECT_FAILED);
              })
          .hasMessageContaining("was not sent")
          .hasMessageContaining("safe to send it again")
          .hasMessageNotContaining("+16505551234");
    }
    assertThat(sleeper.waits()).hasSize(2);
  }

  @Test
  void send_connectFailsThenServerComesUp_succeedsOnTheRetry() throws IOException {
    int port = freePort();
    WireMockServer late = new WireMockServer(wireMockConfig().port(port));
    late.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.L"))));
    sleeper.onWait(
        () -> {
          if (!late.isRunning()) {
            late.start();
          }
        });
    try (WhatsAppClient wa =
        TestClients.builder(wm, sleeper, new CapturingLogger("t"))
            .baseUrl(URI.create("http://127.0.0.1:" + port))
            .build()) {
      assertThat(wa.messages().send(Message.to(TO).text("Hi")).wamid()).isEqualTo("wamid.L");
    } finally {
      late.stop();
    }
    assertThat(late.getAllServeEvents()).hasSize(1);
    assertThat(sleeper.waits()).hasSize(1);
  }

  @Test
  void send_connectionResetAfterRequest_isMaybeSentAndNotRetried() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              RequestMaybeSentException.class,
              e -> assertThat(e.requestState()).isEqualTo(RequestState.MAYBE_SENT))
          .hasMessageContaining("may have been sent");
    }
    assertThat(requests()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void send_emptyResponse_isClosedBeforeResponseMaybeSentAndNotRetried() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              RequestMaybeSentException.class,
              e -> {
                assertThat(e.failure())
                    .isEqualTo(TransportFailure.CONNECTION_CLOSED_BEFORE_RESPONSE);
                assertThat(e.getCause()).hasMessageContaining("header parser received no bytes");
              });
    }
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void send_responseSlowerThanRequestTimeout_isMaybeSentAndNotRetried() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(okJson(TestClients.sendOk("wamid.SLOW")).withFixedDelay(4_000)));
    // The delay is a lower bound, so the timeout always fires first; a timeout of a second leaves
    // a loaded machine time to connect, so what ends the call is the missing answer.
    try (WhatsAppClient wa =
        TestClients.builder(wm, sleeper, new CapturingLogger("t"))
            .requestTimeout(Duration.ofSeconds(1))
            .build()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              RequestMaybeSentException.class,
              e -> assertThat(e.failure()).isEqualTo(TransportFailure.RESPONSE_TIMEOUT));
    }
    assertThat(requests()).isEqualTo(1);
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void markRead_connectionReset_isRetriedBecauseItIsIdempotent() {
    firstThen(
        MESSAGES_PATH,
        aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER),
        okJson("{\"success\":true}"));
    try (WhatsAppClient wa = client()) {
      wa.messages().markRead("wamid.IN");
    }
    assertThat(requests()).isEqualTo(2);
    assertThat(sleeper.waits()).hasSize(1);
  }

  @Test
  void sendAsync_throughputLimitThenSuccess_retriesWithoutBlocking() throws Exception {
    firstThen(MESSAGES_PATH, graphError(400, 130429), okJson(TestClients.sendOk("wamid.ASYNC")));
    try (WhatsAppClient wa = client()) {
      SendResult r = wa.messages().sendAsync(Message.to(TO).text("Hi")).get(10, TimeUnit.SECONDS);

      assertThat(r.wamid()).isEqualTo("wamid.ASYNC");
    }
    assertThat(requests()).isEqualTo(2);
    assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(375));
  }

  @Test
  void sendAsync_connectionReset_failsMaybeSentWithoutRetry() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(
              () -> wa.messages().sendAsync(Message.to(TO).text("Hi")).get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .cause()
          .isInstanceOf(RequestMaybeSentException.class);
    }
    assertThat(requests()).isEqualTo(1);
  }

  @Test
  void sendAsync_connectionRefused_retriesThenFailsNotSent() throws Exception {
    int port = freePort();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    try (WhatsAppClient wa =
        TestClients.builder(wm, sleeper, new CapturingLogger("t"))
            .baseUrl(URI.create("http://127.0.0.1:" + port))
            .build()) {
      wa.messages()
          .sendAsync(Message.to(TO).text("Hi"))
          .handle((r, t) -> failure.compareAndSet(null, t))
          .get(10, TimeUnit.SECONDS);
    }
    assertThat(failure.get())
        .isInstanceOfSatisfying(
            TransportException.class,
            e -> assertThat(e.requestState()).isEqualTo(RequestState.NOT_SENT));
    assertThat(sleeper.waits()).hasSize(2);
  }

  @Test
  void send_tokenProviderFails_isNotSentAndNotRetried() {
    try (WhatsAppClient wa =
        TestClients.builder(wm, sleeper, new CapturingLogger("t"))
            .accessTokenProvider(
                () -> {
                  throw new IllegalStateException("vault unreachable");
                })
            .build()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              RequestNotSentException.class,
              e -> assertThat(e.failure()).isEqualTo(TransportFailure.ACCESS_TOKEN_UNAVAILABLE));
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOf(RequestNotSentException.class);
    }
    assertThat(requests()).isZero();
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void send_retriesAreLoggedAtDebugWithoutSecrets() {
    firstThen(MESSAGES_PATH, graphError(400, 130429), okJson(TestClients.sendOk("wamid.OK")));
    CapturingLogger log = new CapturingLogger("retry-log");
    try (WhatsAppClient wa = TestClients.builder(wm, sleeper, log).build()) {
      wa.messages().send(Message.to(TO).text("Hi"));
    }
    List<String> lines = log.lines();
    assertThat(lines).anyMatch(l -> l.startsWith("DEBUG") && l.contains("retrying in 375 ms"));
    assertThat(log.text()).doesNotContain(TestClients.TOKEN).doesNotContain("+16505551234");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
