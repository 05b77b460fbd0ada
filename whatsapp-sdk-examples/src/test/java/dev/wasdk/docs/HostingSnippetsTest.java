package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.redis.RedisLimiterStore;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.servlet.WebhookServlet;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets about hosting: the webhook servlet in a servlet container (an embedded Tomcat here)
 * and the Redis limiter store (on a real redis-server), both fed by the simulator.
 */
class HostingSnippetsTest extends SimulatorFixture {
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Test
  void servlet_inAServletContainer_receivesTheSimulatorsSignedWebhooks(@TempDir Path base)
      throws Exception {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("my-verify-token")
            .router(WebhookRouter.builder().on(TextReceived.class, t -> log.add(t.body())).build())
            .build();
    Tomcat tomcat = new Tomcat();
    tomcat.setBaseDir(Files.createDirectories(base.resolve("tomcat")).toString());
    tomcat.setPort(0);
    Context context = tomcat.addContext("", base.toString());
    context.addServletContainerInitializer(
        (classes, servletContext) -> register(servletContext, endpoint), null);
    tomcat.getConnector();
    tomcat.start();
    try {
      int port = tomcat.getConnector().getLocalPort();
      sim.deliverWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhook"));

      sim.userSends(USER, "Hello, servlet");

      assertThat(sim.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
      assertThat(log).containsExactly("Hello, servlet");
    } finally {
      tomcat.stop();
      tomcat.destroy();
    }
  }

  /** Registers the webhook servlet, as a {@code ServletContainerInitializer} or listener would. */
  static void register(ServletContext servletContext, WebhookEndpoint endpoint) {
    // tag::servlet[]
    ServletRegistration.Dynamic whatsapp =
        servletContext.addServlet("whatsapp", new WebhookServlet(endpoint));
    whatsapp.addMapping("/webhook");
    // end::servlet[]
  }

  @Test
  void redisStore_sharedBySenders_sendsThroughTheSimulator() throws Exception {
    LocalRedisServer redis = LocalRedisServer.shared();
    String redisUri = redis.uri();
    WhatsAppClient wa = this.wa;

    // tag::redis[]
    RedisLimiterStore store =
        RedisLimiterStore.builder()
            .redisUri(redisUri) // such as "redis://redis.internal:6379"
            .build();
    MessageSender sender = MessageSender.builder(wa).store(store).build();
    // end::redis[]
    try (store;
        sender) {
      // The user wrote first (the fixture); without webhooks here, tell the sender so.
      sender.serviceWindows().recordInbound(USER, sim.clock().instant());
      SendOutcome outcome =
          sender.submit(Message.to(USER).text("Paced by Redis")).get(10, TimeUnit.SECONDS);

      assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
      assertThat(sim.sentMessages()).hasSize(1);
      assertThat(sim.sentMessages().get(0).json()).contains("Paced by Redis");
      assertThat(sender.stats().sent()).isEqualTo(1);
    }
  }
}
