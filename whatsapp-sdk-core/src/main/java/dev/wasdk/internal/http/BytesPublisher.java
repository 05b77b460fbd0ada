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
  private final BodyPublisher delegate;

  BytesPublisher(byte[] bytes) {
    this.bytes = bytes;
    this.delegate = BodyPublishers.ofByteArray(bytes);
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
    delegate.subscribe(subscriber);
  }
}
