package dev.wasdk.webhooks.event;

import java.util.Optional;

/**
 * One thing a webhook reports: an inbound message, a status change, or a change of an account,
 * number or template. A webhook POST may carry many.
 *
 * <p>Every event keeps its context and the raw JSON it was read from.
 */
public sealed interface WebhookEvent permits UnknownEvent {

  /** Returns where the event came from. */
  EventContext context();

  /** Returns the raw JSON of the element this event was read from. */
  String rawJson();

  /**
   * Returns the key under which duplicate deliveries of this event are recognized, such as the
   * inbound message id, or the status id with the status. Empty when the event has no stable
   * identity and is always delivered.
   */
  Optional<String> dedupeKey();
}
