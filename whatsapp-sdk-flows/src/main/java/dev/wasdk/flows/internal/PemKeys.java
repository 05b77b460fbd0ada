package dev.wasdk.flows.internal;

import java.io.IOException;
import java.io.StringReader;
import java.security.PrivateKey;
import java.security.Provider;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCSException;

/**
 * Reads an RSA private key from PEM text in every form users bring: PKCS#8 plain or encrypted
 * (PBES1, PBES2 with AES or DES-EDE3), and PKCS#1 plain or with OpenSSL's legacy encryption ({@code
 * DEK-Info}). Error messages never contain the PEM text or the passphrase.
 */
public final class PemKeys {
  private PemKeys() {}

  // Used only as an explicit provider for the key-decryption ciphers; never registered globally.
  private static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  /**
   * Returns the first private key in the text.
   *
   * @param pem PEM text; other PEM blocks (such as EC parameters) before the key are skipped
   * @param passphrase needed for encrypted keys; null or empty for none
   * @throws IllegalArgumentException if there is no readable private key, the passphrase is missing
   *     or wrong, or the key is not RSA
   */
  public static PrivateKey readPrivateKey(String pem, String passphrase) {
    char[] pass = passphrase == null ? null : passphrase.toCharArray();
    try (PEMParser parser = new PEMParser(new StringReader(pem))) {
      Object o;
      while ((o = parser.readObject()) != null) {
        PrivateKeyInfo info = privateKeyInfo(o, pass);
        if (info != null) {
          PrivateKey key = new JcaPEMKeyConverter().getPrivateKey(info);
          if (!"RSA".equals(key.getAlgorithm())) {
            throw new IllegalArgumentException(
                "the PEM holds a " + key.getAlgorithm() + " private key; Flows need an RSA key");
          }
          return key;
        }
        if (o instanceof SubjectPublicKeyInfo || o instanceof X509CertificateHolder) {
          throw new IllegalArgumentException(
              "the PEM holds a public key or certificate; give the private key (the public key is"
                  + " what you upload to Meta)");
        }
      }
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "the PEM text could not be read: " + e.getClass().getSimpleName(), null);
    } finally {
      if (pass != null) {
        java.util.Arrays.fill(pass, '\0');
      }
    }
    throw new IllegalArgumentException(
        "no private key found: expected a BEGIN PRIVATE KEY, BEGIN ENCRYPTED PRIVATE KEY or BEGIN"
            + " RSA PRIVATE KEY block");
  }

  private static PrivateKeyInfo privateKeyInfo(Object o, char[] pass) throws IOException {
    if (o instanceof PrivateKeyInfo info) {
      return info;
    }
    if (o instanceof PEMKeyPair pair) {
      return pair.getPrivateKeyInfo();
    }
    if (o instanceof PEMEncryptedKeyPair encrypted) {
      requirePassphrase(pass);
      try {
        return encrypted
            .decryptKeyPair(
                new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(pass))
            .getPrivateKeyInfo();
      } catch (IOException | RuntimeException e) {
        throw wrongPassphrase();
      }
    }
    if (o instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
      requirePassphrase(pass);
      try {
        return encrypted.decryptPrivateKeyInfo(
            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(pass));
      } catch (PKCSException | OperatorCreationException | RuntimeException e) {
        throw wrongPassphrase();
      }
    }
    return null;
  }

  private static void requirePassphrase(char[] pass) {
    if (pass == null || pass.length == 0) {
      throw new IllegalArgumentException("the private key is encrypted; give its passphrase");
    }
  }

  private static IllegalArgumentException wrongPassphrase() {
    return new IllegalArgumentException(
        "the private key could not be decrypted: the passphrase is wrong, or the encryption is not"
            + " supported");
  }
}
