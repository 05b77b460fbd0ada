package dev.wasdk.webhooks;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One HTTP request to the webhook callback URL, in a form that does not depend on any web
 * framework: the method, the decoded query parameters, the headers and the raw body.
 *
 * <p>Header names are looked up without regard to case, and the first value of a repeated header
 * counts; the adapters also keep the first value of a repeated query parameter. Adapters for {@code
 * com.sun.net.httpserver} and Jakarta Servlet build it for you; build it yourself to plug {@link
 * WebhookEndpoint} into another framework.
 *
 * <p>Instances are immutable and thread-safe. {@code toString()} shows only the method and the body
 * length: never headers (they carry the signature) or the body.
 *
 * <pre>{@code
 * WebhookRequest request = WebhookRequest.builder()
 *     .method("POST")
 *     .header("X-Hub-Signature-256", signature)
 *     .body(rawBytes)
 *     .build();
 * }</pre>
 */
public final class WebhookRequest {
  private static final byte[] EMPTY = new byte[0];

  private final String method;
  private final Map<String, String> query;
  private final Map<String, List<String>> headers;
  private final byte[] body;
  private final long contentLength;

  private WebhookRequest(Builder b) {
    this.method = b.method;
    this.query = Collections.unmodifiableMap(new LinkedHashMap<>(b.query));
    TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    b.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = b.body;
    this.contentLength = b.contentLength >= 0 ? b.contentLength : parseContentLength(headers);
  }

  private static long parseContentLength(Map<String, List<String>> headers) {
    List<String> values = headers.get("Content-Length");
    if (values == null || values.isEmpty()) {
      return -1;
    }
    try {
      return Math.max(-1, Long.parseLong(values.get(0).strip()));
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** Returns a builder; the method is required, everything else defaults to empty. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the HTTP method in upper case, such as {@code GET} or {@code POST}. */
  public String method() {
    return method;
  }

  /**
   * Returns a decoded query parameter.
   *
   * @param name the parameter name, matched exactly, such as {@code hub.mode}
   */
  public Optional<String> queryParameter(String name) {
    return Optional.ofNullable(query.get(name));
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, matched without regard to case
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Returns a copy of the raw body; empty when the request has none. */
  public byte[] body() {
    return body.clone();
  }

  /** Returns the length of the raw body in bytes. */
  public int bodyLength() {
    return body.length;
  }

  /**
   * Returns the declared length of the body: the one {@linkplain Builder#contentLength set}, else
   * the {@code Content-Length} header's; empty when neither is known. An adapter that did not read
   * an over-long body still lets the endpoint refuse it by this length.
   */
  public OptionalLong contentLength() {
    return contentLength >= 0 ? OptionalLong.of(contentLength) : OptionalLong.empty();
  }

  /** Returns the body without copying it; callers in this package never modify it. */
  byte[] rawBody() {
    return body;
  }

  @Override
  public String toString() {
    return "WebhookRequest[method=" + method + ", bodyLength=" + body.length + "]";
  }

  /** Builds a {@link WebhookRequest}. Not thread-safe. */
  public static final class Builder {
    private String method;
    private final Map<String, String> query = new LinkedHashMap<>();
    private final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    private byte[] body = EMPTY;
    private long contentLength = -1;

    private Builder() {}

    /**
     * Sets the HTTP method; it is upper-cased. Required.
     *
     * @param method such as {@code GET} or {@code POST}
     */
    public Builder method(String method) {
      this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
      return this;
    }

    /**
     * Sets a decoded query parameter, replacing an earlier value of the same name.
     *
     * @param name the parameter name
     * @param value the decoded value
     */
    public Builder queryParameter(String name, String value) {
      query.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Adds the decoded query parameters of a map.
     *
     * @param parameters names to decoded values
     */
    public Builder queryParameters(Map<String, String> parameters) {
      parameters.forEach(this::queryParameter);
      return this;
    }

    /**
     * Adds a header value; repeated names keep every value, and the first one counts.
     *
     * @param name the header name, in any case
     * @param value the value
     */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      headers.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Adds every header of a map, such as a framework's multi-valued header map.
     *
     * @param headers names to their values
     */
    public Builder headers(Map<String, ? extends Collection<String>> headers) {
      headers.forEach(
          (name, values) -> {
            if (name != null && values != null) {
              values.forEach(v -> header(name, v));
            }
          });
      return this;
    }

    /**
     * Sets the raw body. The request takes the array over without copying it, so do not modify it
     * afterwards.
     *
     * @param body the bytes exactly as received
     */
    public Builder body(byte[] body) {
      this.body = Objects.requireNonNull(body, "body");
      return this;
    }

    /**
     * Sets the declared length of the body, as the framework reports it. Default: taken from the
     * {@code Content-Length} header. An adapter that skips reading a body because its declared
     * length is over the limit must set it, so that the endpoint answers 413.
     *
     * @param contentLength the declared length in bytes; -1 for unknown
     */
    public Builder contentLength(long contentLength) {
      if (contentLength < -1) {
        throw new IllegalArgumentException(
            "contentLength must be -1 or more, was " + contentLength);
      }
      this.contentLength = contentLength;
      return this;
    }

    /**
     * Returns the request.
     *
     * @throws IllegalStateException if no method was set
     */
    public WebhookRequest build() {
      if (method == null) {
        throw new IllegalStateException("method is required");
      }
      return new WebhookRequest(this);
    }
  }
}
