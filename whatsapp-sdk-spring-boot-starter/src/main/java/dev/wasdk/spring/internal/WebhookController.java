package dev.wasdk.spring.internal;

import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.VerificationHandshake;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Serves the webhook callback URL ({@code wasdk.webhook.path}) in Spring MVC by handing each
 * request to the {@link WebhookEndpoint} and writing its answer back as it is: status, content
 * type, headers and body.
 *
 * <p>The POST body is read from the servlet's stream as raw bytes, never through a message
 * converter, so the signature is checked over exactly what Meta sent; no more than one byte past
 * the endpoint's limit is read, and a declared length over it is refused without reading. The
 * answer is written with {@code setStatus}, never {@code sendError}, so Spring's error page does
 * not replace it.
 *
 * <p>Thread-safe; one instance serves every request.
 */
@Controller
@RequestMapping("${wasdk.webhook.path:/webhooks/whatsapp}")
public final class WebhookController {
  private static final Logger log = LoggerFactory.getLogger(WebhookController.class);
  private static final byte[] EMPTY = new byte[0];

  private final WebhookEndpoint endpoint;

  /**
   * Creates the controller.
   *
   * @param endpoint answers the requests
   */
  public WebhookController(WebhookEndpoint endpoint) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
  }

  /** Answers the subscription handshake. */
  @GetMapping
  public void verify(HttpServletRequest request, HttpServletResponse response) throws IOException {
    WebhookRequest.Builder b = WebhookRequest.builder().method("GET");
    for (String name :
        new String[] {
          VerificationHandshake.MODE_PARAMETER,
          VerificationHandshake.TOKEN_PARAMETER,
          VerificationHandshake.CHALLENGE_PARAMETER
        }) {
      String value = request.getParameter(name);
      if (value != null) {
        b.queryParameter(name, value);
      }
    }
    write(endpoint.handle(b.build()), response);
  }

  /** Verifies, parses, de-duplicates and dispatches a delivery. */
  @PostMapping
  public void receive(HttpServletRequest request, HttpServletResponse response) throws IOException {
    long declared = Math.max(request.getContentLengthLong(), -1);
    byte[] body;
    try {
      body = read(request.getInputStream(), declared, endpoint.maxBodyBytes());
    } catch (IOException e) {
      log.debug("Webhook request body could not be read: {}", e.getClass().getName());
      response.setStatus(400);
      return;
    }
    WebhookRequest.Builder b = WebhookRequest.builder().method("POST").contentLength(declared);
    String signature = request.getHeader(SignatureVerifier.HEADER);
    if (signature != null) {
      b.header(SignatureVerifier.HEADER, signature);
    }
    write(endpoint.handle(b.body(body).build()), response);
  }

  /** Reads at most {@code limit + 1} bytes; nothing when the declared length is already over. */
  static byte[] read(InputStream in, long declaredLength, int limit) throws IOException {
    if (declaredLength > limit) {
      return EMPTY;
    }
    return in.readNBytes(limit + 1);
  }

  private static void write(WebhookResponse answer, HttpServletResponse response)
      throws IOException {
    response.setStatus(answer.status());
    response.setContentType(answer.contentType());
    answer.headers().forEach(response::setHeader);
    byte[] body = answer.bodyBytes();
    response.setContentLength(body.length);
    if (body.length > 0) {
      response.getOutputStream().write(body);
    }
  }

  @Override
  public String toString() {
    return "WebhookController[" + endpoint + "]";
  }
}
