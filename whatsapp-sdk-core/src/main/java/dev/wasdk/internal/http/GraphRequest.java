package dev.wasdk.internal.http;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublisher;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * One Graph API call, independent of the token and timeouts, which the transport adds per attempt.
 * Immutable; the body publisher must be re-subscribable (the JDK's byte-array, string and file
 * publishers are), since a retry sends it again.
 *
 * @param method the HTTP method
 * @param uri the absolute URI, from {@link GraphTransport#uri}
 * @param body the body, or null for none
 * @param contentType the body's content type, or null for none
 * @param idempotent whether sending it twice has the same effect as once; decides which failures
 *     are retried
 * @param operation what the call does, for messages and logs, such as {@code "send message"}
 * @param subject what the call is about, for messages and logs (its {@code toString()} must mask
 *     personal data), or null
 * @param acceptStatus statuses besides 2xx returned as a response instead of mapped to an
 *     exception, or null for none
 */
public record GraphRequest(
    String method,
    URI uri,
    BodyPublisher body,
    String contentType,
    boolean idempotent,
    String operation,
    Object subject,
    IntPredicate acceptStatus) {

  /** The content type of JSON bodies. */
  public static final String JSON = "application/json";

  /** Checks the required parts. */
  public GraphRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(operation, "operation");
  }

  /** Returns an idempotent GET. */
  public static GraphRequest get(URI uri, String operation) {
    return new GraphRequest("GET", uri, null, null, true, operation, null, null);
  }

  /** Returns an idempotent DELETE without a body. */
  public static GraphRequest delete(URI uri, String operation) {
    return new GraphRequest("DELETE", uri, null, null, true, operation, null, null);
  }

  /** Returns a request with a JSON body. */
  public static GraphRequest json(
      String method, URI uri, byte[] json, boolean idempotent, String operation, Object subject) {
    return new GraphRequest(
        method, uri, new BytesPublisher(json), JSON, idempotent, operation, subject, null);
  }

  /** Returns a copy that returns the given statuses as responses instead of exceptions. */
  public GraphRequest acceptingStatus(IntPredicate statuses) {
    return new GraphRequest(
        method, uri, body, contentType, idempotent, operation, subject, statuses);
  }

  /** Returns what the call does and to whom, such as {@code send message to PHONE(+165***234)}. */
  public String describe() {
    return subject == null ? operation : operation + " to " + subject;
  }

  boolean accepts(int status) {
    return (status >= 200 && status <= 299) || (acceptStatus != null && acceptStatus.test(status));
  }
}
