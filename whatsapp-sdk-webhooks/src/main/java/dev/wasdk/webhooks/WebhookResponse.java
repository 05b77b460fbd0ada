package dev.wasdk.webhooks;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;

/**
 * What to answer a webhook request with. Adapters copy it onto the framework's response as is.
 *
 * <p>Bodies are short plain-text explanations (or the handshake challenge). They never contain
 * secrets, header values or the request body.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type} of the body
 * @param body the body; empty for none
 * @param headers further headers to set, such as {@code Allow} on a 405
 */
public record WebhookResponse(
    int status, String contentType, String body, Map<String, String> headers) {
  static final String TEXT = "text/plain; charset=utf-8";

  /** Checks the status range and copies the headers. */
  public WebhookResponse {
    if (status < 100 || status > 599) {
      throw new IllegalArgumentException("status must be 100..599, was " + status);
    }
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(body, "body");
    headers = Map.copyOf(headers);
  }

  static WebhookResponse text(int status, String body) {
    return new WebhookResponse(status, TEXT, body, Map.of());
  }

  /** Returns the body encoded as UTF-8. */
  public byte[] bodyBytes() {
    return body.getBytes(StandardCharsets.UTF_8);
  }
}
