package dev.wasdk.flows.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.flows.FlowResponse;
import dev.wasdk.flows.TestRequests;
import dev.wasdk.webhooks.WebhookSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bounded intake under {@link JdkFlowServer}: slow clients, oversize bodies, the caps. */
class JdkFlowServerLimitsTest {
  private static final String SECRET = "jdk-flow-limits-secret";
  private static final int LIMIT = 4096;

  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ScheduledExecutorService trickler;
  private FlowEndpoint endpoint;
  private JdkFlowServer server;

  @BeforeEach
  void endpoint() {
    endpoint =
        FlowEndpoint.builder()
            .flowName("booking")
            .cipher(TestRequests.cipher())
            .appSecret(SECRET)
            .handler(r -> FlowResponse.nextScreen("BOOKING").put("ok", true).build())
            .maxBodyBytes(LIMIT)
            .build();
  }

  private void start(java.util.function.Consumer<JdkFlowServer.Builder> options) {
    JdkFlowServer.Builder b =
        JdkFlowServer.builder()
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .endpoint("/flows/booking", endpoint);
    options.accept(b);
    server = b.start();
  }

  @AfterEach
  void stop() throws IOException {
    if (trickler != null) {
      trickler.shutdownNow();
    }
    for (Socket s : sockets) {
      s.close();
    }
    if (server != null) {
      server.close();
    }
    endpoint.close();
  }

  private Socket connect() throws IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.address().getPort());
    s.setSoTimeout(30_000);
    sockets.add(s);
    return s;
  }

  private static void send(Socket s, String text) throws IOException {
    OutputStream out = s.getOutputStream();
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
  }

  private static String statusLine(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0 && c != '\r') {
      line.append((char) c);
    }
    return line.toString();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime() < deadline).as("waiting for " + what).isTrue();
      Thread.sleep(5);
    }
  }

  @Test
  void encryptedRequest_while64ConnectionsTrickle_answeredWithinTheHandlerBudget()
      throws Exception {
    int announced = 1024 * 1024;
    endpoint.close();
    endpoint =
        FlowEndpoint.builder()
            .flowName("booking")
            .cipher(TestRequests.cipher())
            .appSecret(SECRET)
            .handler(r -> FlowResponse.nextScreen("BOOKING").put("ok", true).build())
            .maxBodyBytes(announced)
            .build();
    // A long request deadline keeps every trickling connection open while the request is served.
    start(b -> b.requestTimeout(Duration.ofMinutes(2)));
    String announce =
        "POST /flows/booking HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "X-Hub-Signature-256: sha256=00\r\nContent-Length: "
            + announced
            + "\r\n\r\n";
    for (int i = 0; i < 64; i++) {
      Socket s = connect();
      // Half announce a body at the limit and trickle it; half trickle their headers.
      send(s, i % 2 == 0 ? announce : "POST /flows/booking HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    }
    trickler = Executors.newSingleThreadScheduledExecutor();
    trickler.scheduleAtFixedRate(
        () -> {
          for (Socket s : sockets) {
            try {
              send(s, "a");
            } catch (IOException e) {
              // a closed trickler is fine
            }
          }
        },
        0,
        1,
        TimeUnit.SECONDS);
    await(() -> server.openConnections() >= 64, "64 open connections");

    TestRequests.Sealed init = TestRequests.seal("{\"version\":\"3.0\",\"action\":\"INIT\"}");
    HttpRequest request =
        HttpRequest.newBuilder(server.uri("/flows/booking"))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", WebhookSigner.of(SECRET).sign(init.body()))
            .POST(HttpRequest.BodyPublishers.ofByteArray(init.body()))
            .build();
    HttpResponse<String> r =
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
            .get(FlowEndpoint.DEFAULT_HANDLER_BUDGET.toMillis(), TimeUnit.MILLISECONDS);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(init.open(r.body())).isEqualTo("{\"screen\":\"BOOKING\",\"data\":{\"ok\":true}}");
    assertThat(server.openConnections()).isGreaterThanOrEqualTo(64);
    // 32 bodies of 1 MiB were announced; only small first buffers for the trickled bytes are held.
    assertThat(server.bufferedBytes()).isLessThanOrEqualTo(32L * 8 * 1024);
  }

  @Test
  void post_declaredLengthOverTheLimit_413BeforeAnyBodyByteIsSent() throws Exception {
    start(b -> {});
    Socket s = connect();
    // The body is never sent: the answer must come from the declared length alone.
    send(
        s,
        "POST /flows/booking HTTP/1.1\r\nHost: x\r\nContent-Length: " + (LIMIT * 100) + "\r\n\r\n");
    assertThat(statusLine(s)).isEqualTo("HTTP/1.1 413 Content Too Large");
    assertThat(server.bufferedBytes()).isZero();
  }

  @Test
  void post_chunkedBodyOverTheLimit_413WithoutWaitingForTheRest() throws Exception {
    start(b -> {});
    Socket s = connect();
    String chunk = "x".repeat(LIMIT + 10);
    // One chunk past the limit, and the stream left open as if much more were coming.
    send(
        s,
        "POST /flows/booking HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
            + Integer.toHexString(chunk.length())
            + "\r\n"
            + chunk
            + "\r\n");
    assertThat(statusLine(s)).isEqualTo("HTTP/1.1 413 Content Too Large");
  }

  @Test
  void trickle_pastTheRequestDeadline_408() throws Exception {
    start(b -> b.requestTimeout(Duration.ofMillis(300)));
    Socket s = connect();
    send(s, "POST /flows/booking HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
    assertThat(statusLine(s)).isEqualTo("HTTP/1.1 408 Request Timeout");
    await(() -> server.openConnections() == 0, "the connection to close");
  }

  @Test
  void connect_overTheConnectionCap_503AtOnce() throws Exception {
    start(b -> b.maxConnections(2));
    send(connect(), "POST /flows/booking HTTP/1.1\r\n");
    send(connect(), "POST /flows/booking HTTP/1.1\r\n");
    await(() -> server.openConnections() == 2, "two open connections");
    assertThat(statusLine(connect())).isEqualTo("HTTP/1.1 503 Service Unavailable");
  }

  @Test
  void request_otherPath_404() throws Exception {
    start(b -> {});
    Socket s = connect();
    send(s, "POST /flows/other HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
    assertThat(statusLine(s)).isEqualTo("HTTP/1.1 404 Not Found");
  }

  @Test
  void start_budgetBelowAnEndpointLimit_refused() {
    JdkFlowServer.Builder b =
        JdkFlowServer.builder()
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .endpoint("/flows/booking", endpoint)
            .bufferBudgetBytes(LIMIT - 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(b::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("/flows/booking");
  }
}
