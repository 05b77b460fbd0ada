package dev.wasdk.webhooks.event;

/**
 * An inbound message that carries a file: image, video, audio, document or sticker. Handle them
 * together when all you need is to download the file.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public sealed interface MediaMessageReceived extends MessageReceived
    permits ImageReceived, VideoReceived, AudioReceived, DocumentReceived, StickerReceived {

  /** Returns what is needed to download and check the file. */
  InboundMedia media();
}
