package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An order a user placed from a catalog ({@code type: order}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param catalogId the catalog id; empty if absent
 * @param text the text the user sent with the order, if any
 * @param items the ordered products
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record OrderReceived(
    EventContext context,
    MessageHeader header,
    String catalogId,
    Optional<String> text,
    List<OrderItem> items,
    String rawJson)
    implements MessageReceived {
  /** Checks that no component is null and copies the list. */
  public OrderReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(catalogId, "catalogId");
    Objects.requireNonNull(text, "text");
    items = List.copyOf(items);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
