package dev.wasdk.internal.http;

import dev.wasdk.client.ApiVersion;
import dev.wasdk.client.http.HttpTransport;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.TransportException;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.json.GraphErrorJson;
import dev.wasdk.internal.observe.SafeObserver;
import dev.wasdk.observe.WhatsAppObserver;
import io.github.resilience4j.retry.Retry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.slf4j.Logger;

/**
 * Sends Graph API calls: adds the bearer token, {@code appsecret_proof} (when configured), user
 * agent and timeout, maps error responses to {@link ApiException} families and I/O failures to
 * {@link TransportException}s, and retries what is safe to retry. Every API of the client
 * (messages, media, templates, phone numbers, profile, blocked users, raw Graph calls) goes through
 * one instance.
 *
 * <p>The exchange itself goes through an {@link HttpTransport}: the JDK's {@code HttpClient}
 * ({@link JdkHttpTransport}) unless the client was given another. The transport bounds a buffered
 * answer (its size, and a deadline for the whole of it); a download's stream is closed by a
 * watchdog when its own deadline passes ({@link StreamedDownload}). Either way a stalled body fails
 * the call instead of hanging it.
 *
 * <p>The asynchronous path uses the transport's {@code executeAsync} and schedules retries without
 * holding a thread. No locks; thread-safe.
 */
public final class GraphTransport implements AutoCloseable {
  private final HttpTransport http;
  private final boolean ownsHttp;
  private final GraphTargets targets;
  private final ApiVersion version;
  private final TransportSettings settings;
  private final BearerHeader bearer;
  private final Retrier retrier;
  private final Duration requestTimeout;
  private final Duration downloadTimeout;
  private final String downloadTimeoutText;
  private final long maxResponseBytes;
  private final Exchanges exchanges;
  private final Logger log;
  private final WhatsAppObserver observer;
  private final boolean observed;
  private volatile boolean closed;

  /**
   * Creates a transport on the settings' JDK HTTP client.
   *
   * @param settings the checked settings
   */
  public GraphTransport(TransportSettings settings) {
    this(settings, WhatsAppObserver.none());
  }

  /**
   * Creates a transport on the settings' JDK HTTP client that reports each HTTP attempt to an
   * observer.
   *
   * @param settings the checked settings
   * @param observer the observer, already isolated ({@link WhatsAppObserver#of})
   */
  public GraphTransport(TransportSettings settings, WhatsAppObserver observer) {
    this(settings, jdk(settings), true, observer);
  }

  /**
   * Creates a transport on any HTTP transport.
   *
   * @param settings the checked settings; their {@code http} is not used
   * @param http the HTTP transport
   * @param ownsHttp whether {@link #close()} closes the HTTP transport
   * @param observer the observer, already isolated ({@link WhatsAppObserver#of})
   */
  public GraphTransport(
      TransportSettings settings, HttpTransport http, boolean ownsHttp, WhatsAppObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
    this.observed = !SafeObserver.isNone(observer);
    this.settings = settings;
    this.http = Objects.requireNonNull(http, "http");
    this.ownsHttp = ownsHttp;
    this.version = settings.version();
    this.targets = new GraphTargets(settings.baseUrl(), version.value(), settings.tokenHosts());
    this.bearer = new BearerHeader(settings.tokens(), settings.appSecretProof());
    this.retrier = new Retrier(settings.retryPolicy(), settings.random(), "wasdk");
    this.requestTimeout = settings.requestTimeout();
    this.downloadTimeout = settings.downloadTimeout();
    this.downloadTimeoutText = "the download timeout of " + JdkHttpTransport.text(downloadTimeout);
    this.maxResponseBytes = settings.maxResponseBytes();
    this.exchanges = new Exchanges(targets, settings.userAgent(), maxResponseBytes);
    this.log = settings.log();
  }

  private static HttpTransport jdk(TransportSettings settings) {
    return new JdkHttpTransport(
        Objects.requireNonNull(settings.http(), "http"),
        settings.ownsHttp(),
        "http".equalsIgnoreCase(settings.baseUrl().getScheme()),
        settings.requestTimeout(),
        settings.log());
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
    return targets.uri(path);
  }

  /**
   * Returns the URI of a path with query parameters, each value URL-encoded, in map order.
   *
   * @param path the path after {@code /vNN.N/}
   * @param query the parameters; pass a {@link java.util.LinkedHashMap} to keep an order
   * @return the absolute URI
   */
  public URI uri(String path, Map<String, String> query) {
    return targets.uri(path, query);
  }

  /**
   * Returns an id or name encoded as one path segment: unreserved characters stay, everything else
   * is percent-encoded, so it cannot add segments or a query.
   *
   * @param value the raw segment
   * @return the encoded segment
   */
  public static String segment(String value) {
    return GraphTargets.segment(value);
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
    targets.check(request.uri());
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
    HttpTransport.Response response;
    try {
      response = http.execute(exchanges.request(request, token, requestTimeout, false));
    } catch (IOException e) {
      throw FailureClassifier.classify(e, request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FailureClassifier.classify(e, request);
    }
    return handle(request, response.status(), response.headers(), response.body(), token.token);
  }

  /** Returns the observation of one attempt, or null when nothing observes. */
  private CallObservation observe(GraphRequest request, int attempt) {
    return observed ? CallObservation.start(observer, targets, request, attempt) : null;
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
    long start = System.nanoTime();
    HttpTransport.Response response;
    try {
      response = http.execute(exchanges.request(request, token, requestTimeout, true));
    } catch (IOException e) {
      throw FailureClassifier.classify(e, request);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw FailureClassifier.classify(e, request);
    }
    return StreamedDownload.copy(
        request,
        response,
        start,
        downloadTimeout,
        downloadTimeoutText,
        sink,
        maxBytes,
        (status, headers, body) -> handle(request, status, headers, body, token.token),
        log);
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
    targets.check(request.uri());
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
    CompletableFuture<HttpTransport.Response> sent;
    CallObservation obs = observe(request, attempt);
    try {
      token = bearer.current(request);
      sent =
          http.executeAsync(
              exchanges.request(request, token, requestTimeout, false), settings.executor());
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
              GraphResponse r =
                  handle(
                      request, response.status(), response.headers(), response.body(), token.token);
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
   * Rejects further calls; retries waiting to run give up with their last failure. Closes the HTTP
   * transport if this transport owns it (see {@link JdkHttpTransport#close()} for the JDK's); a
   * caller-supplied one is left open.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (ownsHttp) {
      http.close();
    }
  }
}
