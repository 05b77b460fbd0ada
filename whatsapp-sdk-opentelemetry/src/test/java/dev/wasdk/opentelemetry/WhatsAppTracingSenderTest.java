package dev.wasdk.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A reply queued on a sender, and its statuses, in the trace of the inbound message. */
class WhatsAppTracingSenderTest {
  private static final String USER = "+16505551234";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
  private final WhatsAppTracing tracing = WhatsAppTracing.of(otel);

  @AfterEach
  void close() {
    tracerProvider.close();
  }

  @Test
  void inboundWebhook_replyThroughSender_andItsStatuses_areOneTrace() throws Exception {
    CompletableFuture<CompletableFuture<SendOutcome>> reply = new CompletableFuture<>();
    CountDownLatch read = new CountDownLatch(1);
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .baseUrl(sim.baseUrl())
                .observer(tracing)
                .build();
        MessageSender sender =
            MessageSender.builder(wa)
                .enforceServiceWindow(false)
                .listener(tracing.senderListener())
                .build()) {
      WebhookRouter router =
          WebhookRouter.builder()
              .on(TextReceived.class, t -> reply.complete(sender.submit(Message.to(t).text("ok"))))
              .on(
                  MessageStatusChanged.class,
                  s -> {
                    // The only outbound message is the reply: wait until the sender has ended it.
                    SendOutcome sent = reply.join().join();
                    assertThat(s.messageId()).isEqualTo(sent.wamid().orElseThrow());
                    tracing.statusReceived(s.messageId(), s.rawStatus());
                    if (s.rawStatus().equals("read")) {
                      read.countDown();
                    }
                  })
              .build();
      WebhookEndpoint endpoint =
          WebhookEndpoint.builder()
              .appSecret(sim.appSecret())
              .verifyToken("verify-token")
              .router(router)
              .observer(tracing)
              .build();
      try (JdkWebhookServer server =
          JdkWebhookServer.builder(endpoint)
              .address(new InetSocketAddress("127.0.0.1", 0))
              .path("/webhook")
              .start()) {
        sim.deliverWebhooksTo(server.uri());
        sim.userSends(USER, "Hi");

        assertThat(reply.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS))
            .isInstanceOf(SendOutcome.Sent.class);
        assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
      }
    }

    List<SpanData> spans = exporter.getFinishedSpanItems();
    SpanData send = only(spans, "POST {id}/messages");
    SpanData inbound = byId(spans, send.getParentSpanId());
    assertThat(inbound.getName()).isEqualTo("process whatsapp");
    assertThat(inbound.getParentSpanContext().isValid()).isFalse();
    assertThat(send.getTraceId()).isEqualTo(inbound.getTraceId());

    List<SpanData> statuses =
        spans.stream().filter(s -> s.getName().equals("status whatsapp")).toList();
    assertThat(statuses)
        .extracting(s -> s.getAttributes().get(WhatsAppTracing.MESSAGE_STATUS))
        .contains("sent", "delivered", "read");
    Set<String> deliveries =
        spans.stream()
            .filter(s -> s.getName().equals("process whatsapp"))
            .map(SpanData::getSpanId)
            .collect(Collectors.toSet());
    assertThat(statuses)
        .allSatisfy(
            s -> {
              assertThat(s.getTraceId()).isEqualTo(inbound.getTraceId());
              assertThat(s.getParentSpanId()).isEqualTo(inbound.getSpanId());
              assertThat(s.getLinks()).hasSize(1);
              String carrier = s.getLinks().get(0).getSpanContext().getSpanId();
              assertThat(deliveries).contains(carrier);
              assertThat(carrier).isNotEqualTo(inbound.getSpanId());
            });
    assertThat(spans.toString()).doesNotContain("wamid", "6505551234", "\"ok\"");
  }

  @Test
  void statusReceived_unknownMessage_recordsNothing() {
    tracing.statusReceived("wamid.NEVER-SENT", "delivered");

    assertThat(exporter.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void sent_remembersOnlyTheNewest_andNeedsACurrentSpan() {
    WhatsAppTracing small = WhatsAppTracing.of(otel, 2);
    small.sent("wamid.OUTSIDE"); // no current span: nothing to join
    Span parent = otel.getTracer("test").spanBuilder("handler").startSpan();
    try (Scope ignored = parent.makeCurrent()) {
      small.sent("wamid.A");
      small.sent("wamid.B");
      small.sent("wamid.C");
    } finally {
      parent.end();
    }

    for (String wamid : List.of("wamid.OUTSIDE", "wamid.A", "wamid.B", "wamid.C")) {
      small.statusReceived(wamid, "DELIVERED");
    }

    List<SpanData> statuses =
        exporter.getFinishedSpanItems().stream()
            .filter(s -> s.getName().equals("status whatsapp"))
            .toList();
    assertThat(statuses).hasSize(2);
    assertThat(statuses)
        .allSatisfy(
            s -> {
              assertThat(s.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
              assertThat(s.getKind()).isEqualTo(SpanKind.INTERNAL);
              assertThat(s.getAttributes().get(WhatsAppTracing.MESSAGE_STATUS))
                  .isEqualTo("delivered");
              assertThat(s.getLinks()).isEmpty();
            });
  }

  @Test
  void of_rememberedSendsBelowOne_isRefused() {
    assertThatThrownBy(() -> WhatsAppTracing.of(otel, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rememberedSends");
  }

  private static SpanData only(List<SpanData> spans, String name) {
    List<SpanData> named = spans.stream().filter(s -> s.getName().equals(name)).toList();
    assertThat(named).hasSize(1);
    return named.get(0);
  }

  private static SpanData byId(List<SpanData> spans, String spanId) {
    return spans.stream().filter(s -> s.getSpanId().equals(spanId)).findFirst().orElseThrow();
  }
}
