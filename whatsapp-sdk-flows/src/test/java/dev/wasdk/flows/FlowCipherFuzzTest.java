package dev.wasdk.flows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.flows.FlowVectors.Parts;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Bit flips, truncations, wrong lengths and arbitrary bytes in each field: decryption either
 * returns the genuine request (when nothing changed) or throws {@link FlowDecryptionException};
 * nothing else escapes.
 */
class FlowCipherFuzzTest {
  private static final String JSON =
      "{\"version\":\"3.0\",\"action\":\"data_exchange\",\"screen\":\"A\",\"data\":{\"x\":1}}";
  private static final FlowCipher CIPHER = FlowVectors.cipher();
  private static final Parts PARTS = FlowVectors.encrypt(JSON);

  enum Field {
    DATA,
    KEY,
    IV
  }

  private static byte[] field(Field f) {
    return switch (f) {
      case DATA -> PARTS.data();
      case KEY -> PARTS.wrappedKey();
      case IV -> PARTS.iv();
    };
  }

  private static String bodyWith(Field f, String replacement) {
    return Parts.body(
        f == Field.DATA ? replacement : Parts.enc(PARTS.data()),
        f == Field.KEY ? replacement : Parts.enc(PARTS.wrappedKey()),
        f == Field.IV ? replacement : Parts.enc(PARTS.iv()));
  }

  /** Decrypts and reports whether the genuine request came back; only the documented exception. */
  private static boolean decryptsGenuine(byte[] body) {
    try {
      return CIPHER.decrypt(body).json().equals(JSON);
    } catch (FlowDecryptionException e) {
      assertThat(e.reason()).isNotNull();
      assertThat(e.getMessage()).doesNotContain("data_exchange");
      return false;
    }
  }

  @Property(tries = 300)
  void bitFlipInAnyField_isAlwaysRejected(
      @ForAll Field field, @ForAll @IntRange(min = 0, max = 100_000) int bit) {
    byte[] bytes = field(field).clone();
    int i = bit % (bytes.length * 8);
    bytes[i / 8] ^= (byte) (1 << (i % 8));

    assertThat(decryptsGenuine(bodyWith(field, Parts.enc(bytes)).getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Property(tries = 300)
  void truncatedOrExtendedField_isAlwaysRejected(
      @ForAll Field field, @ForAll @IntRange(min = 0, max = 600) int length) {
    byte[] original = field(field);
    if (length == original.length) {
      length++;
    }
    byte[] bytes = Arrays.copyOf(original, length);

    assertThat(decryptsGenuine(bodyWith(field, Parts.enc(bytes)).getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }

  @Property(tries = 300)
  void arbitraryFieldText_onlyDocumentedException(
      @ForAll Field field, @ForAll("fieldText") String text) {
    String escaped = text.replace("\\", "\\\\").replace("\"", "\\\"");
    decryptsGenuine(bodyWith(field, escaped).getBytes(StandardCharsets.UTF_8));
  }

  @Property(tries = 500)
  void bitFlipInRawBody_onlyDocumentedException(@ForAll @IntRange(min = 0) int bit) {
    byte[] body = PARTS.body().getBytes(StandardCharsets.UTF_8);
    int i = bit % (body.length * 8);
    body[i / 8] ^= (byte) (1 << (i % 8));

    decryptsGenuine(body);
  }

  @Property(tries = 500)
  void truncatedRawBody_isAlwaysRejected(@ForAll @IntRange(min = 0) int cut) {
    byte[] body = PARTS.body().getBytes(StandardCharsets.UTF_8);
    byte[] truncated = Arrays.copyOf(body, cut % body.length);

    assertThat(decryptsGenuine(truncated)).isFalse();
  }

  @Property(tries = 500)
  void arbitraryBytes_onlyDocumentedException(@ForAll byte[] body) {
    assertThat(decryptsGenuine(body)).isFalse();
  }

  @Provide
  Arbitrary<String> fieldText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(400),
        Arbitraries.strings().withChars("ABCDEFabcdef0123456789+/=").ofMaxLength(400),
        Arbitraries.strings().withChars("A=").ofMaxLength(40));
  }
}
