package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A video message ({@code type: video}): an MP4 or 3GPP video with an optional caption.
 *
 * <pre>{@code
 * Message.to("+16505551234").video(MediaRef.link("https://example.com/demo.mp4"), "Demo");
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param video the video, by uploaded media id or link
 * @param caption the caption, 1 to {@value Limits#CAPTION_MAX} characters, if any
 */
public record VideoMessage(Envelope envelope, MediaRef video, Optional<String> caption)
    implements Message {
  /** Checks the limits; see the component descriptions. */
  public VideoMessage {
    Objects.requireNonNull(envelope, "envelope");
    Objects.requireNonNull(video, "video");
    Validation.optionalText("video.caption", caption, Limits.CAPTION_MAX);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
