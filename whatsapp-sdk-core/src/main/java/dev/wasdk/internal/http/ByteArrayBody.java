package dev.wasdk.internal.http;

import dev.wasdk.client.http.HttpTransport;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A request body held in memory, as {@link HttpTransport.Body#of} returns it. The array is shared,
 * not copied. Immutable as long as the array is not changed; thread-safe.
 */
public final class ByteArrayBody implements HttpTransport.Body {
  private final byte[] bytes;

  /**
   * Wraps bytes.
   *
   * @param bytes the body; not copied
   */
  public ByteArrayBody(byte[] bytes) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  /** Returns the bytes themselves, for transports that can send an array as it is. */
  byte[] bytes() {
    return bytes;
  }

  @Override
  public long contentLength() {
    return bytes.length;
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  @Override
  public String toString() {
    return "Body[" + bytes.length + " bytes]";
  }
}
