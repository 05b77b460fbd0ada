package dev.wasdk.internal.http;

import dev.wasdk.internal.json.Json;
import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A Graph API response that the transport accepted (2xx, or a status the request accepts).
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the body bytes, possibly empty
 */
public record GraphResponse(int status, HttpHeaders headers, byte[] body) {
  /** Checks that nothing is null. */
  public GraphResponse {
    Objects.requireNonNull(headers, "headers");
    Objects.requireNonNull(body, "body");
  }

  /** Returns the body as a JSON tree; throws Jackson's exception if it is not JSON. */
  public JsonNode json() {
    return Json.MAPPER.readTree(body);
  }

  /** Returns the raw {@code X-App-Usage} header (app-level call usage, JSON), when present. */
  public Optional<String> appUsage() {
    return headers.firstValue("X-App-Usage");
  }

  /**
   * Returns the raw {@code X-Business-Use-Case-Usage} header (per-business usage, JSON), when
   * present.
   */
  public Optional<String> businessUseCaseUsage() {
    return headers.firstValue("X-Business-Use-Case-Usage");
  }
}
