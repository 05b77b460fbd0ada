package dev.wasdk.internal.http;

import dev.wasdk.client.http.HttpTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A request body backed by a JDK {@link BodyPublisher}, as {@link GraphRequest} carries it. The JDK
 * transport sends the publisher itself; any other transport writes it through {@link #writeTo},
 * which subscribes and copies one buffer at a time on the calling thread. The publisher must be
 * re-subscribable (the JDK's byte-array, file and input-stream publishers are). Thread-safe.
 */
final class PublisherBody implements HttpTransport.Body {
  private static final Object END = new Object();

  private final BodyPublisher publisher;

  PublisherBody(BodyPublisher publisher) {
    this.publisher = Objects.requireNonNull(publisher, "publisher");
  }

  /** Returns the body of a request: bytes when they are in memory, else the publisher. */
  static HttpTransport.Body of(BodyPublisher publisher) {
    if (publisher == null) {
      return null;
    }
    if (publisher instanceof BytesPublisher bytes) {
      return new ByteArrayBody(bytes.bytes());
    }
    return new PublisherBody(publisher);
  }

  BodyPublisher publisher() {
    return publisher;
  }

  @Override
  public long contentLength() {
    return publisher.contentLength();
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    BlockingQueue<Object> events = new LinkedBlockingQueue<>();
    publisher.subscribe(
        new Flow.Subscriber<ByteBuffer>() {
          @Override
          public void onSubscribe(Flow.Subscription s) {
            events.add(s);
          }

          @Override
          public void onNext(ByteBuffer item) {
            events.add(item);
          }

          @Override
          public void onError(Throwable t) {
            events.add(t);
          }

          @Override
          public void onComplete() {
            events.add(END);
          }
        });
    Flow.Subscription subscription = null;
    boolean done = false;
    try {
      while (true) {
        Object e = events.take();
        if (e instanceof Flow.Subscription s) {
          subscription = s;
          s.request(1);
        } else if (e instanceof ByteBuffer b) {
          write(b, out);
          subscription.request(1);
        } else if (e == END) {
          done = true;
          return;
        } else if (e instanceof Throwable t) {
          done = true;
          throw t instanceof IOException io ? io : new IOException("the request body failed", t);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while writing the request body");
    } finally {
      if (!done && subscription != null) {
        subscription.cancel();
      }
    }
  }

  private static void write(ByteBuffer b, OutputStream out) throws IOException {
    if (b.hasArray()) {
      out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
      b.position(b.limit());
      return;
    }
    byte[] copy = new byte[b.remaining()];
    b.get(copy);
    out.write(copy);
  }

  @Override
  public String toString() {
    return "Body[" + publisher.contentLength() + " bytes]";
  }
}
