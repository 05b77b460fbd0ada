package dev.wasdk.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.flows.FlowOutcome.Kind;
import dev.wasdk.flows.FlowVectors.Parts;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import dev.wasdk.webhooks.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FlowEndpointTest {
  static final String SECRET = "flow-endpoint-app-secret";

  private final AtomicLong nanos = new AtomicLong();
  private final List<FlowOutcome> outcomes = new CopyOnWriteArrayList<>();
  private final FlowCounters counters = new FlowCounters();
  private final CountDownLatch release = new CountDownLatch(1);
  private final ExecutorService handlers = Executors.newFixedThreadPool(2);

  @AfterEach
  void tearDown() {
    release.countDown();
    handlers.shutdownNow();
  }

  static FlowRouter bookingRouter(CountDownLatch release) {
    return FlowRouter.builder()
        .onInit(i -> FlowResponse.nextScreen("BOOKING").put("slots", List.of("09:00")).build())
        .onDataExchange(
            "BOOKING",
            x ->
                FlowResponse.nextScreen("CONFIRM")
                    .put("slot", x.data().string("slot").orElse("?"))
                    .build())
        .onDataExchange("CONFIRM", x -> FlowResponse.close(x.flowToken().orElse("")).build())
        .onDataExchange(
            "BOOM",
            x -> {
              throw new IllegalStateException("handler bug with secret-data");
            })
        .onDataExchange(
            "SLOW",
            x -> {
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return FlowResponse.nextScreen("LATE").build();
            })
        .onDataExchange("EXPIRED", x -> FlowResponse.tokenRejected("Booking closed"))
        .onBack(b -> null)
        .build();
  }

  private FlowEndpoint.Builder builder() {
    return FlowEndpoint.builder()
        .flowName("booking")
        .cipher(FlowVectors.cipher())
        .appSecret(SECRET)
        .handler(bookingRouter(release))
        .executor(handlers)
        // Generous, so that a loaded machine never turns a quick handler into an overrun.
        .handlerBudget(Duration.ofSeconds(30))
        .listener(
            o -> {
              outcomes.add(o);
              counters.onOutcome(o);
            })
        .nanoTime(() -> nanos.addAndGet(1_000_000));
  }

  static WebhookRequest signed(byte[] body) {
    return WebhookRequest.builder()
        .method("POST")
        .header("X-Hub-Signature-256", WebhookSigner.of(SECRET).sign(body))
        .body(body)
        .build();
  }

  static WebhookRequest signed(Parts parts) {
    return signed(parts.body().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void init_answersFirstScreenEncrypted() {
    Parts parts =
        FlowVectors.encrypt("{\"version\":\"3.0\",\"action\":\"INIT\",\"flow_token\":\"t1\"}");
    WebhookResponse r = builder().build().handle(signed(parts));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).isEqualTo("text/plain");
    assertThat(FlowVectors.decryptResponse(parts, r.body()))
        .isEqualTo("{\"screen\":\"BOOKING\",\"data\":{\"slots\":[\"09:00\"]}}");
    assertThat(outcomes)
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.kind()).isEqualTo(Kind.ANSWERED);
              assertThat(o.action()).contains("INIT");
              assertThat(o.flow()).isEqualTo("booking");
              assertThat(o.latency()).isEqualTo(Duration.ofMillis(1));
            });
  }

  @Test
  void dataExchange_routesByScreenAndClosesFlow() {
    FlowEndpoint endpoint = builder().build();
    Parts booking =
        FlowVectors.encrypt(
            "{\"action\":\"data_exchange\",\"screen\":\"BOOKING\",\"data\":{\"slot\":\"09:00\"},"
                + "\"flow_token\":\"t1\"}");
    Parts confirm =
        FlowVectors.encrypt(
            "{\"action\":\"data_exchange\",\"screen\":\"CONFIRM\",\"flow_token\":\"t1\"}");

    assertThat(FlowVectors.decryptResponse(booking, endpoint.handle(signed(booking)).body()))
        .isEqualTo("{\"screen\":\"CONFIRM\",\"data\":{\"slot\":\"09:00\"}}");
    assertThat(FlowVectors.decryptResponse(confirm, endpoint.handle(signed(confirm)).body()))
        .isEqualTo(
            "{\"screen\":\"SUCCESS\",\"data\":{\"extension_message_response\":{\"params\":"
                + "{\"flow_token\":\"t1\"}}}}");
  }

  @Test
  void ping_answeredWithoutHandler() {
    Parts parts = FlowVectors.encrypt("{\"version\":\"3.0\",\"action\":\"ping\"}");
    FlowEndpoint endpoint =
        builder()
            .handler(
                r -> {
                  throw new AssertionError("handler must not run for ping");
                })
            .build();
    WebhookResponse r = endpoint.handle(signed(parts));

    assertThat(r.status()).isEqualTo(200);
    assertThat(FlowVectors.decryptResponse(parts, r.body()))
        .isEqualTo("{\"data\":{\"status\":\"active\"}}");
    assertThat(outcomes.get(0).kind()).isEqualTo(Kind.PING);
  }

  @Test
  void knownAnswerVector_throughEndpoint_matchesExpectedCiphertext() {
    FlowVectors.Vector v = FlowVectors.vector("ping");
    WebhookResponse r = builder().build().handle(signed(v.body().getBytes(StandardCharsets.UTF_8)));

    assertThat(r.body()).isEqualTo(v.expectedResponse());
  }

  @Test
  void badOrMissingSignature_is432() {
    Parts parts = FlowVectors.encrypt("{\"action\":\"INIT\"}");
    byte[] body = parts.body().getBytes(StandardCharsets.UTF_8);
    FlowEndpoint endpoint = builder().build();

    WebhookResponse wrong =
        endpoint.handle(
            WebhookRequest.builder()
                .method("POST")
                .header("X-Hub-Signature-256", WebhookSigner.of("other-secret").sign(body))
                .body(body)
                .build());
    WebhookResponse missing =
        endpoint.handle(WebhookRequest.builder().method("POST").body(body).build());

    assertThat(wrong.status()).isEqualTo(432);
    assertThat(wrong.body()).startsWith("invalid signature");
    assertThat(missing.status()).isEqualTo(432);
    assertThat(counters.snapshot("booking").count(Kind.BAD_SIGNATURE)).isEqualTo(2);
  }

  @Test
  void previousAppSecret_isAccepted() {
    Parts parts = FlowVectors.encrypt("{\"action\":\"INIT\"}");
    FlowEndpoint endpoint = builder().appSecret("new-secret").previousAppSecret(SECRET).build();

    assertThat(endpoint.handle(signed(parts)).status()).isEqualTo(200);
  }

  @Test
  void undecryptable_is421() {
    FlowEndpoint endpoint = builder().build();
    WebhookResponse wrongKey =
        endpoint.handle(signed(FlowVectors.wrongKeyBody().getBytes(StandardCharsets.UTF_8)));
    WebhookResponse garbage = endpoint.handle(signed("not json".getBytes(StandardCharsets.UTF_8)));
    Parts notJson = FlowVectors.encrypt("[1,2]");
    WebhookResponse badPlaintext = endpoint.handle(signed(notJson));

    assertThat(wrongKey.status()).isEqualTo(421);
    assertThat(wrongKey.body()).contains("unwrapped");
    assertThat(garbage.status()).isEqualTo(421);
    assertThat(badPlaintext.status()).isEqualTo(421);
    assertThat(counters.snapshot("booking").count(Kind.UNDECRYPTABLE)).isEqualTo(3);
  }

  @Test
  void tokenValidatorRejection_is427WithEncryptedMessage() {
    Parts parts = FlowVectors.encrypt("{\"action\":\"INIT\",\"flow_token\":\"old\"}");
    FlowEndpoint endpoint =
        builder()
            .tokenValidator(
                r ->
                    r.flowToken().filter("old"::equals).isPresent()
                        ? Optional.of("This link has expired")
                        : Optional.empty())
            .build();
    WebhookResponse r = endpoint.handle(signed(parts));

    assertThat(r.status()).isEqualTo(427);
    assertThat(FlowVectors.decryptResponse(parts, r.body()))
        .isEqualTo("{\"error_msg\":\"This link has expired\"}");
    assertThat(outcomes.get(0).kind()).isEqualTo(Kind.TOKEN_REJECTED);
  }

  @Test
  void handlerTokenRejection_is427() {
    Parts parts = FlowVectors.encrypt("{\"action\":\"data_exchange\",\"screen\":\"EXPIRED\"}");
    WebhookResponse r = builder().build().handle(signed(parts));

    assertThat(r.status()).isEqualTo(427);
    assertThat(FlowVectors.decryptResponse(parts, r.body()))
        .isEqualTo("{\"error_msg\":\"Booking closed\"}");
  }

  @Test
  void handlerThrows_answersErrorOnSameScreen_withoutLeakingMessage() {
    Parts parts = FlowVectors.encrypt("{\"action\":\"data_exchange\",\"screen\":\"BOOM\"}");
    WebhookResponse r = builder().failureMessage("Try again later").build().handle(signed(parts));

    assertThat(r.status()).isEqualTo(200);
    String json = FlowVectors.decryptResponse(parts, r.body());
    assertThat(json)
        .isEqualTo("{\"screen\":\"BOOM\",\"data\":{\"error_message\":\"Try again later\"}}");
    assertThat(outcomes.get(0).kind()).isEqualTo(Kind.HANDLER_FAILED);
  }

  @Test
  void handlerReturnsNull_withoutScreen_is500() {
    Parts parts = FlowVectors.encrypt("{\"action\":\"BACK\"}");
    WebhookResponse r = builder().build().handle(signed(parts));

    assertThat(r.status()).isEqualTo(500);
    assertThat(outcomes.get(0).kind()).isEqualTo(Kind.HANDLER_FAILED);
  }

  @Test
  void noRoute_isHandlerFailed() {
    Parts parts = FlowVectors.encrypt("{\"action\":\"data_exchange\",\"screen\":\"NOWHERE\"}");
    WebhookResponse r = builder().build().handle(signed(parts));

    assertThat(FlowVectors.decryptResponse(parts, r.body())).contains("error_message");
    assertThat(outcomes.get(0).kind()).isEqualTo(Kind.HANDLER_FAILED);
  }

  @Test
  void handlerOverrunsBudget_answersErrorAndCountsIt() throws Exception {
    Parts parts = FlowVectors.encrypt("{\"action\":\"data_exchange\",\"screen\":\"SLOW\"}");
    FlowEndpoint endpoint = builder().handlerBudget(Duration.ofMillis(200)).build();

    // The handler blocks until released, so the budget always expires first.
    WebhookResponse r = endpoint.handle(signed(parts));

    assertThat(r.status()).isEqualTo(200);
    assertThat(FlowVectors.decryptResponse(parts, r.body()))
        .isEqualTo(
            "{\"screen\":\"SLOW\",\"data\":{\"error_message\":\""
                + FlowEndpoint.DEFAULT_FAILURE_MESSAGE
                + "\"}}");
    assertThat(outcomes.get(0).kind()).isEqualTo(Kind.BUDGET_EXCEEDED);
    // The overrunning handler was interrupted, freeing its thread for the next request.
    Parts next = FlowVectors.encrypt("{\"action\":\"INIT\"}");
    assertThat(endpoint.handle(signed(next)).status()).isEqualTo(200);
  }

  @Test
  void errorNotification_acknowledgedByRouter() {
    Parts parts =
        FlowVectors.encrypt(
            "{\"action\":\"data_exchange\",\"screen\":\"BOOKING\",\"data\":{\"error\":\"x\","
                + "\"error_message\":\"bad\"}}");
    WebhookResponse r = builder().build().handle(signed(parts));

    assertThat(FlowVectors.decryptResponse(parts, r.body()))
        .isEqualTo("{\"data\":{\"acknowledged\":true}}");
  }

  @Test
  void oversizedBodyAndWrongMethod_areRefusedBeforeDecryption() {
    FlowEndpoint endpoint = builder().maxBodyBytes(100).build();
    WebhookResponse big = endpoint.handle(signed(new byte[101]));
    WebhookResponse declared =
        endpoint.handle(WebhookRequest.builder().method("POST").contentLength(1_000_000).build());
    WebhookResponse get = endpoint.handle(WebhookRequest.builder().method("GET").build());

    assertThat(big.status()).isEqualTo(413);
    assertThat(declared.status()).isEqualTo(413);
    assertThat(get.status()).isEqualTo(405);
    assertThat(get.headers()).containsEntry("Allow", "POST");
  }

  @Test
  void listenerThrows_requestStillAnswered() {
    Parts parts = FlowVectors.encrypt("{\"action\":\"INIT\"}");
    FlowEndpoint endpoint =
        builder()
            .listener(
                o -> {
                  throw new IllegalStateException("metrics down");
                })
            .build();

    assertThat(endpoint.handle(signed(parts)).status()).isEqualTo(200);
  }

  @Test
  void counters_aggregateRequestsErrorsAndLatency() {
    FlowEndpoint endpoint = builder().build();
    endpoint.handle(signed(FlowVectors.encrypt("{\"action\":\"INIT\"}")));
    endpoint.handle(signed(FlowVectors.encrypt("{\"action\":\"ping\"}")));
    endpoint.handle(signed("x".getBytes(StandardCharsets.UTF_8)));

    FlowCounters.Snapshot s = counters.snapshot("booking");
    assertThat(s.requests()).isEqualTo(3);
    assertThat(s.errors()).isEqualTo(1);
    assertThat(s.count(Kind.ANSWERED)).isEqualTo(1);
    assertThat(s.count(Kind.PING)).isEqualTo(1);
    assertThat(s.meanLatency()).isEqualTo(Duration.ofMillis(1));
    assertThat(s.maxLatency()).isEqualTo(Duration.ofMillis(1));
    assertThat(counters.flows()).containsExactly("booking");
    assertThat(counters.snapshot("unknown").requests()).isZero();
  }

  @Test
  void ownExecutor_closedWithEndpoint() {
    FlowEndpoint endpoint =
        FlowEndpoint.builder()
            .cipher(FlowVectors.cipher())
            .appSecret(SECRET)
            .handler(bookingRouter(release))
            .build();
    assertThat(endpoint.handle(signed(FlowVectors.encrypt("{\"action\":\"INIT\"}"))).status())
        .isEqualTo(200);
    endpoint.close();

    // A closed endpoint refuses work instead of hanging.
    WebhookResponse after = endpoint.handle(signed(FlowVectors.encrypt("{\"action\":\"INIT\"}")));
    assertThat(after.status()).isEqualTo(500);
  }

  @Test
  void build_missingParts_explainWhat() {
    assertThatThrownBy(() -> FlowEndpoint.builder().appSecret("s").handler(r -> null).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cipher is required");
    assertThatThrownBy(
            () -> FlowEndpoint.builder().cipher(FlowVectors.cipher()).handler(r -> null).build())
        .hasMessageContaining("appSecret is required");
    assertThatThrownBy(
            () -> FlowEndpoint.builder().cipher(FlowVectors.cipher()).appSecret("s").build())
        .hasMessageContaining("handler is required");
    assertThatThrownBy(() -> FlowEndpoint.builder().flowName("has space"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FlowEndpoint.builder().handlerBudget(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
