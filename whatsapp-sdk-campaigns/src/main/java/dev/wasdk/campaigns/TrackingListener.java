package dev.wasdk.campaigns;

import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.MessageStatusChanged;

/**
 * Hears what a {@link DeliveryTracker} tied back to a tagged send. A {@link Campaign} uses one to
 * keep each recipient's progress in its store; apps may add their own.
 *
 * <p>Methods are called on the thread that fed the tracker, after its counts were updated and with
 * no lock held. They should return quickly; an exception is logged and does not stop the tracker.
 * Implementations must be thread-safe when the tracker is fed from several threads.
 *
 * <pre>{@code
 * DeliveryTracker tracker = DeliveryTracker.builder()
 *     .listener(new TrackingListener() {
 *       public void onStatus(TrackingTag tag, MessageStatusChanged s) { log(tag, s.status()); }
 *     })
 *     .build();
 * }</pre>
 */
public interface TrackingListener {
  /**
   * Called for each status of a tagged message (sent, delivered, read, failed, ...).
   *
   * @param tag the message's tag
   * @param status the status event
   */
  default void onStatus(TrackingTag tag, MessageStatusChanged status) {}

  /**
   * Called for each inbound message whose {@code context} names a tagged message: a reply or a
   * button tap.
   *
   * @param tag the tag of the message answered
   * @param wamid the id of the message answered
   * @param reply the inbound message
   */
  default void onReply(TrackingTag tag, String wamid, MessageReceived reply) {}
}
