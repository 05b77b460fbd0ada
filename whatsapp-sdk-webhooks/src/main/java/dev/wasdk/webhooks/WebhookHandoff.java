package dev.wasdk.webhooks;

import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.List;

/**
 * Takes over the events of one webhook delivery in {@linkplain DispatchMode#asynchronous
 * asynchronous mode}, so that {@link WebhookEndpoint} can acknowledge Meta before they are handled.
 *
 * <p>Return true only once the events are safe by your standard: for a durable queue or database,
 * after the write is committed; for {@link QueuedHandoff}, once they are in its bounded in-memory
 * queue. Return false, or throw, when they cannot be taken now (queue full, store down, shutting
 * down): the endpoint then answers 503, releases their dedupe keys and Meta delivers them again
 * later. The endpoint never acknowledges a delivery whose events were refused.
 *
 * <p>What a crash loses depends on where the events are when it happens: with a durable hand-off,
 * nothing once {@code accept} returned true; with {@link QueuedHandoff}, the events accepted but
 * not yet handled.
 *
 * <p>Implementations must be thread-safe: the endpoint calls {@code accept} from many request
 * threads at once. They should return quickly, since Meta expects a fast acknowledgement.
 *
 * <pre>{@code
 * WebhookHandoff toOutbox = events -> {
 *   outbox.insertAll(events);   // one transaction; throws if it fails
 *   return true;
 * };
 * }</pre>
 */
@FunctionalInterface
public interface WebhookHandoff {
  /**
   * Takes over the new (not duplicate) events of one delivery.
   *
   * @param events the events in payload order; never empty, unmodifiable
   * @return true if the events are taken over; false to have Meta deliver them again later
   */
  boolean accept(List<WebhookEvent> events);

  /**
   * Takes over the new events of one delivery, with the delivery's context: what {@link
   * WebhookEndpoint} calls. A hand-off that runs the handlers in this JVM overrides it, keeps the
   * context with the events and runs each one through {@link DeliveryContext#dispatch}, so that the
   * handlers run in the delivery's trace and are observed ({@link QueuedHandoff} does). A hand-off
   * that stores the events outside this JVM overrides it too, stores {@link
   * DeliveryContext#carrier()} beside them, and its worker rebuilds the context with {@link
   * DeliveryContext#of(dev.wasdk.observe.WhatsAppObserver, java.util.Map)} ({@code
   * RedisStreamHandoff} does). By default the context is dropped and {@link #accept(List)} takes
   * the events.
   *
   * @param events the events in payload order; never empty, unmodifiable
   * @param context the delivery's context, taken on the request thread
   * @return true if the events are taken over; false to have Meta deliver them again later
   */
  default boolean accept(List<WebhookEvent> events, DeliveryContext context) {
    return accept(events);
  }
}
