package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.webhooks.InvalidSignatureException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SignatureVerifierTest {
  // Expected digests computed independently: printf '%s' "<body>" | openssl dgst -sha256 -hmac
  // <key>
  private static final String ENVELOPE = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}";
  private static final String ENVELOPE_SIG =
      "sha256=c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dc";
  private static final String EMPTY_SIG =
      "sha256=a7dfadfa864dba471c925e814eca5ee032a7ded01574b16ac33dd477b5d6d0f7";
  private static final String FOX = "The quick brown fox jumps over the lazy dog";
  private static final String FOX_SIG =
      "sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8";
  // {"text":{"body":"äöå"}} as raw UTF-8, and signed over its escaped form
  // {"text":{"body":"\u00e4..."}}
  private static final String UNICODE = "{\"text\":{\"body\":\"äöå\"}}";
  private static final String UNICODE_RAW_SIG =
      "sha256=16683dff6e27ee0eb6e23f1272b0804094161f4030646cba42f383101afef982";
  private static final String UNICODE_ESCAPED_SIG =
      "sha256=c8fd52e475a4a087f93217fc44424fafdb79d594623c60634972daf49f97c611";
  private static final String SECRET = "test-app-secret";

  private final SignatureVerifier verifier = SignatureVerifier.of(SECRET);

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static Reason reasonOf(SignatureVerifier v, byte[] body, String header) {
    try {
      v.verify(body, header);
      return null;
    } catch (InvalidSignatureException e) {
      return e.reason();
    }
  }

  @Test
  void verify_knownAnswerVectors_accepts() {
    assertThatCode(() -> verifier.verify(utf8(ENVELOPE), ENVELOPE_SIG)).doesNotThrowAnyException();
    assertThatCode(() -> verifier.verify(new byte[0], EMPTY_SIG)).doesNotThrowAnyException();
    assertThatCode(() -> SignatureVerifier.of("key").verify(utf8(FOX), FOX_SIG))
        .doesNotThrowAnyException();
    assertThat(verifier.isValid(utf8(UNICODE), UNICODE_RAW_SIG)).isTrue();
  }

  @Test
  void verify_uppercaseHexAndAlgorithm_accepts() {
    String upper = "SHA256=" + ENVELOPE_SIG.substring(7).toUpperCase(Locale.ROOT);
    assertThat(verifier.isValid(utf8(ENVELOPE), upper)).isTrue();
  }

  @Test
  void verify_surroundingWhitespace_accepts() {
    assertThat(verifier.isValid(utf8(ENVELOPE), "  " + ENVELOPE_SIG + " ")).isTrue();
  }

  @Test
  void verify_tamperedBody_rejectsWithMismatch() {
    byte[] tampered = utf8(ENVELOPE.replace("[]", "[ ]"));
    assertThat(reasonOf(verifier, tampered, ENVELOPE_SIG)).isEqualTo(Reason.MISMATCH);
  }

  @Test
  void verify_everySingleBitFlipped_rejects() {
    byte[] body = utf8(ENVELOPE);
    for (int i = 0; i < body.length; i++) {
      for (int bit = 0; bit < 8; bit++) {
        byte[] flipped = body.clone();
        flipped[i] ^= (byte) (1 << bit);
        assertThat(verifier.isValid(flipped, ENVELOPE_SIG)).as("byte %d bit %d", i, bit).isFalse();
      }
    }
  }

  @Test
  void verify_signatureWithDifferentSecret_rejectsWithMismatch() {
    byte[] body = utf8(ENVELOPE);
    String signedByOther = WebhookSigner.of("another-secret").sign(body);
    assertThat(reasonOf(verifier, body, signedByOther)).isEqualTo(Reason.MISMATCH);
    assertThat(reasonOf(SignatureVerifier.of("another-secret"), body, ENVELOPE_SIG))
        .isEqualTo(Reason.MISMATCH);
  }

  @Test
  void verify_signatureFromPreviousSecret_accepts() {
    byte[] body = utf8(ENVELOPE);
    SignatureVerifier rotating = SignatureVerifier.of("new-secret", SECRET);
    assertThat(rotating.isValid(body, ENVELOPE_SIG)).isTrue();
    assertThat(rotating.isValid(body, WebhookSigner.of("new-secret").sign(body))).isTrue();
    assertThat(rotating.isValid(body, WebhookSigner.of("third-secret").sign(body))).isFalse();
  }

  @Test
  void verify_previousSecretAfterRotationEnded_rejects() {
    assertThat(SignatureVerifier.of("new-secret").isValid(utf8(ENVELOPE), ENVELOPE_SIG)).isFalse();
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\t"})
  void verify_missingOrBlankHeader_rejectsWithMissingHeader(String header) {
    assertThat(reasonOf(verifier, utf8(ENVELOPE), header)).isEqualTo(Reason.MISSING_HEADER);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dc | MALFORMED_HEADER",
        "sha256:c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dc | MALFORMED_HEADER",
        "sha1=2fd4e1c67a2d28fced849ee1bb76e7391b93eb12 | UNSUPPORTED_ALGORITHM",
        "sha512=c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dc | UNSUPPORTED_ALGORITHM",
        "=c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dc | UNSUPPORTED_ALGORITHM",
        "sha256= | WRONG_LENGTH",
        "sha256=c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384d | WRONG_LENGTH",
        "sha256=c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dc0 | WRONG_LENGTH",
        "sha256=c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f384dg | NOT_HEX",
        "sha256=c84a394cc475525991e78ff16e430b02e47f953877d2af0ade26956ce6f38 dc | NOT_HEX",
        "sha256=0000000000000000000000000000000000000000000000000000000000000000 | MISMATCH",
      })
  void verify_malformedHeader_rejectsWithItsReason(String header, Reason expected) {
    assertThat(reasonOf(verifier, utf8(ENVELOPE), header)).isEqualTo(expected);
  }

  @Test
  void verify_rejection_messageNamesReasonButNoSecretHeaderOrBody() {
    String header = WebhookSigner.of("another-secret").sign(utf8(ENVELOPE));
    assertThatThrownBy(() -> verifier.verify(utf8(ENVELOPE), header))
        .isInstanceOf(InvalidSignatureException.class)
        .isInstanceOf(dev.wasdk.error.WhatsAppException.class)
        .hasMessageContaining("MISMATCH")
        .hasMessageNotContaining(SECRET)
        .hasMessageNotContaining(header.substring(7))
        .hasMessageNotContaining("whatsapp_business_account")
        .satisfies(e -> assertThat(e.toString()).doesNotContain(SECRET));
  }

  @Test
  void toString_rotatingVerifier_omitsSecrets() {
    String s = SignatureVerifier.of(SECRET, "old-secret").toString();
    assertThat(s)
        .doesNotContain(SECRET)
        .doesNotContain("old-secret")
        .contains("previousSecret=true");
  }

  @Test
  void of_emptySecret_throws() {
    assertThatThrownBy(() -> SignatureVerifier.of("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SignatureVerifier.of(SECRET, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("previousAppSecret");
  }

  @Test
  void verify_signatureOverEscapedUnicode_rejectedByDefault() {
    assertThat(reasonOf(verifier, utf8(UNICODE), UNICODE_ESCAPED_SIG)).isEqualTo(Reason.MISMATCH);
  }

  @Test
  void verify_signatureOverEscapedUnicodeWithFallback_accepts() {
    SignatureVerifier lenient = verifier.withEscapedUnicodeFallback(true);
    assertThat(lenient.isValid(utf8(UNICODE), UNICODE_ESCAPED_SIG)).isTrue();
    assertThat(lenient.isValid(utf8(UNICODE), UNICODE_RAW_SIG)).isTrue();
    assertThat(lenient.isValid(utf8(UNICODE), EMPTY_SIG)).isFalse();
    assertThat(lenient.toString()).contains("escapedUnicodeFallback=true");
  }

  @Test
  void check_forgedNonAsciiBodyWithPreviousSecretAndFallback_costsAtMostFourMacs() {
    SignatureVerifier rotating =
        SignatureVerifier.of("new-secret", SECRET).withEscapedUnicodeFallback(true);
    long before = rotating.computations();
    assertThat(rotating.isValid(utf8(UNICODE), EMPTY_SIG)).isFalse();
    assertThat(rotating.computations() - before)
        .isEqualTo(SignatureVerifier.MAX_MACS_PER_CHECK)
        .isEqualTo(4);
  }

  @Test
  void check_forgedAsciiBodyWithPreviousSecretAndFallback_costsTwoMacs() {
    SignatureVerifier rotating =
        SignatureVerifier.of("new-secret", SECRET).withEscapedUnicodeFallback(true);
    long before = rotating.computations();
    assertThat(rotating.isValid(utf8(FOX), EMPTY_SIG)).isFalse();
    assertThat(rotating.computations() - before).isEqualTo(2);
  }

  @Test
  void check_malformedHeader_costsNoMac() {
    SignatureVerifier rotating =
        SignatureVerifier.of("new-secret", SECRET).withEscapedUnicodeFallback(true);
    assertThat(rotating.isValid(utf8(UNICODE), "sha256=abc")).isFalse();
    assertThat(rotating.computations()).isZero();
  }

  @Test
  void verify_escapedUnicodeFallbackWithPreviousSecret_accepts() {
    SignatureVerifier rotating =
        SignatureVerifier.of("new-secret", SECRET).withEscapedUnicodeFallback(true);
    assertThat(rotating.isValid(utf8(UNICODE), UNICODE_ESCAPED_SIG)).isTrue();
  }

  @Test
  void escapeNonAscii_mixedText_escapesEachUtf16UnitInLowercase() {
    byte[] escaped = SignatureVerifier.escapeNonAscii(utf8("a\u00e4/\u00c9\uD83D\uDE00"));
    assertThat(new String(escaped, StandardCharsets.US_ASCII))
        .isEqualTo("a\\u00e4/\\u00c9\\ud83d\\ude00");
  }

  @Test
  void escapeNonAscii_asciiOnly_returnsNull() {
    assertThat(SignatureVerifier.escapeNonAscii(utf8(ENVELOPE))).isNull();
  }

  @Test
  void escapeNonAscii_invalidUtf8_returnsNull() {
    assertThat(SignatureVerifier.escapeNonAscii(new byte[] {'a', (byte) 0xC3})).isNull();
  }
}
