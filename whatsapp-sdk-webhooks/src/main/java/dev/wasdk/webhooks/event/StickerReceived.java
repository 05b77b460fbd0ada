package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * A sticker from a user ({@code type: sticker}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param media what is needed to download the sticker
 * @param animated whether the sticker is animated
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record StickerReceived(
    EventContext context,
    MessageHeader header,
    InboundMedia media,
    boolean animated,
    String rawJson)
    implements MediaMessageReceived {
  /** Checks that no component is null. */
  public StickerReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
