package dev.wasdk.webhooks.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The limits that keep slow or hostile clients from stalling {@link JdkWebhookServer}. */
class JdkWebhookServerLimitsTest {
  private static final String SECRET = "jdk-limits-secret";
  private static final byte[] BODY =
      ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":"
              + "[{\"field\":\"x_wasdk_test\",\"value\":{\"note\":\"hi\"}}]}]}")
          .getBytes(StandardCharsets.UTF_8);

  private final List<WebhookEvent> received = new CopyOnWriteArrayList<>();
  private final List<Socket> sockets = new ArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private ScheduledExecutorService trickler;
  private JdkWebhookServer server;

  private JdkWebhookServer start(
      Consumer<WebhookEvent> handler, Consumer<JdkWebhookServer.Builder> options) {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(SECRET)
            .verifyToken("token")
            .router(WebhookRouter.builder().on(WebhookEvent.class, handler).build())
            .build();
    JdkWebhookServer.Builder b =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .path("/webhook");
    options.accept(b);
    server = b.start();
    return server;
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

  /** Reads the status line the server wrote, waiting at most the socket's timeout. */
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

  private CompletableFuture<HttpResponse<String>> signedPost(String path) {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri().resolve(path))
            .header("Content-Type", "application/json")
            .header("X-Hub-Signature-256", WebhookSigner.of(SECRET).sign(BODY))
            .POST(BodyPublishers.ofByteArray(BODY))
            .build();
    return client.sendAsync(request, BodyHandlers.ofString());
  }

  @Test
  void post_while64ConnectionsTrickleOneByteASecond_answered200WithinTwoSecondsInBoundedMemory()
      throws Exception {
    start(received::add, b -> {});
    String announce3Mb =
        "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + "X-Hub-Signature-256: sha256=00\r\nContent-Length: 3000000\r\n\r\n";
    for (int i = 0; i < 64; i++) {
      Socket s = connect();
      // Half announce a 3 MB body and trickle it; half trickle their headers.
      send(s, i % 2 == 0 ? announce3Mb : "POST /webhook HTTP/1.1\r\nHost: x\r\nX-Slow: ");
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

    HttpResponse<String> r = signedPost("/webhook").get(30, TimeUnit.SECONDS);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(received).hasSize(1);
    assertThat(server.openConnections()).isGreaterThanOrEqualTo(64);
    // 32 bodies of 3 MB were announced; only the bytes that arrived are held, in small buffers.
    assertThat(server.bufferedBytes()).isLessThanOrEqualTo(32L * 8 * 1024);
  }

  @Test
  void trickle_pastTheRequestDeadline_408AndClosed() throws Exception {
    start(received::add, b -> b.requestTimeout(Duration.ofMillis(300)));
    Socket s = connect();
    send(s, "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{");
    assertThat(statusLine(s)).isEqualTo("HTTP/1.1 408 Request Timeout");
    await(() -> server.openConnections() == 0, "the connection to close");
    assertThat(received).isEmpty();
  }

  @Test
  void connect_overTheConnectionCap_503AtOnce() throws Exception {
    start(received::add, b -> b.maxConnections(2));
    send(connect(), "POST /webhook HTTP/1.1\r\n");
    send(connect(), "POST /webhook HTTP/1.1\r\n");
    await(() -> server.openConnections() == 2, "two open connections");
    Socket third = connect();
    assertThat(statusLine(third)).isEqualTo("HTTP/1.1 503 Service Unavailable");
  }

  @Test
  void post_declaredLengthOverTheLimit_413BeforeTheBody() throws Exception {
    start(received::add, b -> {});
    Socket s = connect();
    send(s, "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n");
    assertThat(statusLine(s)).isEqualTo("HTTP/1.1 413 Content Too Large");
    assertThat(server.bufferedBytes()).isZero();
  }

  @Test
  void post_bodiesOverTheBufferBudget_503() throws Exception {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(SECRET)
            .verifyToken("token")
            .router(WebhookRouter.builder().on(WebhookEvent.class, received::add).build())
            .maxBodyBytes(8192)
            .build();
    server =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .bufferBudgetBytes(8192)
            .start();
    Socket big = connect();
    send(big, "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 8000\r\n\r\n{");
    await(() -> server.bufferedBytes() == 8000, "the first body's buffer");
    Socket second = connect();
    send(second, "POST /webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{");
    assertThat(statusLine(second)).isEqualTo("HTTP/1.1 503 Service Unavailable");
    assertThat(server.bufferedBytes()).isEqualTo(8000);
  }

  @Test
  void post_requestThreadsAndQueueFull_503() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    start(
        e -> {
          entered.countDown();
          try {
            release.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
          }
          received.add(e);
        },
        b -> b.threads(1).queue(0));
    CompletableFuture<HttpResponse<String>> first = signedPost("/webhook");
    assertThat(entered.await(30, TimeUnit.SECONDS)).isTrue();
    HttpResponse<String> second = signedPost("/webhook").get(30, TimeUnit.SECONDS);
    assertThat(second.statusCode()).isEqualTo(503);
    release.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
  }

  @Test
  void request_otherPaths_404() throws Exception {
    start(received::add, b -> {});
    assertThat(signedPost("/webhookX").get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(404);
    assertThat(signedPost("/webhook/more").get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(404);
    assertThat(signedPost("/webhook?x=1").get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(received).hasSize(1);
  }

  @Test
  void post_keepAlive_servesSeveralRequestsOnOneConnection() throws Exception {
    start(received::add, b -> {});
    for (int i = 0; i < 3; i++) {
      assertThat(signedPost("/webhook").get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
    assertThat(received).hasSize(3);
    assertThat(server.openConnections()).isLessThanOrEqualTo(1);
  }
}
