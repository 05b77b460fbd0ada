package dev.wasdk.webhooks.internal;

import java.io.IOException;
import java.io.InputStream;

/** Reads request bodies for the adapters without holding more than the limit allows. */
public final class BoundedBody {
  private static final byte[] EMPTY = new byte[0];

  private BoundedBody() {}

  /**
   * Reads a body, stopping one byte past the limit so that the endpoint can see it is too large.
   * When the declared length is already over the limit, reads nothing: the endpoint rejects the
   * request on the declared length.
   *
   * @param in the body stream; not closed
   * @param declaredLength the {@code Content-Length}, or -1 if unknown
   * @param limit the endpoint's maximum body size
   * @return at most {@code limit + 1} bytes
   */
  public static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
    if (declaredLength > limit) {
      return EMPTY;
    }
    return in.readNBytes(limit + 1);
  }

  /** Parses a {@code Content-Length} value; -1 when absent, negative or not a number. */
  public static long parseLength(String contentLength) {
    if (contentLength == null) {
      return -1;
    }
    try {
      return Math.max(-1, Long.parseLong(contentLength.strip()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
