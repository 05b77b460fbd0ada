package dev.wasdk.internal.http;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into memory with two bounds the JDK's own byte-array subscriber lacks: a
 * size cap, checked against {@code Content-Length} and against the bytes as they arrive, and a
 * deadline for the whole response. The JDK request timeout stops counting once the headers arrive,
 * so without the deadline a server that sends headers and then stalls would hang the call forever.
 *
 * <p>Breaching either bound cancels the subscription, which makes the HTTP client drop the
 * connection, and fails the body with a {@link Exceeded}. No timer is armed per response: each
 * chunk checks the deadline as it arrives, and a body that stops sending is failed by its
 * transport's {@link BodyDeadlines} sweep, at most one sweep period after the deadline. A body that
 * has fully arrived is kept even if its last chunk came in after the deadline but before the sweep
 * saw it: the answer is known, and failing it would turn a known outcome into an unknown one. One
 * instance per response; the HTTP client calls it from one thread at a time, and the sweep may fail
 * it from another.
 */
final class BoundedBody implements BodySubscriber<byte[]>, BodyDeadlines.Watched {

  /** Why a body was given up; an {@link IOException} so the HTTP client passes it through. */
  static final class Exceeded extends IOException {
    private static final long serialVersionUID = 1L;

    /** Which bound a body broke. */
    enum Bound {
      /** The whole-response deadline passed before the body ended. */
      DEADLINE,
      /** The body was larger than the cap. */
      SIZE
    }

    private final Bound bound;

    Exceeded(Bound bound, String message) {
      super(message);
      this.bound = bound;
    }

    Bound bound() {
      return bound;
    }
  }

  private final long maxBytes;
  private final BodyDeadlines deadlines;
  private final long deadlineNanos;
  private final String deadlineText;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final List<ByteBuffer> parts = new ArrayList<>();
  private volatile Flow.Subscription subscription;
  private long received;

  BoundedBody(long maxBytes, BodyDeadlines deadlines, long deadlineNanos, String deadlineText) {
    this.maxBytes = maxBytes;
    this.deadlines = deadlines;
    this.deadlineNanos = deadlineNanos;
    this.deadlineText = deadlineText;
  }

  /**
   * Returns a body handler whose subscribers enforce the cap and a deadline that ends {@code
   * timeoutNanos} after {@code startNanos} (both on the clock of {@code deadlines}).
   *
   * @param maxBytes the largest body accepted
   * @param deadlines the transport's sweep, which watches each body until it ends
   * @param startNanos when the request was started
   * @param timeoutNanos how long the whole response may take
   * @param deadlineText how to describe the deadline in a message, such as {@code "30 s"}
   * @return the handler
   */
  static HttpResponse.BodyHandler<byte[]> handler(
      long maxBytes,
      BodyDeadlines deadlines,
      long startNanos,
      long timeoutNanos,
      String deadlineText) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
      BoundedBody body =
          new BoundedBody(maxBytes, deadlines, startNanos + timeoutNanos, deadlineText);
      if (declared > maxBytes) {
        body.fail(tooLarge(declared + " bytes announced", maxBytes));
      } else if (!body.expireIfDue(deadlines.now())) {
        deadlines.add(body);
      }
      return body;
    };
  }

  /**
   * Fails the body if its deadline has passed and it has not ended.
   *
   * @param nowNanos the current time on the deadlines' clock
   * @return whether the deadline has passed
   */
  @Override
  public boolean expireIfDue(long nowNanos) {
    if (nowNanos - deadlineNanos < 0) {
      return false;
    }
    fail(deadline(deadlineText));
    return true;
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (result.isDone()) {
      s.cancel();
      return;
    }
    // Everything is buffered anyway, as the JDK's byte-array subscriber does; the cap, not the
    // demand, is what stops a large body.
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    if (expireIfDue(deadlines.now())) {
      return;
    }
    for (ByteBuffer b : items) {
      received += b.remaining();
      if (received > maxBytes) {
        fail(tooLarge("more than " + maxBytes + " bytes", maxBytes));
        return;
      }
    }
    // The HTTP client hands over buffers it no longer uses, as its own byte-array subscriber
    // relies on, so they are kept without a copy.
    parts.addAll(items);
  }

  @Override
  public void onError(Throwable error) {
    result.completeExceptionally(error);
    deadlines.remove(this);
    parts.clear();
  }

  @Override
  public void onComplete() {
    if (result.isDone()) {
      return;
    }
    byte[] all = new byte[(int) received];
    int at = 0;
    for (ByteBuffer b : parts) {
      int n = b.remaining();
      b.get(all, at, n);
      at += n;
    }
    parts.clear();
    deadlines.remove(this);
    result.complete(all);
  }

  private void fail(Exceeded e) {
    if (result.completeExceptionally(e)) {
      deadlines.remove(this);
      Flow.Subscription s = subscription;
      if (s != null) {
        s.cancel();
      }
    }
  }

  static Exceeded deadline(String deadlineText) {
    return new Exceeded(
        Exceeded.Bound.DEADLINE, "the response did not complete within " + deadlineText);
  }

  static Exceeded tooLarge(String actual, long maxBytes) {
    return new Exceeded(
        Exceeded.Bound.SIZE,
        "the response body is " + actual + ", over the limit of " + maxBytes + " bytes");
  }
}
