package dev.wasdk.okhttp.internal;

import dev.wasdk.client.http.HttpTransport;
import dev.wasdk.client.http.HttpTransportException;
import dev.wasdk.error.TransportFailure;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.BufferedSource;

/**
 * The OkHttp side of the transport: builds OkHttp requests, reads bounded answers, and turns
 * OkHttp's failures into {@link HttpTransportException}s that say whether the request could have
 * been written. Thread-safe; each call has its own {@link Progress}.
 */
public final class OkHttpExchanges {
  private static final byte[] EMPTY = new byte[0];

  private final OkHttpClient client;

  /**
   * The last URL parsed: most calls go to the same few Graph URLs, and parsing one costs more than
   * the rest of building the request.
   */
  private volatile ParsedUrl lastUrl;

  private record ParsedUrl(String text, HttpUrl url) {}

  /**
   * Derives the client every call goes through.
   *
   * @param base the OkHttp client to build on; not changed
   */
  public OkHttpExchanges(OkHttpClient base) {
    this.client =
        base.newBuilder()
            .followRedirects(false)
            .followSslRedirects(false)
            .retryOnConnectionFailure(false)
            .addNetworkInterceptor(Progress.MARKER)
            .build();
  }

  /**
   * How far one call got. Network interceptors run once the connection (and TLS) is up, just before
   * the request is written, so a failure while {@link #written} is false happened before any byte
   * of the request left.
   */
  static final class Progress {
    static final Interceptor MARKER =
        chain -> {
          Progress p = chain.request().tag(Progress.class);
          if (p != null) {
            p.written = true;
          }
          Response r = chain.proceed(chain.request());
          if (p != null) {
            p.answered = true;
          }
          return r;
        };

    volatile boolean written;
    volatile boolean answered;
    final AtomicBoolean headerDeadlinePassed = new AtomicBoolean();
  }

  /**
   * Sends a request on the calling thread.
   *
   * @param request the request
   * @return the answer
   * @throws HttpTransportException when the call failed
   */
  public HttpTransport.Response execute(HttpTransport.Request request)
      throws HttpTransportException {
    Progress progress = new Progress();
    Call call = client.newCall(okRequest(request, progress));
    if (request.streamResponse()) {
      return stream(call, request, progress);
    }
    call.timeout().timeout(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
    try (Response response = call.execute()) {
      return buffered(response, request);
    } catch (IOException e) {
      throw classify(e, call, progress, request.timeout());
    }
  }

  /**
   * Sends a request with a buffered answer on OkHttp's dispatcher threads.
   *
   * @param request the request
   * @return the future answer
   */
  public CompletableFuture<HttpTransport.Response> enqueue(HttpTransport.Request request) {
    CompletableFuture<HttpTransport.Response> result = new CompletableFuture<>();
    Progress progress = new Progress();
    Call call;
    try {
      call = client.newCall(okRequest(request, progress));
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
      return result;
    }
    call.timeout().timeout(request.timeout().toNanos(), TimeUnit.NANOSECONDS);
    call.enqueue(
        new Callback() {
          @Override
          public void onFailure(Call c, IOException e) {
            result.completeExceptionally(classify(e, c, progress, request.timeout()));
          }

          @Override
          public void onResponse(Call c, Response response) {
            HttpTransport.Response answer;
            try (response) {
              answer = buffered(response, request);
            } catch (IOException e) {
              result.completeExceptionally(classify(e, c, progress, request.timeout()));
              return;
            } catch (RuntimeException e) {
              result.completeExceptionally(e);
              return;
            }
            result.complete(answer);
          }
        });
    return result;
  }

  /**
   * Sends a request whose body the caller streams. The headers must arrive within the request's
   * timeout, which a one-off timer enforces by cancelling the call; the body is the caller's to
   * bound, and closing the stream cancels the call, which unblocks a read that waits.
   */
  private HttpTransport.Response stream(Call call, HttpTransport.Request request, Progress progress)
      throws HttpTransportException {
    call.timeout().timeout(0, TimeUnit.NANOSECONDS);
    AtomicBoolean headersArrived = new AtomicBoolean();
    CompletableFuture.delayedExecutor(request.timeout().toNanos(), TimeUnit.NANOSECONDS)
        .execute(
            () -> {
              if (!headersArrived.get()
                  && progress.headerDeadlinePassed.compareAndSet(false, true)) {
                call.cancel();
              }
            });
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      throw classify(e, call, progress, request.timeout());
    } finally {
      headersArrived.set(true);
    }
    ResponseBody body = response.body();
    InputStream in =
        new FilterInputStream(body.byteStream()) {
          @Override
          public void close() throws IOException {
            call.cancel();
            response.close();
          }
        };
    return HttpTransport.Response.streamed(response.code(), headers(response.headers()), in);
  }

  private static HttpTransport.Response buffered(Response response, HttpTransport.Request request)
      throws IOException {
    ResponseBody body = response.body();
    long max = request.maxBodyBytes();
    long declared = body.contentLength();
    if (declared > max) {
      throw HttpTransportException.responseTooLarge(declared + " bytes announced", max);
    }
    byte[] bytes;
    if (declared == 0) {
      bytes = EMPTY;
    } else {
      BufferedSource source = body.source();
      if (max < Long.MAX_VALUE && source.request(max + 1)) {
        throw HttpTransportException.responseTooLarge("more than " + max + " bytes", max);
      }
      bytes = source.getBuffer().readByteArray();
    }
    return HttpTransport.Response.buffered(response.code(), headers(response.headers()), bytes);
  }

  private Request okRequest(HttpTransport.Request request, Progress progress) {
    Request.Builder b = new Request.Builder().url(url(request.uri()));
    for (Map.Entry<String, String> h : request.headers().entrySet()) {
      b.header(h.getKey(), h.getValue());
    }
    HttpTransport.Body body = request.body();
    RequestBody okBody;
    if (body != null) {
      okBody = new StreamedBody(body);
    } else if (needsBody(request.method())) {
      okBody = RequestBody.create(EMPTY, (MediaType) null);
    } else {
      okBody = null;
    }
    b.method(request.method(), okBody);
    b.tag(Progress.class, progress);
    return b.build();
  }

  private HttpUrl url(URI uri) {
    String text = uri.toString();
    ParsedUrl last = lastUrl;
    if (last != null && last.text.equals(text)) {
      return last.url;
    }
    HttpUrl url = HttpUrl.get(text);
    lastUrl = new ParsedUrl(text, url);
    return url;
  }

  private static boolean needsBody(String method) {
    return method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
  }

  /** Writes a wasdk body; the content type travels in the request's own header. */
  private static final class StreamedBody extends RequestBody {
    private final HttpTransport.Body body;

    StreamedBody(HttpTransport.Body body) {
      this.body = body;
    }

    @Override
    public MediaType contentType() {
      return null;
    }

    @Override
    public long contentLength() {
      return body.contentLength();
    }

    @Override
    public void writeTo(BufferedSink sink) throws IOException {
      body.writeTo(sink.outputStream());
    }
  }

  static HttpHeaders headers(Headers h) {
    Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (int i = 0, n = h.size(); i < n; i++) {
      map.computeIfAbsent(h.name(i), k -> new ArrayList<>(1)).add(h.value(i));
    }
    return HttpHeaders.of(map, (a, b) -> true);
  }

  /**
   * Says what a failure means for the request: not sent while the marker has not run, maybe sent
   * after it.
   */
  static HttpTransportException classify(
      IOException e, Call call, Progress progress, Duration timeout) {
    if (e instanceof HttpTransportException said) {
      return said;
    }
    boolean timedOut =
        progress.headerDeadlinePassed.get()
            || (e instanceof InterruptedIOException
                && !(e instanceof SocketTimeoutException)
                && "timeout".equals(e.getMessage()))
            || call.isCanceled();
    if (!progress.written) {
      if (timedOut || e instanceof SocketTimeoutException) {
        return HttpTransportException.notSent(
            TransportFailure.CONNECT_TIMEOUT, "no connection within the time allowed", e);
      }
      if (has(e, UnknownHostException.class)
          || has(e, ConnectException.class)
          || has(e, NoRouteToHostException.class)) {
        return HttpTransportException.notSent(
            TransportFailure.CONNECT_FAILED, "no connection could be opened", e);
      }
      if (has(e, SSLException.class)) {
        return HttpTransportException.notSent(
            TransportFailure.TLS_HANDSHAKE_FAILED, "the TLS handshake failed", e);
      }
      return HttpTransportException.notSent(
          TransportFailure.OTHER, "the call failed before the request was written", e);
    }
    if (timedOut) {
      return HttpTransportException.responseTimeout(timeout, e);
    }
    if (e instanceof SocketTimeoutException) {
      return HttpTransportException.maybeSent(
          TransportFailure.RESPONSE_TIMEOUT, "a read timed out while waiting for the answer", e);
    }
    boolean closedEarly =
        has(e, EOFException.class) || String.valueOf(e.getMessage()).startsWith("unexpected end");
    if (!progress.answered && closedEarly) {
      return HttpTransportException.maybeSent(
          TransportFailure.CONNECTION_CLOSED_BEFORE_RESPONSE,
          "the connection closed before the response headers arrived (a stale keep-alive"
              + " connection, or the server failed after reading the request)",
          e);
    }
    if (has(e, SSLException.class)) {
      return HttpTransportException.maybeSent(
          TransportFailure.TLS_HANDSHAKE_FAILED, "the TLS session failed", e);
    }
    return HttpTransportException.maybeSent(
        TransportFailure.CONNECTION_LOST, "the connection broke during the call", e);
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }
}
