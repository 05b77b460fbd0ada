package dev.wasdk.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.flows.FlowDecryptionException.Reason;
import dev.wasdk.flows.FlowVectors.Parts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FlowCipherNegativeTest {
  private static final String SECRET_JSON =
      "{\"version\":\"3.0\",\"action\":\"INIT\",\"flow_token\":\"secret-token-42\"}";
  private final FlowCipher cipher = FlowVectors.cipher();
  private final Parts parts = FlowVectors.encrypt(SECRET_JSON);

  private Reason reasonFor(String body) {
    try {
      cipher.decrypt(body.getBytes(StandardCharsets.UTF_8));
    } catch (FlowDecryptionException e) {
      assertThat(e.getMessage())
          .doesNotContain("secret-token-42")
          .doesNotContain(HexFormat.of().formatHex(parts.aesKey()))
          .doesNotContain(Parts.enc(parts.data()));
      return e.reason();
    }
    throw new AssertionError("decrypted without error");
  }

  @Test
  void genuine_decrypts() {
    assertThat(cipher.decrypt(parts.body().getBytes(StandardCharsets.UTF_8)).json())
        .isEqualTo(SECRET_JSON);
  }

  @Test
  void flippedCiphertextBit_isTagMismatch() {
    byte[] data = parts.data().clone();
    data[0] ^= 1;
    assertThat(reasonFor(Parts.body(Parts.enc(data), enc(parts.wrappedKey()), enc(parts.iv()))))
        .isEqualTo(Reason.TAG_MISMATCH);
  }

  @Test
  void flippedTagBit_isTagMismatch() {
    byte[] data = parts.data().clone();
    data[data.length - 1] ^= (byte) 0x80;
    assertThat(reasonFor(Parts.body(Parts.enc(data), enc(parts.wrappedKey()), enc(parts.iv()))))
        .isEqualTo(Reason.TAG_MISMATCH);
  }

  @Test
  void differentIvOfRightLength_isTagMismatch() {
    byte[] iv = parts.iv().clone();
    iv[5] ^= 4;
    assertThat(reasonFor(Parts.body(enc(parts.data()), enc(parts.wrappedKey()), enc(iv))))
        .isEqualTo(Reason.TAG_MISMATCH);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 12, 15, 17, 32})
  void ivOfWrongLength_isBadIvLength(int length) {
    byte[] iv = Arrays.copyOf(parts.iv(), length);
    assertThat(reasonFor(Parts.body(enc(parts.data()), enc(parts.wrappedKey()), enc(iv))))
        .isEqualTo(Reason.BAD_IV_LENGTH);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 15})
  void ciphertextShorterThanTag_isCiphertextTooShort(int length) {
    byte[] data = Arrays.copyOf(parts.data(), length);
    assertThat(reasonFor(Parts.body(enc(data), enc(parts.wrappedKey()), enc(parts.iv()))))
        .isEqualTo(Reason.CIPHERTEXT_TOO_SHORT);
  }

  @Test
  void ciphertextOfTagLengthOnly_isTagMismatch() {
    byte[] data = Arrays.copyOf(parts.data(), 16);
    assertThat(reasonFor(Parts.body(enc(data), enc(parts.wrappedKey()), enc(parts.iv()))))
        .isEqualTo(Reason.TAG_MISMATCH);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 128, 255, 257, 512})
  void wrappedKeyOfWrongLength_isKeyUnwrapFailed(int length) {
    byte[] key = Arrays.copyOf(parts.wrappedKey(), length);
    assertThat(reasonFor(Parts.body(enc(parts.data()), enc(key), enc(parts.iv()))))
        .isEqualTo(Reason.KEY_UNWRAP_FAILED);
  }

  @Test
  void flippedWrappedKeyBit_isKeyUnwrapFailed() {
    byte[] key = parts.wrappedKey().clone();
    key[100] ^= 2;
    assertThat(reasonFor(Parts.body(enc(parts.data()), enc(key), enc(parts.iv()))))
        .isEqualTo(Reason.KEY_UNWRAP_FAILED);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 15, 24, 32})
  void aesKeyOfWrongLength_isBadAesKeyLength(int length) {
    Parts wrong = FlowVectors.encrypt(SECRET_JSON.getBytes(StandardCharsets.UTF_8), length, 16);
    assertThat(reasonFor(wrong.body())).isEqualTo(Reason.BAD_AES_KEY_LENGTH);
  }

  @Test
  void plaintextNotUtf8_isMalformedPlaintext() {
    Parts latin1 =
        FlowVectors.encrypt("{\"name\":\"Zoë\"}".getBytes(StandardCharsets.ISO_8859_1), 16, 16);
    assertThat(reasonFor(latin1.body())).isEqualTo(Reason.MALFORMED_PLAINTEXT);
  }

  @Test
  void badBase64_ineachField_isBadBase64() {
    String data = enc(parts.data());
    String key = enc(parts.wrappedKey());
    String iv = enc(parts.iv());
    assertThat(reasonFor(Parts.body("%%" + data, key, iv))).isEqualTo(Reason.BAD_BASE64);
    assertThat(reasonFor(Parts.body(data, key.substring(1), iv))).isEqualTo(Reason.BAD_BASE64);
    assertThat(reasonFor(Parts.body(data, key, iv + "*"))).isEqualTo(Reason.BAD_BASE64);
  }

  @Test
  void urlSafeBase64_isBadBase64() {
    String data = enc(parts.data());
    String key = enc(parts.wrappedKey()).replace('+', '-').replace('/', '_');
    if (key.equals(enc(parts.wrappedKey()))) {
      key = "-_" + key.substring(2);
    }
    assertThat(reasonFor(Parts.body(data, key, enc(parts.iv())))).isEqualTo(Reason.BAD_BASE64);
  }

  @Test
  void missingFields_areMissingField() {
    String data = "\"encrypted_flow_data\":\"" + enc(parts.data()) + "\"";
    String key = "\"encrypted_aes_key\":\"" + enc(parts.wrappedKey()) + "\"";
    String iv = "\"initial_vector\":\"" + enc(parts.iv()) + "\"";
    assertThat(reasonFor("{" + key + "," + iv + "}")).isEqualTo(Reason.MISSING_FIELD);
    assertThat(reasonFor("{" + data + "," + iv + "}")).isEqualTo(Reason.MISSING_FIELD);
    assertThat(reasonFor("{" + data + "," + key + "}")).isEqualTo(Reason.MISSING_FIELD);
    assertThat(reasonFor("{" + data + "," + key + ",\"initial_vector\":null}"))
        .isEqualTo(Reason.MISSING_FIELD);
    assertThat(reasonFor("{}")).isEqualTo(Reason.MISSING_FIELD);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "[]",
        "null",
        "not json",
        "{\"encrypted_flow_data\":1}",
        "{\"encrypted_flow_data\":{}}",
        "{\"encrypted_flow_data\":\"AAAA\"",
        "{} {}"
      })
  void notAnObjectOfStrings_isMalformedBody(String body) {
    assertThat(reasonFor(body)).isEqualTo(Reason.MALFORMED_BODY);
  }

  @Test
  void duplicateField_isMalformedBody() {
    String iv = enc(parts.iv());
    String body = parts.body().replace("}", ",\"initial_vector\":\"" + iv + "\"}");
    assertThat(reasonFor(body)).isEqualTo(Reason.MALFORMED_BODY);
  }

  @Test
  void extraProperties_areIgnored() {
    String body = parts.body().replace("{", "{\"extra\":{\"nested\":[1,2,{\"x\":null}]},");
    assertThat(cipher.decrypt(body.getBytes(StandardCharsets.UTF_8)).json()).isEqualTo(SECRET_JSON);
  }

  private static String enc(byte[] b) {
    return Parts.enc(b);
  }
}
