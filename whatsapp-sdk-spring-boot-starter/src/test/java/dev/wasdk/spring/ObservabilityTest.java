package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.micrometer.WhatsAppMetrics;
import dev.wasdk.opentelemetry.WhatsAppTracing;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.event.TextReceived;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A servlet application with Actuator: the starter wires Micrometer meters, OpenTelemetry spans and
 * the "whatsApp" health indicator, and the Actuator endpoints show them.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "management.endpoints.web.exposure.include=health,metrics",
      "management.endpoint.health.show-details=always",
      "wasdk.sender.enforce-service-window=false"
    })
class ObservabilityTest {
  static final String USER = "+16505551234";
  static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

  /** Replies to each text with the client, inside the delivery's span. */
  static class EchoHandler {
    @Autowired WhatsAppClient client;

    @EventListener
    void on(TextReceived text) {
      client.messages().send(Message.to(text).text("echo"));
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(EchoHandler.class)
  static class TestApp {
    @Bean
    OpenTelemetry openTelemetry() {
      return TracedApps.exportingTo(SPANS);
    }
  }

  static final WhatsAppSimulator sim = WhatsAppSimulator.start();

  @DynamicPropertySource
  static void pointAtSimulator(DynamicPropertyRegistry registry) {
    TracedApps.pointAt(sim, registry);
  }

  @LocalServerPort int port;
  @Autowired MeterRegistry registry;
  @Autowired dev.wasdk.sender.MessageSender sender;
  @Autowired List<dev.wasdk.observe.WhatsAppObserver> observers;

  @BeforeEach
  void deliverWebhooksHere() {
    sim.reset();
    SPANS.reset();
    sim.deliverWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"));
  }

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  private String get(String path) throws Exception {
    HttpResponse<String> r =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(200);
    return r.body();
  }

  @Test
  void observers_areTheMetricsAndTheTracing() {
    assertThat(observers)
        .hasAtLeastOneElementOfType(WhatsAppMetrics.class)
        .hasAtLeastOneElementOfType(WhatsAppTracing.class);
  }

  @Test
  void send_showsInActuatorMetrics() throws Exception {
    SendOutcome o = sender.submit(Message.to(USER).text("hello")).get(10, TimeUnit.SECONDS);
    assertThat(o).isInstanceOf(SendOutcome.Sent.class);

    assertThat(registry.get("whatsapp.sends").tag("outcome", "sent").counter().count())
        .isGreaterThanOrEqualTo(1.0);
    assertThat(get("/actuator/metrics/whatsapp.graph.requests"))
        .contains("\"name\":\"whatsapp.graph.requests\"", "{id}/messages");
    assertThat(get("/actuator/metrics/whatsapp.sender.queued")).contains("\"VALUE\"");
    assertThat(get("/actuator/metrics")).contains("whatsapp.limiter.decisions");
  }

  @Test
  void health_showsTokenStoresAndHandoff() throws Exception {
    String health = get("/actuator/health");

    assertThat(health)
        .contains("\"whatsApp\"", "\"token\":\"accepted\"", "\"limiterStore\"", "\"dedupeStore\"")
        .contains("\"webhookHandoff\":\"synchronous\"")
        .doesNotContain(sim.accessToken(), sim.appSecret());
    assertThat(health).contains("\"status\":\"UP\"");
  }

  @Test
  void inboundWebhook_replyIsInTheDeliverysTrace_andCounted() {
    sim.userSends(USER, "Hi");
    assertThat(sim.awaitWebhooks(TIMEOUT)).isTrue();

    List<SpanData> spans = SPANS.getFinishedSpanItems();
    SpanData reply =
        spans.stream()
            .filter(s -> s.getName().equals("POST {id}/messages"))
            .findFirst()
            .orElseThrow();
    assertThat(spans)
        .filteredOn(s -> s.getSpanId().equals(reply.getParentSpanId()))
        .singleElement()
        .satisfies(
            inbound -> {
              assertThat(inbound.getName()).isEqualTo("process whatsapp");
              assertThat(inbound.getTraceId()).isEqualTo(reply.getTraceId());
            });
    assertThat(
            registry.get("whatsapp.webhook.deliveries").tag("result", "accepted").timer().count())
        .isPositive();
  }
}
