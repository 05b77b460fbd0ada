package dev.wasdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks which HTTP version the HTTP client that the builder creates asks an {@code https} server
 * for, by reading the protocols it offers in its TLS handshake (ALPN): {@code h2} means the JDK
 * client would talk HTTP/2 to a server that accepts it, no {@code h2} means HTTP/1.1.
 *
 * <p>The server is a TLS socket on loopback with a self-signed certificate made by the JDK's {@code
 * keytool}. The client does not trust it, so each call fails after the client's first handshake
 * message; the offer has been read by then.
 */
class HttpVersionTest {
  private static final String TOKEN = "EAAG-version-token-ABCDEF123456";
  private static SSLContext serverContext;

  @BeforeAll
  static void makeServerKey(@TempDir Path dir) throws Exception {
    char[] password = "loopback-test".toCharArray();
    Path file = dir.resolve("server.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    Process run =
        new ProcessBuilder(
                keytool,
                "-genkeypair",
                "-alias",
                "loopback",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                file.toString(),
                "-storepass",
                new String(password))
            .redirectErrorStream(true)
            .start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
    assertThat(run.exitValue()).as("keytool: %s", output).isZero();
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      keys.load(in, password);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(keys, password);
    serverContext = SSLContext.getInstance("TLS");
    serverContext.init(kmf.getKeyManagers(), null, null);
  }

  /**
   * Accepts one TLS connection on loopback and completes with the application protocols the client
   * offered (empty when it offered none).
   */
  private static final class OfferRecorder implements AutoCloseable {
    final SSLServerSocket socket;
    final CompletableFuture<List<String>> offered = new CompletableFuture<>();
    final Thread acceptor;

    OfferRecorder() throws IOException {
      socket =
          (SSLServerSocket)
              serverContext
                  .getServerSocketFactory()
                  .createServerSocket(0, 1, InetAddress.getLoopbackAddress());
      acceptor = new Thread(this::acceptOne, "alpn-offer-recorder");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    URI baseUrl() {
      return URI.create("https://127.0.0.1:" + socket.getLocalPort());
    }

    private void acceptOne() {
      try (SSLSocket s = (SSLSocket) socket.accept()) {
        s.setHandshakeApplicationProtocolSelector(
            (engine, protocols) -> {
              offered.complete(List.copyOf(protocols));
              return protocols.contains("http/1.1") ? "http/1.1" : null;
            });
        try {
          s.startHandshake();
        } catch (IOException expected) {
          // The client does not trust the certificate and aborts; the offer was read first.
        }
        offered.complete(List.of());
      } catch (IOException e) {
        offered.completeExceptionally(e);
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }

  private static List<String> offeredBy(WhatsAppClient.Builder builder) throws Exception {
    try (OfferRecorder server = new OfferRecorder();
        WhatsAppClient wa =
            builder
                .accessToken(TOKEN)
                .phoneNumberId("106540352242922")
                .baseUrl(server.baseUrl())
                .retryPolicy(RetryPolicy.none())
                .build()) {
      assertThatThrownBy(() -> wa.phoneNumbers().get()).isInstanceOf(RuntimeException.class);
      return server.offered.get(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void build_httpsBaseByDefault_createdClientAsksForHttp11Only() throws Exception {
    List<String> offered = offeredBy(WhatsAppClient.builder());

    assertThat(offered).doesNotContain("h2");
  }

  @Test
  void build_httpVersionHttp2_createdClientOffersH2() throws Exception {
    List<String> offered =
        offeredBy(WhatsAppClient.builder().httpVersion(HttpClient.Version.HTTP_2));

    assertThat(offered).contains("h2");
  }

  @Test
  void build_httpVersionHttp11_createdClientAsksForHttp11Only() throws Exception {
    List<String> offered =
        offeredBy(WhatsAppClient.builder().httpVersion(HttpClient.Version.HTTP_1_1));

    assertThat(offered).doesNotContain("h2");
  }

  @Test
  void build_httpClientAndHttpVersion_failsAsContradictory() {
    WhatsAppClient.Builder b =
        WhatsAppClient.builder()
            .accessToken(TOKEN)
            .phoneNumberId("106540352242922")
            .httpClient(HttpClient.newHttpClient())
            .httpVersion(HttpClient.Version.HTTP_2);

    assertThatThrownBy(b::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("httpVersion");
  }

  @Test
  void httpVersion_null_failsFast() {
    assertThatThrownBy(() -> WhatsAppClient.builder().httpVersion(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("httpVersion");
  }
}
