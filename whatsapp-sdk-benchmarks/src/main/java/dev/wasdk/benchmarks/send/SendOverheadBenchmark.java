package dev.wasdk.benchmarks.send;

import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SDK's own cost per send, without a network: {@code wa.messages().send(text)} against a raw
 * request of the same bytes, both through a {@link CannedHttpClient} that answers at once. The
 * difference is what wasdk adds to every send (serialization, request and header building, the
 * token provider, response parsing); divide it by a real round trip to get the overhead ratio.
 *
 * <pre>
 * java -jar whatsapp-sdk-benchmarks/target/benchmarks.jar SendOverheadBenchmark -f 1 -wi 5 -i 5 -w 1s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
public class SendOverheadBenchmark {
  private static final String TOKEN = "EAAG-benchmark-token-not-secret-0123456789";

  private CannedHttpClient http;
  private WhatsAppClient wa;
  private Message message;
  private URI uri;
  private byte[] body;

  @Setup
  public void setUp() {
    http = new CannedHttpClient(LoopbackServer.SEND_OK);
    wa =
        WhatsAppClient.builder()
            .accessToken(TOKEN)
            .phoneNumberId("106540352242922")
            .httpClient(http)
            .build();
    message = Message.to("+16505551234").text("Your order 4711 has shipped and arrives Tuesday.");
    uri = URI.create("https://graph.facebook.com/v24.0/106540352242922/messages");
    body =
        ("{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":"
                + "\"+16505551234\",\"type\":\"text\",\"text\":{\"body\":\"Your order 4711 has"
                + " shipped and arrives Tuesday.\"}}")
            .getBytes(StandardCharsets.UTF_8);
  }

  /** The SDK's send through a client that answers at once. */
  @Benchmark
  public SendResult wasdkSend() {
    return wa.messages().send(message);
  }

  /** The same bytes and headers as a raw request through the same client. */
  @Benchmark
  public byte[] rawSend() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + TOKEN)
            .header("User-Agent", "raw/1.0")
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofByteArray(body))
            .build();
    return http.send(request, BodyHandlers.ofByteArray()).body();
  }
}
