package dev.wasdk.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpHeaders;

/**
 * Reads a blocking call's response body on the calling thread, with the bounds of {@link
 * BoundedBody}: a size cap, checked against {@code Content-Length} and against the bytes read, and
 * the whole-response deadline, which the transport's {@link BodyDeadlines} sweep enforces by
 * closing the stream, which unblocks a read that waits on a stalled body. The transport uses it for
 * a body without a {@code Content-Length}, or with one over the cap; a body announced within the
 * cap is collected by the JDK's byte-array subscriber instead, which wakes the caller once rather
 * than once for the headers and again for the body.
 *
 * <p>The blocking path reads from the JDK's own input-stream subscriber rather than subscribing a
 * {@link BoundedBody}: the JDK hands a body subscriber of its own the bytes on the thread that
 * reads the socket, while any other subscriber is called through the client's executor, a thread
 * hop per response. One instance per response, read by the calling thread; the sweep may close it
 * from another.
 */
final class StreamedBody implements BodyDeadlines.Watched {
  private final InputStream in;
  private final long deadlineNanos;
  private volatile boolean expired;

  private StreamedBody(InputStream in, long deadlineNanos) {
    this.in = in;
    this.deadlineNanos = deadlineNanos;
  }

  /**
   * Reads the whole body of a response and closes its stream.
   *
   * @param headers the response headers
   * @param stream the body's stream, from the JDK's stream subscriber
   * @param maxBytes the largest body accepted
   * @param deadlines the transport's sweep
   * @param deadlineNanos when the whole response must have arrived, on the sweep's clock
   * @param deadlineText how to describe the deadline in a message, such as {@code "30 s"}
   * @return the body
   * @throws IOException a {@link BoundedBody.Exceeded} when a bound was broken, or the stream's own
   *     failure
   */
  static byte[] read(
      HttpHeaders headers,
      InputStream stream,
      long maxBytes,
      BodyDeadlines deadlines,
      long deadlineNanos,
      String deadlineText)
      throws IOException {
    StreamedBody body = new StreamedBody(stream, deadlineNanos);
    try (InputStream in = body.in) {
      long declared = headers.firstValueAsLong("Content-Length").orElse(-1L);
      if (declared > maxBytes) {
        throw BoundedBody.tooLarge(declared + " bytes announced", maxBytes);
      }
      if (body.expireIfDue(deadlines.now())) {
        throw BoundedBody.deadline(deadlineText);
      }
      deadlines.add(body);
      try {
        if (declared >= 0) {
          // all of the announced bytes arrived: the answer is known, whenever the sweep came
          return body.readExactly((int) declared);
        }
        byte[] all = body.readAll(maxBytes);
        if (body.expired) {
          // a closed stream may read as ended: without a length, the end cannot be trusted
          throw BoundedBody.deadline(deadlineText);
        }
        return all;
      } catch (IOException e) {
        if (body.expired) {
          BoundedBody.Exceeded late = BoundedBody.deadline(deadlineText);
          late.initCause(e);
          throw late;
        }
        throw e;
      } finally {
        deadlines.remove(body);
      }
    }
  }

  @Override
  public boolean expireIfDue(long nowNanos) {
    if (nowNanos - deadlineNanos < 0) {
      return false;
    }
    expired = true;
    try {
      in.close();
    } catch (IOException ignored) {
      // the reader sees the stream fail or end, and reports the deadline
    }
    return true;
  }

  private byte[] readExactly(int length) throws IOException {
    byte[] all = in.readNBytes(length);
    if (all.length < length) {
      throw new IOException(
          "the response body ended after " + all.length + " of " + length + " bytes");
    }
    // Reading on to the end lets the client see the body complete and pool the connection;
    // closing the stream before that would drop the connection.
    if (in.read() != -1) {
      throw new IOException("the response body is longer than its " + length + " bytes");
    }
    return all;
  }

  private byte[] readAll(long maxBytes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    byte[] buffer = new byte[4096];
    long total = 0;
    for (int n; (n = in.read(buffer)) != -1; ) {
      total += n;
      if (total > maxBytes) {
        throw BoundedBody.tooLarge("more than " + maxBytes + " bytes", maxBytes);
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
