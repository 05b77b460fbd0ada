package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * An audio file or voice note from a user ({@code type: audio}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param media what is needed to download the audio
 * @param voice whether it is a voice note recorded in WhatsApp ({@code audio.voice})
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record AudioReceived(
    EventContext context, MessageHeader header, InboundMedia media, boolean voice, String rawJson)
    implements MediaMessageReceived {
  /** Checks that no component is null. */
  public AudioReceived {
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
