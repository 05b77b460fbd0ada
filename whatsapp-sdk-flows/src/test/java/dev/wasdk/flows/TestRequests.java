package dev.wasdk.flows;

import java.nio.charset.StandardCharsets;

/** Builds encrypted requests for tests outside this package, as the WhatsApp client would. */
public final class TestRequests {
  private TestRequests() {}

  /** The cipher for the test key pair. */
  public static FlowCipher cipher() {
    return FlowVectors.cipher();
  }

  /** A body encrypted for another key pair. */
  public static byte[] wrongKeyBody() {
    return FlowVectors.wrongKeyBody().getBytes(StandardCharsets.UTF_8);
  }

  /** Encrypts a request; the result opens the response. */
  public static Sealed seal(String json) {
    return new Sealed(FlowVectors.encrypt(json));
  }

  /** An encrypted request and what opens its response. */
  public static final class Sealed {
    private final FlowVectors.Parts parts;

    Sealed(FlowVectors.Parts parts) {
      this.parts = parts;
    }

    /** Returns the request body. */
    public byte[] body() {
      return parts.body().getBytes(StandardCharsets.UTF_8);
    }

    /** Decrypts a response body. */
    public String open(String responseBody) {
      return FlowVectors.decryptResponse(parts, responseBody);
    }
  }
}
