package dev.wasdk.flows.internal;

import dev.wasdk.flows.FlowDecryptionException;
import dev.wasdk.flows.FlowDecryptionException.Reason;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * The three base64 fields of a data-endpoint request body, read with a streaming parser (the
 * strings may contain JSON escapes such as {@code \/}, so they are never cut out of the text).
 *
 * @param encryptedFlowData {@code encrypted_flow_data}
 * @param encryptedAesKey {@code encrypted_aes_key}
 * @param initialVector {@code initial_vector}
 */
public record EncryptedBody(
    String encryptedFlowData, String encryptedAesKey, String initialVector) {
  /** The name of the ciphertext field. */
  public static final String DATA = "encrypted_flow_data";

  /** The name of the wrapped-key field. */
  public static final String KEY = "encrypted_aes_key";

  /** The name of the initial-vector field. */
  public static final String IV = "initial_vector";

  /**
   * Reads a body. Other properties are skipped; a field given twice is refused.
   *
   * @throws FlowDecryptionException with {@link Reason#MALFORMED_BODY} or {@link
   *     Reason#MISSING_FIELD}
   */
  public static EncryptedBody parse(byte[] body) {
    String data = null;
    String key = null;
    String iv = null;
    try (JsonParser p = Json.FACTORY.createParser(ObjectReadContext.empty(), body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw malformed("the body is not a JSON object");
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case DATA -> data = once(data, name, p, value);
          case KEY -> key = once(key, name, p, value);
          case IV -> iv = once(iv, name, p, value);
          default -> p.skipChildren();
        }
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        throw malformed("the body is not a single JSON object");
      }
    } catch (JacksonException e) {
      throw malformed("the body is not well-formed JSON");
    }
    if (data == null) {
      throw missing(DATA);
    }
    if (key == null) {
      throw missing(KEY);
    }
    if (iv == null) {
      throw missing(IV);
    }
    return new EncryptedBody(data, key, iv);
  }

  private static String once(String seen, String name, JsonParser p, JsonToken value) {
    if (value != JsonToken.VALUE_STRING) {
      if (value == JsonToken.VALUE_NULL) {
        throw missing(name);
      }
      throw malformed(name + " is not a string");
    }
    if (seen != null) {
      throw malformed(name + " is given twice");
    }
    return p.getString();
  }

  private static FlowDecryptionException malformed(String detail) {
    return new FlowDecryptionException(Reason.MALFORMED_BODY, detail);
  }

  private static FlowDecryptionException missing(String field) {
    return new FlowDecryptionException(Reason.MISSING_FIELD, field + " is absent");
  }

  @Override
  public String toString() {
    return "EncryptedBody[dataLength="
        + encryptedFlowData.length()
        + ", keyLength="
        + encryptedAesKey.length()
        + ", ivLength="
        + initialVector.length()
        + "]";
  }
}
