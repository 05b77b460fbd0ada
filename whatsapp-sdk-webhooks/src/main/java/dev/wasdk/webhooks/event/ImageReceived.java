package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * An image from a user ({@code type: image}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param media what is needed to download the image
 * @param caption the caption, if the user wrote one
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record ImageReceived(
    EventContext context,
    MessageHeader header,
    InboundMedia media,
    Optional<String> caption,
    String rawJson)
    implements MediaMessageReceived {
  /** Checks that no component is null. */
  public ImageReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
