package dev.wasdk.webhooks;

import dev.wasdk.error.WhatsAppException;
import java.util.Objects;

/**
 * Thrown when a webhook request's {@code X-Hub-Signature-256} header does not prove that Meta sent
 * the body. {@link #reason()} tells the cases apart; the message never carries the secret, the
 * header value or the body.
 *
 * @see SignatureVerifier#verify(byte[], String)
 */
public final class InvalidSignatureException extends WhatsAppException {
  private static final long serialVersionUID = 1L;

  /** Why a signature was rejected. */
  public enum Reason {
    /** The request has no {@code X-Hub-Signature-256} header, or it is blank. */
    MISSING_HEADER("the request has no X-Hub-Signature-256 header"),
    /** The header is not of the form {@code algorithm=hex}. */
    MALFORMED_HEADER("the X-Hub-Signature-256 header is not of the form sha256=<hex>"),
    /** The header names an algorithm other than {@code sha256}, such as the legacy {@code sha1}. */
    UNSUPPORTED_ALGORITHM("the X-Hub-Signature-256 header names an algorithm other than sha256"),
    /** The hex digest does not have the 64 characters of a SHA-256 digest. */
    WRONG_LENGTH("the X-Hub-Signature-256 digest is not 64 hex characters long"),
    /** The digest has a character that is not a hex digit. */
    NOT_HEX("the X-Hub-Signature-256 digest contains a character that is not a hex digit"),
    /** The digest is well formed but does not match the body under any configured app secret. */
    MISMATCH(
        "the X-Hub-Signature-256 digest does not match the body; check the app secret and that"
            + " the raw request bytes are verified, not re-serialized JSON");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** Returns a one-line explanation that is safe to log or to send back to the caller. */
    public String description() {
      return description;
    }
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the signature was rejected
   */
  public InvalidSignatureException(Reason reason) {
    super("Webhook signature rejected (" + reason + "): " + reason.description());
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /** Returns why the signature was rejected. */
  public Reason reason() {
    return reason;
  }
}
