package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
  @Test
  void sign_knownAnswerVectors_matchesOpenssl() {
    // printf '%s' "<body>" | openssl dgst -sha256 -hmac <key>
    assertThat(
            WebhookSigner.of("key")
                .sign(
                    "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8");
    assertThat(WebhookSigner.of("test-app-secret").sign(new byte[0]))
        .isEqualTo("sha256=a7dfadfa864dba471c925e814eca5ee032a7ded01574b16ac33dd477b5d6d0f7");
    assertThat(
            WebhookSigner.of("test-app-secret")
                .sign("{\"text\":{\"body\":\"äöå\"}}".getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("sha256=16683dff6e27ee0eb6e23f1272b0804094161f4030646cba42f383101afef982");
  }

  @Test
  void sign_sameBodyTwice_givesSameLowercaseSignature() {
    WebhookSigner signer = WebhookSigner.of("s3cret");
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    String first = signer.sign(body);
    assertThat(signer.sign(body)).isEqualTo(first);
    assertThat(first).matches("sha256=[0-9a-f]{64}");
  }

  @Test
  void toString_omitsSecret() {
    assertThat(WebhookSigner.of("s3cret-value").toString()).doesNotContain("s3cret-value");
  }

  @Test
  void of_emptySecret_throws() {
    assertThatThrownBy(() -> WebhookSigner.of("")).isInstanceOf(IllegalArgumentException.class);
  }
}
