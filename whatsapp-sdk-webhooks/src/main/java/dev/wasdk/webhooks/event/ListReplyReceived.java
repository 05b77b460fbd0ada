package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A row chosen from an interactive list message ({@code interactive.type: list_reply}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares; its message context names the list message
 * @param rowId the id the business gave the row; empty if absent
 * @param title the row's title; empty if absent
 * @param description the row's description, if it had one
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record ListReplyReceived(
    EventContext context,
    MessageHeader header,
    String rowId,
    String title,
    Optional<String> description,
    String rawJson)
    implements MessageReceived {
  /** Checks that no component is null. */
  public ListReplyReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(rowId, "rowId");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
