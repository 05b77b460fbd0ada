package dev.wasdk.internal.http;

import dev.wasdk.client.http.HttpTransport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns a Graph call and the token of one attempt into the {@link HttpTransport.Request} a
 * transport sends: the bearer header, the user agent, the content type, any extra headers, and the
 * {@code appsecret_proof} for Graph itself. Immutable; thread-safe.
 */
final class Exchanges {
  private final GraphTargets targets;
  private final String userAgent;
  private final long maxResponseBytes;

  Exchanges(GraphTargets targets, String userAgent, long maxResponseBytes) {
    this.targets = targets;
    this.userAgent = userAgent;
    this.maxResponseBytes = maxResponseBytes;
  }

  HttpTransport.Request request(
      GraphRequest request, BearerHeader.Entry token, Duration timeout, boolean streamed) {
    Map<String, String> headers;
    if (request.subject() instanceof RequestHeaders extra) {
      Map<String, String> all = new LinkedHashMap<>();
      all.put("Authorization", token.header);
      all.put("User-Agent", userAgent);
      if (request.contentType() != null) {
        all.put("Content-Type", request.contentType());
      }
      all.putAll(extra.headers());
      headers = all;
    } else if (request.contentType() == null) {
      headers = Map.of("Authorization", token.header, "User-Agent", userAgent);
    } else {
      headers =
          Map.of(
              "Authorization",
              token.header,
              "User-Agent",
              userAgent,
              "Content-Type",
              request.contentType());
    }
    return new HttpTransport.Request(
        request.method(),
        targets.withProof(request.uri(), token),
        headers,
        PublisherBody.of(request.body()),
        timeout,
        maxResponseBytes,
        streamed);
  }
}
