package dev.wasdk.internal.http;

import java.util.Map;
import java.util.Objects;

/**
 * A request subject that also carries extra request headers, for the few Graph calls that take
 * parameters as headers (the {@code file_offset} of an upload session). The transport adds the
 * headers to every attempt; {@link #toString()} shows only the description.
 *
 * @param description what the call is about, for messages and logs; must hold no personal data
 * @param headers the extra headers, name to value
 */
public record RequestHeaders(String description, Map<String, String> headers) {
  /** Copies the map and checks for nulls. */
  public RequestHeaders {
    Objects.requireNonNull(description, "description");
    headers = Map.copyOf(headers);
  }

  @Override
  public String toString() {
    return description;
  }
}
