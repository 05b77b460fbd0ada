package dev.wasdk.client.http;

import dev.wasdk.internal.http.ByteArrayBody;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Carries out one HTTP exchange for a {@link dev.wasdk.client.WhatsAppClient}: the seam between
 * wasdk's Graph logic and an HTTP client library. The client keeps everything else above it: the
 * access token and {@code appsecret_proof}, retries, error mapping, observation, the token's
 * allowed hosts and the download deadline. A transport only writes the request it is given and
 * reads the answer within the request's bounds.
 *
 * <p>The default transport is the JDK's {@link java.net.http.HttpClient}; the {@code
 * whatsapp-sdk-okhttp} module offers one on OkHttp. Set another with {@link
 * dev.wasdk.client.WhatsAppClient.Builder#transport(HttpTransport)}.
 *
 * <p><b>What an implementation must do.</b>
 *
 * <ul>
 *   <li>Never follow a redirect (a 3xx is returned as a response): the request carries the bearer
 *       token, which must not reach a host the redirect names.
 *   <li>Never resend a request by itself once a byte of it may have been written: only the client
 *       decides what is safe to retry.
 *   <li>For a buffered answer ({@link Request#streamResponse()} false), finish within {@link
 *       Request#timeout()} from the call, body included, and read at most {@link
 *       Request#maxBodyBytes()}; breaking either bound throws {@link
 *       HttpTransportException#responseTimeout} or {@link HttpTransportException#responseTooLarge}.
 *       For a streamed answer, the headers must arrive within the timeout; the caller bounds the
 *       body by closing the stream.
 *   <li>Say whether a failure happened before any byte of the request could have been written, with
 *       an {@link HttpTransportException}: {@link HttpTransportException#notSent} for a refused
 *       connection, a failed name lookup or a connect timeout (the client may retry those), {@link
 *       HttpTransportException#maybeSent} for anything later. Any other {@link IOException} is read
 *       by the client as the JDK client's would be (a {@link java.net.ConnectException} as not
 *       sent, anything unknown as maybe sent), so when in doubt say maybe sent: a message reported
 *       as maybe sent is never sent twice.
 *   <li>Keep tokens out of exception messages and logs: {@link Request#toString()} shows neither
 *       the {@code Authorization} header nor the query (where {@code appsecret_proof} travels).
 * </ul>
 *
 * <p><b>Thread-safety and lifecycle.</b> Implementations must be thread-safe: one instance serves
 * every call of a client, from many threads at once. {@link #close()} releases what the transport
 * owns. A client closes a transport it created; a transport passed to the builder belongs to the
 * caller, who closes it after the clients that use it.
 *
 * <pre>{@code
 * // A transport that adds a header to every call, around another one.
 * final class Tagged implements HttpTransport {
 *   private final HttpTransport next;
 *   Tagged(HttpTransport next) { this.next = next; }
 *   public Response execute(Request r) throws IOException, InterruptedException {
 *     Map<String, String> h = new HashMap<>(r.headers());
 *     h.put("X-Request-Origin", "billing");
 *     return next.execute(r.withHeaders(h));
 *   }
 * }
 * }</pre>
 */
public interface HttpTransport extends AutoCloseable {

  /**
   * Sends a request and returns its answer, whatever its status.
   *
   * @param request the request
   * @return the answer: buffered, or streamed when {@link Request#streamResponse()} asks for it
   * @throws HttpTransportException when the exchange failed, saying whether the request may have
   *     been written
   * @throws IOException for any other I/O failure, read as maybe sent unless it is a {@link
   *     java.net.ConnectException} or an unknown host
   * @throws InterruptedException if the calling thread was interrupted while waiting
   */
  Response execute(Request request) throws IOException, InterruptedException;

  /**
   * Sends a request without blocking the caller. The future completes with the answer or
   * exceptionally with what {@link #execute} would throw. The default runs {@link #execute} on the
   * executor, a thread per call while it waits; override it when the library has its own
   * asynchronous calls.
   *
   * @param request the request
   * @param executor the client's executor for asynchronous work
   * @return the future answer
   */
  default CompletableFuture<Response> executeAsync(Request request, Executor executor) {
    CompletableFuture<Response> result = new CompletableFuture<>();
    try {
      executor.execute(
          () -> {
            try {
              result.complete(execute(request));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              result.completeExceptionally(e);
            } catch (Throwable e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RuntimeException e) {
      result.completeExceptionally(e);
    }
    return result;
  }

  /** Releases what the transport owns; the default does nothing. Calling it again does nothing. */
  @Override
  default void close() {}

  /**
   * A request body that can be written more than once (a retry writes it again). Implementations
   * must be thread-safe.
   */
  interface Body {
    /**
     * Returns the body's length in bytes, or -1 when it is not known before writing.
     *
     * @return the length
     */
    long contentLength();

    /**
     * Writes the whole body; called once per attempt.
     *
     * @param out where it goes; not closed
     * @throws IOException if writing failed
     */
    void writeTo(OutputStream out) throws IOException;

    /**
     * Returns a body of bytes held in memory; the array is not copied and must not change.
     *
     * @param bytes the bytes
     * @return the body
     */
    static Body of(byte[] bytes) {
      return new ByteArrayBody(bytes);
    }
  }

  /**
   * One HTTP request, with the bounds of its answer. Immutable.
   *
   * @param method the HTTP method, such as {@code POST}
   * @param uri the absolute URI, query included
   * @param headers the request headers, one value each; the transport adds only what its protocol
   *     needs (such as {@code Host} and {@code Content-Length})
   * @param body the body, or null for none
   * @param timeout how long the whole answer may take (for a streamed answer, its headers)
   * @param maxBodyBytes the largest buffered body accepted; ignored for a streamed answer
   * @param streamResponse whether the caller reads the body from {@link Response#stream()}
   */
  record Request(
      String method,
      URI uri,
      Map<String, String> headers,
      Body body,
      Duration timeout,
      long maxBodyBytes,
      boolean streamResponse) {

    /** Checks the parts and copies the headers. */
    public Request {
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(uri, "uri");
      headers = Map.copyOf(headers);
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, but was " + timeout);
      }
      if (maxBodyBytes <= 0) {
        throw new IllegalArgumentException(
            "maxBodyBytes must be positive, but was " + maxBodyBytes);
      }
    }

    /**
     * Returns a copy with other headers.
     *
     * @param headers the headers
     * @return the copy
     */
    public Request withHeaders(Map<String, String> headers) {
      return new Request(method, uri, headers, body, timeout, maxBodyBytes, streamResponse);
    }

    /**
     * Returns the method, the URI without its query and the header names: never a header value or
     * the query, which carry the token and {@code appsecret_proof}.
     */
    @Override
    public String toString() {
      String u = uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
      return "Request["
          + method
          + " "
          + u
          + (uri.getRawQuery() != null ? "?…" : "")
          + ", headers="
          + new java.util.TreeSet<>(headers.keySet())
          + ", body="
          + (body == null ? "none" : body.contentLength() + " bytes")
          + ", timeout="
          + timeout
          + (streamResponse ? ", streamed" : "")
          + "]";
    }
  }

  /**
   * An answer: its status and headers, and the body either read into memory or open as a stream.
   * Immutable except for the stream, which the caller reads once and closes.
   */
  final class Response {
    private static final byte[] EMPTY = new byte[0];

    private final int status;
    private final HttpHeaders headers;
    private final byte[] body;
    private final InputStream stream;

    private Response(int status, HttpHeaders headers, byte[] body, InputStream stream) {
      if (status < 100 || status > 999) {
        throw new IllegalArgumentException("status must be a 3-digit HTTP status: " + status);
      }
      this.status = status;
      this.headers = Objects.requireNonNull(headers, "headers");
      this.body = body;
      this.stream = stream;
    }

    /**
     * Returns an answer whose body was read into memory.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the body, or null for none; not copied
     * @return the answer
     */
    public static Response buffered(int status, HttpHeaders headers, byte[] body) {
      return new Response(status, headers, body == null ? EMPTY : body, null);
    }

    /**
     * Returns an answer whose body the caller reads from a stream.
     *
     * @param status the HTTP status
     * @param headers the response headers
     * @param stream the body; the caller closes it, which must release the connection
     * @return the answer
     */
    public static Response streamed(int status, HttpHeaders headers, InputStream stream) {
      return new Response(status, headers, null, Objects.requireNonNull(stream, "stream"));
    }

    /** Returns the HTTP status. */
    public int status() {
      return status;
    }

    /** Returns the response headers. */
    public HttpHeaders headers() {
      return headers;
    }

    /**
     * Returns the buffered body, possibly empty.
     *
     * @return the bytes; not copied
     * @throws IllegalStateException if the answer is streamed
     */
    public byte[] body() {
      if (body == null) {
        throw new IllegalStateException("the answer is streamed; read stream()");
      }
      return body;
    }

    /**
     * Returns the streamed body.
     *
     * @return the stream
     * @throws IllegalStateException if the answer is buffered
     */
    public InputStream stream() {
      if (stream == null) {
        throw new IllegalStateException("the answer is buffered; read body()");
      }
      return stream;
    }

    /** Returns the status and whether the body is streamed; never header values. */
    @Override
    public String toString() {
      return "Response["
          + status
          + (body != null ? ", " + body.length + " bytes" : ", streamed")
          + "]";
    }
  }
}
