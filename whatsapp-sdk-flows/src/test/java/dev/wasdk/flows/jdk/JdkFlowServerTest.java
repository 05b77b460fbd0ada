package dev.wasdk.flows.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.flows.FlowCipher;
import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.flows.FlowResponse;
import dev.wasdk.flows.FlowRouter;
import dev.wasdk.flows.TestRequests;
import dev.wasdk.webhooks.WebhookSigner;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The JDK adapter over real HTTP on loopback. */
class JdkFlowServerTest {
  private static final String SECRET = "jdk-flow-secret";
  private final HttpClient http = HttpClient.newHttpClient();
  private FlowEndpoint booking;
  private FlowEndpoint order;
  private JdkFlowServer server;

  @BeforeEach
  void start() {
    FlowCipher cipher = TestRequests.cipher();
    booking =
        FlowEndpoint.builder()
            .flowName("booking")
            .cipher(cipher)
            .appSecret(SECRET)
            .handler(
                FlowRouter.builder()
                    .onInit(i -> FlowResponse.nextScreen("BOOKING").put("flow", "booking").build())
                    .build())
            .maxBodyBytes(4096)
            .build();
    order =
        FlowEndpoint.builder()
            .flowName("order")
            .cipher(cipher)
            .appSecret(SECRET)
            .handler(r -> FlowResponse.nextScreen("MENU").build())
            .build();
    server =
        JdkFlowServer.builder()
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .endpoint("/flows/booking", booking)
            .endpoint("/flows/order", order)
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
    booking.close();
    order.close();
  }

  private HttpResponse<String> post(String path, byte[] body, String signature) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(server.uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (signature != null) {
      b.header("X-Hub-Signature-256", signature);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void post_routesByPathAndAnswersEncrypted() throws Exception {
    TestRequests.Sealed init = TestRequests.seal("{\"version\":\"3.0\",\"action\":\"INIT\"}");
    byte[] body = init.body();

    HttpResponse<String> b = post("/flows/booking", body, WebhookSigner.of(SECRET).sign(body));
    TestRequests.Sealed again = TestRequests.seal("{\"action\":\"INIT\"}");
    HttpResponse<String> o =
        post("/flows/order", again.body(), WebhookSigner.of(SECRET).sign(again.body()));

    assertThat(b.statusCode()).isEqualTo(200);
    assertThat(b.headers().firstValue("Content-Type")).contains("text/plain");
    assertThat(init.open(b.body()))
        .isEqualTo("{\"screen\":\"BOOKING\",\"data\":{\"flow\":\"booking\"}}");
    assertThat(again.open(o.body())).isEqualTo("{\"screen\":\"MENU\",\"data\":{}}");
  }

  @Test
  void post_pingOverHttp_isActive() throws Exception {
    TestRequests.Sealed ping = TestRequests.seal("{\"version\":\"3.0\",\"action\":\"ping\"}");
    HttpResponse<String> r =
        post("/flows/booking", ping.body(), WebhookSigner.of(SECRET).sign(ping.body()));

    assertThat(ping.open(r.body())).isEqualTo("{\"data\":{\"status\":\"active\"}}");
  }

  @Test
  void post_badSignature_is432_andWrongKey_is421() throws Exception {
    TestRequests.Sealed init = TestRequests.seal("{\"action\":\"INIT\"}");
    HttpResponse<String> unsigned = post("/flows/booking", init.body(), null);
    byte[] wrongKey = TestRequests.wrongKeyBody();
    HttpResponse<String> undecryptable =
        post("/flows/booking", wrongKey, WebhookSigner.of(SECRET).sign(wrongKey));

    assertThat(unsigned.statusCode()).isEqualTo(432);
    assertThat(undecryptable.statusCode()).isEqualTo(421);
  }

  @Test
  void post_overLimit_is413() throws Exception {
    byte[] big = "x".repeat(5000).getBytes(StandardCharsets.UTF_8);
    assertThat(post("/flows/booking", big, WebhookSigner.of(SECRET).sign(big)).statusCode())
        .isEqualTo(413);
  }

  @Test
  void get_is405() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(server.uri("/flows/booking")).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(405);
  }

  @Test
  void builder_refusesDuplicatePathAndNoEndpoint() {
    assertThatThrownBy(() -> JdkFlowServer.builder().endpoint("/a", booking).endpoint("/a", order))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JdkFlowServer.builder().start())
        .isInstanceOf(IllegalStateException.class);
  }
}
