package dev.wasdk.opentelemetry;

import dev.wasdk.observe.GraphCallEvent;
import dev.wasdk.observe.GraphCallStart;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.WebhookDeliveryEvent;
import dev.wasdk.observe.WhatsAppObserver;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.util.Locale;
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

  private final Tracer tracer;

  private WhatsAppTracing(Tracer tracer) {
    this.tracer = tracer;
  }

  /**
   * Returns tracing through {@code openTelemetry}'s tracer for {@value #INSTRUMENTATION_NAME}.
   *
   * @param openTelemetry the OpenTelemetry instance
   * @return the observer
   */
  public static WhatsAppTracing of(OpenTelemetry openTelemetry) {
    Objects.requireNonNull(openTelemetry, "openTelemetry");
    return new WhatsAppTracing(openTelemetry.getTracer(INSTRUMENTATION_NAME));
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

  @Override
  public String toString() {
    return "WhatsAppTracing[" + INSTRUMENTATION_NAME + "]";
  }
}
