package dev.wasdk.okhttp;

import dev.wasdk.client.http.HttpTransport;
import dev.wasdk.okhttp.internal.OkHttpExchanges;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Carries out a wasdk client's HTTP exchanges on OkHttp instead of the JDK's {@code HttpClient}. On
 * loopback, OkHttp answers a message send in about two thirds of the JDK client's time; the JDK
 * client stays wasdk's default, and this module is optional.
 *
 * <pre>{@code
 * try (OkHttpTransport okhttp = OkHttpTransport.create();
 *     WhatsAppClient wa = WhatsAppClient.builder()
 *         .accessToken(System.getenv("WHATSAPP_TOKEN"))
 *         .phoneNumberId("106540352242922")
 *         .transport(okhttp)
 *         .build()) {
 *   wa.messages().send(Message.to("+16505551234").text("Hello"));
 * }
 * }</pre>
 *
 * <p><b>The rules it keeps</b>, whatever the OkHttp client it is built on says:
 *
 * <ul>
 *   <li><b>No redirects.</b> Redirects are turned off ({@code followRedirects(false)}, {@code
 *       followSslRedirects(false)}): a 3xx comes back as an error, and the token never goes to the
 *       host a redirect names.
 *   <li><b>No resend of its own.</b> {@code retryOnConnectionFailure} is turned off. With it on,
 *       OkHttp silently sends a request again on another connection when a pooled connection fails,
 *       which for a message whose first copy reached Meta means a duplicate. Only the wasdk client
 *       retries, and only what is safe.
 *   <li><b>Not sent or maybe sent.</b> A network interceptor marks the moment the request is about
 *       to be written, after the connection (and TLS) is up. A failure before it is reported as not
 *       sent (a refused connection, a failed lookup or a connect timeout, which the client
 *       retries); a failure after it as maybe sent, so a message is never sent twice.
 *   <li><b>Bounded answers.</b> Each call gets OkHttp's call timeout set to the client's request
 *       timeout, which covers the whole answer, body included, and a buffered body is read only up
 *       to the client's {@code maxResponseBytes}.
 * </ul>
 *
 * <p><b>Thread-safety and lifecycle.</b> Thread-safe; share one instance, for one or several
 * clients. A transport from {@link #create()} or from a builder without {@link Builder#client} owns
 * its OkHttp client, and {@link #close()} shuts down its dispatcher and empties its connection
 * pool. Given an OkHttp client, the transport derives its own from it with {@code newBuilder()}
 * (sharing its connection pool, dispatcher and interceptors) and {@link #close()} leaves them
 * alone. A wasdk client never closes a transport it was given: close the transport after the
 * clients that use it.
 */
public final class OkHttpTransport implements HttpTransport {
  /** The connect timeout of a transport that creates its OkHttp client: 10 s. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final OkHttpExchanges exchanges;
  private final OkHttpClient client;
  private final boolean ownsClient;

  private OkHttpTransport(OkHttpClient client, boolean ownsClient) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.exchanges = new OkHttpExchanges(client);
  }

  /**
   * Returns a transport with its own OkHttp client: a 10 s connect timeout, a pool that keeps up to
   * 64 idle connections for 5 minutes, and up to 64 asynchronous calls at once to one host.
   *
   * @return the transport
   */
  public static OkHttpTransport create() {
    return builder().build();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Response execute(Request request) throws IOException {
    return exchanges.execute(request);
  }

  /**
   * Sends a request with OkHttp's {@code enqueue}, on its dispatcher's threads; the executor is
   * used only for downloads, which this transport streams on a thread of their own.
   */
  @Override
  public CompletableFuture<Response> executeAsync(Request request, Executor executor) {
    if (request.streamResponse()) {
      return HttpTransport.super.executeAsync(request, executor);
    }
    return exchanges.enqueue(request);
  }

  /**
   * Shuts down the dispatcher and empties the connection pool of an OkHttp client this transport
   * created; a caller's OkHttp client is left as it is. Calling it again does nothing.
   */
  @Override
  public void close() {
    if (ownsClient) {
      client.dispatcher().executorService().shutdown();
      client.connectionPool().evictAll();
    }
  }

  /** Returns whether this transport created its OkHttp client, and no settings. */
  @Override
  public String toString() {
    return "OkHttpTransport[" + (ownsClient ? "own client" : "caller's client") + "]";
  }

  /**
   * Builds an {@link OkHttpTransport}. Not thread-safe.
   *
   * <pre>{@code
   * OkHttpTransport okhttp = OkHttpTransport.builder()
   *     .client(sharedOkHttpClient) // its proxy, TLS settings, pool and interceptors
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private OkHttpClient client;
    private Duration connectTimeout;

    private Builder() {}

    /**
     * Builds on an OkHttp client of the caller's (for a proxy, custom TLS, or a shared pool). The
     * transport derives its own client from it, with redirects and {@code retryOnConnectionFailure}
     * off and one network interceptor added; the given client is not changed and {@link
     * OkHttpTransport#close()} does not shut it down. Its read, write and call timeouts are
     * replaced per call by the wasdk client's request timeout. Default: a client of the transport's
     * own.
     *
     * @param client the OkHttp client
     * @return this builder
     */
    public Builder client(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets how long to wait for a connection. Default {@link #DEFAULT_CONNECT_TIMEOUT}. Applies
     * only to the OkHttp client the transport creates; it cannot be combined with {@link #client}.
     *
     * @param connectTimeout a positive duration
     * @return this builder
     */
    public Builder connectTimeout(Duration connectTimeout) {
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      if (connectTimeout.isZero() || connectTimeout.isNegative()) {
        throw new IllegalArgumentException(
            "connectTimeout must be positive, but was " + connectTimeout);
      }
      this.connectTimeout = connectTimeout;
      return this;
    }

    /**
     * Builds the transport.
     *
     * @return the transport
     * @throws IllegalStateException if both a client and a connect timeout were set
     */
    public OkHttpTransport build() {
      if (client != null && connectTimeout != null) {
        throw new IllegalStateException(
            "connectTimeout applies to the OkHttp client the transport creates; configure it on"
                + " your client instead");
      }
      if (client != null) {
        return new OkHttpTransport(client, false);
      }
      Dispatcher dispatcher = new Dispatcher();
      // Every call goes to one host (Graph); OkHttp's default of 5 per host would queue the rest.
      dispatcher.setMaxRequests(64);
      dispatcher.setMaxRequestsPerHost(64);
      OkHttpClient own =
          new OkHttpClient.Builder()
              .dispatcher(dispatcher)
              .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
              .connectTimeout(connectTimeout != null ? connectTimeout : DEFAULT_CONNECT_TIMEOUT)
              // The call timeout, set per call to the client's request timeout, bounds the whole
              // exchange; socket read and write timeouts would only arm more timers per call.
              .readTimeout(Duration.ZERO)
              .writeTimeout(Duration.ZERO)
              .build();
      return new OkHttpTransport(own, true);
    }
  }
}
