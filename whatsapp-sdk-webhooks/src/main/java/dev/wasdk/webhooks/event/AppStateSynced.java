package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact was added, edited or removed in the WhatsApp Business app of a number that also uses
 * the Cloud API ({@code smb_app_state_sync}; Coexistence). One event per {@code state_sync[]}
 * element. An edit arrives as {@link Action#ADD}; names are absent on {@link Action#REMOVE}.
 *
 * <pre>{@code
 * if (e instanceof AppStateSynced s && s.contact().isPresent()) {
 *   AppStateSynced.Contact c = s.contact().get();
 *   if (s.action() == AppStateSynced.Action.REMOVE) {
 *     addressBook.remove(c.phoneNumber().orElseThrow());
 *   }
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param type what was synced, as sent, such as {@code contact}; empty if absent
 * @param rawAction the action as sent ({@code add} or {@code remove}); {@link #action()} reads it
 * @param contact the contact, when the element has one
 * @param timestamp when the change happened ({@code metadata.timestamp}), if readable
 * @param rawJson the raw JSON of the element ({@code value.state_sync[]} element)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/smb_app_state_sync">App
 *     state sync webhook reference</a>
 */
public record AppStateSynced(
    EventContext context,
    String type,
    String rawAction,
    Optional<Contact> contact,
    Optional<Instant> timestamp,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public AppStateSynced {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawAction, "rawAction");
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the action; {@link Action#UNKNOWN} for values this version does not know. */
  public Action action() {
    return Action.of(rawAction);
  }

  /**
   * A contact in the business's address book.
   *
   * @param fullName the full name, if given
   * @param firstName the first name, if given
   * @param phoneNumber the contact's phone number, as sent
   */
  public record Contact(
      Optional<String> fullName, Optional<String> firstName, Optional<String> phoneNumber) {
    /** Checks that no component is null. */
    public Contact {
      Objects.requireNonNull(fullName, "fullName");
      Objects.requireNonNull(firstName, "firstName");
      Objects.requireNonNull(phoneNumber, "phoneNumber");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * What happened to a synced contact. Open: values this version does not know map to {@link
   * #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Action {
    /** Added or edited. */
    ADD,
    /** Removed. */
    REMOVE,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the action for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the action; never null
     */
    public static Action of(String value) {
      return OpenEnums.parse(Action.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
