package dev.wasdk.client;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of media WhatsApp accepts, with their MIME types and size limits. {@link MediaApi}
 * checks an upload against this table before any byte leaves the process.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media#supported-media-types">Supported
 *     media types</a>
 */
public enum MediaKind {
  /** AAC, AMR, MP3, MP4 audio, or OGG with the OPUS codec (mono); at most 16 MB. */
  AUDIO(16L * 1024 * 1024, "audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg"),
  /** Plain text, PDF and Office documents; at most 100 MB. */
  DOCUMENT(
      100L * 1024 * 1024,
      "text/plain",
      "application/pdf",
      "application/vnd.ms-excel",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "application/msword",
      "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
      "application/vnd.ms-powerpoint",
      "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
  /** JPEG or PNG (8-bit RGB or RGBA); at most 5 MB. */
  IMAGE(5L * 1024 * 1024, "image/jpeg", "image/png"),
  /**
   * WebP stickers; at most 500 KB, the limit of animated stickers. Static stickers must stay under
   * 100 KB, which only the file's content can tell, so WhatsApp checks that one.
   */
  STICKER(500L * 1024, "image/webp"),
  /** 3GPP or MP4 video (H.264 with AAC); at most 16 MB. */
  VIDEO(16L * 1024 * 1024, "video/3gpp", "video/mp4");

  private final long maxBytes;
  private final Set<String> mimeTypes;

  MediaKind(long maxBytes, String... mimeTypes) {
    this.maxBytes = maxBytes;
    this.mimeTypes = Set.of(mimeTypes);
  }

  /** Returns the largest file size WhatsApp accepts for this kind, in bytes. */
  public long maxBytes() {
    return maxBytes;
  }

  /** Returns the MIME types of this kind, lowercase. */
  public Set<String> mimeTypes() {
    return mimeTypes;
  }

  /**
   * Returns the kind of a MIME type, ignoring case and parameters ({@code audio/ogg; codecs=opus}
   * is audio).
   *
   * @param mimeType the MIME type, such as {@code image/jpeg}
   * @return the kind, or empty when WhatsApp does not accept the type
   */
  public static Optional<MediaKind> ofMimeType(String mimeType) {
    if (mimeType == null) {
      return Optional.empty();
    }
    String base = baseType(mimeType);
    return Arrays.stream(values()).filter(k -> k.mimeTypes.contains(base)).findFirst();
  }

  static String baseType(String mimeType) {
    int semi = mimeType.indexOf(';');
    return (semi >= 0 ? mimeType.substring(0, semi) : mimeType).trim().toLowerCase(Locale.ROOT);
  }
}
