package dev.wasdk.webhooks;

import dev.wasdk.observe.CapturedContext;
import dev.wasdk.observe.HandlerEvent;
import dev.wasdk.observe.HandlerStart;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Duration;
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
 * WebhookRouter#dispatch}. A hand-off that keeps events outside this JVM cannot carry it, and may
 * ignore it.
 *
 * <p><b>Thread-safety.</b> Immutable; {@code dispatch} may run on any thread, also concurrently.
 *
 * <pre>{@code
 * public boolean accept(List<WebhookEvent> events, DeliveryContext context) {
 *   return workers.offer(() -> events.forEach(e -> context.dispatch(router, e)));
 * }
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
