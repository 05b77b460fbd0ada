package dev.wasdk.message;

import java.util.Objects;

/**
 * An audio message ({@code type: audio}), played as a voice message when {@code voice} is set.
 * Audio takes no caption.
 *
 * <p>A voice message must be an OGG file with the OPUS codec; WhatsApp shows it with a play icon
 * only when it is at most 512 KB.
 *
 * <pre>{@code
 * Message.to("+16505551234").audio(MediaRef.id("1037543291543636"));
 * Message.to("+16505551234").voice(MediaRef.id("1037543291543636"));
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param audio the audio, by uploaded media id or link
 * @param voice whether WhatsApp presents it as a voice message ({@code audio.voice})
 */
public record AudioMessage(Envelope envelope, MediaRef audio, boolean voice) implements Message {
  /** Checks the arguments. */
  public AudioMessage {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(audio, "audio");
  }
}
