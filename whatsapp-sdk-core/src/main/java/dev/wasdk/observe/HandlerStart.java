package dev.wasdk.observe;

import java.util.Objects;

/**
 * The start of a webhook handler that runs after its delivery was answered: one event that the
 * webhook endpoint handed off (asynchronous dispatch) and a hand-off worker now handles.
 *
 * @param eventType the event's type, such as {@code TextReceived}: one of a fixed set of names
 */
public record HandlerStart(String eventType) {

  /** Checks the argument. */
  public HandlerStart {
    Objects.requireNonNull(eventType, "eventType");
  }
}
