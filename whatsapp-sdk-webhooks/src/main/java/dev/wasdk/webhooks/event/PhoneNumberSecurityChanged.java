package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A business phone number's two-step verification PIN changed, or a reset was requested or done
 * ({@code security}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its display phone number names the number
 * @param rawEvent the event as sent: {@code PIN_CHANGED}, {@code PIN_RESET_REQUEST} or {@code
 *     PIN_REQUEST_SUCCESS}; empty if absent; {@link #event()} reads it
 * @param requester who asked for the reset, for reset requests
 * @param rawJson the raw JSON of the change's value
 */
public record PhoneNumberSecurityChanged(
    EventContext context, String rawEvent, Optional<String> requester, String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public PhoneNumberSecurityChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rawEvent, "rawEvent");
    Objects.requireNonNull(requester, "requester");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * Returns the event; {@link PhoneNumberSecurityEvent#UNKNOWN} for values this version does not
   * know.
   */
  public PhoneNumberSecurityEvent event() {
    return PhoneNumberSecurityEvent.of(rawEvent);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
