package dev.wasdk.webhooks.internal;

import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Enumeration;

/**
 * Turns a servlet request into a {@link WebhookRequest} and writes a {@link WebhookResponse} back,
 * for the webhook and Flow servlets alike. Loaded only when the Servlet API is present.
 */
public final class ServletExchange {
  private ServletExchange() {}

  /**
   * Reads the method, every header and, for POST only, the body: never more than one byte past the
   * limit, and nothing when the declared {@code Content-Length} is already over it.
   *
   * @param req the servlet request
   * @param maxBodyBytes the endpoint's body limit
   * @return a builder to add the rest to, such as query parameters
   * @throws IOException if the body cannot be read
   */
  public static WebhookRequest.Builder read(HttpServletRequest req, int maxBodyBytes)
      throws IOException {
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
          .body(BoundedBody.read(req.getInputStream(), declared, maxBodyBytes));
    }
    return request;
  }

  /**
   * Writes an answer: status, content type, {@code X-Content-Type-Options: nosniff}, the answer's
   * own headers and its body with its length.
   *
   * @param resp the servlet response
   * @param response the endpoint's answer
   * @throws IOException if the body cannot be written
   */
  public static void write(HttpServletResponse resp, WebhookResponse response) throws IOException {
    resp.setStatus(response.status());
    resp.setContentType(response.contentType());
    resp.setHeader("X-Content-Type-Options", "nosniff");
    response.headers().forEach(resp::setHeader);
    byte[] body = response.bodyBytes();
    resp.setContentLength(body.length);
    if (body.length > 0) {
      resp.getOutputStream().write(body);
    }
  }
}
