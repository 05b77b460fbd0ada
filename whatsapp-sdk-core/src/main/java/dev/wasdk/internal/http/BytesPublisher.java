package dev.wasdk.internal.http;

import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A JDK body publisher over bytes in memory that keeps the bytes reachable, so that a transport
 * other than the JDK's can send them without subscribing. Immutable; thread-safe.
 */
final class BytesPublisher implements BodyPublisher {
  private final byte[] bytes;

  BytesPublisher(byte[] bytes) {
    this.bytes = bytes;
  }

  byte[] bytes() {
    return bytes;
  }

  @Override
  public long contentLength() {
    return bytes.length;
  }

  @Override
  public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
    // Only a caller that subscribes pays for the JDK publisher: the transports take the bytes.
    BodyPublishers.ofByteArray(bytes).subscribe(subscriber);
  }
}
