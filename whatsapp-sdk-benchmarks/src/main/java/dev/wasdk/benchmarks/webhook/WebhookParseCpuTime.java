package dev.wasdk.benchmarks.webhook;

import dev.wasdk.webhooks.WebhookParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same comparison as {@link WebhookParseBenchmark}, timed in thread CPU time rather than wall
 * time, with the variants interleaved round by round. On a machine shared with other work, wall
 * time swings with the neighbours' load; CPU time of the measuring thread mostly does not, so the
 * ratios stay readable. Prints the median per operation and the ratios.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.webhook.WebhookParseCpuTime
 * </pre>
 */
public final class WebhookParseCpuTime {
  private static final int WARMUP_ROUNDS = 6;
  private static final int MEASURED_ROUNDS = 15;
  private static volatile Object sink;

  private WebhookParseCpuTime() {}

  /**
   * Runs the comparison for the inbound text and the 1,000-status batch.
   *
   * @param args ignored
   * @throws GeneralSecurityException if HmacSHA256 is not available
   */
  public static void main(String[] args) throws GeneralSecurityException {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    run("inboundText", WebhookPayloads.inboundText(), 20_000, threads);
    run("statuses1000", WebhookPayloads.statuses(1000), 100, threads);
  }

  private static void run(String name, byte[] body, int perRound, ThreadMXBean threads)
      throws GeneralSecurityException {
    JsonMapper mapper = JsonMapper.builder().build();
    WebhookParser parser = WebhookParser.create();
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    Map<String, Runnable> variants = new LinkedHashMap<>();
    variants.put(
        "baselineHmacAndReadTree",
        () -> {
          sink = mac.doFinal(body);
          sink = mapper.readTree(body);
        });
    variants.put(
        "hmacAndParse",
        () -> {
          sink = mac.doFinal(body);
          sink = parser.parse(body);
        });
    variants.put("readTreeOnly", () -> sink = mapper.readTree(body));
    variants.put("parseOnly", () -> sink = parser.parse(body));

    Map<String, List<Double>> samples = new LinkedHashMap<>();
    for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
      for (Map.Entry<String, Runnable> v : variants.entrySet()) {
        Runnable op = v.getValue();
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < perRound; i++) {
          op.run();
        }
        double nanosPerOp = (threads.getCurrentThreadCpuTime() - start) / (double) perRound;
        if (round >= WARMUP_ROUNDS) {
          samples.computeIfAbsent(v.getKey(), k -> new ArrayList<>()).add(nanosPerOp);
        }
      }
    }
    Map<String, Double> median = new LinkedHashMap<>();
    System.out.printf(
        Locale.ROOT, "%s (%,d bytes), thread CPU time per operation:%n", name, body.length);
    for (Map.Entry<String, List<Double>> s : samples.entrySet()) {
      List<Double> l = s.getValue();
      Collections.sort(l);
      median.put(s.getKey(), l.get(l.size() / 2));
      System.out.printf(
          Locale.ROOT,
          "  %-24s median %,12.1f ns   min %,12.1f ns%n",
          s.getKey(),
          l.get(l.size() / 2),
          l.get(0));
    }
    System.out.printf(
        Locale.ROOT,
        "  ratio hmacAndParse / baselineHmacAndReadTree = %.2f; parseOnly / readTreeOnly = %.2f%n",
        median.get("hmacAndParse") / median.get("baselineHmacAndReadTree"),
        median.get("parseOnly") / median.get("readTreeOnly"));
  }
}
