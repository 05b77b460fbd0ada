package dev.wasdk.benchmarks.send;

import dev.wasdk.benchmarks.observe.Observers;
import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A send with Micrometer meters and OpenTelemetry spans on against off, in the same run: over a
 * loopback round trip ({@code loopback}, what a deployment pays) and with no network at all ({@code
 * canned}, wasdk's own cost, where the observers' share looks largest).
 *
 * <pre>
 * java -Dsun.net.httpserver.nodelay=true -jar whatsapp-sdk-benchmarks/target/benchmarks.jar \
 *     ObservedSendBenchmark -f 1 -wi 5 -w 1s -i 5 -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Dsun.net.httpserver.nodelay=true")
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class ObservedSendBenchmark {
  private static final String TOKEN = "EAAG-benchmark-token-not-secret-0123456789";

  @Param({"off", "on"})
  public String observability;

  @Param({"loopback", "canned"})
  public String transport;

  private LoopbackServer server;
  private WhatsAppClient wa;
  private Message message;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    WhatsAppClient.Builder b =
        WhatsAppClient.builder()
            .accessToken(TOKEN)
            .phoneNumberId("106540352242922")
            .observer(Observers.of(observability));
    if (transport.equals("loopback")) {
      server = new LoopbackServer(4);
      b.baseUrl(server.baseUrl());
    } else {
      b.httpClient(new CannedHttpClient(LoopbackServer.SEND_OK));
    }
    wa = b.build();
    message = Message.to("+16505551234").text("Your order 4711 has shipped and arrives Tuesday.");
  }

  @TearDown(Level.Trial)
  public void tearDown() throws InterruptedException {
    wa.close();
    if (server != null) {
      server.close();
    }
  }

  /** One send, observed or not. */
  @Benchmark
  public SendResult send() {
    return wa.messages().send(message);
  }
}
