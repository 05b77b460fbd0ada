package dev.wasdk.flows;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A data-endpoint request after decryption: its JSON text, and the AES key and initial vector that
 * encrypt the one answer to it.
 *
 * <p>The answer is encrypted with AES-128-GCM under the request's key and its initial vector with
 * every bit inverted, the tag appended, then base64-encoded: the HTTP body to send back, as {@code
 * text/plain}. Because the key and initial vector are fixed per request, {@link
 * #encryptResponse(String)} may be called only once; a second answer under the same key and initial
 * vector would let an eavesdropper combine the two.
 *
 * <p>Thread-safe. {@code toString()} shows only the length, never the JSON or the key.
 *
 * <pre>{@code
 * DecryptedFlowRequest request = cipher.decrypt(body);
 * String json = request.json();
 * String reply = request.encryptResponse("{\"data\":{\"status\":\"active\"}}");
 * }</pre>
 */
public final class DecryptedFlowRequest {
  private final String json;
  private final byte[] aesKey;
  private final byte[] iv;
  private final AtomicBoolean answered = new AtomicBoolean();

  DecryptedFlowRequest(String json, byte[] aesKey, byte[] iv) {
    this.json = json;
    this.aesKey = aesKey;
    this.iv = iv;
  }

  /** Returns the decrypted request JSON. */
  public String json() {
    return json;
  }

  /**
   * Encrypts the answer to this request.
   *
   * @param responseJson the answer's JSON text, such as {@code {"screen":"NEXT","data":{}}}
   * @return the base64 text to send back as the response body
   * @throws IllegalStateException if this request was already answered
   */
  public String encryptResponse(String responseJson) {
    Objects.requireNonNull(responseJson, "responseJson");
    if (!answered.compareAndSet(false, true)) {
      throw new IllegalStateException(
          "this request was already answered; each request takes exactly one response");
    }
    return Base64.getEncoder()
        .encodeToString(encrypt(aesKey, iv, responseJson.getBytes(StandardCharsets.UTF_8)));
  }

  /** Returns whether {@link #encryptResponse(String)} was called. */
  public boolean isAnswered() {
    return answered.get();
  }

  static byte[] encrypt(byte[] aesKey, byte[] requestIv, byte[] plaintext) {
    byte[] flipped = new byte[requestIv.length];
    for (int i = 0; i < flipped.length; i++) {
      flipped[i] = (byte) ~requestIv[i];
    }
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(aesKey, "AES"),
          new GCMParameterSpec(FlowCipher.TAG_BYTES * 8, flipped));
      return aes.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is not available in this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "DecryptedFlowRequest[jsonLength="
        + json.length()
        + ", answered="
        + answered.get()
        + "]";
  }
}
