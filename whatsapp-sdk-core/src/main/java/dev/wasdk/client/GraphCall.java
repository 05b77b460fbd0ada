package dev.wasdk.client;

import dev.wasdk.internal.http.AppSecretProof;
import dev.wasdk.internal.json.PlainJson;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One raw Graph API call for {@link GraphApi}: a method, a path under the version root, query
 * parameters and an optional JSON body. Use it for an endpoint wasdk does not cover yet.
 *
 * <pre>{@code
 * GraphCall call = GraphCall.post("102290129340398/migrate_message_templates")
 *     .query("source_waba_id", "104996122399160")
 *     .query("page_number", "0")
 *     .build();
 * GraphResult r = wa.graph().send(call);
 * }</pre>
 *
 * <p><b>Retries.</b> A call declared idempotent (by default GET, HEAD and DELETE) is retried like
 * the client's reads: after a transient error, a timeout or a broken connection. Any other call is
 * retried only when the failure proves Meta did not process it (a connect failure, or a call-limit
 * error). Declare a POST idempotent with {@link Builder#idempotent(boolean)} only when sending it
 * twice does no harm.
 *
 * <p>Immutable and thread-safe; the builder is not thread-safe.
 *
 * @param method the HTTP method, upper case, such as {@code POST}
 * @param path the path after {@code /vNN.N/}, such as {@code 106540352242922/settings}
 * @param query the query parameters in order (not URL-encoded; the client encodes them)
 * @param body the JSON body, or null for none
 * @param idempotent whether sending the call twice has the same effect as once
 */
public record GraphCall(
    String method, String path, Map<String, String> query, String body, boolean idempotent) {
  private static final Pattern METHOD = Pattern.compile("[A-Z]{1,16}");
  private static final Pattern PATH =
      Pattern.compile("[A-Za-z0-9._~:@,%-]+(/[A-Za-z0-9._~:@,%-]+)*");

  /** Checks the parts and copies the query and the body. */
  public GraphCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(query, "query");
    if (!METHOD.matcher(method).matches()) {
      throw new IllegalArgumentException("method must be an upper-case HTTP method such as POST");
    }
    checkPath(path);
    Map<String, String> q = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : query.entrySet()) {
      checkParameter(e.getKey());
      q.put(e.getKey(), Objects.requireNonNull(e.getValue(), "query value of " + e.getKey()));
    }
    query = Collections.unmodifiableMap(q);
    if (body != null) {
      PlainJson.checkText(body);
    }
  }

  /**
   * Starts a call of any method.
   *
   * @param method the HTTP method, such as {@code POST}
   * @param path the path after the version, without a leading slash
   * @return a builder
   */
  public static Builder of(String method, String path) {
    return new Builder(method, path);
  }

  /** Starts a GET. */
  public static Builder get(String path) {
    return new Builder("GET", path);
  }

  /** Starts a POST. */
  public static Builder post(String path) {
    return new Builder("POST", path);
  }

  /** Starts a DELETE. */
  public static Builder delete(String path) {
    return new Builder("DELETE", path);
  }

  /** Returns the method and path, such as {@code POST 106540352242922/settings}. */
  public String describe() {
    return method + " " + path;
  }

  /** Returns the method, path, query names and body size; never query values or the body. */
  @Override
  public String toString() {
    return "GraphCall["
        + describe()
        + (query.isEmpty() ? "" : ", query=" + query.keySet())
        + (body == null ? "" : ", body=" + body.length() + " chars")
        + (idempotent ? ", idempotent" : "")
        + "]";
  }

  private static void checkPath(String path) {
    if (path.startsWith("/")) {
      throw new IllegalArgumentException(
          "path must be relative to the version root, without a leading slash, such as"
              + " 106540352242922/settings");
    }
    if (!PATH.matcher(path).matches()) {
      throw new IllegalArgumentException(
          "path must be segments of letters, digits and -._~:@,% separated by single slashes;"
              + " pass parameters with query(...), not in the path");
    }
    for (String segment : path.split("/", -1)) {
      if (segment.equals(".") || segment.equals("..")) {
        throw new IllegalArgumentException("path must not contain '.' or '..' segments");
      }
    }
  }

  private static void checkParameter(String name) {
    Objects.requireNonNull(name, "query name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("a query parameter name must not be empty");
    }
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("access_token") || n.equals(AppSecretProof.PARAMETER)) {
      throw new IllegalArgumentException(
          "query parameter "
              + name
              + " is set by the client (the token goes in the Authorization header, the proof"
              + " comes from WhatsAppClient.Builder.appSecret)");
    }
  }

  /** Builds a {@link GraphCall}. Not thread-safe. */
  public static final class Builder {
    private final String method;
    private final String path;
    private final Map<String, String> query = new LinkedHashMap<>();
    private String body;
    private Boolean idempotent;

    private Builder(String method, String path) {
      this.method = Objects.requireNonNull(method, "method");
      this.path = Objects.requireNonNull(path, "path");
    }

    /**
     * Adds a query parameter; a second value for the same name replaces the first.
     *
     * @param name the name, such as {@code fields}
     * @param value the value, not encoded
     * @return this builder
     */
    public Builder query(String name, String value) {
      checkParameter(name);
      query.put(name, Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Sets the body to a JSON text, sent as is.
     *
     * @param json one JSON value, usually an object
     * @return this builder
     * @throws IllegalArgumentException if the text is not JSON
     */
    public Builder jsonBody(String json) {
      PlainJson.checkText(Objects.requireNonNull(json, "json"));
      this.body = json;
      return this;
    }

    /**
     * Sets the body to the JSON form of plain values: maps with string keys, lists, strings,
     * numbers, booleans and nulls, nested.
     *
     * @param json the body
     * @return this builder
     * @throws IllegalArgumentException naming the path of a value of another type
     */
    public Builder jsonBody(Map<String, ?> json) {
      this.body =
          new String(
              PlainJson.write(Objects.requireNonNull(json, "json")),
              java.nio.charset.StandardCharsets.UTF_8);
      return this;
    }

    /**
     * Declares whether sending the call twice has the same effect as once, which decides what is
     * retried. Default: true for GET, HEAD and DELETE, false otherwise.
     *
     * @param idempotent whether the call may be repeated safely
     * @return this builder
     */
    public Builder idempotent(boolean idempotent) {
      this.idempotent = idempotent;
      return this;
    }

    /**
     * Builds the call.
     *
     * @return the call
     * @throws IllegalArgumentException if the method or path is malformed, or a GET or HEAD has a
     *     body
     */
    public GraphCall build() {
      if (body != null && (method.equals("GET") || method.equals("HEAD"))) {
        throw new IllegalArgumentException(method + " cannot carry a body; use query(...)");
      }
      boolean safe =
          idempotent != null
              ? idempotent
              : method.equals("GET") || method.equals("HEAD") || method.equals("DELETE");
      return new GraphCall(method, path, query, body, safe);
    }
  }
}
