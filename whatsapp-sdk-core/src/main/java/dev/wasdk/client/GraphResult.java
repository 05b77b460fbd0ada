package dev.wasdk.client;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The answer to a raw {@link GraphCall}: the status, the headers, the body as text and as a plain
 * JSON tree, and the usage Meta reported. Only successful answers arrive here; an error status
 * throws the same {@link dev.wasdk.error.ApiException} family as every other call.
 *
 * <pre>{@code
 * GraphResult r = wa.graph().get("106540352242922", Map.of("fields", "verified_name"));
 * String name = (String) r.asMap().get("verified_name");
 * r.usage().ifPresent(u -> System.out.println(u.highestPercent() + "% of the budget used"));
 * }</pre>
 *
 * <p>The tree holds only JDK types: {@code Map<String, Object>} for objects (in document order),
 * {@code List<Object>} for arrays, {@code String}, {@code Long} or {@code BigInteger} for integers,
 * {@code Double} or {@code BigDecimal} for other numbers, {@code Boolean}, and {@code null}. It is
 * unmodifiable. Immutable and thread-safe.
 */
public final class GraphResult {
  private final int status;
  private final Map<String, List<String>> headers;
  private final String body;
  private final Object json;
  private final Optional<UsageInfo> usage;

  GraphResult(
      int status,
      Map<String, List<String>> headers,
      byte[] body,
      Object json,
      Optional<UsageInfo> usage) {
    this.status = status;
    TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
    this.headers = java.util.Collections.unmodifiableMap(h);
    this.body = new String(body, StandardCharsets.UTF_8);
    this.json = json;
    this.usage = Objects.requireNonNull(usage, "usage");
  }

  /** Returns the HTTP status, such as 200. */
  public int status() {
    return status;
  }

  /** Returns the response headers; names are matched without regard to case. */
  public Map<String, List<String>> headers() {
    return headers;
  }

  /**
   * Returns the first value of a header.
   *
   * @param name the header name, in any case
   * @return the value, when present
   */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** Returns the body as text; empty when the answer had none. */
  public String body() {
    return body;
  }

  /** Returns the body as a plain JSON tree (see the class description); null for an empty body. */
  public Object json() {
    return json;
  }

  /**
   * Returns the body as a JSON object.
   *
   * @return the object's members, in document order
   * @throws IllegalStateException if the body is not a JSON object
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> asMap() {
    if (json instanceof Map<?, ?> m) {
      return (Map<String, Object>) m;
    }
    throw new IllegalStateException("the answer is not a JSON object but " + kind());
  }

  /** Returns the usage from this answer's {@code X-App-Usage} and business use-case headers. */
  public Optional<UsageInfo> usage() {
    return usage;
  }

  /** Returns the raw {@code X-App-Usage} header, when present. */
  public Optional<String> appUsage() {
    return header("X-App-Usage");
  }

  /** Returns the raw {@code X-Business-Use-Case-Usage} header, when present. */
  public Optional<String> businessUseCaseUsage() {
    return header("X-Business-Use-Case-Usage");
  }

  private String kind() {
    if (json == null) {
      return "empty or null";
    }
    if (json instanceof List) {
      return "an array";
    }
    return "a " + json.getClass().getSimpleName();
  }

  /** Returns the status and body size; never the body, which may hold personal data. */
  @Override
  public String toString() {
    return "GraphResult[status=" + status + ", body=" + body.length() + " chars]";
  }
}
