package dev.wasdk.webhooks;

import dev.wasdk.webhooks.InvalidSignatureException.Reason;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Checks the {@code X-Hub-Signature-256} header Meta puts on every webhook POST: {@code sha256=}
 * followed by the hex HMAC-SHA256 of the raw request body, keyed with the app secret.
 *
 * <p>Verify the exact bytes received, before parsing them; JSON that was parsed and written again
 * no longer matches. The digest is compared in constant time. Hex digits may be lower or upper
 * case. During an app secret rotation, build the verifier with {@link #of(String, String)} so that
 * deliveries signed with either secret pass.
 *
 * <p>Meta's scheme has no timestamp, so a verifier needs no clock; replayed deliveries are caught
 * by de-duplicating events instead.
 *
 * <p>Instances are immutable and thread-safe; build one at startup and share it.
 *
 * <pre>{@code
 * SignatureVerifier verifier = SignatureVerifier.of(appSecret);
 * verifier.verify(rawBody, request.getHeader(SignatureVerifier.HEADER)); // throws if forged
 * }</pre>
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/create-webhook-endpoint">Meta:
 *     create a webhook endpoint</a>
 */
public final class SignatureVerifier {
  /** The name of the header that carries the signature. */
  public static final String HEADER = "X-Hub-Signature-256";

  private static final String ALGORITHM = "sha256";
  private static final int DIGEST_HEX_LENGTH = 64;
  private static final HexFormat HEX = HexFormat.of();

  /** The most HMAC computations one check makes: two secrets, each over the body and its escape. */
  static final int MAX_MACS_PER_CHECK = 4;

  private final HmacSha256 current;
  private final HmacSha256 previous;
  private final boolean escapedUnicodeFallback;

  private SignatureVerifier(
      HmacSha256 current, HmacSha256 previous, boolean escapedUnicodeFallback) {
    this.current = current;
    this.previous = previous;
    this.escapedUnicodeFallback = escapedUnicodeFallback;
  }

  /**
   * Returns a verifier for one app secret.
   *
   * @param appSecret the app secret (App Dashboard, App settings, Basic); not empty
   * @throws IllegalArgumentException if the secret is empty
   */
  public static SignatureVerifier of(String appSecret) {
    return new SignatureVerifier(new HmacSha256(appSecret, "appSecret"), null, false);
  }

  /**
   * Returns a verifier that accepts signatures made with either of two app secrets, for the time it
   * takes to roll a new secret out. Remove the previous secret once the rotation is done.
   *
   * @param appSecret the current app secret; not empty
   * @param previousAppSecret the secret being replaced; not empty
   * @throws IllegalArgumentException if a secret is empty
   */
  public static SignatureVerifier of(String appSecret, String previousAppSecret) {
    return new SignatureVerifier(
        new HmacSha256(appSecret, "appSecret"),
        new HmacSha256(previousAppSecret, "previousAppSecret"),
        false);
  }

  /**
   * Returns a copy that, when the raw bytes do not match, tries once more over the body with every
   * non-ASCII character written as a lowercase {@code \}{@code uXXXX} escape. Off by default.
   *
   * <p>Meta documents for its Messenger platform that the signature is computed over such an
   * escaped form. A body that reaches the application exactly as Meta sent it verifies without
   * this; turn it on only if deliveries with non-ASCII text (names, emoji) fail with {@link
   * Reason#MISMATCH} while ASCII-only ones pass. It costs a second HMAC, and only for mismatching
   * bodies that contain non-ASCII bytes.
   *
   * @param enabled whether to retry over the escaped form
   * @return a verifier with the same secrets and this setting
   */
  public SignatureVerifier withEscapedUnicodeFallback(boolean enabled) {
    return new SignatureVerifier(current, previous, enabled);
  }

  /**
   * Checks a signature and returns normally if it is valid.
   *
   * @param rawBody the request body exactly as received
   * @param signatureHeader the value of the {@code X-Hub-Signature-256} header; null if absent
   * @throws InvalidSignatureException if the header is absent, malformed, or does not match
   */
  public void verify(byte[] rawBody, String signatureHeader) {
    Reason reason = check(rawBody, signatureHeader);
    if (reason != null) {
      throw new InvalidSignatureException(reason);
    }
  }

  /**
   * Returns whether a signature is valid. Use {@link #verify(byte[], String)} to learn why not.
   *
   * @param rawBody the request body exactly as received
   * @param signatureHeader the value of the {@code X-Hub-Signature-256} header; null if absent
   */
  public boolean isValid(byte[] rawBody, String signatureHeader) {
    return check(rawBody, signatureHeader) == null;
  }

  /** Returns how many MACs this verifier computed, under both secrets; for tests. */
  long computations() {
    return current.computations() + (previous == null ? 0 : previous.computations());
  }

  /**
   * Returns why the signature fails, or null if it is valid. No exception on the hot path.
   *
   * <p>The cost of a request is bounded: at most {@value #MAX_MACS_PER_CHECK} HMAC computations,
   * one over the body per secret, and with the escaped-Unicode fallback one more per secret over
   * the escaped body, which is at most three times the body's size. A body at the endpoint's 3 MB
   * limit therefore costs at most about 25 MB of HMAC input, and only a well-formed header of the
   * right length gets that far.
   */
  Reason check(byte[] rawBody, String signatureHeader) {
    Objects.requireNonNull(rawBody, "rawBody");
    if (signatureHeader == null || signatureHeader.isBlank()) {
      return Reason.MISSING_HEADER;
    }
    String header = signatureHeader.strip();
    int eq = header.indexOf('=');
    if (eq < 0) {
      return Reason.MALFORMED_HEADER;
    }
    if (!header.substring(0, eq).strip().equalsIgnoreCase(ALGORITHM)) {
      return Reason.UNSUPPORTED_ALGORITHM;
    }
    String hex = header.substring(eq + 1).strip();
    if (hex.length() != DIGEST_HEX_LENGTH) {
      return Reason.WRONG_LENGTH;
    }
    for (int i = 0; i < hex.length(); i++) {
      if (!HexFormat.isHexDigit(hex.charAt(i))) {
        return Reason.NOT_HEX;
      }
    }
    byte[] given = HEX.parseHex(hex);
    if (matches(rawBody, given)) {
      return null;
    }
    if (escapedUnicodeFallback) {
      byte[] escaped = escapeNonAscii(rawBody);
      if (escaped != null && matches(escaped, given)) {
        return null;
      }
    }
    return Reason.MISMATCH;
  }

  private boolean matches(byte[] body, byte[] given) {
    if (MessageDigest.isEqual(current.compute(body), given)) {
      return true;
    }
    return previous != null && MessageDigest.isEqual(previous.compute(body), given);
  }

  /**
   * Returns the body with every non-ASCII UTF-16 unit written as {@code \}{@code uXXXX}, or null
   * when that changes nothing or the body is not valid UTF-8.
   */
  static byte[] escapeNonAscii(byte[] body) {
    boolean ascii = true;
    for (byte b : body) {
      if (b < 0) {
        ascii = false;
        break;
      }
    }
    if (ascii) {
      return null;
    }
    CharBuffer chars;
    try {
      chars =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body));
    } catch (CharacterCodingException e) {
      return null;
    }
    StringBuilder out = new StringBuilder(body.length + 32);
    while (chars.hasRemaining()) {
      char c = chars.get();
      if (c < 0x80) {
        out.append(c);
      } else {
        out.append("\\u").append(HEX.toHexDigits(c));
      }
    }
    return out.toString().getBytes(StandardCharsets.US_ASCII);
  }

  @Override
  public String toString() {
    return "SignatureVerifier[previousSecret="
        + (previous != null)
        + ", escapedUnicodeFallback="
        + escapedUnicodeFallback
        + "]";
  }
}
