package dev.wasdk.flows;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.OAEPParameterSpec;
import javax.crypto.spec.PSource;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The known-answer vectors in {@code src/test/resources/vectors}, made by {@code make_vectors.py}
 * with Python's cryptography package and openssl, and a client-side encryptor for tests that build
 * their own requests.
 */
final class FlowVectors {
  static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final JsonNode ROOT = MAPPER.readTree(resource("vectors.json"));

  private FlowVectors() {}

  /** One vector. */
  record Vector(
      String name,
      String body,
      String plaintext,
      byte[] aesKey,
      byte[] iv,
      String response,
      String expectedResponse) {
    @Override
    public String toString() {
      return name;
    }
  }

  static String passphrase() {
    return ROOT.get("passphrase").asString();
  }

  static List<String> keyForms() {
    List<String> forms = new ArrayList<>();
    ROOT.get("key_forms").forEach(n -> forms.add(n.asString()));
    return forms;
  }

  static List<Vector> vectors() {
    List<Vector> out = new ArrayList<>();
    for (JsonNode v : ROOT.get("vectors")) {
      out.add(
          new Vector(
              v.get("name").asString(),
              v.get("body").asString(),
              v.get("plaintext").asString(),
              HexFormat.of().parseHex(v.get("aes_key_hex").asString()),
              HexFormat.of().parseHex(v.get("iv_hex").asString()),
              v.get("response").asString(),
              v.get("expected_response").asString()));
    }
    return out;
  }

  static Vector vector(String name) {
    return vectors().stream().filter(v -> v.name().equals(name)).findFirst().orElseThrow();
  }

  static String wrongKeyBody() {
    return ROOT.get("wrong_key_body").asString();
  }

  static String mgf1Sha1Body() {
    return ROOT.get("mgf1_sha1_body").asString();
  }

  static String resource(String name) {
    try (InputStream in = FlowVectors.class.getResourceAsStream("/vectors/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /vectors/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The business key pair's private half, read by the JDK alone from the plain PKCS#8 file. */
  static PrivateKey privateKey() {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(pemBytes(resource("pkcs8.pem"))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static PublicKey publicKey() {
    try {
      return KeyFactory.getInstance("RSA")
          .generatePublic(new X509EncodedKeySpec(pemBytes(resource("public.pem"))));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static FlowCipher cipher() {
    return FlowCipher.of(privateKey());
  }

  private static byte[] pemBytes(String pem) {
    return Base64.getMimeDecoder()
        .decode(pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", ""));
  }

  /** The three encrypted parts of a request, before base64. */
  record Parts(byte[] data, byte[] wrappedKey, byte[] iv, byte[] aesKey) {
    String body() {
      return body(enc(data), enc(wrappedKey), enc(iv));
    }

    static String body(String data, String key, String iv) {
      return "{\"encrypted_flow_data\":\""
          + data
          + "\",\"encrypted_aes_key\":\""
          + key
          + "\",\"initial_vector\":\""
          + iv
          + "\"}";
    }

    static String enc(byte[] b) {
      return Base64.getEncoder().encodeToString(b);
    }
  }

  /** Encrypts a request as the WhatsApp client does, with a key and IV of the given lengths. */
  static Parts encrypt(byte[] plaintext, int aesKeyBytes, int ivBytes) {
    SecureRandom random = new SecureRandom();
    byte[] aesKey = new byte[aesKeyBytes];
    byte[] iv = new byte[ivBytes];
    random.nextBytes(aesKey);
    random.nextBytes(iv);
    try {
      Cipher rsa = Cipher.getInstance("RSA/ECB/OAEPPadding");
      rsa.init(
          Cipher.ENCRYPT_MODE,
          publicKey(),
          new OAEPParameterSpec(
              "SHA-256", "MGF1", MGF1ParameterSpec.SHA256, PSource.PSpecified.DEFAULT));
      byte[] wrapped = rsa.doFinal(aesKey);
      byte[] data = plaintext;
      if (aesKeyBytes == 16 || aesKeyBytes == 24 || aesKeyBytes == 32) {
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(
            Cipher.ENCRYPT_MODE,
            new SecretKeySpec(aesKey, "AES"),
            new GCMParameterSpec(128, ivBytes == 0 ? new byte[1] : iv));
        data = aes.doFinal(plaintext);
      }
      return new Parts(data, wrapped, iv, aesKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Decrypts a response body as the WhatsApp client does: same key, inverted IV. */
  static String decryptResponse(Parts parts, String base64) {
    byte[] flipped = new byte[parts.iv().length];
    for (int i = 0; i < flipped.length; i++) {
      flipped[i] = (byte) ~parts.iv()[i];
    }
    try {
      Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
      aes.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(parts.aesKey(), "AES"),
          new GCMParameterSpec(128, flipped));
      return new String(aes.doFinal(Base64.getDecoder().decode(base64)), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static Parts encrypt(String json) {
    return encrypt(json.getBytes(StandardCharsets.UTF_8), 16, 16);
  }
}
