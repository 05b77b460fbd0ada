package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.TextReceived;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With OpenTelemetry present, a reply a listener queues on the sender bean, and every status of
 * that reply, are in the trace of the inbound message.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TracedRepliesTest {
  static final String USER = "+16505551234";
  static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  static final AttributeKey<String> STATUS = AttributeKey.stringKey("whatsapp.message.status");

  /** Queues a reply to each text on the sender. */
  static class Replier {
    @Autowired MessageSender sender;
    final CompletableFuture<CompletableFuture<SendOutcome>> reply = new CompletableFuture<>();

    @EventListener
    void on(TextReceived text) {
      reply.complete(sender.submit(Message.replyTo(text).text("thanks")));
    }

    // Runs before the starter's status listener: a status may outrun the sender's handling of
    // Meta's answer, so wait until the sender has ended the reply (and the tracing has seen it).
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(MessageStatusChanged status) {
      reply.join().join();
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  @Import(Replier.class)
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
  @Autowired Replier replier;

  @AfterAll
  static void stopSimulator() {
    sim.close();
  }

  @Test
  void inboundWebhook_replyThroughSender_andItsStatuses_areOneTrace() throws Exception {
    sim.deliverWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"));
    sim.userSends(USER, "Hi");

    SendOutcome sent = replier.reply.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
    assertThat(sent).isInstanceOf(SendOutcome.Sent.class);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                statuses().stream()
                    .map(s -> s.getAttributes().get(STATUS))
                    .toList()
                    .containsAll(List.of("sent", "delivered", "read")));

    List<SpanData> spans = SPANS.getFinishedSpanItems();
    SpanData reply =
        spans.stream()
            .filter(s -> s.getName().equals("POST {id}/messages"))
            .findFirst()
            .orElseThrow();
    SpanData inbound =
        spans.stream()
            .filter(s -> s.getSpanId().equals(reply.getParentSpanId()))
            .findFirst()
            .orElseThrow();
    assertThat(inbound.getName()).isEqualTo("process whatsapp");
    assertThat(statuses())
        .allSatisfy(
            s -> {
              assertThat(s.getTraceId()).isEqualTo(inbound.getTraceId());
              assertThat(s.getParentSpanId()).isEqualTo(inbound.getSpanId());
              assertThat(s.getLinks()).hasSize(1);
            });
  }

  private static List<SpanData> statuses() {
    return SPANS.getFinishedSpanItems().stream()
        .filter(s -> s.getName().equals("status whatsapp"))
        .toList();
  }
}
