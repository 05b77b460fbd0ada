package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@code GET /{media-id}} returns: a short-lived download URL and the file's facts.
 *
 * <p>The URL expires after 5 minutes and needs the access token; download it with {@link
 * MediaApi#download(MediaInfo, java.io.OutputStream, long)}. Immutable and thread-safe.
 *
 * @param id the media id
 * @param url the download URL, on Meta's media host
 * @param mimeType the MIME type, such as {@code image/jpeg}; empty when Meta left it out
 * @param sha256 the SHA-256 of the file, as Meta writes it; empty when absent
 * @param fileSize the size in bytes, when Meta gave it (the docs send it as a string)
 */
public record MediaInfo(
    String id, URI url, String mimeType, String sha256, Optional<Long> fileSize) {
  /** Checks that nothing is null. */
  public MediaInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(fileSize, "fileSize");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
