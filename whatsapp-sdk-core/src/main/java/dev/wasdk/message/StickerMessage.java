package dev.wasdk.message;

import java.util.Objects;

/**
 * A sticker message ({@code type: sticker}): a static or animated WebP image. Stickers take no
 * caption.
 *
 * <pre>{@code
 * Message.to("+16505551234").sticker(MediaRef.id("1037543291543636"));
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param sticker the sticker, by uploaded media id or link
 */
public record StickerMessage(Envelope envelope, MediaRef sticker) implements Message {
  /** Checks the arguments. */
  public StickerMessage {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(sticker, "sticker");
  }
}
