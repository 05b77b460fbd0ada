package dev.wasdk.webhooks;

import dev.wasdk.observe.CapturedContext;
import dev.wasdk.observe.HandlerEvent;
import dev.wasdk.observe.HandlerStart;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Carries what a webhook delivery's handlers need from the request thread to the thread of a {@link
 * WebhookHandoff} that runs them later: the observer's context taken while the delivery was
 * observed (a tracer's delivery span, say), and the observer that sees each handler. {@link
 * WebhookEndpoint} takes one as it hands a delivery's events off and passes it to {@link
 * WebhookHandoff#accept(java.util.List, DeliveryContext)}; a hand-off that runs handlers in this
 * JVM keeps it with the events and runs each one through {@link #dispatch}.
 *
 * <p>With no observer on the endpoint it is {@link #none()}, and {@code dispatch} is exactly {@link
 * WebhookRouter#dispatch}.
 *
 * <p><b>Out of this JVM.</b> A hand-off that keeps events elsewhere (a Redis stream, a table)
 * stores the context's {@link #carrier()} beside the events: a few propagation fields, such as a
 * tracer's {@code traceparent}, written by the observer ({@link WhatsAppObserver#inject()}). Its
 * worker, in whichever app instance, rebuilds the context with {@link #of(WhatsAppObserver, Map)}
 * and runs each handler through {@link #dispatch}, so the handler joins the delivery's trace there.
 * The carrier holds only what the observer's propagator writes, never a token, a phone number or
 * message content; it is empty for {@link #none()}, so nothing is stored when nothing observes.
 *
 * <p><b>Thread-safety.</b> Immutable; {@code dispatch} and {@code carrier} may run on any thread,
 * also concurrently.
 *
 * <pre>{@code
 * // in this JVM
 * public boolean accept(List<WebhookEvent> events, DeliveryContext context) {
 *   return workers.offer(() -> events.forEach(e -> context.dispatch(router, e)));
 * }
 *
 * // through an outbox table, handled by a worker in any instance
 * public boolean accept(List<WebhookEvent> events, DeliveryContext context) {
 *   outbox.insertAll(events, context.carrier());
 *   return true;
 * }
 * ...
 * DeliveryContext.of(observer, row.carrier()).dispatch(router, row.event());
 * }</pre>
 */
public final class DeliveryContext {
  private static final DeliveryContext NONE =
      new DeliveryContext(WhatsAppObserver.none(), CapturedContext.none());

  private final WhatsAppObserver observer;
  private final CapturedContext context;

  private DeliveryContext(WhatsAppObserver observer, CapturedContext context) {
    this.observer = observer;
    this.context = context;
  }

  /**
   * Returns the context that carries nothing: handlers run as {@link WebhookRouter#dispatch} runs
   * them, unobserved.
   *
   * @return the shared empty context
   */
  public static DeliveryContext none() {
    return NONE;
  }

  /**
   * Takes the observer's context on the calling thread, the request thread of the delivery being
   * observed.
   */
  static DeliveryContext capture(WhatsAppObserver observer) {
    if (observer == WhatsAppObserver.none()) {
      return NONE;
    }
    return new DeliveryContext(observer, observer.capture());
  }

  /**
   * Rebuilds a delivery's context from the carrier stored beside its events, on the thread of a
   * worker that handles them, maybe in another app instance: {@code observer} reads the carrier
   * ({@link WhatsAppObserver#extract}) and sees each handler {@link #dispatch} runs. An empty
   * carrier (events stored without one, or before carriers existed) gives a context that still
   * reports each handler, outside any trace. An observer that throws is logged and ignored.
   *
   * @param observer the worker's observer, usually the same as the endpoint's
   * @param carrier the carrier {@link #carrier()} gave on the delivery's side; maybe empty
   * @return the context; {@link #none()} when {@code observer} is {@link WhatsAppObserver#none()}
   */
  public static DeliveryContext of(WhatsAppObserver observer, Map<String, String> carrier) {
    Objects.requireNonNull(observer, "observer");
    Objects.requireNonNull(carrier, "carrier");
    WhatsAppObserver safe = WhatsAppObserver.of(observer);
    if (safe == WhatsAppObserver.none()) {
      return NONE;
    }
    CapturedContext rebuilt = carrier.isEmpty() ? CapturedContext.none() : safe.extract(carrier);
    return new DeliveryContext(safe, rebuilt);
  }

  /**
   * Returns this context as propagation fields, for a hand-off that stores events outside this JVM:
   * what the observer writes ({@link WhatsAppObserver#inject()}) while the context is current.
   * Calling it on the request thread or later on another thread gives the same fields.
   *
   * @return the fields, unmodifiable; the shared empty map for {@link #none()} and when the
   *     observer took no context on the request thread
   */
  public Map<String, String> carrier() {
    if (context == CapturedContext.none()) {
      return Map.of();
    }
    try (CapturedContext.Scope ignored = context.makeCurrent()) {
      Map<String, String> fields = observer.inject();
      return fields == null ? Map.of() : fields;
    }
  }

  /**
   * Runs {@code router}'s handler for {@code event} inside the delivery's context, reported to the
   * observer as a {@linkplain WhatsAppObserver#onHandlerStart handler} that runs after its delivery
   * was answered.
   *
   * @param router the router that runs the handler
   * @param event the event
   * @return what {@link WebhookRouter#dispatch} returned: false if the handler threw
   */
  public boolean dispatch(WebhookRouter router, WebhookEvent event) {
    Objects.requireNonNull(router, "router");
    Objects.requireNonNull(event, "event");
    if (this == NONE) {
      return router.dispatch(event);
    }
    try (CapturedContext.Scope ignored = context.makeCurrent()) {
      Observation<HandlerEvent> observation =
          observer.onHandlerStart(new HandlerStart(event.getClass().getSimpleName()));
      long started = System.nanoTime();
      boolean handled = false;
      try {
        handled = router.dispatch(event);
        return handled;
      } finally {
        observation.end(
            new HandlerEvent(
                handled ? HandlerEvent.Result.HANDLED : HandlerEvent.Result.FAILED,
                Duration.ofNanos(System.nanoTime() - started)));
      }
    }
  }

  @Override
  public String toString() {
    return this == NONE ? "DeliveryContext[none]" : "DeliveryContext[" + observer + "]";
  }
}
