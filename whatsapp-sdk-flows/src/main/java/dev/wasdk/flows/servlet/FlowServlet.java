package dev.wasdk.flows.servlet;

import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import dev.wasdk.webhooks.internal.BoundedBody;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
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
    resp.setStatus(response.status());
    resp.setContentType(response.contentType());
    response.headers().forEach(resp::setHeader);
    byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
    resp.setContentLength(body.length);
    if (body.length > 0) {
      resp.getOutputStream().write(body);
    }
  }

  private WebhookRequest toRequest(HttpServletRequest req) throws IOException {
    String method = req.getMethod();
    WebhookRequest.Builder request = WebhookRequest.builder().method(method);
    Enumeration<String> names = req.getHeaderNames();
    while (names != null && names.hasMoreElements()) {
      String name = names.nextElement();
      Enumeration<String> values = req.getHeaders(name);
      while (values != null && values.hasMoreElements()) {
        request.header(name, values.nextElement());
      }
    }
    if ("POST".equalsIgnoreCase(method)) {
      long declared = Math.max(req.getContentLengthLong(), -1);
      request
          .contentLength(declared)
          .body(BoundedBody.read(req.getInputStream(), declared, endpoint.maxBodyBytes()));
    }
    return request.build();
  }

  @Override
  public String toString() {
    return "FlowServlet[" + endpoint + "]";
  }
}
