package dev.wasdk.webhooks.event;

import java.util.Objects;
import java.util.Optional;

/**
 * Where an event came from: the WhatsApp Business Account, the business phone number and the
 * webhook field.
 *
 * @param wabaId the WhatsApp Business Account id ({@code entry[].id})
 * @param field the webhook field, such as {@code messages}
 * @param phoneNumberId the business phone number id, when the payload names one
 * @param displayPhoneNumber the business display phone number, when the payload names one
 */
public record EventContext(
    String wabaId,
    String field,
    Optional<String> phoneNumberId,
    Optional<String> displayPhoneNumber) {
  /** Checks that no component is null. */
  public EventContext {
    Objects.requireNonNull(wabaId, "wabaId");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    Objects.requireNonNull(displayPhoneNumber, "displayPhoneNumber");
  }
}
