package dev.wasdk.flows.servlet;

import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import dev.wasdk.webhooks.internal.ServletExchange;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link FlowEndpoint} as a Jakarta Servlet 6 servlet (Tomcat, Jetty, Undertow, Spring
 * Boot's embedded containers). Every method goes to the endpoint, which answers POST and refuses
 * the rest with 405.
 *
 * <p>The body is read only for POST, and never more than one byte past the endpoint's {@linkplain
 * FlowEndpoint#maxBodyBytes() limit}; a declared {@code Content-Length} over the limit is refused
 * without reading. Register an instance programmatically. Thread-safe.
 *
 * <pre>{@code
 * servletContext.addServlet("booking-flow", new FlowServlet(endpoint)).addMapping("/flows/booking");
 * }</pre>
 */
public final class FlowServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private static final Logger log = LoggerFactory.getLogger(FlowServlet.class);

  private final transient FlowEndpoint endpoint;

  /**
   * Creates a servlet for an endpoint.
   *
   * @param endpoint answers the requests
   */
  public FlowServlet(FlowEndpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
    WebhookResponse response;
    try {
      response = endpoint.handle(toRequest(req));
    } catch (IOException e) {
      log.debug("Flow request body could not be read: {}", e.getClass().getName());
      resp.setStatus(400);
      return;
    }
    ServletExchange.write(resp, response);
  }

  private WebhookRequest toRequest(HttpServletRequest req) throws IOException {
    return ServletExchange.read(req, endpoint.maxBodyBytes()).build();
  }

  @Override
  public String toString() {
    return "FlowServlet[" + endpoint + "]";
  }
}
