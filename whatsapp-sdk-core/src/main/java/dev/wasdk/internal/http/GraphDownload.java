package dev.wasdk.internal.http;

import java.net.http.HttpHeaders;
import java.util.Objects;
import java.util.Optional;

/**
 * A streamed response body that reached its sink.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param size the number of body bytes written to the sink
 */
public record GraphDownload(int status, HttpHeaders headers, long size) {
  /** Checks that nothing is null. */
  public GraphDownload {
    Objects.requireNonNull(headers, "headers");
  }

  /** Returns the {@code Content-Type} header without parameters, when present. */
  public Optional<String> contentType() {
    return headers
        .firstValue("Content-Type")
        .map(v -> v.indexOf(';') >= 0 ? v.substring(0, v.indexOf(';')) : v)
        .map(String::trim);
  }
}
