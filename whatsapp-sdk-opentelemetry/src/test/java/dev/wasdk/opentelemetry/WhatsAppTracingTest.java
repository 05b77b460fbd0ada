package dev.wasdk.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.AuthException;
import dev.wasdk.message.Message;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Spans recorded by an in-memory exporter, against the simulator. */
class WhatsAppTracingTest {
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
  void inboundWebhook_handlerReply_isOneTrace_andStatusesAreTraced() throws Exception {
    CountDownLatch replied = new CountDownLatch(1);
    CountDownLatch read = new CountDownLatch(1);
    AtomicReference<String> replyWamid = new AtomicReference<>();
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .baseUrl(sim.baseUrl())
                .observer(tracing)
                .build()) {
      WebhookRouter router =
          WebhookRouter.builder()
              .on(
                  TextReceived.class,
                  t -> {
                    replyWamid.set(wa.messages().send(Message.to(t).text("echo")).wamid());
                    replied.countDown();
                  })
              .on(
                  MessageStatusChanged.class,
                  s -> {
                    if (s.messageId().equals(replyWamid.get()) && s.rawStatus().equals("read")) {
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

        assertThat(replied.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(read.await(30, TimeUnit.SECONDS)).isTrue();
      }
    }

    List<SpanData> spans = exporter.getFinishedSpanItems();
    SpanData send =
        spans.stream()
            .filter(s -> s.getName().equals("POST {id}/messages"))
            .findFirst()
            .orElseThrow();
    SpanData inbound =
        spans.stream()
            .filter(s -> s.getSpanId().equals(send.getParentSpanId()))
            .findFirst()
            .orElseThrow();
    assertThat(inbound.getName()).isEqualTo("process whatsapp");
    assertThat(inbound.getKind()).isEqualTo(SpanKind.CONSUMER);
    assertThat(inbound.getTraceId()).isEqualTo(send.getTraceId());
    assertThat(inbound.getParentSpanContext().isValid()).isFalse();
    assertThat(inbound.getAttributes().get(WhatsAppTracing.MESSAGING_SYSTEM)).isEqualTo("whatsapp");
    assertThat(inbound.getAttributes().get(WhatsAppTracing.MESSAGE_COUNT)).isEqualTo(1L);
    assertThat(inbound.getAttributes().get(WhatsAppTracing.STATUS_CODE)).isEqualTo(200L);

    assertThat(send.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(send.getAttributes().get(WhatsAppTracing.HTTP_METHOD)).isEqualTo("POST");
    assertThat(send.getAttributes().get(WhatsAppTracing.URL_TEMPLATE)).isEqualTo("{id}/messages");
    assertThat(send.getAttributes().get(WhatsAppTracing.SERVER_ADDRESS)).isNotEmpty();
    assertThat(send.getAttributes().get(WhatsAppTracing.STATUS_CODE)).isEqualTo(200L);
    assertThat(send.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    // the send ended inside the delivery's span
    assertThat(send.getEndEpochNanos()).isLessThanOrEqualTo(inbound.getEndEpochNanos());

    // sent, delivered and read: each a delivery of its own
    assertThat(spans.stream().filter(s -> s.getName().equals("process whatsapp")).count())
        .isGreaterThanOrEqualTo(4);
    String all = spans.toString();
    assertThat(all).doesNotContain("6505551234", replyWamid.get(), "echo", "Hi\"");
  }

  @Test
  void graphError_marksTheSpanAsError() {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken("wrong-token")
                .phoneNumberId(sim.phoneNumberId())
                .baseUrl(sim.baseUrl())
                .observer(tracing)
                .build()) {
      assertThatThrownBy(() -> wa.messages().send(Message.to(USER).text("x")))
          .isInstanceOf(AuthException.class);
    }
    SpanData span = exporter.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(WhatsAppTracing.STATUS_CODE)).isEqualTo(401L);
    assertThat(span.getAttributes().get(WhatsAppTracing.ERROR_TYPE)).isEqualTo("401");
    assertThat(span.getAttributes().get(WhatsAppTracing.GRAPH_ERROR_CODE)).isEqualTo(190L);
  }
}
