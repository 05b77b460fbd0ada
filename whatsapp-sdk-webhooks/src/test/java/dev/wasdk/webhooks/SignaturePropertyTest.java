package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NotEmpty;
import net.jqwik.api.constraints.Size;

class SignaturePropertyTest {
  private static final String SECRET = "property-app-secret";

  @Property
  void signedBody_alwaysVerifies(@ForAll byte[] body, @ForAll @NotEmpty String secret) {
    assertThat(SignatureVerifier.of(secret).isValid(body, WebhookSigner.of(secret).sign(body)))
        .isTrue();
  }

  @Property
  void changedBody_neverVerifies(
      @ForAll @Size(min = 1) byte[] body, @ForAll int position, @ForAll byte delta) {
    String signature = WebhookSigner.of(SECRET).sign(body);
    byte[] changed = body.clone();
    int i = Math.floorMod(position, changed.length);
    changed[i] = (byte) (changed[i] + (delta == 0 ? 1 : delta));
    assertThat(SignatureVerifier.of(SECRET).isValid(changed, signature)).isFalse();
  }

  @Property
  void arbitraryHeader_neverThrowsAnythingElse(@ForAll byte[] body, @ForAll String header) {
    SignatureVerifier verifier = SignatureVerifier.of(SECRET).withEscapedUnicodeFallback(true);
    try {
      verifier.verify(body, header);
    } catch (InvalidSignatureException e) {
      assertThat(e.reason()).isNotNull();
    }
  }
}
