package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;

/**
 * Contact cards a user shared ({@code type: contacts}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param contacts the shared cards, in order
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record ContactsReceived(
    EventContext context, MessageHeader header, List<SharedContact> contacts, String rawJson)
    implements MessageReceived {
  /** Checks that no component is null and copies the list. */
  public ContactsReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    contacts = List.copyOf(contacts);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
