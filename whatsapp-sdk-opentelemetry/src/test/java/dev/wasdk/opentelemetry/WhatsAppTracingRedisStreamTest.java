package dev.wasdk.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.observe.CapturedContext;
import dev.wasdk.redis.RedisStreamHandoff;
import dev.wasdk.redis.RedisStreamWorker;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.DispatchMode;
import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import io.lettuce.core.Range;
import io.lettuce.core.RedisClient;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.api.StatefulRedisConnection;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The trace crosses a Redis stream: one "instance" receives the delivery and adds its event to the
 * stream, another, with its own OpenTelemetry and its own Redis client, handles it and replies, and
 * the handler and the reply are in the delivery's trace. Against a real redis-server and the
 * simulator.
 */
class WhatsAppTracingRedisStreamTest {
  private static final String USER = "+16505551234";
  private static final String APP_SECRET = "stream-app-secret-0123456789";

  private final String stream = "test:otel:" + UUID.randomUUID();
  private final String redis = LocalRedisServer.shared().uri();
  private final Instance receiving = new Instance();
  private final Instance handling = new Instance();
  private final List<AutoCloseable> closing = new ArrayList<>();

  /** One app instance's OpenTelemetry, with its own exporter. */
  private static final class Instance {
    final InMemorySpanExporter exporter = InMemorySpanExporter.create();
    final EndedSpans ended = new EndedSpans();
    final SdkTracerProvider tracerProvider =
        SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exporter))
            .addSpanProcessor(ended)
            .build();
    final WhatsAppTracing tracing =
        WhatsAppTracing.of(OpenTelemetrySdk.builder().setTracerProvider(tracerProvider).build());
  }

  @AfterEach
  void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    receiving.tracerProvider.close();
    handling.tracerProvider.close();
  }

  private <T extends AutoCloseable> T closeLater(T c) {
    closing.add(c);
    return c;
  }

  private RedisStreamHandoff handoff() {
    return closeLater(RedisStreamHandoff.builder().redisUri(redis).stream(stream).build());
  }

  private RedisStreamWorker worker(WebhookRouter router) {
    return closeLater(
        RedisStreamWorker.builder(router).redisUri(redis).stream(stream)
            .drainTimeout(Duration.ofSeconds(5))
            .observer(handling.tracing)
            .start());
  }

  @Test
  void redisStreamHandoff_handlerInAnotherInstanceReplies_isOneTraceFromDeliveryToReply()
      throws Exception {
    CompletableFuture<String> replied = new CompletableFuture<>();
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .baseUrl(sim.baseUrl())
                .observer(handling.tracing)
                .build()) {
      WebhookEndpoint endpoint =
          WebhookEndpoint.builder()
              .appSecret(sim.appSecret())
              .verifyToken("verify-token")
              .dispatch(DispatchMode.asynchronous(handoff()))
              .observer(receiving.tracing)
              .build();
      JdkWebhookServer server =
          closeLater(
              JdkWebhookServer.builder(endpoint)
                  .address(new InetSocketAddress("127.0.0.1", 0))
                  .path("/webhook")
                  .start());
      worker(
          WebhookRouter.builder()
              .on(
                  TextReceived.class,
                  t -> replied.complete(wa.messages().send(Message.to(t).text("ok")).wamid()))
              .build());

      sim.deliverWebhooksTo(server.uri());
      sim.userSends(USER, "Hi");
      assertThat(replied.get(30, TimeUnit.SECONDS)).isNotBlank();

      SpanData send = handling.ended.await(s -> s.getName().equals("POST {id}/messages"));
      SpanData handle = handling.ended.await(s -> s.getSpanId().equals(send.getParentSpanId()));
      SpanData inbound = receiving.ended.await(s -> s.getSpanId().equals(handle.getParentSpanId()));

      assertThat(handle.getName()).isEqualTo("handle whatsapp");
      assertThat(handle.getKind()).isEqualTo(SpanKind.INTERNAL);
      assertThat(handle.getAttributes().get(WhatsAppTracing.EVENT_TYPE)).isEqualTo("TextReceived");
      assertThat(handle.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
      assertThat(inbound.getName()).isEqualTo("process whatsapp");
      assertThat(inbound.getAttributes().get(WhatsAppTracing.MESSAGE_COUNT)).isEqualTo(1L);
      assertThat(handle.getParentSpanContext().isRemote()).isTrue();
      assertThat(List.of(send.getTraceId(), handle.getTraceId()))
          .containsOnly(inbound.getTraceId());
      assertThat(inbound.getParentSpanContext().isValid()).isFalse();
      // each instance exported only its own spans
      assertThat(receiving.exporter.getFinishedSpanItems())
          .extracting(SpanData::getName)
          .doesNotContain("handle whatsapp", "POST {id}/messages");
      // the stream entry holds the delivery span's W3C trace context; the reply's statuses may
      // have followed it into the stream
      List<Map<String, String>> texts =
          entries().stream().filter(e -> "TextReceived".equals(e.get("type"))).toList();
      assertThat(texts).hasSize(1);
      assertThat(texts.get(0).get("ctx.traceparent"))
          .isEqualTo(
              "00-"
                  + inbound.getTraceId()
                  + "-"
                  + inbound.getSpanId()
                  + "-"
                  + inbound.getSpanContext().getTraceFlags().asHex());
    }
    assertThat(handling.exporter.getFinishedSpanItems().toString())
        .doesNotContain("6505551234", "\"ok\"");
  }

  @Test
  void entryWithoutContext_handlerSpanHasNoParent_andTheEventIsHandled() throws Exception {
    CompletableFuture<String> handled = new CompletableFuture<>();
    // an entry as written before carriers existed, or by an endpoint without an observer
    assertThat(handoff().accept(WebhookParser.create().parse(textDelivery("wamid.OLD").body())))
        .isTrue();
    assertThat(entries())
        .hasSize(1)
        .allSatisfy(e -> assertThat(e).doesNotContainKey("ctx.traceparent"));

    RedisStreamWorker worker =
        worker(
            WebhookRouter.builder()
                .on(TextReceived.class, t -> handled.complete(t.header().id()))
                .build());

    assertThat(handled.get(30, TimeUnit.SECONDS)).isEqualTo("wamid.OLD");
    SpanData handle = handling.ended.await(s -> s.getName().equals("handle whatsapp"));
    assertThat(handle.getParentSpanContext().isValid()).isFalse();
    assertThat(handle.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    awaitHandled(worker, 1);
  }

  @Test
  void endpointWithoutObserver_entriesCarryNoContextFields() {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(APP_SECRET)
            .verifyToken("verify-token")
            .dispatch(DispatchMode.asynchronous(handoff()))
            .build();
    Span outer = handling.tracerProvider.get("test").spanBuilder("outer").startSpan();
    // even with a span current on the request thread, nothing observes the delivery
    try (Scope ignored = outer.makeCurrent()) {
      assertThat(endpoint.handle(textDelivery("wamid.PLAIN")).status()).isEqualTo(200);
    } finally {
      outer.end();
    }

    assertThat(entries())
        .hasSize(1)
        .allSatisfy(e -> assertThat(e.keySet()).noneMatch(k -> k.startsWith("ctx.")));
  }

  @Test
  void inject_thenExtract_carriesTheSpanAsRemoteParent() {
    WhatsAppTracing tracing = receiving.tracing;
    assertThat(tracing.inject()).isSameAs(Map.of());
    Span span = receiving.tracerProvider.get("test").spanBuilder("delivery").startSpan();
    Map<String, String> fields;
    try (Scope ignored = span.makeCurrent()) {
      fields = tracing.inject();
    } finally {
      span.end();
    }
    assertThat(fields)
        .containsOnlyKeys("traceparent")
        .containsEntry(
            "traceparent",
            "00-"
                + span.getSpanContext().getTraceId()
                + "-"
                + span.getSpanContext().getSpanId()
                + "-"
                + span.getSpanContext().getTraceFlags().asHex());

    CapturedContext rebuilt = handling.tracing.extract(fields);
    try (CapturedContext.Scope ignored = rebuilt.makeCurrent()) {
      assertThat(Span.current().getSpanContext().getSpanId())
          .isEqualTo(span.getSpanContext().getSpanId());
      assertThat(Span.current().getSpanContext().isRemote()).isTrue();
    }
    assertThat(Span.current().getSpanContext().isValid()).isFalse();
  }

  @Test
  void extract_emptyOrUnreadableFields_isNone() {
    assertThat(handling.tracing.extract(Map.of())).isSameAs(CapturedContext.none());
    assertThat(handling.tracing.extract(Map.of("traceparent", "not a trace parent")))
        .isSameAs(CapturedContext.none());
    assertThat(handling.tracing.extract(Map.of("other", "x"))).isSameAs(CapturedContext.none());
  }

  @Test
  void inject_usesTheInstancesOwnPropagator() {
    TextMapPropagator both =
        TextMapPropagator.composite(
            W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());
    WhatsAppTracing tracing =
        WhatsAppTracing.of(
            OpenTelemetrySdk.builder()
                .setTracerProvider(receiving.tracerProvider)
                .setPropagators(ContextPropagators.create(both))
                .build());
    Span span = receiving.tracerProvider.get("test").spanBuilder("delivery").startSpan();
    Map<String, String> fields;
    try (Scope a = span.makeCurrent();
        Scope b = Baggage.builder().put("tenant", "t1").build().makeCurrent()) {
      fields = tracing.inject();
    } finally {
      span.end();
    }

    assertThat(fields).containsOnlyKeys("traceparent", "baggage");
    assertThat(fields.get("baggage")).isEqualTo("tenant=t1");
    assertThat(Context.current()).isSameAs(Context.root());
  }

  private static WebhookRequest textDelivery(String messageId) {
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"15550783881\","
            + "\"phone_number_id\":\"106540352242922\"},"
            + "\"messages\":[{\"from\":\"16505551234\",\"id\":\""
            + messageId
            + "\",\"timestamp\":\"1739321024\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}}]}]}";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return WebhookRequest.builder()
        .method("POST")
        .header("Content-Type", "application/json")
        .header(SignatureVerifier.HEADER, WebhookSigner.of(APP_SECRET).sign(body))
        .body(body)
        .build();
  }

  private List<Map<String, String>> entries() {
    RedisClient c = RedisClient.create(redis);
    try (StatefulRedisConnection<String, String> conn = c.connect()) {
      List<Map<String, String>> out = new ArrayList<>();
      for (StreamMessage<String, String> m : conn.sync().xrange(stream, Range.create("-", "+"))) {
        out.add(m.getBody());
      }
      return out;
    } finally {
      c.shutdown();
    }
  }

  /** Waits until the worker acknowledged {@code n} events; the handler's return precedes it. */
  private static void awaitHandled(RedisStreamWorker worker, long n) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (worker.handledEvents() < n) {
      assertThat(System.nanoTime() < deadline).as("the event acknowledged in 30 s").isTrue();
      Thread.sleep(10);
    }
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
