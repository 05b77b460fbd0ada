package dev.wasdk.flows;

import dev.wasdk.flows.FlowDecryptionException.Reason;
import dev.wasdk.flows.internal.EncryptedBody;
import dev.wasdk.flows.internal.PemKeys;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.interfaces.RSAKey;
import java.security.spec.MGF1ParameterSpec;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decrypts the requests Meta sends to a Flow's data endpoint, with the business private key whose
 * public half was uploaded to Meta. Each {@link DecryptedFlowRequest} then encrypts its one answer.
 *
 * <p>The scheme, from Meta's endpoint guide: the request carries a fresh AES-128 key wrapped with
 * RSA-OAEP (SHA-256, MGF1 with SHA-256, empty label), a 16-byte initial vector, and the request
 * JSON encrypted with AES-GCM, its 16-byte tag appended. The answer is encrypted with the same key
 * and the initial vector with every bit inverted. The OAEP parameters are given explicitly: the
 * JDK's {@code OAEPWithSHA-256AndMGF1Padding} alone uses MGF1 with SHA-1 and fails on every genuine
 * request.
 *
 * <p>The private key may come as a {@link PrivateKey} or as PEM text in any of the forms that
 * Meta's own instructions produce: PKCS#8 (plain, or encrypted with PBES2 and AES or DES-EDE3, as
 * {@code openssl genrsa -des3} writes on OpenSSL 3) and PKCS#1 (plain, or with OpenSSL's legacy
 * {@code DEK-Info} encryption, as Meta's Node generator writes).
 *
 * <p>Instances are immutable and thread-safe; build one at startup and share it. {@code toString()}
 * never shows the key.
 *
 * <pre>{@code
 * FlowCipher cipher = FlowCipher.fromPem(Files.readString(keyPath), System.getenv("KEY_PASSPHRASE"));
 * DecryptedFlowRequest request = cipher.decrypt(body);  // the bytes as received
 * String reply = request.encryptResponse("{\"screen\":\"DONE\",\"data\":{}}");
 * }</pre>
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/whatsapp/flows/guides/implementingyourflowendpoint">Meta:
 *     implementing an endpoint for Flows</a>
 */
public final class FlowCipher {
  /** The length of the AES key, of the initial vector and of the GCM tag, in bytes. */
  static final int AES_KEY_BYTES = 16;

  static final int IV_BYTES = 16;
  static final int TAG_BYTES = 16;

  private static final OAEPParameterSpec OAEP =
      new OAEPParameterSpec(
          "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT);

  private final PrivateKey privateKey;
  private final int modulusBytes;

  private FlowCipher(PrivateKey privateKey) {
    this.privateKey = privateKey;
    this.modulusBytes =
        privateKey instanceof RSAKey rsa ? (rsa.getModulus().bitLength() + 7) / 8 : -1;
  }

  /**
   * Returns a cipher for an RSA private key.
   *
   * @param privateKey the private half of the key pair whose public key was uploaded to Meta
   * @throws IllegalArgumentException if the key is not an RSA key
   */
  public static FlowCipher of(PrivateKey privateKey) {
    Objects.requireNonNull(privateKey, "privateKey");
    if (!"RSA".equals(privateKey.getAlgorithm())) {
      throw new IllegalArgumentException(
          "Flows need an RSA private key, got " + privateKey.getAlgorithm());
    }
    return new FlowCipher(privateKey);
  }

  /**
   * Returns a cipher for an unencrypted private key in PEM text ({@code BEGIN PRIVATE KEY} or
   * {@code BEGIN RSA PRIVATE KEY}).
   *
   * @param pemText the PEM text
   * @throws IllegalArgumentException if it holds no RSA private key, or the key is encrypted
   */
  public static FlowCipher fromPem(String pemText) {
    return fromPem(pemText, null);
  }

  /**
   * Returns a cipher for a private key in PEM text, encrypted or not.
   *
   * @param pemText the PEM text: PKCS#8 or PKCS#1, plain or encrypted
   * @param passphrase the passphrase of an encrypted key; null for a plain one
   * @throws IllegalArgumentException if it holds no RSA private key, or the passphrase is missing
   *     or wrong; the message never contains the PEM text or the passphrase
   */
  public static FlowCipher fromPem(String pemText, String passphrase) {
    Objects.requireNonNull(pemText, "pemText");
    return new FlowCipher(PemKeys.readPrivateKey(pemText, passphrase));
  }

  /**
   * Decrypts a request body exactly as received: a JSON object with {@code encrypted_flow_data},
   * {@code encrypted_aes_key} and {@code initial_vector}.
   *
   * @param body the raw request body
   * @return the decrypted request, which encrypts the answer
   * @throws FlowDecryptionException if the body cannot be decrypted; answer HTTP 421
   */
  public DecryptedFlowRequest decrypt(byte[] body) {
    Objects.requireNonNull(body, "body");
    EncryptedBody fields = EncryptedBody.parse(body);
    return decrypt(fields.encryptedFlowData(), fields.encryptedAesKey(), fields.initialVector());
  }

  /**
   * Decrypts a request from its three fields, for callers that parsed the body themselves.
   *
   * @param encryptedFlowData base64 of the AES-GCM ciphertext with its tag appended
   * @param encryptedAesKey base64 of the RSA-OAEP wrapped AES key
   * @param initialVector base64 of the 16-byte initial vector
   * @return the decrypted request
   * @throws FlowDecryptionException if the request cannot be decrypted
   */
  public DecryptedFlowRequest decrypt(
      String encryptedFlowData, String encryptedAesKey, String initialVector) {
    byte[] data = base64(encryptedFlowData, EncryptedBody.DATA);
    byte[] wrappedKey = base64(encryptedAesKey, EncryptedBody.KEY);
    byte[] iv = base64(initialVector, EncryptedBody.IV);
    if (iv.length != IV_BYTES) {
      throw new FlowDecryptionException(
          Reason.BAD_IV_LENGTH,
          "initial_vector is " + iv.length + " bytes long; expected " + IV_BYTES);
    }
    if (data.length < TAG_BYTES) {
      throw new FlowDecryptionException(
          Reason.CIPHERTEXT_TOO_SHORT,
          "encrypted_flow_data is " + data.length + " bytes long; the tag alone is " + TAG_BYTES);
    }
    byte[] aesKey = unwrap(wrappedKey);
    byte[] plaintext = decryptGcm(aesKey, iv, data);
    String json = utf8(plaintext);
    return new DecryptedFlowRequest(json, aesKey, iv);
  }

  private byte[] unwrap(byte[] wrappedKey) {
    if (modulusBytes > 0 && wrappedKey.length != modulusBytes) {
      throw new FlowDecryptionException(
          Reason.KEY_UNWRAP_FAILED,
          "encrypted_aes_key is "
              + wrappedKey.length
              + " bytes long; this private key unwraps "
              + modulusBytes
              + "-byte keys");
    }
    byte[] aesKey;
    try {
      Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
      rsa.init(Cipher.DECRYPT_MODE, privateKey, OAEP);
      aesKey = rsa.doFinal(wrappedKey);
    } catch (InvalidKeyException e) {
      throw new IllegalStateException("the private key cannot decrypt RSA-OAEP", e);
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new FlowDecryptionException(Reason.KEY_UNWRAP_FAILED, null);
    }
    if (aesKey.length != AES_KEY_BYTES) {
      throw new FlowDecryptionException(
          Reason.BAD_AES_KEY_LENGTH,
          "the unwrapped AES key is " + aesKey.length + " bytes long; expected " + AES_KEY_BYTES);
    }
    return aesKey;
  }

  private static byte[] decryptGcm(byte[] aesKey, byte[] iv, byte[] data) {
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(aesKey, "AES"),
          new GCMParameterSpec(TAG_BYTES * 8, iv));
      return aes.doFinal(data);
    } catch (AEADBadTagException e) {
      throw new FlowDecryptionException(Reason.TAG_MISMATCH, null);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  private static String utf8(byte[] plaintext) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(plaintext))
          .toString();
    } catch (CharacterCodingException e) {
      throw new FlowDecryptionException(Reason.MALFORMED_PLAINTEXT, null);
    }
  }

  private static byte[] base64(String value, String field) {
    try {
      return Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new FlowDecryptionException(Reason.BAD_BASE64, field + " is not valid base64");
    }
  }

  /** Returns the modulus length of the key in bytes, or -1 when the key does not tell. */
  int modulusBytes() {
    return modulusBytes;
  }

  @Override
  public String toString() {
    return "FlowCipher[rsa" + (modulusBytes > 0 ? "-" + modulusBytes * 8 : "") + "]";
  }
}
