package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an event came from: the WhatsApp Business Account, the business phone number, the webhook
 * field and, for events about one user, that user's contact profile.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param wabaId the WhatsApp Business Account id ({@code entry[].id}); empty if the payload omits
 *     it
 * @param field the webhook field, such as {@code messages}; empty if the payload omits it
 * @param phoneNumberId the business phone number id, when the payload names one
 * @param displayPhoneNumber the business display phone number, when the payload names one
 * @param contact the profile of the user the event is about ({@code value.contacts[]}), when the
 *     payload has one for that user
 * @param entryTime when Meta created the entry ({@code entry[].time}); present on most fields other
 *     than {@code messages}
 */
public record EventContext(
    String wabaId,
    String field,
    Optional<String> phoneNumberId,
    Optional<String> displayPhoneNumber,
    Optional<ContactProfile> contact,
    Optional<Instant> entryTime) {

  /** Checks that no component is null. */
  public EventContext {
    Objects.requireNonNull(wabaId, "wabaId");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(phoneNumberId, "phoneNumberId");
    Objects.requireNonNull(displayPhoneNumber, "displayPhoneNumber");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(entryTime, "entryTime");
  }

  /**
   * Creates a context with no contact and no entry time.
   *
   * @param wabaId the WhatsApp Business Account id
   * @param field the webhook field
   * @param phoneNumberId the business phone number id, if known
   * @param displayPhoneNumber the business display phone number, if known
   */
  public EventContext(
      String wabaId,
      String field,
      Optional<String> phoneNumberId,
      Optional<String> displayPhoneNumber) {
    this(wabaId, field, phoneNumberId, displayPhoneNumber, Optional.empty(), Optional.empty());
  }

  /**
   * Returns a context with only the account id and the field, as tests often need.
   *
   * <pre>{@code
   * EventContext ctx = EventContext.of("419561257915477", "messages");
   * }</pre>
   *
   * @param wabaId the WhatsApp Business Account id
   * @param field the webhook field
   * @return the context
   */
  public static EventContext of(String wabaId, String field) {
    return new EventContext(wabaId, field, Optional.empty(), Optional.empty());
  }

  /**
   * Returns a copy of this context with the given contact.
   *
   * @param contact the contact, may be empty
   * @return the new context
   */
  public EventContext withContact(Optional<ContactProfile> contact) {
    return new EventContext(wabaId, field, phoneNumberId, displayPhoneNumber, contact, entryTime);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
