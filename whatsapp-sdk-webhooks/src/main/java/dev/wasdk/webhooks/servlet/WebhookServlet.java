package dev.wasdk.webhooks.servlet;

import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import dev.wasdk.webhooks.internal.QueryString;
import dev.wasdk.webhooks.internal.ServletExchange;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link WebhookEndpoint} as a Jakarta Servlet 6 servlet, in Tomcat, Jetty, Undertow or
 * Spring Boot's embedded containers. Every method goes to the endpoint, which answers GET and POST
 * and refuses the rest with 405.
 *
 * <p>The query string is decoded by the endpoint's rules, not through {@code getParameter}, so a
 * form-encoded body is never consumed as parameters. The body is read only for POST, and never more
 * than one byte past the endpoint's {@linkplain WebhookEndpoint#maxBodyBytes() limit}; a declared
 * {@code Content-Length} over the limit is refused without reading.
 *
 * <p><b>What the container must enforce.</b> The servlet sees a request only once the container has
 * accepted it, so the limits that keep slow clients from stalling intake are the container's: a
 * bound on how long a client may take to send its request (Tomcat {@code connectionTimeout}, for
 * example 10 seconds; Jetty {@code idleTimeout}), a cap on open connections (Tomcat {@code
 * maxConnections}, with {@code acceptCount} for the backlog), a bounded request thread pool (Tomcat
 * {@code maxThreads}), and a bound on request bodies the container reads or swallows (Tomcat {@code
 * maxSwallowSize}, and {@code maxPostSize} at or above the endpoint's body limit). In Spring Boot
 * these are {@code server.tomcat.connection-timeout}, {@code server.tomcat.max-connections}, {@code
 * server.tomcat.threads.max} and {@code server.tomcat.max-swallow-size}. The servlet itself refuses
 * a declared {@code Content-Length} over the limit before reading, and reads at most one byte past
 * it.
 *
 * <p>The servlet needs its endpoint in the constructor, so register an instance programmatically
 * rather than by class name. Thread-safe.
 *
 * <pre>{@code
 * // Spring Boot
 * @Bean
 * ServletRegistrationBean<WebhookServlet> webhook(WebhookEndpoint endpoint) {
 *   return new ServletRegistrationBean<>(new WebhookServlet(endpoint), "/webhook");
 * }
 * // any container
 * servletContext.addServlet("whatsapp", new WebhookServlet(endpoint)).addMapping("/webhook");
 * }</pre>
 */
public final class WebhookServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(WebhookServlet.class);

  private final transient WebhookEndpoint endpoint;

  /**
   * Creates a servlet for an endpoint.
   *
   * @param endpoint answers the requests
   */
  public WebhookServlet(WebhookEndpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    WebhookResponse response;
    try {
      response = endpoint.handle(toRequest(req));
    } catch (IOException e) {
      log.debug("Webhook request body could not be read: {}", e.getClass().getName());
      resp.setStatus(400);
      return;
    }
    ServletExchange.write(resp, response);
  }

  private WebhookRequest toRequest(HttpServletRequest req) throws IOException {
    return ServletExchange.read(req, endpoint.maxBodyBytes())
        .queryParameters(QueryString.parse(req.getQueryString()))
        .build();
  }

  @Override
  public String toString() {
    return "WebhookServlet[" + endpoint + "]";
  }
}
