package dev.wasdk.benchmarks.send;

import dev.wasdk.benchmarks.report.Results;
import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.message.Message;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Sends per second over TLS on loopback, HTTP/2 against HTTP/1.1: wasdk's {@code
 * wa.messages().send(text)} on a JDK {@code HttpClient} pinned to {@code HTTP_2} or to {@code
 * HTTP_1_1} (given with {@code .httpClient(...)}), and a raw {@code HttpClient.send} POST of the
 * same bytes on a client pinned each way, all against one {@link TlsLoopbackServer} (ALPN offering
 * {@code h2} and {@code http/1.1}, as Graph does).
 *
 * <p>Each of the four clients has its own {@code HttpClient}, TLS context and connection pool. The
 * JDK client multiplexes every HTTP/2 request to one origin over one connection, and opens one
 * HTTP/1.1 connection per request in flight; the trial's tear-down prints how many connections of
 * each protocol the server saw.
 *
 * <p>The {@code wasdkVersions}, {@code rawVersions} and {@code h2Pair} groups run two sides at the
 * same moment (1 + 1 threads, {@code -tg 8,8} or {@code -tg 64,64} for more), so both see the same
 * machine load: HTTP/2 against HTTP/1.1 through wasdk, the same through the raw client, and wasdk
 * against raw on HTTP/2. The single methods ({@code wasdkH2}, ...) take {@code -t}. The first
 * request on a new client, handshake included, is measured by {@link FirstRequestTime}.
 *
 * <pre>
 * mvn -q -B -pl whatsapp-sdk-benchmarks -am package -DskipTests
 * java -jar whatsapp-sdk-benchmarks/target/benchmarks.jar 'Http2SendBenchmark\.wasdkVersions$' -tg 8,8
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class Http2SendBenchmark {
  static final String TOKEN = "EAAG-benchmark-token-not-secret-0123456789";
  static final String PHONE_ID = "106540352242922";
  static final String TEXT = "Your order 4711 has shipped and arrives Tuesday.";
  static final int SERVER_THREADS = 32;

  private TlsLoopbackServer server;
  private WhatsAppClient waH2;
  private WhatsAppClient waH11;
  private HttpClient rawH2;
  private HttpClient rawH11;
  private Message message;
  private HttpRequest rawRequest;
  private final AtomicLong wasdkFailures = new AtomicLong();
  private final AtomicLong rawFailures = new AtomicLong();

  /**
   * Returns a JDK client pinned to a version that trusts the server, as a wasdk user would build
   * it.
   */
  static HttpClient pinned(TlsLoopbackServer server, HttpClient.Version version) {
    return HttpClient.newBuilder()
        .version(version)
        .sslContext(server.clientSslContext())
        .connectTimeout(Duration.ofSeconds(10))
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** Returns a wasdk client on the given HTTP client, pointed at the server's TLS port. */
  static WhatsAppClient wasdk(TlsLoopbackServer server, HttpClient http) {
    return WhatsAppClient.builder()
        .accessToken(TOKEN)
        .phoneNumberId(PHONE_ID)
        .baseUrl(server.httpsUrl())
        .httpClient(http)
        .build();
  }

  /**
   * Returns the raw POST of exactly the bytes, path and headers wasdk sent, after checking that
   * wasdk's request went over the expected protocol.
   */
  static HttpRequest replayOf(TlsLoopbackServer server, WhatsAppClient wa, Message message) {
    SendResult first = wa.messages().send(message);
    byte[] body = server.lastBody();
    if (!first.wamid().startsWith("wamid.") || body == null) {
      throw new IllegalStateException("the TLS loopback server did not answer as expected");
    }
    return HttpRequest.newBuilder(URI.create(server.httpsUrl() + server.lastPath()))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + TOKEN)
        .header("User-Agent", "raw/1.0")
        .header("Content-Type", "application/json")
        .POST(BodyPublishers.ofByteArray(body))
        .build();
  }

  /** Checks that a send or a raw POST went over the protocol its client is pinned to. */
  static void expectProtocol(TlsLoopbackServer server, String expected, String who) {
    if (!expected.equals(server.lastProtocol())) {
      throw new IllegalStateException(
          who + " talked " + server.lastProtocol() + " to the server, not " + expected);
    }
  }

  /** Starts the server and the four clients, and checks each speaks the protocol it should. */
  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server = new TlsLoopbackServer(SERVER_THREADS);
    message = Message.to("+16505551234").text(TEXT);
    waH2 = wasdk(server, pinned(server, HttpClient.Version.HTTP_2));
    waH11 = wasdk(server, pinned(server, HttpClient.Version.HTTP_1_1));
    rawH2 = pinned(server, HttpClient.Version.HTTP_2);
    rawH11 = pinned(server, HttpClient.Version.HTTP_1_1);

    rawRequest = replayOf(server, waH2, message);
    expectProtocol(server, TlsLoopbackServer.H2, "wasdk on HTTP_2");
    waH11.messages().send(message);
    expectProtocol(server, TlsLoopbackServer.HTTP_1_1, "wasdk on HTTP_1_1");
    byte[] sent = server.lastBody();
    checkRaw(rawH2, HttpClient.Version.HTTP_2, sent);
    expectProtocol(server, TlsLoopbackServer.H2, "raw on HTTP_2");
    checkRaw(rawH11, HttpClient.Version.HTTP_1_1, sent);
    expectProtocol(server, TlsLoopbackServer.HTTP_1_1, "raw on HTTP_1_1");
  }

  private void checkRaw(HttpClient raw, HttpClient.Version version, byte[] wasdkBody)
      throws IOException, InterruptedException {
    HttpResponse<byte[]> r = raw.send(rawRequest, BodyHandlers.ofByteArray());
    if (r.version() != version
        || !Arrays.equals(r.body(), LoopbackServer.SEND_OK)
        || !Arrays.equals(wasdkBody, server.lastBody())) {
      throw new IllegalStateException("the raw " + version + " POST was not answered as expected");
    }
  }

  /** Prints the connections the server saw per protocol, any counted failures, and closes all. */
  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    System.out.printf(
        "%nconnections the server saw (whole trial, warm-up included): %s%n", server.connections());
    Results.emit("http2.connections.h2", server.connections(TlsLoopbackServer.H2));
    Results.emit("http2.connections.http11", server.connections(TlsLoopbackServer.HTTP_1_1));
    if (wasdkFailures.get() + rawFailures.get() > 0) {
      System.out.printf("failed calls: wasdk=%d raw=%d%n", wasdkFailures.get(), rawFailures.get());
    }
    waH2.close();
    waH11.close();
    server.close();
  }

  private Object wasdkOrCount(WhatsAppClient wa) {
    try {
      return wa.messages().send(message);
    } catch (RequestMaybeSentException e) {
      wasdkFailures.incrementAndGet();
      return e;
    }
  }

  private Object rawOrCount(HttpClient raw) throws InterruptedException {
    try {
      return raw.send(rawRequest, BodyHandlers.ofByteArray()).body();
    } catch (IOException e) {
      rawFailures.incrementAndGet();
      return e;
    }
  }

  /** wasdk on an HTTP/2 client. */
  @Benchmark
  public Object wasdkH2() {
    return wasdkOrCount(waH2);
  }

  /** wasdk on an HTTP/1.1 client. */
  @Benchmark
  public Object wasdkH11() {
    return wasdkOrCount(waH11);
  }

  /** A raw POST on an HTTP/2 client. */
  @Benchmark
  public Object rawH2() throws InterruptedException {
    return rawOrCount(rawH2);
  }

  /** A raw POST on an HTTP/1.1 client. */
  @Benchmark
  public Object rawH11() throws InterruptedException {
    return rawOrCount(rawH11);
  }

  /** HTTP/2 half of wasdk's versions pair. */
  @Benchmark
  @Group("wasdkVersions")
  @GroupThreads(1)
  public Object wasdkVersions_h2() {
    return wasdkOrCount(waH2);
  }

  /** HTTP/1.1 half of wasdk's versions pair. */
  @Benchmark
  @Group("wasdkVersions")
  @GroupThreads(1)
  public Object wasdkVersions_h11() {
    return wasdkOrCount(waH11);
  }

  /** HTTP/2 half of the raw client's versions pair. */
  @Benchmark
  @Group("rawVersions")
  @GroupThreads(1)
  public Object rawVersions_h2() throws InterruptedException {
    return rawOrCount(rawH2);
  }

  /** HTTP/1.1 half of the raw client's versions pair. */
  @Benchmark
  @Group("rawVersions")
  @GroupThreads(1)
  public Object rawVersions_h11() throws InterruptedException {
    return rawOrCount(rawH11);
  }

  /** wasdk half of the HTTP/2 pair. */
  @Benchmark
  @Group("h2Pair")
  @GroupThreads(1)
  public Object h2Pair_wasdk() {
    return wasdkOrCount(waH2);
  }

  /** Raw half of the HTTP/2 pair. */
  @Benchmark
  @Group("h2Pair")
  @GroupThreads(1)
  public Object h2Pair_raw() throws InterruptedException {
    return rawOrCount(rawH2);
  }
}
