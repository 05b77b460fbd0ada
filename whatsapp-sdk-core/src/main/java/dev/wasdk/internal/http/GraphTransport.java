package dev.wasdk.internal.http;

import dev.wasdk.client.ApiVersion;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.TransportException;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.json.GraphErrorJson;
import dev.wasdk.internal.observe.PathTemplates;
import dev.wasdk.internal.observe.SafeObserver;
import dev.wasdk.observe.GraphCallStart;
import dev.wasdk.observe.WhatsAppObserver;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;
import org.slf4j.Logger;

/**
 * Sends Graph API calls: adds the bearer token, {@code appsecret_proof} (when configured), user
 * agent and timeout, maps error responses to {@link ApiException} families and I/O failures to
 * {@link TransportException}s, and retries what is safe to retry. Every API of the client
 * (messages, media, templates, phone numbers, profile, blocked users, raw Graph calls) goes through
 * one instance.
 *
 * <p>The JDK's request timeout covers only the wait for the response headers, so every attempt also
 * has a deadline for its whole response, and buffered answers a size cap. A blocking call reads its
 * answer on the calling thread from the JDK's own stream subscriber ({@link StreamedBody}), which
 * the JDK feeds from the thread that reads the socket; an asynchronous call subscribes a {@link
 * BoundedBody}. One sweep per transport enforces both kinds of deadline (no timer per request), and
 * a download's stream is closed by a watchdog when its deadline passes. Either way a stalled body
 * fails the call instead of hanging it.
 *
 * <p>The synchronous path uses the HTTP client's blocking {@code send}, which is much faster than
 * waiting on {@code sendAsync}; the asynchronous path uses {@code sendAsync} and schedules retries
 * without holding a thread. No locks; thread-safe.
 */
public final class GraphTransport implements AutoCloseable {
  private static final int ERROR_BODY_MAX = 64 * 1024;
  private static final int COPY_BUFFER = 16 * 1024;
  private final HttpClient http;
  private final boolean ownsHttp;
  private final String root;
  private final URI base;
  private final ApiVersion version;
  private final TransportSettings settings;
  private final BearerHeader bearer;
  private final Retrier retrier;
  private final Duration requestTimeout;
  private final String requestTimeoutText;
  private final Duration downloadTimeout;
  private final String downloadTimeoutText;
  private final long maxResponseBytes;
  private final BodyDeadlines bodyDeadlines;
  private final String userAgent;
  private final HttpClient.Version httpVersion;
  private final Logger log;
  private final WhatsAppObserver observer;
  private final boolean observed;
  private final String rootPath;
  private volatile boolean closed;

  /**
   * Creates a transport.
   *
   * @param settings the checked settings
   */
  public GraphTransport(TransportSettings settings) {
    this(settings, WhatsAppObserver.none());
  }

  /**
   * Creates a transport that reports each HTTP attempt to an observer.
   *
   * @param settings the checked settings
   * @param observer the observer, already isolated ({@link WhatsAppObserver#of})
   */
  public GraphTransport(TransportSettings settings, WhatsAppObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    this.observed = !SafeObserver.isNone(observer);
    this.settings = settings;
    this.http = settings.http();
    this.ownsHttp = settings.ownsHttp();
    this.base = settings.baseUrl();
    this.version = settings.version();
    String b = base.toString();
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    this.root = b + "/" + version.value() + "/";
    this.rootPath = URI.create(root).getRawPath();
    this.bearer = new BearerHeader(settings.tokens(), settings.appSecretProof());
    this.retrier = new Retrier(settings.retryPolicy(), settings.random(), "wasdk");
    this.requestTimeout = settings.requestTimeout();
    this.requestTimeoutText = "the request timeout of " + text(requestTimeout);
    this.downloadTimeout = settings.downloadTimeout();
    this.downloadTimeoutText = "the download timeout of " + text(downloadTimeout);
    this.maxResponseBytes = settings.maxResponseBytes();
    this.bodyDeadlines = BodyDeadlines.forTimeout(requestTimeout);
    this.userAgent = settings.userAgent();
    // Plain-http targets (simulators, proxies on loopback) get HTTP/1.1: the default HTTP/2
    // would first try an h2c upgrade on every new connection.
    this.httpVersion =
        "http".equalsIgnoreCase(base.getScheme()) ? HttpClient.Version.HTTP_1_1 : null;
    this.log = settings.log();
  }

  /** Returns the Graph API version in every path. */
  public ApiVersion version() {
    return version;
  }

  /**
   * Returns the URI of a path under the version root, such as {@code
   * uri("106540352242922/messages")}.
   *
   * @param path the path after {@code /vNN.N/}, without a leading slash; segments must already be
   *     safe (see {@link #segment(String)})
   * @return the absolute URI
   */
  public URI uri(String path) {
    Objects.requireNonNull(path, "path");
    if (path.startsWith("/")) {
      throw new IllegalArgumentException("path must be relative to the version root: " + path);
    }
    return URI.create(root + path);
  }

  /**
   * Returns the URI of a path with query parameters, each value URL-encoded, in map order.
   *
   * @param path the path after {@code /vNN.N/}
   * @param query the parameters; pass a {@link java.util.LinkedHashMap} to keep an order
   * @return the absolute URI
   */
  public URI uri(String path, Map<String, String> query) {
    if (query.isEmpty()) {
      return uri(path);
    }
    StringBuilder b = new StringBuilder(root).append(path);
    char sep = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      b.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return URI.create(b.toString());
  }

  /**
   * Returns an id or name encoded as one path segment: unreserved characters stay, everything else
   * is percent-encoded, so it cannot add segments or a query.
   *
   * @param value the raw segment
   * @return the encoded segment
   */
  public static String segment(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("path segment must not be empty");
    }
    StringBuilder b = new StringBuilder(value.length());
    for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        b.append(c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
      }
    }
    String s = b.toString();
    if (s.equals(".") || s.equals("..")) {
      throw new IllegalArgumentException("path segment must not be '.' or '..'");
    }
    return s;
  }

  /**
   * Sends a call and returns its response, retrying per the policy.
   *
   * @param request the call
   * @return the response (2xx, or a status the request accepts)
   * @throws ApiException if Graph answered with an error
   * @throws TransportException if the call failed in transport
   * @throws IllegalStateException if the transport is closed
   */
  public GraphResponse execute(GraphRequest request) {
    return run(request, n -> attempt(request, n));
  }

  /**
   * Sends a GET whose 2xx body is streamed into a sink, with at most {@code maxBytes} bytes, and
   * retries per the policy as long as no byte has reached the sink. The token goes only to the base
   * URL's origin and the allowed media hosts (https only); anything else is refused before I/O.
   *
   * @param request the call, usually {@link GraphRequest#get}
   * @param sink where the body goes; not closed
   * @param maxBytes the largest body accepted
   * @return the status, headers and number of bytes written
   * @throws ApiException if Graph answered with an error
   * @throws TransportException if the call failed in transport
   * @throws WhatsAppException if the body is larger than {@code maxBytes} or the sink failed
   */
  public GraphDownload download(GraphRequest request, OutputStream sink, long maxBytes) {
    Objects.requireNonNull(sink, "sink");
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative");
    }
    return run(request, n -> attemptDownload(request, sink, maxBytes, n));
  }

  /**
   * Returns the exception Graph's error body in a response maps to, for calls that accept an error
   * status in order to read a partial result from it.
   *
   * @param response a response whose body holds a Graph error
   * @return the exception; never thrown here
   */
  public ApiException errorOf(GraphResponse response) {
    BearerHeader.Entry last = bearer.last();
    return ApiExceptions.of(
        GraphErrorJson.parse(
            response.body(),
            response.status(),
            response.headers().firstValue("Content-Type").orElse("unknown type"),
            last == null ? null : last.token),
        response.headers(),
        settings.clock().instant());
  }

  private <T> T run(GraphRequest request, IntFunction<T> attempt) {
    ensureOpen();
    checkTarget(request.uri());
    try {
      return attempt.apply(1);
    } catch (WhatsAppException first) {
      if (!retrier.enabled() || !Retrier.retryable(first, request.idempotent())) {
        throw first;
      }
      return retry(request, first, attempt);
    }
  }

  private <T> T retry(GraphRequest request, WhatsAppException first, IntFunction<T> call) {
    Retry.AsyncContext<Object> context = retrier.context(request.idempotent());
    WhatsAppException last = first;
    for (int attempt = 2; ; attempt++) {
      long wait = context.onError(last);
      if (wait < 0 || closed) {
        throw last;
      }
      logRetry(request, last, wait, attempt);
      try {
        settings.sleeper().sleep(Duration.ofMillis(wait));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw last;
      }
      try {
        T response = call.apply(attempt);
        context.onComplete();
        return response;
      } catch (WhatsAppException e) {
        e.addSuppressed(last);
        last = e;
      }
    }
  }

  private GraphResponse attempt(GraphRequest request, int attempt) {
    CallObservation obs = observe(request, attempt);
    if (obs == null) {
      return attempt(request);
    }
    try {
      GraphResponse r = attempt(request);
      obs.succeeded(r.status());
      return r;
    } catch (RuntimeException e) {
      obs.failed(e);
      throw e;
    }
  }

  private GraphResponse attempt(GraphRequest request) {
    BearerHeader.Entry token = bearer.current(request);
    HttpRequest httpRequest = httpRequest(request, token);
    long start = bodyDeadlines.now();
    HttpResponse<InputStream> response;
    byte[] body;
    try {
      response = http.send(httpRequest, BodyHandlers.ofInputStream());
      body =
          StreamedBody.read(
              response,
              maxResponseBytes,
              bodyDeadlines,
              start + requestTimeout.toNanos(),
              requestTimeoutText);
    } catch (IOException e) {
      throw FailureClassifier.classify(e, request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FailureClassifier.classify(e, request);
    }
    return handle(request, response.statusCode(), response.headers(), body, token.token);
  }

  /** Returns the observation of one attempt, or null when nothing observes. */
  private CallObservation observe(GraphRequest request, int attempt) {
    if (!observed) {
      return null;
    }
    URI uri = request.uri();
    String template;
    if (sameOrigin(uri, base)) {
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      template =
          PathTemplates.of(path.startsWith(rootPath) ? path.substring(rootPath.length()) : path);
    } else {
      template = "{media_url}";
    }
    GraphCallStart start =
        new GraphCallStart(
            request.method(),
            template,
            PathTemplates.operation(request.operation()),
            uri.getHost() == null ? "" : uri.getHost(),
            port(uri),
            attempt);
    return new CallObservation(start, observer.onGraphCallStart(start));
  }

  private GraphDownload attemptDownload(
      GraphRequest request, OutputStream sink, long maxBytes, int attempt) {
    CallObservation obs = observe(request, attempt);
    if (obs == null) {
      return attemptDownload(request, sink, maxBytes);
    }
    try {
      GraphDownload d = attemptDownload(request, sink, maxBytes);
      obs.succeeded(d.status());
      return d;
    } catch (RuntimeException e) {
      obs.failed(e);
      throw e;
    }
  }

  private GraphDownload attemptDownload(GraphRequest request, OutputStream sink, long maxBytes) {
    BearerHeader.Entry token = bearer.current(request);
    HttpRequest httpRequest = httpRequest(request, token);
    long start = System.nanoTime();
    HttpResponse<InputStream> response;
    try {
      response = http.send(httpRequest, BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw FailureClassifier.classify(e, request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FailureClassifier.classify(e, request);
    }
    InputStream in = response.body();
    // The request timeout ended with the headers; closing the stream at the deadline is what
    // unblocks a read that waits on a stalled body.
    AtomicBoolean expired = new AtomicBoolean();
    CompletableFuture<Void> watchdog = new CompletableFuture<>();
    watchdog
        .orTimeout(
            Math.max(1, start + downloadTimeout.toNanos() - System.nanoTime()),
            TimeUnit.NANOSECONDS)
        .whenComplete(
            (ok, error) -> {
              if (error != null) {
                expired.set(true);
                closeQuietly(in);
              }
            });
    long written = 0;
    try (in) {
      int status = response.statusCode();
      if (!request.accepts(status)) {
        byte[] error = in.readNBytes(ERROR_BODY_MAX);
        checkDeadline(expired);
        handle(request, status, response.headers(), error, token.token);
      }
      long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1L);
      if (declared > maxBytes) {
        throw tooLarge(request, declared + " bytes announced", maxBytes);
      }
      byte[] buffer = new byte[COPY_BUFFER];
      for (int n; (n = in.read(buffer)) != -1; ) {
        if (written + n > maxBytes) {
          throw tooLarge(request, "more than " + maxBytes + " bytes", maxBytes);
        }
        try {
          sink.write(buffer, 0, n);
        } catch (IOException e) {
          throw new WhatsAppException(
              request.describe() + " failed: the output could not be written (" + e + ")", e);
        }
        written += n;
      }
      checkDeadline(expired);
      if (log.isDebugEnabled()) {
        log.debug(
            "{} {} -> HTTP {}, {} bytes",
            request.method(),
            request.uri().getRawPath(),
            status,
            written);
      }
      return new GraphDownload(status, response.headers(), written);
    } catch (IOException e) {
      IOException cause = expired.get() ? deadlineOf(downloadTimeoutText) : e;
      if (written > 0) {
        // Bytes already reached the sink, so a retry would duplicate them; fail for good.
        throw new WhatsAppException(
            request.describe() + " broke off after " + written + " bytes: " + cause.getMessage(),
            cause);
      }
      throw FailureClassifier.classify(cause, request);
    } finally {
      watchdog.complete(null);
    }
  }

  private void checkDeadline(AtomicBoolean expired) throws IOException {
    if (expired.get()) {
      throw deadlineOf(downloadTimeoutText);
    }
  }

  private static IOException deadlineOf(String timeoutText) {
    return new BoundedBody.Exceeded(
        BoundedBody.Exceeded.Bound.DEADLINE, "the response did not complete within " + timeoutText);
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException ignored) {
      // the reader sees the stream end and reports the deadline
    }
  }

  private HttpResponse.BodyHandler<byte[]> boundedBody() {
    return BoundedBody.handler(
        maxResponseBytes,
        bodyDeadlines,
        bodyDeadlines.now(),
        requestTimeout.toNanos(),
        requestTimeoutText);
  }

  private static String text(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + " ms";
    }
    return d.toSeconds() + " s";
  }

  private static WhatsAppException tooLarge(GraphRequest request, String actual, long maxBytes) {
    return new WhatsAppException(
        request.describe()
            + " was stopped: the body is "
            + actual
            + ", over the limit of "
            + maxBytes
            + " bytes");
  }

  /**
   * Sends a call without blocking, retrying per the policy. The future completes with the response,
   * or exceptionally with the same exceptions {@link #execute} throws (not wrapped).
   *
   * @param request the call
   * @return the future response
   * @throws IllegalStateException if the transport is closed
   */
  public CompletableFuture<GraphResponse> executeAsync(GraphRequest request) {
    ensureOpen();
    checkTarget(request.uri());
    CompletableFuture<GraphResponse> result = new CompletableFuture<>();
    attemptAsync(request, null, null, 1, result);
    return result;
  }

  private void attemptAsync(
      GraphRequest request,
      Retry.AsyncContext<Object> context,
      WhatsAppException previous,
      int attempt,
      CompletableFuture<GraphResponse> result) {
    BearerHeader.Entry token;
    CompletableFuture<HttpResponse<byte[]>> sent;
    CallObservation obs = observe(request, attempt);
    try {
      token = bearer.current(request);
      sent = http.sendAsync(httpRequest(request, token), boundedBody());
    } catch (WhatsAppException e) {
      if (obs != null) {
        obs.failed(e);
      }
      afterAsyncFailure(request, context, previous, e, attempt, result);
      return;
    } catch (RuntimeException e) {
      if (obs != null) {
        obs.failed(e);
      }
      result.completeExceptionally(e);
      return;
    }
    sent.whenComplete(
        (response, error) -> {
          WhatsAppException failure;
          if (error == null) {
            try {
              GraphResponse r = handle(request, response, token.token);
              if (context != null) {
                context.onComplete();
              }
              if (obs != null) {
                obs.succeeded(r.status());
              }
              result.complete(r);
              return;
            } catch (WhatsAppException e) {
              failure = e;
            } catch (RuntimeException e) {
              if (obs != null) {
                obs.failed(e);
              }
              result.completeExceptionally(e);
              return;
            }
          } else {
            failure = FailureClassifier.classify(error, request);
          }
          if (obs != null) {
            obs.failed(failure);
          }
          afterAsyncFailure(request, context, previous, failure, attempt, result);
        });
  }

  private void afterAsyncFailure(
      GraphRequest request,
      Retry.AsyncContext<Object> context,
      WhatsAppException previous,
      WhatsAppException failure,
      int attempt,
      CompletableFuture<GraphResponse> result) {
    if (previous != null) {
      failure.addSuppressed(previous);
    }
    if (!retrier.enabled() || !Retrier.retryable(failure, request.idempotent())) {
      result.completeExceptionally(failure);
      return;
    }
    Retry.AsyncContext<Object> ctx =
        context != null ? context : retrier.context(request.idempotent());
    long wait = ctx.onError(failure);
    if (wait < 0 || closed) {
      result.completeExceptionally(failure);
      return;
    }
    logRetry(request, failure, wait, attempt + 1);
    try {
      settings
          .sleeper()
          .delayed(Duration.ofMillis(wait), settings.executor())
          .execute(() -> attemptAsync(request, ctx, failure, attempt + 1, result));
    } catch (RuntimeException e) {
      failure.addSuppressed(e);
      result.completeExceptionally(failure);
    }
  }

  private HttpRequest httpRequest(GraphRequest request, BearerHeader.Entry token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(withProof(request.uri(), token))
            .timeout(requestTimeout)
            .header("Authorization", token.header)
            .header("User-Agent", userAgent);
    if (httpVersion != null) {
      b.version(httpVersion);
    }
    if (request.contentType() != null) {
      b.header("Content-Type", request.contentType());
    }
    if (request.subject() instanceof RequestHeaders extra) {
      extra.headers().forEach(b::header);
    }
    b.method(request.method(), request.body() == null ? BodyPublishers.noBody() : request.body());
    return b.build();
  }

  /**
   * Returns the URI with the token's {@code appsecret_proof} appended, for Graph itself only: the
   * media host signs its own URLs and has no use for it.
   */
  private URI withProof(URI uri, BearerHeader.Entry token) {
    if (token.proof == null || !sameOrigin(uri, base)) {
      return uri;
    }
    String s = uri.toString();
    int hash = s.indexOf('#');
    String fragmentless = hash >= 0 ? s.substring(0, hash) : s;
    return URI.create(
        fragmentless
            + (uri.getRawQuery() == null ? '?' : '&')
            + AppSecretProof.PARAMETER
            + '='
            + token.proof);
  }

  private GraphResponse handle(GraphRequest request, HttpResponse<byte[]> response, String token) {
    return handle(
        request,
        response.statusCode(),
        response.headers(),
        response.body() == null ? new byte[0] : response.body(),
        token);
  }

  private GraphResponse handle(
      GraphRequest request, int status, HttpHeaders headers, byte[] body, String token) {
    if (log.isDebugEnabled()) {
      log.debug("{} {} -> HTTP {}", request.method(), request.uri().getRawPath(), status);
    }
    if (request.accepts(status)) {
      return new GraphResponse(status, headers, body);
    }
    throw ApiExceptions.of(
        GraphErrorJson.parse(
            body, status, headers.firstValue("Content-Type").orElse("unknown type"), token),
        headers,
        settings.clock().instant());
  }

  private void logRetry(GraphRequest request, WhatsAppException failure, long wait, int attempt) {
    if (log.isDebugEnabled()) {
      log.debug(
          "{} failed, retrying in {} ms (attempt {} of {}): {}",
          request.describe(),
          wait,
          attempt,
          retrier.maxAttempts(),
          failure.getMessage());
    }
  }

  private void checkTarget(URI uri) {
    if (sameOrigin(uri, base)) {
      return;
    }
    String host = uri.getHost();
    if (host != null
        && "https".equalsIgnoreCase(uri.getScheme())
        && settings.tokenHosts().contains(host.toLowerCase(Locale.ROOT))) {
      return;
    }
    throw new IllegalArgumentException(
        "refusing to send the access token to " + uri.getScheme() + "://" + host);
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the WhatsAppClient is closed");
    }
  }

  /** Returns whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Rejects further calls; retries waiting to run give up with their last failure. If the transport
   * created its HTTP client and the JDK supports closing it (JDK 21 and later), it is closed, which
   * waits for calls in flight to finish. A caller-supplied HTTP client is left open.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ownsHttp && http instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        log.debug("closing the HTTP client failed: {}", e.toString());
      }
    }
  }
}
