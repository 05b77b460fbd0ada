package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.event.TextReceived;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With {@code wasdk.webhook.dispatch=queued} and OpenTelemetry present, a listener runs on a
 * hand-off worker after Meta was answered, yet it and the reply it queues are in the trace of the
 * inbound message.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "wasdk.webhook.dispatch=queued")
class QueuedTracedRepliesTest {
  static final String USER = "+16505551234";
  static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();
  static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("whatsapp.event.type");

  /** Queues a reply to each text on the sender. */
  static class Replier {
    @Autowired MessageSender sender;
    final CompletableFuture<CompletableFuture<SendOutcome>> reply = new CompletableFuture<>();

    @EventListener
    void on(TextReceived text) {
      reply.complete(sender.submit(Message.replyTo(text).text("thanks")));
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
  void inboundWebhook_queuedListenerReply_isOneTraceThroughTheHandlerSpan() throws Exception {
    sim.deliverWebhooksTo(URI.create("http://127.0.0.1:" + port + "/webhooks/whatsapp"));
    sim.userSends(USER, "Hi");

    SendOutcome sent = replier.reply.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS);
    assertThat(sent).isInstanceOf(SendOutcome.Sent.class);
    SpanData reply =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> ended(s -> s.getName().equals("POST {id}/messages")), Optional::isPresent)
            .orElseThrow();
    SpanData handler =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> ended(s -> s.getSpanId().equals(reply.getParentSpanId())),
                Optional::isPresent)
            .orElseThrow();
    SpanData inbound =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> ended(s -> s.getSpanId().equals(handler.getParentSpanId())),
                Optional::isPresent)
            .orElseThrow();

    assertThat(handler.getName()).isEqualTo("handle whatsapp");
    assertThat(handler.getAttributes().get(EVENT_TYPE)).isEqualTo("TextReceived");
    assertThat(inbound.getName()).isEqualTo("process whatsapp");
    assertThat(inbound.getParentSpanContext().isValid()).isFalse();
    assertThat(List.of(reply.getTraceId(), handler.getTraceId()))
        .containsOnly(inbound.getTraceId());
  }

  private static Optional<SpanData> ended(Predicate<SpanData> matching) {
    return SPANS.getFinishedSpanItems().stream().filter(matching).findFirst();
  }
}
