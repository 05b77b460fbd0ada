package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A document from a user ({@code type: document}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param media what is needed to download the document
 * @param caption the caption, if the user wrote one
 * @param filename the file name, as the user's device gave it; never trust it as a path
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record DocumentReceived(
    EventContext context,
    MessageHeader header,
    InboundMedia media,
    Optional<String> caption,
    Optional<String> filename,
    String rawJson)
    implements MediaMessageReceived {
  /** Checks that no component is null. */
  public DocumentReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(media, "media");
    Objects.requireNonNull(caption, "caption");
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
