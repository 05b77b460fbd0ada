package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.MESSAGES_PATH;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static dev.wasdk.client.TestClients.TO;
import static dev.wasdk.client.TestClients.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.client.http.HttpTransport;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.RequestNotSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rules every {@link HttpTransport} must keep, checked through a {@link WhatsAppClient} built
 * on it: the exact request on the wire, not-sent versus maybe-sent failures and what the client
 * retries because of them (never a message that may have reached the server), a deadline on the
 * whole answer, a cap on buffered bodies, no redirects, and no token in any exception message.
 *
 * <p>A transport's test extends this class and returns a new transport from {@link
 * #newTransport()}; each test closes the transport it got. Real servers on free loopback ports
 * (WireMock, and a raw socket server for stalled and unframed bodies) stand in for Graph.
 */
public abstract class HttpTransportContract {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @RegisterExtension
  static WireMockExtension elsewhere =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PHONE_PATH = "/v24.0/" + PHONE_ID;
  private static final Duration BOUND = Duration.ofSeconds(20);

  /**
   * The deadline of the stalled-body tests: seconds, so that even a loaded machine reads the
   * headers well before it and what ends the call is always the stalled body.
   */
  private static final Duration STALL_TIMEOUT = Duration.ofSeconds(4);

  private final FakeSleeper sleeper = new FakeSleeper();
  private HttpTransport transport;

  /**
   * Returns a new transport with its defaults; the test closes it.
   *
   * @return the transport under test
   */
  protected abstract HttpTransport newTransport();

  @BeforeEach
  void openTransport() {
    transport = newTransport();
  }

  @AfterEach
  void closeTransport() {
    transport.close();
  }

  private WhatsAppClient.Builder builder(URI base) {
    return WhatsAppClient.builder()
        .accessToken(TOKEN)
        .phoneNumberId(PHONE_ID)
        .baseUrl(base)
        .transport(transport)
        .sleeper(sleeper)
        .logger(new CapturingLogger("contract"));
  }

  private WhatsAppClient client() {
    return builder(URI.create(wm.baseUrl())).build();
  }

  // ---- the request on the wire ----

  @Test
  void send_text_sendsTheExactRequestAndReturnsTheWamid() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.CONTRACT1"))));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.messages().send(Message.to(TO).text("Hello")).wamid())
          .isEqualTo("wamid.CONTRACT1");
    }
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(MESSAGES_PATH))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Content-Type", equalTo("application/json"))
            .withHeader("User-Agent", matching("wasdk/.+"))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\","
                        + "\"to\":\"+16505551234\",\"type\":\"text\","
                        + "\"text\":{\"body\":\"Hello\"}}",
                    true,
                    true)));
  }

  @Test
  void sendAsync_text_completesWithTheWamid() throws Exception {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.CONTRACT2"))));
    try (WhatsAppClient wa = client()) {
      CompletableFuture<SendResult> f = wa.messages().sendAsync(Message.to(TO).text("Hi"));
      assertThat(f.get(BOUND.toSeconds(), TimeUnit.SECONDS).wamid()).isEqualTo("wamid.CONTRACT2");
    }
    wm.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
  }

  @Test
  void calls_toDifferentUrlsInTurn_eachReachItsOwnUrl() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.CONTRACT3"))));
    wm.stubFor(get(urlPathEqualTo(PHONE_PATH)).willReturn(okJson("{\"id\":\"" + PHONE_ID + "\"}")));
    URI other = URI.create(elsewhere.baseUrl());
    elsewhere.stubFor(
        post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.ELSEWHERE"))));
    try (WhatsAppClient wa = client();
        WhatsAppClient second = builder(other).build()) {
      Message text = Message.to(TO).text("Hi");
      for (int i = 0; i < 2; i++) {
        assertThat(wa.messages().send(text).wamid()).isEqualTo("wamid.CONTRACT3");
        assertThat(wa.phoneNumbers().get().id()).isEqualTo(PHONE_ID);
        assertThat(second.messages().send(text).wamid()).isEqualTo("wamid.ELSEWHERE");
      }
    }
    wm.verify(2, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
    wm.verify(2, getRequestedFor(urlPathEqualTo(PHONE_PATH)));
    elsewhere.verify(2, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
  }

  @Test
  void upload_bytes_streamsTheMultipartBody() {
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01, 0x02};
    String path = "/v24.0/" + PHONE_ID + "/media";
    wm.stubFor(post(urlEqualTo(path)).willReturn(okJson("{\"id\":\"4490709327384033\"}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.media().upload(jpeg, "image/jpeg", "photo.jpg")).isEqualTo("4490709327384033");
    }
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(path))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN))
            .withHeader("Content-Type", containing("multipart/form-data; boundary=wasdk-"))
            .withRequestBody(containing("filename=\"photo.jpg\""))
            .withRequestBody(containing("whatsapp")));
    byte[] sent = wm.findAll(postRequestedFor(urlEqualTo(path))).get(0).getBody();
    assertThat(indexOf(sent, jpeg)).isNotNegative();
  }

  @Test
  void appSecret_proofGoesToGraphInTheQuery() {
    wm.stubFor(get(urlPathEqualTo(PHONE_PATH)).willReturn(okJson("{\"id\":\"" + PHONE_ID + "\"}")));
    try (WhatsAppClient wa = builder(URI.create(wm.baseUrl())).appSecret("s3cr3t-app").build()) {
      assertThat(wa.phoneNumbers().get().id()).isEqualTo(PHONE_ID);
    }
    wm.verify(
        1,
        getRequestedFor(urlPathEqualTo(PHONE_PATH))
            .withQueryParam("appsecret_proof", matching("[0-9a-f]{64}")));
  }

  // ---- not sent: retried; maybe sent: a message is never sent twice ----

  @Test
  void send_connectionRefused_isNotSentAndRetried() throws IOException {
    URI closed = closedPort();
    try (WhatsAppClient wa = builder(closed).build()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              RequestNotSentException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(TransportFailure.CONNECT_FAILED);
                assertThat(e.getMessage())
                    .contains("was not sent")
                    .contains("safe to send it again")
                    .doesNotContain(TOKEN);
              });
    }
    assertThat(sleeper.waits()).hasSize(RetryPolicy.defaults().maxAttempts() - 1);
  }

  @Test
  void send_serverClosesAfterReadingTheRequest_isMaybeSentAndNotRetried() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("Hi")))
          .isInstanceOfSatisfying(
              RequestMaybeSentException.class,
              e -> {
                assertThat(e.failure())
                    .isIn(
                        TransportFailure.CONNECTION_CLOSED_BEFORE_RESPONSE,
                        TransportFailure.CONNECTION_LOST);
                assertThat(e.getMessage())
                    .contains("may have been sent")
                    .contains("outcome is unknown")
                    .doesNotContain(TOKEN);
              });
    }
    // Exactly one request reached the server: the message was not sent again.
    wm.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void read_serverClosesAfterReadingTheRequest_isRetriedBecauseReadingTwiceIsHarmless() {
    wm.stubFor(
        get(urlPathEqualTo(PHONE_PATH)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.phoneNumbers().get())
          .isInstanceOf(RequestMaybeSentException.class);
    }
    int attempts = RetryPolicy.defaults().maxAttempts();
    assertThat(sleeper.waits()).hasSize(attempts - 1);
    // The client tried each attempt; the JDK's own client may also resend a GET once on a closed
    // connection, which is harmless for a read (never done for a POST).
    assertThat(wm.findAll(getRequestedFor(urlPathEqualTo(PHONE_PATH))))
        .hasSizeBetween(attempts, 2 * attempts);
  }

  // ---- a deadline on the whole answer ----

  private WhatsAppClient stallingClient(RawHttpServer server) {
    return builder(server.baseUrl())
        .requestTimeout(STALL_TIMEOUT)
        .downloadTimeout(STALL_TIMEOUT)
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private static void assertResponseTimeout(Throwable e, String timeoutText) {
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
    try (RawHttpServer server = RawHttpServer.stallingBody();
        WhatsAppClient wa = stallingClient(server)) {
      Throwable thrown =
          assertTimeoutPreemptively(
              BOUND,
              () -> assertThrows(RequestMaybeSentException.class, () -> wa.phoneNumbers().get()));
      assertResponseTimeout(thrown, "the request timeout of 4 s");
      assertThat(server.requests()).isEqualTo(1);
    }
  }

  @Test
  void sendAsync_headersThenStalledBody_failsTheFutureWithTheRequestTimeout() throws Exception {
    try (RawHttpServer server = RawHttpServer.stallingBody();
        WhatsAppClient wa = stallingClient(server)) {
      CompletableFuture<SendResult> f = wa.messages().sendAsync(Message.to(TO).text("Hi"));
      ExecutionException e =
          assertThrows(ExecutionException.class, () -> f.get(BOUND.toSeconds(), TimeUnit.SECONDS));
      assertResponseTimeout(e.getCause(), "the request timeout of 4 s");
      assertThat(server.requests()).isEqualTo(1);
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
                  assertThrows(RuntimeException.class, () -> wa.media().download(url, sink, 1000)));
      // Five bytes reached the sink before the stall, so the failure is final, not a retry.
      assertThat(thrown)
          .hasMessageContaining("did not complete within the download timeout")
          .hasMessageNotContaining(TOKEN);
      assertThat(sink.size()).isEqualTo(5);
    }
  }

  // ---- a cap on buffered bodies ----

  @Test
  void get_announcedBodyOverTheCap_failsWithAClearErrorAndIsNotRetried() throws Exception {
    String big = "{\"id\":\"" + "x".repeat(2000) + "\"}";
    try (RawHttpServer server = RawHttpServer.announced(big);
        WhatsAppClient wa = builder(server.baseUrl()).maxResponseBytes(1000).build()) {
      assertThatThrownBy(() -> wa.phoneNumbers().get())
          .isInstanceOfSatisfying(
              RequestMaybeSentException.class,
              e -> {
                assertThat(e.failure()).isEqualTo(TransportFailure.UNREADABLE_RESPONSE);
                assertThat(e.getMessage())
                    .contains(big.length() + " bytes announced, over the limit of 1000 bytes")
                    .contains("maxResponseBytes")
                    .doesNotContain(TOKEN);
              });
      assertThat(server.requests()).isEqualTo(1);
    }
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void get_unannouncedBodyOverTheCap_isCutOffAtTheCap() throws Exception {
    String big = "{\"id\":\"" + "y".repeat(5000) + "\"}";
    try (RawHttpServer server = RawHttpServer.unannounced(big);
        WhatsAppClient wa = builder(server.baseUrl()).maxResponseBytes(1000).build()) {
      assertThatThrownBy(() -> wa.phoneNumbers().get())
          .isInstanceOfSatisfying(
              RequestMaybeSentException.class,
              e ->
                  assertThat(e.getMessage())
                      .contains("more than 1000 bytes, over the limit of 1000 bytes"));
    }
  }

  @Test
  void get_bodyOfExactlyTheCap_isRead() throws Exception {
    String prefix = "{\"id\":\"" + PHONE_ID + "\",\"verified_name\":\"";
    String body = prefix + "z".repeat(1000 - prefix.length() - 2) + "\"}";
    assertThat(body).hasSize(1000);
    try (RawHttpServer server = RawHttpServer.unannounced(body);
        WhatsAppClient wa = builder(server.baseUrl()).maxResponseBytes(1000).build()) {
      assertThat(wa.phoneNumbers().get().verifiedName()).hasValueSatisfying(v -> v.startsWith("z"));
    }
  }

  // ---- redirects ----

  @Test
  void redirectFromGraph_isNotFollowed_soTheTokenStaysHome() {
    wm.stubFor(
        get(urlPathEqualTo(PHONE_PATH))
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", elsewhere.baseUrl() + "/steal")));
    elsewhere.stubFor(get(anyUrl()).willReturn(okJson("{\"id\":\"1\"}")));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.phoneNumbers().get())
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.error().httpStatus()).isEqualTo(302);
                assertThat(e.getMessage()).doesNotContain(TOKEN);
              });
    }
    elsewhere.verify(0, anyRequestedFor(anyUrl()));
    wm.verify(1, getRequestedFor(urlPathEqualTo(PHONE_PATH)));
  }

  // ---- lifecycle ----

  @Test
  void close_client_leavesTheCallersTransportUsable() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.AFTER"))));
    client().close();
    try (WhatsAppClient second = client()) {
      assertThat(second.messages().send(Message.to(TO).text("Hi")).wamid())
          .isEqualTo("wamid.AFTER");
    }
  }

  /** Returns the URL of a loopback port that was just free, so a connection to it is refused. */
  private static URI closedPort() throws IOException {
    try (ServerSocket s = new ServerSocket()) {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      return URI.create("http://127.0.0.1:" + s.getLocalPort());
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
