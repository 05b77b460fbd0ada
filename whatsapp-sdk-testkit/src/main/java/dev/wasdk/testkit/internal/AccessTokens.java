package dev.wasdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The access token the simulator accepts: checking requests, expiry and rotation, with Graph's
 * errors 104, 190 and 190/463. Thread-safe.
 */
public final class AccessTokens {
  private final Clock clock;
  private final Set<String> retiredTokens = ConcurrentHashMap.newKeySet();
  private volatile String token;
  private volatile long tokenExpiresAt = Long.MAX_VALUE;

  AccessTokens(Clock clock, String token) {
    this.clock = clock;
    this.token = token;
  }

  /** Refuses a request without the current, unexpired token, with Meta's error for each case. */
  void authenticate(SimRequest req, Instant now) {
    String presented = bearer(req);
    if (presented == null) {
      throw new GraphErrorException(
          401,
          104,
          null,
          "OAuthException",
          "An access token is required to request this resource.",
          null);
    }
    if (sameToken(presented, token)) {
      if (now.toEpochMilli() < tokenExpiresAt) {
        return;
      }
      throw expired(Instant.ofEpochMilli(tokenExpiresAt), now);
    }
    if (retiredTokens.contains(presented)) {
      throw expired(now, now);
    }
    throw new GraphErrorException(
        401,
        190,
        null,
        "OAuthException",
        "Invalid OAuth access token - Cannot parse access token",
        null);
  }

  /** Returns the bearer token of a request, from the header or Graph's access_token parameter. */
  String bearer(SimRequest req) {
    Optional<String> h = req.header("Authorization");
    if (h.isPresent()) {
      String v = h.get().trim();
      if (v.regionMatches(true, 0, "Bearer ", 0, 7) && v.length() > 7) {
        return v.substring(7).trim();
      }
      return null;
    }
    return req.query("access_token").filter(s -> !s.isEmpty()).orElse(null);
  }

  /** Returns whether a request carries the current, unexpired token. */
  boolean authorized(SimRequest req, Instant now) {
    String presented = bearer(req);
    return presented != null && sameToken(presented, token) && now.toEpochMilli() < tokenExpiresAt;
  }

  private static boolean sameToken(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  private static GraphErrorException expired(Instant at, Instant now) {
    return new GraphErrorException(
        401,
        190,
        463,
        "OAuthException",
        "Error validating access token: Session has expired on "
            + at
            + ". The current time is "
            + now
            + ".",
        null);
  }

  /** Expires the current token: later requests get error 190. */
  public void expire() {
    tokenExpiresAt = clock.millis();
  }

  /** Replaces the token; the old one is answered as expired from now on. */
  public void rotate(String newToken) {
    retiredTokens.add(token);
    retiredTokens.remove(newToken);
    token = newToken;
    tokenExpiresAt = Long.MAX_VALUE;
  }

  /** Sets when the current token expires, on the simulator's clock. */
  public void expiresAt(Instant at) {
    tokenExpiresAt = at.toEpochMilli();
  }

  /** Returns the current token. */
  public String current() {
    return token;
  }
}
