package dev.wasdk.internal.http;

import dev.wasdk.client.AccessTokenProvider;
import dev.wasdk.error.RequestNotSentException;
import dev.wasdk.error.TransportFailure;

/**
 * Asks the provider for the token on every request and builds the {@code Authorization} value and,
 * when an app secret is configured, the {@code appsecret_proof}, reusing both while the token is
 * unchanged. Lock-free; thread-safe.
 */
final class BearerHeader {
  private final AccessTokenProvider provider;
  private final AppSecretProof appSecretProof;
  private volatile Entry last;

  /** The token, its header value and its proof (null without an app secret), published together. */
  static final class Entry {
    final String token;
    final String header;
    final String proof;

    Entry(String token, String header, String proof) {
      this.token = token;
      this.header = header;
      this.proof = proof;
    }
  }

  BearerHeader(AccessTokenProvider provider, AppSecretProof appSecretProof) {
    this.provider = provider;
    this.appSecretProof = appSecretProof;
  }

  /** Returns the last token and header handed out, or null before the first request. */
  Entry last() {
    return last;
  }

  /** Returns the current token and header; throws {@link RequestNotSentException} if none. */
  Entry current(GraphRequest request) {
    String token;
    try {
      token = provider.accessToken();
    } catch (RuntimeException e) {
      throw new RequestNotSentException(
          request.describe()
              + " was not sent: the access token provider failed ("
              + e.getClass().getName()
              + "). It is safe to send it again.",
          TransportFailure.ACCESS_TOKEN_UNAVAILABLE,
          e);
    }
    if (token == null || token.isBlank()) {
      throw new RequestNotSentException(
          request.describe()
              + " was not sent: the access token provider returned no token. It is safe to send"
              + " it again.",
          TransportFailure.ACCESS_TOKEN_UNAVAILABLE,
          null);
    }
    Entry e = last;
    if (e != null && (e.token == token || e.token.equals(token))) {
      return e;
    }
    if (token.indexOf('\r') >= 0 || token.indexOf('\n') >= 0) {
      throw new RequestNotSentException(
          request.describe()
              + " was not sent: the access token contains a line break. Check the token source.",
          TransportFailure.ACCESS_TOKEN_UNAVAILABLE,
          null);
    }
    e =
        new Entry(
            token, "Bearer " + token, appSecretProof == null ? null : appSecretProof.proof(token));
    last = e;
    return e;
  }
}
