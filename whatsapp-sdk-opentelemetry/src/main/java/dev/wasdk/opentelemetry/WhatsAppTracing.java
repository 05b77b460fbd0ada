package dev.wasdk.opentelemetry;

import dev.wasdk.observe.CapturedContext;
import dev.wasdk.observe.GraphCallEvent;
import dev.wasdk.observe.GraphCallStart;
import dev.wasdk.observe.HandlerEvent;
import dev.wasdk.observe.HandlerStart;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.WebhookDeliveryEvent;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.sender.SenderListener;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Traces what wasdk does with OpenTelemetry. It is a {@link WhatsAppObserver}: give it to the
 * client's and the webhook endpoint's builders.
 *
 * <p><b>Graph requests.</b> Each HTTP attempt is a {@link SpanKind#CLIENT} span named {@code
 * {method} {url.template}}, such as {@code POST {id}/messages}, a child of the context current on
 * the thread that starts it. Attributes follow the HTTP semantic conventions: {@code
 * http.request.method}, {@code url.template}, {@code server.address}, {@code server.port}, {@code
 * http.response.status_code}, {@code http.request.resend_count} for retries and {@code error.type}
 * for failures, plus {@code whatsapp.error.code} (Graph's error code) and {@code
 * whatsapp.operation}. A 4xx or 5xx answer or a transport failure sets the span's status to error.
 *
 * <p><b>Webhook deliveries.</b> Each POST is a {@link SpanKind#CONSUMER} span named {@code process
 * whatsapp}, with the messaging conventions' {@code messaging.system} ({@code whatsapp}), {@code
 * messaging.operation.type} ({@code process}) and {@code messaging.batch.message_count}, plus
 * {@code http.response.status_code}, {@code whatsapp.webhook.result} and {@code
 * whatsapp.webhook.duplicates}. The span is current while a synchronous endpoint runs its handlers,
 * so a reply a handler sends with the client ({@code send} or {@code sendAsync}) is a child of the
 * delivery: one trace shows the inbound message, the handler and the reply.
 *
 * <p><b>Handed-off events.</b> With an asynchronous dispatch the delivery span ends once the events
 * are queued, usually before their handlers run. Each handler a {@code QueuedHandoff} runs later is
 * then an {@link SpanKind#INTERNAL} span named {@code handle whatsapp}, a child of the delivery
 * span (started after its parent ended; the gap is the time the event waited), with {@code
 * messaging.system}, {@code messaging.operation.name} ({@code handle}) and {@code
 * whatsapp.event.type} (the event's type, such as {@code TextReceived}); a handler that throws sets
 * its status to error. It is current while the handler runs, so a reply the handler sends, directly
 * or through a sender, is its child: one trace still shows the inbound message, the handler and the
 * reply.
 *
 * <p><b>Across a Redis stream.</b> A durable hand-off ({@code RedisStreamHandoff}) keeps the events
 * outside the JVM, so the context crosses as text: {@link #inject()} writes the delivery's context
 * with the OpenTelemetry instance's {@link TextMapPropagator} (W3C {@code traceparent} and {@code
 * tracestate} when the instance has no propagator of its own), the hand-off stores the fields with
 * each event, and a {@code RedisStreamWorker} given this tracing, in whichever app instance,
 * rebuilds the context with {@link #extract} and runs the handler in a {@code handle whatsapp} span
 * that is a child of the delivery span, as above. A reply the handler sends is its child: the trace
 * crosses instances.
 *
 * <p><b>Through the sender.</b> A message submitted to a {@code MessageSender} is sent from the
 * sender's own thread, inside the context that was current when it was submitted ({@link
 * #capture()}): a reply a handler queues on the sender is a child of the delivery, too.
 *
 * <p><b>Statuses.</b> To put a message's status webhooks in the trace that sent it, let this
 * tracing see what is sent ({@link #senderListener()} on a sender, or {@link #sent(String)} after a
 * direct send) and the statuses that arrive ({@link #statusReceived(String, String)} from a status
 * handler). Each status then becomes a span named {@code status whatsapp}, a child of the context
 * the message was sent in and linked to the delivery that carried the status, with the attribute
 * {@code whatsapp.message.status}. The message ids are kept in a bounded map inside this object
 * (the most recent {@value #DEFAULT_REMEMBERED_SENDS} by default), never on a span.
 *
 * <p>No span carries a token, a user's phone number, a message id or message content.
 *
 * <p><b>Thread-safety.</b> Thread-safe; one instance may observe several clients and endpoints.
 *
 * <pre>{@code
 * WhatsAppTracing tracing = WhatsAppTracing.of(GlobalOpenTelemetry.get());
 * WhatsAppClient wa = WhatsAppClient.builder()
 *     .accessToken(token).phoneNumberId(id).observer(tracing).build();
 * WebhookEndpoint endpoint = WebhookEndpoint.builder()
 *     .appSecret(secret).verifyToken(verify).router(router).observer(tracing).build();
 * }</pre>
 */
public final class WhatsAppTracing implements WhatsAppObserver {
  /** The instrumentation scope name. */
  public static final String INSTRUMENTATION_NAME = "dev.wasdk";

  static final AttributeKey<String> HTTP_METHOD = AttributeKey.stringKey("http.request.method");
  static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
  static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  static final AttributeKey<Long> STATUS_CODE = AttributeKey.longKey("http.response.status_code");
  static final AttributeKey<Long> RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<Long> GRAPH_ERROR_CODE = AttributeKey.longKey("whatsapp.error.code");
  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("whatsapp.operation");
  static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
  static final AttributeKey<String> MESSAGING_OPERATION_TYPE =
      AttributeKey.stringKey("messaging.operation.type");
  static final AttributeKey<String> MESSAGING_OPERATION_NAME =
      AttributeKey.stringKey("messaging.operation.name");
  static final AttributeKey<Long> MESSAGE_COUNT =
      AttributeKey.longKey("messaging.batch.message_count");
  static final AttributeKey<String> WEBHOOK_RESULT =
      AttributeKey.stringKey("whatsapp.webhook.result");
  static final AttributeKey<Long> WEBHOOK_DUPLICATES =
      AttributeKey.longKey("whatsapp.webhook.duplicates");

  static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("whatsapp.event.type");

  static final AttributeKey<String> MESSAGE_STATUS =
      AttributeKey.stringKey("whatsapp.message.status");

  /** How many sent messages' contexts are remembered for their statuses by default. */
  public static final int DEFAULT_REMEMBERED_SENDS = 10_000;

  private final Tracer tracer;
  private final TextMapPropagator propagator;
  private final SentMessages sent;
  private final SenderListener senderListener = new SentRecorder();

  private WhatsAppTracing(Tracer tracer, TextMapPropagator propagator, int rememberedSends) {
    this.tracer = tracer;
    this.propagator = propagator;
    this.sent = new SentMessages(rememberedSends);
  }

  /**
   * Returns tracing through {@code openTelemetry}'s tracer for {@value #INSTRUMENTATION_NAME}.
   *
   * @param openTelemetry the OpenTelemetry instance
   * @return the observer
   */
  public static WhatsAppTracing of(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    return of(openTelemetry, DEFAULT_REMEMBERED_SENDS);
  }

  /**
   * Returns tracing through {@code openTelemetry}'s tracer that remembers the contexts of the last
   * {@code rememberedSends} sent messages for their statuses. Raise it when statuses of older
   * messages should still join their traces; each entry costs about 200 bytes.
   *
   * @param openTelemetry the OpenTelemetry instance
   * @param rememberedSends how many sent messages to remember, at least 1
   * @return the observer
   */
  public static WhatsAppTracing of(OpenTelemetry openTelemetry, int rememberedSends) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    if (rememberedSends < 1) {
      throw new IllegalArgumentException(
          "rememberedSends must be at least 1, but was " + rememberedSends);
    }
    TextMapPropagator own = openTelemetry.getPropagators().getTextMapPropagator();
    // An instance built without propagators has the no-op one, which writes no field at all.
    TextMapPropagator propagator =
        own.fields().isEmpty() ? W3CTraceContextPropagator.getInstance() : own;
    return new WhatsAppTracing(
        openTelemetry.getTracer(INSTRUMENTATION_NAME), propagator, rememberedSends);
  }

  /**
   * Takes the current OpenTelemetry context, so that a message submitted to a sender is sent in it.
   *
   * @return the context, or {@link CapturedContext#none()} when nothing is current
   */
  @Override
  public CapturedContext capture() {
    Context taken = Context.current();
    if (taken == Context.root()) {
      return CapturedContext.none();
    }
    return () -> taken.makeCurrent()::close;
  }

  /**
   * Writes the current OpenTelemetry context with the instance's text-map propagator (W3C trace
   * context when it has none), for a hand-off that stores events outside this JVM.
   *
   * @return the propagator's fields, such as {@code traceparent}; empty when nothing is current
   */
  @Override
  public Map<String, String> inject() {
    Context current = Context.current();
    if (current == Context.root()) {
      return Map.of();
    }
    Map<String, String> fields = new HashMap<>(4);
    propagator.inject(current, fields, MapCarrier.INSTANCE);
    return fields.isEmpty() ? Map.of() : fields;
  }

  /**
   * Rebuilds the context that {@link #inject()} wrote, maybe in another app instance, as the remote
   * parent of what runs inside it (the handler's span).
   *
   * @param fields the stored fields
   * @return the context; {@link CapturedContext#none()} when the fields hold none this propagator
   *     reads, or an invalid one
   */
  @Override
  public CapturedContext extract(Map<String, String> fields) {
    Objects.requireNonNull(fields, "fields");
    if (fields.isEmpty()) {
      return CapturedContext.none();
    }
    Context remote = propagator.extract(Context.root(), fields, MapCarrier.INSTANCE);
    if (remote == Context.root()) {
      return CapturedContext.none();
    }
    return () -> remote.makeCurrent()::close;
  }

  /** Reads and writes propagation fields in a plain map. */
  private enum MapCarrier
      implements TextMapGetter<Map<String, String>>, TextMapSetter<Map<String, String>> {
    INSTANCE;

    @Override
    public Iterable<String> keys(Map<String, String> carrier) {
      return carrier.keySet();
    }

    @Override
    public String get(Map<String, String> carrier, String key) {
      return carrier == null ? null : carrier.get(key);
    }

    @Override
    public void set(Map<String, String> carrier, String key, String value) {
      if (carrier != null && key != null && value != null) {
        carrier.put(key, value);
      }
    }
  }

  /**
   * Returns the listener that remembers the context each message a sender sends was submitted in,
   * for {@link #statusReceived(String, String)}. Add it to the sender's builder.
   *
   * @return the listener, the same on every call
   */
  public SenderListener senderListener() {
    return senderListener;
  }

  /**
   * Remembers the current span as the context message {@code wamid} was sent in; call it after a
   * direct {@code messages().send}. Does nothing when no span is current.
   *
   * @param wamid the id Meta gave the message
   */
  public void sent(String wamid) {
    Objects.requireNonNull(wamid, "wamid");
    SpanContext current = Span.current().getSpanContext();
    if (current.isValid()) {
      sent.put(wamid, current);
    }
  }

  /**
   * Records a status webhook of message {@code wamid} as a span in the trace the message was sent
   * in, linked to the current span (the delivery that carried it). Does nothing for a message this
   * tracing did not see sent, or has forgotten.
   *
   * @param wamid the message's id, from the status event
   * @param status the status as Meta names it, such as {@code delivered}
   */
  public void statusReceived(String wamid, String status) {
    Objects.requireNonNull(wamid, "wamid");
    Objects.requireNonNull(status, "status");
    SpanContext sentIn = sent.get(wamid);
    if (sentIn == null) {
      return;
    }
    var b =
        tracer
            .spanBuilder("status whatsapp")
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(Context.root().with(Span.wrap(sentIn)))
            .setAttribute(MESSAGING_SYSTEM, "whatsapp")
            .setAttribute(MESSAGE_STATUS, boundedStatus(status));
    SpanContext delivery = Span.current().getSpanContext();
    if (delivery.isValid()) {
      b.addLink(delivery);
    }
    b.startSpan().end();
  }

  /** Meta's status names are few; anything else is cut short, so the attribute stays bounded. */
  private static String boundedStatus(String status) {
    String s = status.toLowerCase(Locale.ROOT);
    return s.length() <= 16 ? s : "other";
  }

  /** Remembers the context a sent message was submitted in; runs inside that context. */
  private final class SentRecorder implements SenderListener {
    @Override
    public void onOutcome(SendOutcome outcome) {
      outcome.wamid().ifPresent(WhatsAppTracing.this::sent);
    }
  }

  @Override
  public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart start) {
    var b =
        tracer
            .spanBuilder(start.method() + " " + start.pathTemplate())
            .setSpanKind(SpanKind.CLIENT)
            .setParent(Context.current())
            .setAttribute(HTTP_METHOD, start.method())
            .setAttribute(URL_TEMPLATE, start.pathTemplate())
            .setAttribute(SERVER_ADDRESS, start.serverAddress())
            .setAttribute(SERVER_PORT, (long) start.serverPort())
            .setAttribute(OPERATION, start.operation());
    if (start.attempt() > 1) {
      b.setAttribute(RESEND_COUNT, (long) start.attempt() - 1);
    }
    Span span = b.startSpan();
    return event -> {
      if (event.status() > 0) {
        span.setAttribute(STATUS_CODE, (long) event.status());
      }
      if (event.errorCode() != 0) {
        span.setAttribute(GRAPH_ERROR_CODE, (long) event.errorCode());
      }
      if (event.outcome() != GraphCallEvent.Outcome.SUCCESS) {
        span.setAttribute(
            ERROR_TYPE, event.status() > 0 ? Integer.toString(event.status()) : event.errorType());
        span.setStatus(StatusCode.ERROR);
      }
      span.end();
    };
  }

  @Override
  public Observation<WebhookDeliveryEvent> onWebhookStart() {
    Span span =
        tracer
            .spanBuilder("process whatsapp")
            .setSpanKind(SpanKind.CONSUMER)
            .setParent(Context.current())
            .setAttribute(MESSAGING_SYSTEM, "whatsapp")
            .setAttribute(MESSAGING_OPERATION_TYPE, "process")
            .setAttribute(MESSAGING_OPERATION_NAME, "process")
            .setAttribute(HTTP_METHOD, "POST")
            .startSpan();
    Scope scope = span.makeCurrent();
    return event -> {
      try {
        scope.close();
      } finally {
        span.setAttribute(STATUS_CODE, (long) event.status());
        span.setAttribute(MESSAGE_COUNT, (long) event.events());
        span.setAttribute(WEBHOOK_DUPLICATES, (long) event.duplicates());
        span.setAttribute(WEBHOOK_RESULT, event.result().name().toLowerCase(Locale.ROOT));
        if (event.status() >= 500) {
          span.setStatus(StatusCode.ERROR);
          span.setAttribute(ERROR_TYPE, Integer.toString(event.status()));
        }
        span.end();
      }
    };
  }

  /**
   * Starts the span of a handler that a hand-off runs after its delivery was answered, as a child
   * of the context current on the hand-off's thread (the delivery's, which the hand-off carried),
   * and makes it current until the handler returns.
   */
  @Override
  public Observation<HandlerEvent> onHandlerStart(HandlerStart start) {
    Span span =
        tracer
            .spanBuilder("handle whatsapp")
            .setSpanKind(SpanKind.INTERNAL)
            .setParent(Context.current())
            .setAttribute(MESSAGING_SYSTEM, "whatsapp")
            .setAttribute(MESSAGING_OPERATION_NAME, "handle")
            .setAttribute(EVENT_TYPE, start.eventType())
            .startSpan();
    Scope scope = span.makeCurrent();
    return event -> {
      try {
        scope.close();
      } finally {
        if (event.result() == HandlerEvent.Result.FAILED) {
          span.setStatus(StatusCode.ERROR);
          span.setAttribute(ERROR_TYPE, "handler_failed");
        }
        span.end();
      }
    };
  }

  @Override
  public String toString() {
    return "WhatsAppTracing[" + INSTRUMENTATION_NAME + "]";
  }
}
