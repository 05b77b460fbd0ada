package dev.wasdk.benchmarks.send;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * A loopback server on Jetty that answers every request with the same send-success body as {@link
 * LoopbackServer}, over TLS with ALPN offering {@code h2} and {@code http/1.1} (as Graph does), and
 * on a second, plain port that speaks HTTP/1.1 and accepts an {@code h2c} upgrade (which the JDK
 * client makes on a GET, not on a POST: sends stay on HTTP/1.1 there).
 *
 * <p>Its certificate is self-signed and made at start-up with the JDK's {@code keytool} (an EC
 * P-256 key, valid for {@code 127.0.0.1} and {@code localhost}); {@link #clientSslContext()}
 * returns a client context that trusts it and nothing else. Each call returns a new context, with
 * an empty session cache, so a client built on it pays a full handshake on its first connection.
 *
 * <p>The server remembers the last request's body, path and protocol, and counts the distinct
 * connections that carried requests, per protocol, so a benchmark can check which protocol it
 * really measured and how many connections each client opened.
 */
final class TlsLoopbackServer implements AutoCloseable {
  /** The protocol names {@link #lastProtocol()} and {@link #connections()} use. */
  static final String H2 = "HTTP/2.0";

  static final String HTTP_1_1 = "HTTP/1.1";

  private static final String ALIAS = "loopback";

  private final Server server;
  private final ServerConnector tls;
  private final ServerConnector plain;
  private final KeyStore trust;
  private final AtomicReference<byte[]> lastBody = new AtomicReference<>();
  private final AtomicReference<String> lastPath = new AtomicReference<>();
  private final AtomicReference<String> lastProtocol = new AtomicReference<>();
  private final Map<String, Set<Connection>> connections = new ConcurrentHashMap<>();

  /**
   * Starts the server on two free loopback ports.
   *
   * @param maxThreads the most threads Jetty's pool may run, selectors and acceptors included
   */
  TlsLoopbackServer(int maxThreads) throws Exception {
    char[] password = Long.toHexString(System.nanoTime()).toCharArray();
    KeyStore keys = selfSigned(password);
    trust = KeyStore.getInstance("PKCS12");
    trust.load(null, null);
    trust.setCertificateEntry(ALIAS, keys.getCertificate(ALIAS));

    QueuedThreadPool pool = new QueuedThreadPool(maxThreads, Math.min(8, maxThreads));
    pool.setName("tls-loopback");
    pool.setDaemon(true);
    server = new Server(pool);

    HttpConfiguration config = new HttpConfiguration();
    config.setSendServerVersion(false);
    config.setSendDateHeader(false);
    HttpConnectionFactory http11 = new HttpConnectionFactory(config);
    HTTP2ServerConnectionFactory h2 = new HTTP2ServerConnectionFactory(config);
    ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
    alpn.setDefaultProtocol(http11.getProtocol());
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(keys);
    ssl.setKeyStorePassword(new String(password));
    ssl.setCipherComparator(HTTP2Cipher.COMPARATOR);
    SslConnectionFactory tlsFactory = new SslConnectionFactory(ssl, alpn.getProtocol());
    tls = new ServerConnector(server, 1, 1, tlsFactory, alpn, h2, http11);
    tls.setHost("127.0.0.1");
    tls.setPort(0);
    tls.setAcceptQueueSize(512);
    server.addConnector(tls);

    plain =
        new ServerConnector(
            server,
            1,
            1,
            new HttpConnectionFactory(config),
            new HTTP2CServerConnectionFactory(config));
    plain.setHost("127.0.0.1");
    plain.setPort(0);
    plain.setAcceptQueueSize(512);
    server.addConnector(plain);

    server.setHandler(new Canned());
    server.start();
  }

  /**
   * Answers the canned reply, after reading the body and noting what came over which connection.
   */
  private final class Canned extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
      ByteBuffer in = Content.Source.asByteBuffer(request);
      byte[] body = new byte[in.remaining()];
      in.get(body);
      String protocol = request.getConnectionMetaData().getHttpVersion().asString();
      Set<Connection> seen =
          connections.computeIfAbsent(protocol, k -> ConcurrentHashMap.newKeySet());
      Connection connection = request.getConnectionMetaData().getConnection();
      if (!seen.contains(connection)) {
        seen.add(connection);
      }
      lastBody.set(body);
      lastPath.set(request.getHttpURI().getPath());
      lastProtocol.set(protocol);
      response.setStatus(200);
      response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
      response.getHeaders().put(HttpHeader.CONTENT_LENGTH, LoopbackServer.SEND_OK.length);
      response.write(true, ByteBuffer.wrap(LoopbackServer.SEND_OK), callback);
      return true;
    }
  }

  /** Makes a key pair and a self-signed certificate for the loopback names with keytool. */
  private static KeyStore selfSigned(char[] password) throws IOException, GeneralSecurityException {
    Path dir = Files.createTempDirectory("wasdk-tls-loopback");
    Path file = dir.resolve("server.p12");
    try {
      String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
      ProcessBuilder p =
          new ProcessBuilder(
                  keytool,
                  "-genkeypair",
                  "-alias",
                  ALIAS,
                  "-keyalg",
                  "EC",
                  "-groupname",
                  "secp256r1",
                  "-sigalg",
                  "SHA256withECDSA",
                  "-dname",
                  "CN=localhost",
                  "-ext",
                  "SAN=ip:127.0.0.1,dns:localhost",
                  "-validity",
                  "2",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  file.toString(),
                  "-storepass:env",
                  "WASDK_LOOPBACK_PASS")
              .redirectErrorStream(true);
      p.environment().put("WASDK_LOOPBACK_PASS", new String(password));
      Process run = p.start();
      String output;
      try (InputStream out = run.getInputStream()) {
        output = new String(out.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!run.waitFor(60, TimeUnit.SECONDS) || run.exitValue() != 0) {
        throw new IOException("keytool could not make the loopback certificate: " + output);
      }
      KeyStore keys = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        keys.load(in, password);
      }
      return keys;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while making the loopback certificate", e);
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(dir);
    }
  }

  /**
   * Returns a new client TLS context that trusts this server's certificate only, with its own empty
   * session cache.
   */
  SSLContext clientSslContext() {
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot make the client TLS context", e);
    }
  }

  /** Returns the TLS base URL, such as {@code https://127.0.0.1:41234}. */
  URI httpsUrl() {
    return URI.create("https://127.0.0.1:" + tls.getLocalPort());
  }

  /** Returns the plain base URL (HTTP/1.1, or h2c after an upgrade). */
  URI httpUrl() {
    return URI.create("http://127.0.0.1:" + plain.getLocalPort());
  }

  /** Returns the body of the last request received, or null. */
  byte[] lastBody() {
    return lastBody.get();
  }

  /** Returns the path of the last request received, or null. */
  String lastPath() {
    return lastPath.get();
  }

  /**
   * Returns the protocol of the last request received ({@link #H2}, {@link #HTTP_1_1}), or null.
   */
  String lastProtocol() {
    return lastProtocol.get();
  }

  /** Returns how many distinct connections have carried requests, per protocol. */
  Map<String, Integer> connections() {
    Map<String, Integer> counts = new TreeMap<>();
    connections.forEach((protocol, set) -> counts.put(protocol, set.size()));
    return counts;
  }

  /** Returns how many distinct connections have carried requests of one protocol. */
  int connections(String protocol) {
    Set<Connection> set = connections.get(protocol);
    return set == null ? 0 : set.size();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
