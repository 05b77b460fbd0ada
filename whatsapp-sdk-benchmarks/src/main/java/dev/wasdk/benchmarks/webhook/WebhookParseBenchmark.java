package dev.wasdk.benchmarks.webhook;

import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cost of receiving a webhook with wasdk (HMAC-SHA256 of the body, then {@link
 * WebhookParser#parse}) against the least any receiver must do (the same HMAC, then Jackson's
 * {@code readTree} of the same bytes), in the same run. The target is a ratio of at most 1.3.
 *
 * <pre>
 * mvn -q -B -pl whatsapp-sdk-benchmarks -am package -DskipTests
 * java -jar whatsapp-sdk-benchmarks/target/benchmarks.jar webhook -f 1 -wi 3 -i 5 -w 1s -r 2s
 * </pre>
 *
 * <p>The HMAC is plain {@code javax.crypto.Mac} on both sides, so the ratio isolates the parser.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WebhookParseBenchmark {
  private static final JsonMapper BASELINE_MAPPER = JsonMapper.builder().build();
  private static final WebhookParser PARSER = WebhookParser.create();

  /** {@code inboundText}: one ~1.5 KB inbound text; {@code statuses1000}: a 1,000-status batch. */
  @Param({"inboundText", "statuses1000"})
  public String payload;

  private byte[] body;
  private Mac mac;

  /** Builds the body and a keyed HMAC for this thread. */
  @Setup
  public void setUp() throws GeneralSecurityException {
    body =
        "inboundText".equals(payload)
            ? WebhookPayloads.inboundText()
            : WebhookPayloads.statuses(1000);
    mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    // Fail fast if the payload does not parse into what it should.
    List<WebhookEvent> events = PARSER.parse(body);
    int expected = "inboundText".equals(payload) ? 1 : 1000;
    if (events.size() != expected) {
      throw new IllegalStateException("expected " + expected + " events, got " + events.size());
    }
  }

  /** Baseline: HMAC-SHA256 of the body and Jackson's readTree of the same bytes. */
  @Benchmark
  public void baselineHmacAndReadTree(Blackhole bh) {
    bh.consume(mac.doFinal(body));
    bh.consume(BASELINE_MAPPER.readTree(body));
  }

  /** wasdk: HMAC-SHA256 of the body and WebhookParser.parse into typed events. */
  @Benchmark
  public void hmacAndParse(Blackhole bh) {
    bh.consume(mac.doFinal(body));
    bh.consume(PARSER.parse(body));
  }

  /** Jackson's readTree alone. */
  @Benchmark
  public JsonNode readTreeOnly() {
    return BASELINE_MAPPER.readTree(body);
  }

  /** WebhookParser.parse alone. */
  @Benchmark
  public List<WebhookEvent> parseOnly() {
    return PARSER.parse(body);
  }
}
