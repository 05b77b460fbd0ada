package dev.wasdk.flows.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import dev.wasdk.webhooks.internal.BoundedBody;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link FlowEndpoint} as a {@code com.sun.net.httpserver} handler, for applications that
 * run their own {@link com.sun.net.httpserver.HttpServer}; {@link JdkFlowServer} sets one up.
 *
 * <p>The body is read only for POST, and never more than one byte past the endpoint's {@linkplain
 * FlowEndpoint#maxBodyBytes() limit}; a declared {@code Content-Length} over the limit is refused
 * without reading. Run the JVM with {@code -Dsun.net.httpserver.nodelay=true}.
 *
 * <p>Thread-safe.
 *
 * <pre>{@code
 * server.createContext("/flows/booking", JdkFlowHandler.of(bookingEndpoint));
 * }</pre>
 */
public final class JdkFlowHandler implements HttpHandler {
  private static final Logger log = LoggerFactory.getLogger(JdkFlowHandler.class);

  private final FlowEndpoint endpoint;

  private JdkFlowHandler(FlowEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * Returns a handler for an endpoint.
   *
   * @param endpoint answers the requests
   */
  public static JdkFlowHandler of(FlowEndpoint endpoint) {
    return new JdkFlowHandler(Objects.requireNonNull(endpoint, "endpoint"));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try {
      WebhookResponse response;
      try {
        response = endpoint.handle(toRequest(exchange));
      } catch (IOException e) {
        log.debug("Flow request body could not be read: {}", e.getClass().getName());
        exchange.sendResponseHeaders(400, -1);
        return;
      }
      byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", response.contentType());
      response.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
      if (body.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } finally {
      exchange.close();
    }
  }

  private WebhookRequest toRequest(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    WebhookRequest.Builder request =
        WebhookRequest.builder().method(method).headers(exchange.getRequestHeaders());
    if ("POST".equalsIgnoreCase(method)) {
      long declared =
          BoundedBody.parseLength(exchange.getRequestHeaders().getFirst("Content-Length"));
      request
          .contentLength(declared)
          .body(BoundedBody.read(exchange.getRequestBody(), declared, endpoint.maxBodyBytes()));
    }
    return request.build();
  }

  @Override
  public String toString() {
    return "JdkFlowHandler[" + endpoint + "]";
  }
}
