package dev.wasdk.benchmarks.send;

import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.message.Message;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compares {@code wa.messages().send(text)} with a raw {@code HttpClient.send} POST of the same
 * bytes, with the same headers, to the same loopback server, in one run, at 1 and 8 threads. The
 * raw side neither serializes the message nor parses the reply, so the ratio of the two average
 * times is the whole cost of the SDK's send path: serialization, request building, token header,
 * retry bookkeeping and response parsing. Each side has its own HTTP client (its own connection
 * pool), both on HTTP/1.1.
 *
 * <p>Under load the JDK client occasionally fails a request on a reused connection with {@code
 * IOException: HTTP/1.1 header parser received no bytes} (about once in 50,000 requests at eight
 * threads). Both sides count such failures instead of aborting the run, and print the counts at the
 * end; the failed call's time is still measured.
 *
 * <pre>
 * mvn -q -B -o -pl whatsapp-sdk-benchmarks -am package -DskipTests
 * java -jar whatsapp-sdk-benchmarks/target/benchmarks.jar SendBenchmark -f 1 -wi 3 -i 5 -w 2s -r 3s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Dsun.net.httpserver.nodelay=true", "-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class SendBenchmark {
  private static final String TOKEN = "EAAG-benchmark-token-not-secret-0123456789";
  private static final String PHONE_ID = "106540352242922";

  private LoopbackServer server;
  private WhatsAppClient wa;
  private HttpClient raw;
  private URI messagesUri;
  private Message message;
  private byte[] body;
  private String authorization;
  private final AtomicLong rawFailures = new AtomicLong();
  private final AtomicLong wasdkFailures = new AtomicLong();

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    server = new LoopbackServer(8);
    wa =
        WhatsAppClient.builder()
            .accessToken(TOKEN)
            .phoneNumberId(PHONE_ID)
            .baseUrl(server.baseUrl())
            .build();
    raw =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    messagesUri = URI.create(server.baseUrl() + "/v24.0/" + PHONE_ID + "/messages");
    message = Message.to("+16505551234").text("Your order 4711 has shipped and arrives Tuesday.");
    authorization = "Bearer " + TOKEN;
    // Replay exactly the bytes the SDK sends.
    SendResult first = wa.messages().send(message);
    body = server.lastBody();
    byte[] rawReply = raw().clone();
    if (!first.wamid().startsWith("wamid.")
        || body == null
        || !Arrays.equals(rawReply, LoopbackServer.SEND_OK)
        || !Arrays.equals(body, server.lastBody())) {
      throw new IllegalStateException("the loopback server did not answer as expected");
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    if (rawFailures.get() + wasdkFailures.get() > 0) {
      System.out.printf(
          "%nfailed calls (header parser received no bytes): raw=%d wasdk=%d%n",
          rawFailures.get(), wasdkFailures.get());
    }
    wa.close();
    server.close();
  }

  private byte[] raw() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(messagesUri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", authorization)
            .header("User-Agent", "raw/1.0")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofByteArray(body))
            .build();
    return raw.send(request, BodyHandlers.ofByteArray()).body();
  }

  private Object wasdkOrCount() {
    try {
      return wa.messages().send(message);
    } catch (RequestMaybeSentException e) {
      wasdkFailures.incrementAndGet();
      return e;
    }
  }

  private Object rawOrCount() throws InterruptedException {
    try {
      return raw();
    } catch (IOException e) {
      rawFailures.incrementAndGet();
      return e;
    }
  }

  /** The SDK's blocking send, one thread. */
  @Benchmark
  @Threads(1)
  public Object wasdkSend_1thread() {
    return wasdkOrCount();
  }

  /** A raw HttpClient POST of the same bytes, one thread. */
  @Benchmark
  @Threads(1)
  public Object rawHttpClient_1thread() throws InterruptedException {
    return rawOrCount();
  }

  /** The SDK's blocking send, eight threads. */
  @Benchmark
  @Threads(8)
  public Object wasdkSend_8threads() {
    return wasdkOrCount();
  }

  /** A raw HttpClient POST of the same bytes, eight threads. */
  @Benchmark
  @Threads(8)
  public Object rawHttpClient_8threads() throws InterruptedException {
    return rawOrCount();
  }
}
