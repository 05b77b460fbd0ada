package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a media download.
 *
 * @param size the number of bytes written
 * @param mimeType the {@code Content-Type} of the download, without parameters, when present
 * @param info the URL lookup the download used, when it started from a media id
 */
public record DownloadedMedia(long size, Optional<String> mimeType, Optional<MediaInfo> info) {
  /** Checks that nothing is null. */
  public DownloadedMedia {
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(info, "info");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
