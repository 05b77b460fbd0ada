package dev.wasdk.testkit.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Uploaded and inbound media, kept in memory up to a total size; the oldest media is forgotten
 * first. Thread-safe; every call is synchronized (media calls are rare next to message sends).
 */
public final class MediaStore {
  /**
   * One stored file.
   *
   * @param id the media id
   * @param phoneNumberId the business phone number it belongs to
   * @param mimeType the MIME type
   * @param bytes the content
   * @param sha256Hex the SHA-256 of the content, as lowercase hex
   * @param sha256Base64 the SHA-256 of the content, as base64 (the form webhooks use)
   * @param createdMillis when it was stored, on the simulator's clock
   */
  public record Media(
      String id,
      String phoneNumberId,
      String mimeType,
      byte[] bytes,
      String sha256Hex,
      String sha256Base64,
      long createdMillis) {}

  private final long maxBytes;
  private final Map<String, Media> media = new LinkedHashMap<>();
  private long bytes;

  /** Creates a store that holds up to {@code maxBytes} of content. */
  public MediaStore(long maxBytes) {
    this.maxBytes = maxBytes;
  }

  /** Stores content and returns it with a fresh id. */
  public synchronized Media put(String phoneNumberId, byte[] content, String mimeType, long now) {
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
    Media m =
        new Media(
            Ids.numeric(),
            phoneNumberId,
            mimeType,
            content.clone(),
            Hmac.hex(digest),
            Base64.getEncoder().encodeToString(digest),
            now);
    media.put(m.id(), m);
    bytes += content.length;
    Iterator<Media> it = media.values().iterator();
    while (bytes > maxBytes && it.hasNext()) {
      Media oldest = it.next();
      if (oldest == m) {
        break;
      }
      it.remove();
      bytes -= oldest.bytes().length;
    }
    return m;
  }

  /** Returns the media with an id. */
  public synchronized Optional<Media> get(String id) {
    return Optional.ofNullable(media.get(id));
  }

  /** Deletes media; returns whether it existed. */
  public synchronized boolean delete(String id) {
    Media m = media.remove(id);
    if (m != null) {
      bytes -= m.bytes().length;
    }
    return m != null;
  }
}
