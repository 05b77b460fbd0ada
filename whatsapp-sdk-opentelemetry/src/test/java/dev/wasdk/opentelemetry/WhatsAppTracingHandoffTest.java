package dev.wasdk.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.DispatchMode;
import dev.wasdk.webhooks.QueuedHandoff;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Handlers that a queued hand-off runs after the delivery was answered stay in the delivery's
 * trace, and so does the reply they send.
 */
class WhatsAppTracingHandoffTest {
  private static final String USER = "+16505551234";
  private static final String HANDLE = "handle whatsapp";

  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final EndedSpans ended = new EndedSpans();
  private final SdkTracerProvider tracerProvider =
      SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(exporter))
          .addSpanProcessor(ended)
          .build();
  private final OpenTelemetrySdk otel =
      OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build();
  private final WhatsAppTracing tracing = WhatsAppTracing.of(otel);

  @AfterEach
  void close() {
    tracerProvider.close();
  }

  @Test
  void queuedHandoff_handlerRepliesThroughSender_isOneTraceFromDeliveryToReply() throws Exception {
    CompletableFuture<CompletableFuture<SendOutcome>> reply = new CompletableFuture<>();
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .baseUrl(sim.baseUrl())
                .observer(tracing)
                .build();
        MessageSender sender = MessageSender.builder(wa).enforceServiceWindow(false).build();
        QueuedHandoff handoff =
            QueuedHandoff.builder(
                    WebhookRouter.builder()
                        .on(
                            TextReceived.class,
                            t -> reply.complete(sender.submit(Message.to(t).text("ok"))))
                        .build())
                .build();
        JdkWebhookServer server = server(sim, handoff)) {
      sim.deliverWebhooksTo(server.uri());
      sim.userSends(USER, "Hi");

      assertThat(reply.get(30, TimeUnit.SECONDS).get(30, TimeUnit.SECONDS))
          .isInstanceOf(SendOutcome.Sent.class);

      SpanData send = ended.await(s -> s.getName().equals("POST {id}/messages"));
      SpanData handle = ended.await(s -> s.getSpanId().equals(send.getParentSpanId()));
      SpanData inbound = ended.await(s -> s.getSpanId().equals(handle.getParentSpanId()));

      assertThat(handle.getName()).isEqualTo(HANDLE);
      assertThat(handle.getKind()).isEqualTo(SpanKind.INTERNAL);
      assertThat(handle.getAttributes().get(WhatsAppTracing.EVENT_TYPE)).isEqualTo("TextReceived");
      assertThat(handle.getAttributes().get(WhatsAppTracing.MESSAGING_SYSTEM))
          .isEqualTo("whatsapp");
      assertThat(handle.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
      assertThat(inbound.getName()).isEqualTo("process whatsapp");
      assertThat(inbound.getParentSpanContext().isValid()).isFalse();
      assertThat(inbound.getAttributes().get(WhatsAppTracing.MESSAGE_COUNT)).isEqualTo(1L);
      assertThat(List.of(send.getTraceId(), handle.getTraceId()))
          .containsOnly(inbound.getTraceId());
      // the handler ran on a hand-off worker, so its span began after the delivery span began
      assertThat(handle.getStartEpochNanos()).isGreaterThanOrEqualTo(inbound.getStartEpochNanos());
    }
    assertThat(exporter.getFinishedSpanItems().toString()).doesNotContain("6505551234", "\"ok\"");
  }

  @Test
  void queuedHandoff_handlerThrows_marksItsSpanAsErrorInTheDeliveryTrace() throws Exception {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        QueuedHandoff handoff =
            QueuedHandoff.builder(
                    WebhookRouter.builder()
                        .on(
                            TextReceived.class,
                            t -> {
                              throw new IllegalStateException("handler failed");
                            })
                        .build())
                .build();
        JdkWebhookServer server = server(sim, handoff)) {
      sim.deliverWebhooksTo(server.uri());
      sim.userSends(USER, "Hi");

      SpanData handle = ended.await(s -> s.getName().equals(HANDLE));
      SpanData inbound = ended.await(s -> s.getSpanId().equals(handle.getParentSpanId()));

      assertThat(handle.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      assertThat(handle.getAttributes().get(WhatsAppTracing.ERROR_TYPE))
          .isEqualTo("handler_failed");
      assertThat(handle.getTraceId()).isEqualTo(inbound.getTraceId());
      // Meta was answered before the handler ran, so the delivery itself succeeded
      assertThat(inbound.getName()).isEqualTo("process whatsapp");
      assertThat(inbound.getAttributes().get(WhatsAppTracing.STATUS_CODE)).isEqualTo(200L);
      assertThat(inbound.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }
  }

  private JdkWebhookServer server(WhatsAppSimulator sim, QueuedHandoff handoff) {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("verify-token")
            .dispatch(DispatchMode.asynchronous(handoff))
            .observer(tracing)
            .build();
    return JdkWebhookServer.builder(endpoint)
        .address(new InetSocketAddress("127.0.0.1", 0))
        .path("/webhook")
        .start();
  }

  /** Keeps every ended span and lets a test wait until one it expects has ended. */
  private static final class EndedSpans implements SpanProcessor {
    private final List<SpanData> spans = new ArrayList<>();

    @Override
    public void onStart(Context parentContext, ReadWriteSpan span) {}

    @Override
    public boolean isStartRequired() {
      return false;
    }

    @Override
    public void onEnd(ReadableSpan span) {
      SpanData data = span.toSpanData();
      synchronized (spans) {
        spans.add(data);
        spans.notifyAll();
      }
    }

    @Override
    public boolean isEndRequired() {
      return true;
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }

    /** Returns the first ended span that matches, waiting up to 30 seconds for it to end. */
    SpanData await(Predicate<SpanData> matching) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      synchronized (spans) {
        while (true) {
          for (SpanData s : spans) {
            if (matching.test(s)) {
              return s;
            }
          }
          long left = deadline - System.nanoTime();
          assertThat(left).as("a matching span ended within 30 seconds").isPositive();
          TimeUnit.NANOSECONDS.timedWait(spans, left);
        }
      }
    }
  }
}
