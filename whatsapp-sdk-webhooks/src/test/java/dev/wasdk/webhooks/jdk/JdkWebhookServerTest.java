package dev.wasdk.webhooks.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdkWebhookServerTest {
  private static final String SECRET = "jdk-adapter-secret";
  private static final String TOKEN = "jdk-verify-token";
  private static final byte[] BODY =
      ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\",\"changes\":"
              + "[{\"field\":\"x_wasdk_test\",\"value\":{\"note\":\"hi\"}}]}]}")
          .getBytes(StandardCharsets.UTF_8);

  private final List<WebhookEvent> received = new CopyOnWriteArrayList<>();
  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private JdkWebhookServer server;

  @BeforeEach
  void start() {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(SECRET)
            .verifyToken(TOKEN)
            .router(WebhookRouter.builder().on(WebhookEvent.class, received::add).build())
            .maxBodyBytes(4096)
            .build();
    server =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .path("/hooks/whatsapp")
            .start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.timeout(Duration.ofSeconds(10)).build(), BodyHandlers.ofString());
  }

  private HttpRequest.Builder post(byte[] body, String signature) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(server.uri())
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofByteArray(body));
    return signature == null ? b : b.header("X-Hub-Signature-256", signature);
  }

  @Test
  void uri_loopbackWithPickedPort_pointsAtPath() {
    assertThat(server.address().getPort()).isPositive();
    assertThat(server.uri())
        .hasScheme("http")
        .hasPort(server.address().getPort())
        .hasPath("/hooks/whatsapp");
  }

  @Test
  void get_handshake_echoesChallenge() throws Exception {
    URI uri =
        URI.create(
            server.uri()
                + "?hub.mode=subscribe&hub.verify_token="
                + TOKEN
                + "&hub.challenge=1158201444");
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri).GET());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("1158201444");
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
  }

  @Test
  void get_handshakeWithEncodedWrongToken_403() throws Exception {
    URI uri =
        URI.create(
            server.uri()
                + "?hub.mode=subscribe&hub.verify_token=jdk%2Dverify%2Dtoken%20x&hub.challenge=1");
    assertThat(send(HttpRequest.newBuilder(uri).GET()).statusCode()).isEqualTo(403);
  }

  @Test
  void get_handshakeWithPercentEncodedRightToken_200() throws Exception {
    URI uri =
        URI.create(
            server.uri()
                + "?hub.mode=subscribe&hub.verify_token=jdk%2Dverify%2Dtoken&hub.challenge=abc");
    HttpResponse<String> r = send(HttpRequest.newBuilder(uri).GET());
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).isEqualTo("abc");
  }

  @Test
  void post_signedDelivery_200AndHandled() throws Exception {
    HttpResponse<String> r = send(post(BODY, WebhookSigner.of(SECRET).sign(BODY)));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(received).hasSize(1);
    assertThat(received.get(0).context().field()).isEqualTo("x_wasdk_test");
  }

  @Test
  void post_badSignature_403AndNotHandled() throws Exception {
    HttpResponse<String> r = send(post(BODY, WebhookSigner.of("other").sign(BODY)));
    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("does not match");
    assertThat(received).isEmpty();
  }

  @Test
  void post_missingSignature_401() throws Exception {
    assertThat(send(post(BODY, null)).statusCode()).isEqualTo(401);
  }

  @Test
  void post_oversizedWithContentLength_413() throws Exception {
    byte[] big = new byte[10_000];
    HttpResponse<String> r = send(post(big, WebhookSigner.of(SECRET).sign(big)));
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(received).isEmpty();
  }

  @Test
  void post_oversizedChunked_413() throws Exception {
    byte[] big = new byte[10_000];
    HttpRequest.Builder chunked =
        HttpRequest.newBuilder(server.uri())
            .header("X-Hub-Signature-256", WebhookSigner.of(SECRET).sign(big))
            .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
    HttpResponse<String> r = send(chunked);
    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(received).isEmpty();
  }

  @Test
  void post_chunkedWithinLimit_200() throws Exception {
    HttpRequest.Builder chunked =
        HttpRequest.newBuilder(server.uri())
            .header("X-Hub-Signature-256", WebhookSigner.of(SECRET).sign(BODY))
            .POST(BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(BODY)));
    assertThat(send(chunked).statusCode()).isEqualTo(200);
    assertThat(received).hasSize(1);
  }

  @Test
  void put_notAllowed_405WithAllow() throws Exception {
    HttpResponse<String> r =
        send(HttpRequest.newBuilder(server.uri()).PUT(BodyPublishers.ofString("x")));
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).contains("GET, POST");
  }

  @Test
  void close_twice_isHarmlessAndStopsServing() {
    URI uri = server.uri();
    server.close();
    server.close();
    assertThatThrownBy(
            () ->
                client.send(
                    HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    BodyHandlers.discarding()))
        .isInstanceOf(IOException.class);
  }

  @Test
  void start_addressInUse_throwsUnchecked() {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(SECRET)
            .verifyToken(TOKEN)
            .router(WebhookRouter.builder().build())
            .build();
    assertThatThrownBy(() -> JdkWebhookServer.builder(endpoint).address(server.address()).start())
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void path_withoutLeadingSlash_throws() {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(SECRET)
            .verifyToken(TOKEN)
            .router(WebhookRouter.builder().build())
            .build();
    assertThatThrownBy(() -> JdkWebhookServer.builder(endpoint).path("webhook"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
