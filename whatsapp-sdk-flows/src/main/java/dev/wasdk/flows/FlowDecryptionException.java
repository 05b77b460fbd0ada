package dev.wasdk.flows;

import dev.wasdk.error.WhatsAppException;
import java.util.Objects;

/**
 * Thrown when a data-endpoint request cannot be decrypted. {@link #reason()} tells the cases apart.
 * The message names the reason and, where there is one, the field; it never carries the private
 * key, the AES key, the ciphertext or any decrypted text.
 *
 * <p>A server answers such a request with HTTP 421, so that the WhatsApp client fetches the
 * business public key again and resends (the Flows endpoint does).
 *
 * <pre>{@code
 * try {
 *   DecryptedFlowRequest request = cipher.decrypt(body);
 * } catch (FlowDecryptionException e) {
 *   log.warn("undecryptable flow request: {}", e.reason());
 *   return 421;
 * }
 * }</pre>
 *
 * @see FlowCipher#decrypt(byte[])
 */
public final class FlowDecryptionException extends WhatsAppException {
  private static final long serialVersionUID = 1L;

  /** Why a request could not be decrypted. */
  public enum Reason {
    /** The body is not a JSON object, or one of the three fields is not a string. */
    MALFORMED_BODY("the body is not a JSON object with three string fields"),
    /**
     * One of {@code encrypted_flow_data}, {@code encrypted_aes_key} and {@code initial_vector} is
     * absent.
     */
    MISSING_FIELD("a required field is absent"),
    /** A field is not valid standard base64. */
    BAD_BASE64("a field is not valid base64"),
    /** The initial vector is not 16 bytes long. */
    BAD_IV_LENGTH("the initial vector is not 16 bytes long"),
    /** The encrypted flow data is shorter than the 16-byte GCM tag it must end with. */
    CIPHERTEXT_TOO_SHORT("the encrypted flow data is shorter than its 16-byte tag"),
    /**
     * The AES key could not be unwrapped with the private key: the request was encrypted for
     * another key pair (the business key was changed and not uploaded again, or the wrong key is
     * configured), or the wrapped key was altered.
     */
    KEY_UNWRAP_FAILED("the AES key could not be unwrapped with this private key"),
    /** The unwrapped AES key is not 16 bytes (AES-128) long. */
    BAD_AES_KEY_LENGTH("the unwrapped AES key is not 16 bytes long"),
    /**
     * The GCM tag does not match: the ciphertext or its tag was altered, or the data was encrypted
     * under another AES key or initial vector.
     */
    TAG_MISMATCH("the ciphertext or its authentication tag was altered"),
    /** The decrypted data is not UTF-8 text, or not a JSON object with a string {@code action}. */
    MALFORMED_PLAINTEXT("the decrypted data is not a UTF-8 JSON object");

    private final String description;

    Reason(String description) {
      this.description = description;
    }

    /** Returns a one-line explanation that is safe to log or to answer with. */
    public String description() {
      return description;
    }
  }

  private final Reason reason;

  /**
   * Creates the exception.
   *
   * @param reason why the request could not be decrypted
   * @param detail what exactly failed, such as the field name; must not contain secret data
   */
  public FlowDecryptionException(Reason reason, String detail) {
    super(
        "Flow request could not be decrypted ("
            + Objects.requireNonNull(reason, "reason")
            + "): "
            + (detail == null || detail.isEmpty() ? reason.description() : detail));
    this.reason = reason;
  }

  /** Returns why the request could not be decrypted. */
  public Reason reason() {
    return reason;
  }
}
