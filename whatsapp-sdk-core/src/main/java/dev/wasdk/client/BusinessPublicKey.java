package dev.wasdk.client;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * The business public key of a phone number, which encrypts the requests to Flow data endpoints,
 * and whether Meta's signature of it is valid.
 *
 * @param pem the public key in PEM text, if one was uploaded
 * @param signatureStatus the signature's state
 */
public record BusinessPublicKey(Optional<String> pem, SignatureStatus signatureStatus) {
  /** Checks for nulls. */
  public BusinessPublicKey {
    Objects.requireNonNull(pem, "pem");
    Objects.requireNonNull(signatureStatus, "signatureStatus");
  }

  /** The state of Meta's signature of the key. */
  public enum SignatureStatus {
    /** The key is signed and in use. */
    VALID,
    /** The signature does not match the key; upload it again. */
    MISMATCH,
    /** No status, or a value this version does not know. */
    UNKNOWN;

    /**
     * Returns the status for Meta's value; {@link #UNKNOWN} for anything else.
     *
     * @param value the raw value, may be null
     */
    public static SignatureStatus of(String value) {
      return OpenEnums.parse(SignatureStatus.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
