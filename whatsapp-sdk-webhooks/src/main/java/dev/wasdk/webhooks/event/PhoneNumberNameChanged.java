package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta decided on a business phone number's requested display name ({@code
 * phone_number_name_update}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its display phone number names the number
 * @param rawDecision the decision as sent, such as {@code APPROVED}; empty if absent
 * @param requestedVerifiedName the display name requested, if given
 * @param rejectionReason why it was rejected, such as {@code NAME_FORMAT_UNACCEPTABLE}, if given
 * @param rawJson the raw JSON of the change's value
 */
public record PhoneNumberNameChanged(
    EventContext context,
    String rawDecision,
    Optional<String> requestedVerifiedName,
    Optional<String> rejectionReason,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public PhoneNumberNameChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rawDecision, "rawDecision");
    Objects.requireNonNull(requestedVerifiedName, "requestedVerifiedName");
    Objects.requireNonNull(rejectionReason, "rejectionReason");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the decision; {@link ReviewDecision#UNKNOWN} for values this version does not know. */
  public ReviewDecision decision() {
    return ReviewDecision.of(rawDecision);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
