package dev.wasdk.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers the GET request Meta sends when a callback URL or verify token is saved in the App
 * Dashboard: {@code ?hub.mode=subscribe&hub.verify_token=...&hub.challenge=...}. A request passes
 * when the mode is {@code subscribe} and the token equals the configured verify token (compared in
 * constant time) and the challenge is 1 to {@value #MAX_CHALLENGE_LENGTH} ASCII letters and digits
 * (it is echoed, so nothing else is reflected); the endpoint then answers 200 with the challenge as
 * the body. The handshake carries no body and no signature, so it is never signature-checked.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * <pre>{@code
 * VerificationHandshake handshake = VerificationHandshake.of(verifyToken);
 * Optional<String> body = handshake.check(
 *     req.getParameter("hub.mode"), req.getParameter("hub.verify_token"),
 *     req.getParameter("hub.challenge"));
 * // present: answer 200 with it as text/plain; empty: answer 403
 * }</pre>
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/create-webhook-endpoint">Meta:
 *     create a webhook endpoint</a>
 */
public final class VerificationHandshake {
  /** The query parameter that names the mode; Meta sends {@code subscribe}. */
  public static final String MODE_PARAMETER = "hub.mode";

  /** The query parameter that carries the verify token. */
  public static final String TOKEN_PARAMETER = "hub.verify_token";

  /** The query parameter that carries the value to echo. */
  public static final String CHALLENGE_PARAMETER = "hub.challenge";

  private static final String SUBSCRIBE = "subscribe";

  /**
   * The longest {@code hub.challenge} echoed back. Meta sends a short number; anything longer, or
   * with characters other than ASCII letters and digits, is refused rather than reflected.
   */
  public static final int MAX_CHALLENGE_LENGTH = 128;

  /** Why a handshake passed or failed; the failures are safe to log. */
  enum Outcome {
    ACCEPTED("accepted"),
    WRONG_MODE("hub.mode is not subscribe"),
    WRONG_TOKEN("hub.verify_token does not match the configured verify token"),
    MISSING_CHALLENGE("hub.challenge is missing"),
    BAD_CHALLENGE(
        "hub.challenge is not 1 to " + MAX_CHALLENGE_LENGTH + " ASCII letters and digits");

    final String description;

    Outcome(String description) {
      this.description = description;
    }
  }

  private final byte[] tokenDigest;

  private VerificationHandshake(byte[] tokenDigest) {
    this.tokenDigest = tokenDigest;
  }

  /**
   * Returns a handshake for a verify token.
   *
   * @param verifyToken the token typed into the App Dashboard next to the callback URL; not empty
   * @throws IllegalArgumentException if the token is empty
   */
  public static VerificationHandshake of(String verifyToken) {
    Objects.requireNonNull(verifyToken, "verifyToken");
    if (verifyToken.isEmpty()) {
      throw new IllegalArgumentException("verifyToken must not be empty");
    }
    return new VerificationHandshake(sha256(verifyToken));
  }

  /**
   * Checks a verification request and returns the body to answer with.
   *
   * @param mode the {@code hub.mode} parameter; null if absent
   * @param verifyToken the {@code hub.verify_token} parameter; null if absent
   * @param challenge the {@code hub.challenge} parameter; null if absent
   * @return the challenge, to send back as the 200 body; empty if the request must be refused
   */
  public Optional<String> check(String mode, String verifyToken, String challenge) {
    return evaluate(mode, verifyToken, challenge) == Outcome.ACCEPTED
        ? Optional.of(challenge)
        : Optional.empty();
  }

  Outcome evaluate(String mode, String verifyToken, String challenge) {
    if (!SUBSCRIBE.equals(mode)) {
      return Outcome.WRONG_MODE;
    }
    // Digests of equal length make the comparison's time independent of both tokens' lengths.
    if (verifyToken == null || !MessageDigest.isEqual(tokenDigest, sha256(verifyToken))) {
      return Outcome.WRONG_TOKEN;
    }
    if (challenge == null || challenge.isEmpty()) {
      return Outcome.MISSING_CHALLENGE;
    }
    if (challenge.length() > MAX_CHALLENGE_LENGTH || !lettersAndDigits(challenge)) {
      return Outcome.BAD_CHALLENGE;
    }
    return Outcome.ACCEPTED;
  }

  private static boolean lettersAndDigits(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
        return false;
      }
    }
    return true;
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this runtime", e);
    }
  }

  @Override
  public String toString() {
    return "VerificationHandshake[]";
  }
}
