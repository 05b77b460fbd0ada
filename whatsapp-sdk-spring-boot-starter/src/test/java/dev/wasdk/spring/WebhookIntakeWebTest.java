package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.redis.RedisDeduplicator;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.TextReceived;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A running servlet application with the Redis de-duplication store on a real redis-server: signed
 * deliveries go through Tomcat, a repeated delivery reaches the listener once, a retry that arrives
 * while the first is still being handled is refused with 503, and Tomcat runs with the starter's
 * limits except where the application set its own.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "wasdk.access-token=EAAG-secret-token-0123456789",
      "wasdk.phone-number-id=106540352242922",
      "wasdk.app-secret=" + WebhookIntakeWebTest.APP_SECRET,
      "wasdk.verify-token=verify-token-9876543210",
      "wasdk.sender.enabled=false",
      "wasdk.webhook.dedupe.store=redis",
      // generous: a loaded machine must not turn a slow first connect into a failure
      "wasdk.redis.command-timeout=10s",
      // the application's own value, which the starter's default must not replace
      "server.tomcat.connection-timeout=3s"
    })
class WebhookIntakeWebTest {
  static final String APP_SECRET = "app-secret-abcdef0123456789";
  static final String PREFIX = "intake-web-" + UUID.randomUUID() + ":";
  static final String SLOW = "wamid.SLOW";

  /** Records each text message; holds the one with id {@link #SLOW} until released. */
  static class Inbox {
    final List<String> received = new CopyOnWriteArrayList<>();
    final CountDownLatch slowEntered = new CountDownLatch(1);
    final CountDownLatch releaseSlow = new CountDownLatch(1);

    @EventListener
    void on(TextReceived text) throws InterruptedException {
      if (text.id().equals(SLOW)) {
        slowEntered.countDown();
        assertThat(releaseSlow.await(30, TimeUnit.SECONDS)).isTrue();
      }
      received.add(text.id());
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Inbox.class)
  static class TestApp {}

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("wasdk.redis.uri", () -> LocalRedisServer.shared().uri());
    registry.add("wasdk.webhook.dedupe.key-prefix", () -> PREFIX);
  }

  @LocalServerPort int port;
  @Autowired Inbox inbox;
  @Autowired Deduplicator deduplicator;
  @Autowired WebServerApplicationContext context;

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void post_sameDeliveryTwice_listenerRunsOnceAndTheKeyIsInRedis() throws Exception {
    assertThat(deduplicator).isInstanceOf(RedisDeduplicator.class);

    assertThat(post(WebhookIntakeAutoConfigurationTest.text("wamid.TWICE")).statusCode())
        .isEqualTo(200);
    assertThat(post(WebhookIntakeAutoConfigurationTest.text("wamid.TWICE")).statusCode())
        .isEqualTo(200);

    assertThat(inbox.received).filteredOn("wamid.TWICE"::equals).hasSize(1);
    assertThat(redisKeys(PREFIX + "*")).anyMatch(k -> k.contains("wamid.TWICE"));
  }

  @Test
  void post_retryWhileTheFirstIsStillHandled_isRefusedWith503ThenSkippedOnceDone()
      throws Exception {
    String json = WebhookIntakeAutoConfigurationTest.text(SLOW);
    CompletableFuture<HttpResponse<String>> first =
        http.sendAsync(request(json), HttpResponse.BodyHandlers.ofString());
    assertThat(inbox.slowEntered.await(10, TimeUnit.SECONDS)).isTrue();

    HttpResponse<String> retry = post(json);
    assertThat(retry.statusCode()).isEqualTo(503);
    assertThat(retry.headers().firstValue("Retry-After")).isPresent();

    inbox.releaseSlow.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    assertThat(post(json).statusCode()).isEqualTo(200);
    assertThat(inbox.received).filteredOn(SLOW::equals).hasSize(1);
  }

  @Test
  void tomcat_runsWithTheStarterLimitsAndKeepsTheApplicationsOwnValue() {
    Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
    AbstractHttp11Protocol<?> protocol = (AbstractHttp11Protocol<?>) connector.getProtocolHandler();

    assertThat(protocol.getConnectionTimeout()).as("set by the application").isEqualTo(3000);
    assertThat(protocol.getMaxConnections()).as("starter default").isEqualTo(256);
    assertThat(protocol.getMaxSwallowSize())
        .as("starter default: at least the webhook body limit")
        .isGreaterThanOrEqualTo(3136 * 1024);
  }

  private HttpResponse<String> post(String json) throws Exception {
    return http.send(request(json), HttpResponse.BodyHandlers.ofString());
  }

  private HttpRequest request(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"))
        .header(SignatureVerifier.HEADER, WebhookSigner.of(APP_SECRET).sign(body))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }

  private static List<String> redisKeys(String pattern) {
    RedisClient client = RedisClient.create(LocalRedisServer.shared().uri());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return c.sync().keys(pattern);
    } finally {
      client.shutdown();
    }
  }
}
