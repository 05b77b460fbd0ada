package dev.wasdk.client;

import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphResponse;
import dev.wasdk.internal.json.PlainJson;
import dev.wasdk.internal.json.UsageJson;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Sends any Graph API call, for an endpoint wasdk does not cover yet. Get it from {@link
 * WhatsAppClient#graph()}. A call goes through the same machinery as every typed one: the access
 * token (and {@code appsecret_proof} when the client has the app secret), the base URL and API
 * version, the deadline and size cap, the error mapping to {@link dev.wasdk.error.ApiException}
 * families, and the retry rules (see {@link GraphCall} for which calls are retried). The answer is
 * a {@link GraphResult} with a plain JSON tree and the usage headers.
 *
 * <pre>{@code
 * // read fields the typed API does not expose
 * GraphResult me = wa.graph().get("106540352242922", Map.of("fields", "conversational_automation"));
 *
 * // write with a JSON body
 * wa.graph().send(GraphCall.post("106540352242922/conversational_automation")
 *     .jsonBody(Map.of("enable_welcome_message", true))
 *     .build());
 * }</pre>
 *
 * <p>Paths are relative to the version root and always reach the configured base URL; a call can
 * never send the token to another host. Thread-safe and lock-free; share one instance.
 */
public final class GraphApi {
  private final ManagementCalls calls;

  GraphApi(ManagementCalls calls) {
    this.calls = calls;
  }

  /**
   * Sends a GET.
   *
   * @param path the path after {@code /vNN.N/}, such as {@code 106540352242922}
   * @return the answer
   * @throws dev.wasdk.error.ApiException if Graph answered with an error
   * @throws dev.wasdk.error.TransportException if the call failed in transport
   */
  public GraphResult get(String path) {
    return send(GraphCall.get(path).build());
  }

  /**
   * Sends a GET with query parameters.
   *
   * @param path the path after {@code /vNN.N/}
   * @param query the parameters, not encoded; use a {@link java.util.LinkedHashMap} to keep order
   * @return the answer
   */
  public GraphResult get(String path, Map<String, String> query) {
    return send(new GraphCall("GET", path, query, null, true));
  }

  /**
   * Sends a POST with a JSON body. Not retried once it may have reached Meta.
   *
   * @param path the path after {@code /vNN.N/}
   * @param jsonBody the body: maps with string keys, lists, strings, numbers, booleans and nulls
   * @return the answer
   */
  public GraphResult post(String path, Map<String, ?> jsonBody) {
    return send(GraphCall.post(path).jsonBody(jsonBody).build());
  }

  /**
   * Sends a DELETE.
   *
   * @param path the path after {@code /vNN.N/}
   * @return the answer
   */
  public GraphResult delete(String path) {
    return send(GraphCall.delete(path).build());
  }

  /**
   * Sends a call and waits for the answer.
   *
   * @param call the call
   * @return the answer
   * @throws dev.wasdk.error.ApiException if Graph answered with an error
   * @throws dev.wasdk.error.TransportException if the call failed in transport; its {@code
   *     requestState()} tells whether it may have reached Meta
   * @throws IllegalStateException if the client is closed
   */
  public GraphResult send(GraphCall call) {
    GraphRequest request = request(call);
    return result(calls.execute(request), request);
  }

  /**
   * Sends a call without blocking. The future completes with the answer, or exceptionally with the
   * same exceptions {@link #send} throws, not wrapped.
   *
   * @param call the call
   * @return the future answer
   * @throws IllegalStateException if the client is closed
   */
  public CompletableFuture<GraphResult> sendAsync(GraphCall call) {
    GraphRequest request = request(call);
    return calls.callAsync(request, r -> result(r, request));
  }

  /** The async twin of {@link #get(String)}. */
  public CompletableFuture<GraphResult> getAsync(String path) {
    return sendAsync(GraphCall.get(path).build());
  }

  /** The async twin of {@link #get(String, Map)}. */
  public CompletableFuture<GraphResult> getAsync(String path, Map<String, String> query) {
    return sendAsync(new GraphCall("GET", path, query, null, true));
  }

  /** The async twin of {@link #post(String, Map)}. */
  public CompletableFuture<GraphResult> postAsync(String path, Map<String, ?> jsonBody) {
    return sendAsync(GraphCall.post(path).jsonBody(jsonBody).build());
  }

  /** The async twin of {@link #delete(String)}. */
  public CompletableFuture<GraphResult> deleteAsync(String path) {
    return sendAsync(GraphCall.delete(path).build());
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  private GraphRequest request(GraphCall call) {
    Objects.requireNonNull(call, "call");
    String body = call.body();
    return new GraphRequest(
        call.method(),
        calls.uri(call.path(), call.query()),
        body == null ? null : BodyPublishers.ofByteArray(body.getBytes(StandardCharsets.UTF_8)),
        body == null ? null : GraphRequest.JSON,
        call.idempotent(),
        "graph call " + call.describe(),
        null,
        null);
  }

  private GraphResult result(GraphResponse response, GraphRequest request) {
    Object json;
    try {
      json = PlainJson.read(response.body());
    } catch (IllegalArgumentException e) {
      if (request.idempotent()) {
        throw new WhatsAppException(
            request.describe()
                + " returned HTTP "
                + response.status()
                + " with a body that is not JSON: "
                + e.getMessage(),
            e);
      }
      throw new RequestMaybeSentException(
          request.describe()
              + " was probably done (HTTP "
              + response.status()
              + "), but the answer is not JSON: "
              + e.getMessage(),
          TransportFailure.UNREADABLE_RESPONSE,
          e);
    }
    return new GraphResult(
        response.status(),
        response.headers().map(),
        response.body(),
        json,
        UsageJson.parse(response.headers(), calls.clock().instant()));
  }
}
