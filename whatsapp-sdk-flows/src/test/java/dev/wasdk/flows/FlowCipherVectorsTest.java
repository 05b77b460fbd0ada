package dev.wasdk.flows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.flows.FlowDecryptionException.Reason;
import dev.wasdk.flows.FlowVectors.Vector;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Known-answer tests against vectors made with Python's cryptography package and openssl. */
class FlowCipherVectorsTest {

  static List<String> keyForms() {
    return FlowVectors.keyForms();
  }

  static List<Vector> vectors() {
    return FlowVectors.vectors();
  }

  @ParameterizedTest
  @MethodSource("keyForms")
  void fromPem_everyKeyForm_decryptsEveryVectorAndEncryptsTheExpectedResponse(String form) {
    String pem = FlowVectors.resource(form);
    FlowCipher cipher =
        FlowCipher.fromPem(pem, pem.contains("ENCRYPTED") ? FlowVectors.passphrase() : null);

    assertThat(FlowVectors.vectors()).hasSizeGreaterThanOrEqualTo(6);
    for (Vector v : FlowVectors.vectors()) {
      DecryptedFlowRequest request = cipher.decrypt(v.body().getBytes(StandardCharsets.UTF_8));
      assertThat(request.json()).as(v.name()).isEqualTo(v.plaintext());
      assertThat(request.encryptResponse(v.response()))
          .as(v.name())
          .isEqualTo(v.expectedResponse());
    }
  }

  @ParameterizedTest
  @MethodSource("vectors")
  void of_jdkPrivateKey_matchesVector(Vector v) {
    DecryptedFlowRequest request =
        FlowVectors.cipher().decrypt(v.body().getBytes(StandardCharsets.UTF_8));

    assertThat(request.json()).isEqualTo(v.plaintext());
    assertThat(request.encryptResponse(v.response())).isEqualTo(v.expectedResponse());
  }

  @Test
  void decrypt_slashesEscapedInBody_areUnescaped() {
    Vector v = FlowVectors.vector("data_exchange_unicode");
    assertThat(v.body()).contains("\\/");

    assertThat(FlowVectors.cipher().decrypt(v.body().getBytes(StandardCharsets.UTF_8)).json())
        .contains("Zoë Ñandú");
  }

  @Test
  void decrypt_threeFieldOverload_matchesBodyOverload() {
    FlowVectors.Parts parts = FlowVectors.encrypt("{\"action\":\"ping\",\"version\":\"3.0\"}");

    DecryptedFlowRequest request =
        FlowVectors.cipher()
            .decrypt(
                FlowVectors.Parts.enc(parts.data()),
                FlowVectors.Parts.enc(parts.wrappedKey()),
                FlowVectors.Parts.enc(parts.iv()));

    assertThat(request.json()).isEqualTo("{\"action\":\"ping\",\"version\":\"3.0\"}");
  }

  @Test
  void decrypt_requestForAnotherKeyPair_isKeyUnwrapFailed() {
    assertThatThrownBy(
            () ->
                FlowVectors.cipher()
                    .decrypt(FlowVectors.wrongKeyBody().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            FlowDecryptionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.KEY_UNWRAP_FAILED));
  }

  @Test
  void decrypt_withAnotherPrivateKey_isKeyUnwrapFailed() {
    FlowCipher other = FlowCipher.fromPem(FlowVectors.resource("other-pkcs8.pem"));
    Vector v = FlowVectors.vector("init");

    assertThatThrownBy(() -> other.decrypt(v.body().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            FlowDecryptionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.KEY_UNWRAP_FAILED));
  }

  @Test
  void decrypt_keyWrappedWithMgf1Sha1_isRejected() {
    assertThatThrownBy(
            () ->
                FlowVectors.cipher()
                    .decrypt(FlowVectors.mgf1Sha1Body().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            FlowDecryptionException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.KEY_UNWRAP_FAILED));
  }

  /** Documents why the cipher passes explicit OAEP parameters. */
  @Test
  void jdkDefaultOaepSha256Transformation_failsOnGenuineRequest() throws Exception {
    Vector v = FlowVectors.vector("ping");
    String wrapped = FlowVectors.MAPPER.readTree(v.body()).get("encrypted_aes_key").asString();
    Cipher defaults = Cipher.getInstance("RSA/ECB/OAEPWithSHA-256AndMGF1Padding");
    defaults.init(Cipher.DECRYPT_MODE, FlowVectors.privateKey());

    assertThatThrownBy(() -> defaults.doFinal(Base64.getDecoder().decode(wrapped)))
        .isInstanceOf(BadPaddingException.class);
  }

  @Test
  void encryptResponse_secondCall_isRefused() {
    Vector v = FlowVectors.vector("ping");
    DecryptedFlowRequest request =
        FlowVectors.cipher().decrypt(v.body().getBytes(StandardCharsets.UTF_8));
    request.encryptResponse(v.response());

    assertThat(request.isAnswered()).isTrue();
    assertThatThrownBy(() -> request.encryptResponse(v.response()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already answered");
  }

  @Test
  void toString_neverShowsJsonOrKey() {
    Vector v = FlowVectors.vector("init");
    DecryptedFlowRequest request =
        FlowVectors.cipher().decrypt(v.body().getBytes(StandardCharsets.UTF_8));

    assertThat(request.toString()).doesNotContain("tok-init-1").doesNotContain("INIT");
    assertThat(FlowVectors.cipher().toString()).isEqualTo("FlowCipher[rsa-2048]");
  }

  @Test
  void fromPem_encryptedWithoutPassphrase_saysSo() {
    assertThatThrownBy(() -> FlowCipher.fromPem(FlowVectors.resource("pkcs1-des3.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give its passphrase");
    assertThatThrownBy(() -> FlowCipher.fromPem(FlowVectors.resource("pkcs8-pbes2-des3.pem"), ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("give its passphrase");
  }

  @ParameterizedTest
  @MethodSource("keyForms")
  void fromPem_wrongPassphrase_isRefusedWithoutLeakingIt(String form) {
    String pem = FlowVectors.resource(form);
    if (!pem.contains("ENCRYPTED")) {
      // A plain key ignores the passphrase.
      assertThat(FlowCipher.fromPem(pem, "not-the-passphrase")).isNotNull();
      return;
    }
    assertThatThrownBy(() -> FlowCipher.fromPem(pem, "not-the-passphrase"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("passphrase is wrong")
        .hasMessageNotContaining("not-the-passphrase")
        .hasMessageNotContaining(
            pem.lines().filter(l -> l.length() == 64).findFirst().orElseThrow());
  }

  @Test
  void fromPem_publicKey_isRefused() {
    assertThatThrownBy(() -> FlowCipher.fromPem(FlowVectors.resource("public.pem")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("public key");
  }

  @Test
  void fromPem_noPemBlock_isRefused() {
    assertThatThrownBy(() -> FlowCipher.fromPem("just some text"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no private key found");
  }

  @Test
  void fromPem_ecKey_isRefused() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);
    byte[] der = ec.generateKeyPair().getPrivate().getEncoded();
    String pem =
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(der)
            + "\n-----END PRIVATE KEY-----\n";

    assertThatThrownBy(() -> FlowCipher.fromPem(pem))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("EC private key");
  }

  @Test
  void of_nonRsaKey_isRefused() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(256);

    assertThatThrownBy(() -> FlowCipher.of(ec.generateKeyPair().getPrivate()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RSA");
  }
}
