package dev.wasdk.webhooks.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import dev.wasdk.webhooks.internal.BoundedBody;
import dev.wasdk.webhooks.internal.QueryString;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link WebhookEndpoint} as a {@code com.sun.net.httpserver} handler, for applications
 * that run their own {@link com.sun.net.httpserver.HttpServer}. {@link JdkWebhookServer} sets one
 * up for you.
 *
 * <p>The body is read only for POST, and never more than one byte past the endpoint's {@linkplain
 * WebhookEndpoint#maxBodyBytes() limit}; a declared {@code Content-Length} over the limit is
 * refused without reading.
 *
 * <p>Run the JVM with {@code -Dsun.net.httpserver.nodelay=true}: without it every response waits
 * about 40 ms for the TCP stack. The JDK server bounds a request's time only through JVM-wide
 * system properties ({@code -Dsun.net.httpserver.maxReqTime=10} and {@code maxRspTime}, in seconds)
 * and reads request heads and bodies on its request threads, so a few slow clients can pin them
 * all; give it a bounded executor and set those properties, or use {@link JdkWebhookServer}, which
 * enforces a request deadline, a connection cap and a buffer budget of its own.
 *
 * <p>Thread-safe; one instance may serve any number of contexts.
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 0);
 * server.createContext("/webhook", JdkWebhookHandler.of(endpoint));
 * server.setExecutor(Executors.newFixedThreadPool(16));
 * server.start();
 * }</pre>
 */
public final class JdkWebhookHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(JdkWebhookHandler.class);

  private static final WebhookResponse UNREADABLE =
      new WebhookResponse(
          400, "text/plain; charset=utf-8", "request body could not be read", Map.of());

  private final WebhookEndpoint endpoint;

  private JdkWebhookHandler(WebhookEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Returns a handler for an endpoint.
   *
   * @param endpoint answers the requests
   */
  public static JdkWebhookHandler of(WebhookEndpoint endpoint) {
    return new JdkWebhookHandler(Objects.requireNonNull(endpoint, "endpoint"));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      WebhookResponse response;
      try {
        response = endpoint.handle(toRequest(exchange));
      } catch (IOException e) {
        log.debug("Webhook request body could not be read: {}", e.getClass().getName());
        response = UNREADABLE;
      }
      write(exchange, response);
    } finally {
      exchange.close();
    }
  }

  private WebhookRequest toRequest(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    WebhookRequest.Builder request =
        WebhookRequest.builder()
            .method(method)
            .queryParameters(QueryString.parse(exchange.getRequestURI().getRawQuery()))
            .headers(exchange.getRequestHeaders());
    if ("POST".equalsIgnoreCase(method)) {
      long declared =
          BoundedBody.parseLength(exchange.getRequestHeaders().getFirst("Content-Length"));
      request
          .contentLength(declared)
          .body(BoundedBody.read(exchange.getRequestBody(), declared, endpoint.maxBodyBytes()));
    }
    return request.build();
  }

  private static void write(HttpExchange exchange, WebhookResponse response) throws IOException {
    byte[] body = response.bodyBytes();
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public String toString() {
    return "JdkWebhookHandler[" + endpoint + "]";
  }
}
