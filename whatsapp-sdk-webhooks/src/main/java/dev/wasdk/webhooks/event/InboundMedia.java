package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * Media a user sent: what the media API needs to download it and check it.
 *
 * <p>Download by id (look the URL up, then fetch it with the access token), or fetch {@link #url()}
 * directly with the access token when Meta sends it. Check the bytes against {@link #sha256()}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param id the media id; empty if the payload omits it
 * @param mimeType the MIME type, such as {@code image/jpeg}; empty if absent
 * @param sha256 the SHA-256 hash of the file, base64 encoded as sent; empty if absent
 * @param url the lookaside download URL, when Meta includes it (rolled out from November 2025)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/business-phone-numbers/media">Media</a>
 */
public record InboundMedia(String id, String mimeType, String sha256, Optional<String> url) {
  /** Checks that no component is null. */
  public InboundMedia {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(mimeType, "mimeType");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(url, "url");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
