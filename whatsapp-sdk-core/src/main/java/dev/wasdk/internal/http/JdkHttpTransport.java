package dev.wasdk.internal.http;

import dev.wasdk.client.http.HttpTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpResponse.BodySubscribers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;

/**
 * The default {@link HttpTransport}: the JDK's {@link HttpClient}. A buffered answer is capped in
 * size and has a whole-response deadline (the JDK's own request timeout ends with the headers),
 * which one {@link BodyDeadlines} sweep per transport enforces. A blocking call keeps to the JDK's
 * own body subscribers, which the JDK feeds from the thread that reads the socket: a body whose
 * length is announced within the cap is collected whole by the JDK's byte-array subscriber, under a
 * {@link CallerDeadline}; any other is read on the calling thread from the JDK's stream subscriber
 * ({@link StreamedBody}). An asynchronous call subscribes a {@link BoundedBody}, which the JDK
 * calls through the client's executor. Failures are the JDK's own exceptions, which {@link
 * FailureClassifier} reads.
 *
 * <p>The synchronous path uses the client's blocking {@code send}, much faster than waiting on
 * {@code sendAsync}; the asynchronous path uses {@code sendAsync} and holds no thread. No locks;
 * thread-safe.
 */
public final class JdkHttpTransport implements HttpTransport {
  private final HttpClient http;
  private final boolean ownsHttp;
  private final HttpClient.Version version;
  private final BodyDeadlines bodyDeadlines;
  private final Logger log;
  private volatile TimeoutText lastTimeout;

  /** A timeout and its text in messages, kept so that equal timeouts build no new string. */
  private record TimeoutText(Duration timeout, String text) {}

  /**
   * Creates a transport.
   *
   * @param http the HTTP client; it must not follow redirects
   * @param ownsHttp whether {@link #close()} may close it
   * @param plainHttp whether the target is plain http, which then gets HTTP/1.1: the default HTTP/2
   *     would first try an h2c upgrade on every new connection
   * @param usualTimeout the request timeout most calls have, which sets the deadline sweep's period
   * @param log where a failure to close is noted
   */
  public JdkHttpTransport(
      HttpClient http, boolean ownsHttp, boolean plainHttp, Duration usualTimeout, Logger log) {
    this.http = http;
    this.ownsHttp = ownsHttp;
    this.version = plainHttp ? HttpClient.Version.HTTP_1_1 : null;
    this.bodyDeadlines = BodyDeadlines.forTimeout(usualTimeout);
    this.log = log;
  }

  @Override
  public Response execute(Request request) throws IOException, InterruptedException {
    HttpRequest r = jdkRequest(request);
    if (request.streamResponse()) {
      HttpResponse<InputStream> response = http.send(r, BodyHandlers.ofInputStream());
      return Response.streamed(response.statusCode(), response.headers(), response.body());
    }
    long deadline = bodyDeadlines.now() + request.timeout().toNanos();
    CallerDeadline caller = new CallerDeadline(deadline);
    HttpResponse<Object> response;
    try {
      response = http.send(r, sizedBody(request.maxBodyBytes(), caller));
    } catch (InterruptedException | IOException e) {
      if (caller.end()) {
        BoundedBody.Exceeded late = BoundedBody.deadline(timeoutText(request.timeout()));
        late.initCause(e);
        throw late;
      }
      throw e;
    } finally {
      caller.end();
      bodyDeadlines.remove(caller);
    }
    if (response.body() instanceof byte[] bytes) {
      return Response.buffered(response.statusCode(), response.headers(), bytes);
    }
    byte[] body =
        StreamedBody.read(
            response.headers(),
            (InputStream) response.body(),
            request.maxBodyBytes(),
            bodyDeadlines,
            deadline,
            timeoutText(request.timeout()));
    return Response.buffered(response.statusCode(), response.headers(), body);
  }

  /**
   * Returns the body handler of a blocking call. A body whose {@code Content-Length} is within the
   * cap is collected by the JDK's own byte-array subscriber, and the call returns once, with the
   * whole answer; the calling thread wakes up once per call. Its deadline is the caller's: the
   * sweep interrupts a call still waiting for the body when it passes. Any other body (no length,
   * or one over the cap) is read from the JDK's stream subscriber by {@link StreamedBody}, which
   * counts the bytes.
   */
  private HttpResponse.BodyHandler<Object> sizedBody(long maxBytes, CallerDeadline caller) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1L);
      if (declared >= 0 && declared <= maxBytes) {
        bodyDeadlines.add(caller);
        return untyped(BodySubscribers.ofByteArray());
      }
      return untyped(BodySubscribers.ofInputStream());
    };
  }

  /** Widens a JDK subscriber without wrapping it, so the JDK still feeds it on its own thread. */
  @SuppressWarnings("unchecked")
  private static HttpResponse.BodySubscriber<Object> untyped(
      HttpResponse.BodySubscriber<?> subscriber) {
    return (HttpResponse.BodySubscriber<Object>) subscriber;
  }

  @Override
  public CompletableFuture<Response> executeAsync(Request request, Executor executor) {
    if (request.streamResponse()) {
      return HttpTransport.super.executeAsync(request, executor);
    }
    HttpRequest r;
    try {
      r = jdkRequest(request);
    } catch (IOException e) {
      // only a body of unknown type, copied before sending, fails this way
      return CompletableFuture.failedFuture(e);
    }
    return http.sendAsync(r, boundedBody(request)).thenApply(JdkHttpTransport::buffered);
  }

  private static Response buffered(HttpResponse<byte[]> response) {
    return Response.buffered(response.statusCode(), response.headers(), response.body());
  }

  private HttpRequest jdkRequest(Request request) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    if (version != null) {
      b.version(version);
    }
    b.method(request.method(), publisher(request.body()));
    return b.build();
  }

  private static BodyPublisher publisher(Body body) throws IOException {
    if (body == null) {
      return BodyPublishers.noBody();
    }
    if (body instanceof PublisherBody p) {
      return p.publisher();
    }
    if (body instanceof ByteArrayBody b) {
      return BodyPublishers.ofByteArray(b.bytes());
    }
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    body.writeTo(copy);
    return BodyPublishers.ofByteArray(copy.toByteArray());
  }

  private HttpResponse.BodyHandler<byte[]> boundedBody(Request request) {
    Duration timeout = request.timeout();
    return BoundedBody.handler(
        request.maxBodyBytes(),
        bodyDeadlines,
        bodyDeadlines.now(),
        timeout.toNanos(),
        timeoutText(timeout));
  }

  /** Returns how messages name a timeout, reusing the text while the timeout is the same. */
  private String timeoutText(Duration timeout) {
    TimeoutText t = lastTimeout;
    if (t == null || !t.timeout.equals(timeout)) {
      t = new TimeoutText(timeout, "the request timeout of " + text(timeout));
      lastTimeout = t;
    }
    return t.text;
  }

  /** Returns a duration as messages write it: {@code 4 s} or {@code 1500 ms}. */
  static String text(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + " ms";
    }
    return d.toSeconds() + " s";
  }

  /**
   * Closes the HTTP client if this transport created it and the JDK can close one (JDK 21 and
   * later), which waits for calls in flight to finish. A caller-supplied HTTP client is left open.
   */
  @Override
  public void close() {
    if (ownsHttp && http instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        log.debug("closing the HTTP client failed: {}", e.toString());
      }
    }
  }
}
