package dev.wasdk.benchmarks.webhook;

import dev.wasdk.webhooks.WebhookParser;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two helpers for studying the status-batch parse. {@code loop <seconds>} parses the 1,000-status
 * payload until the time is up, for a profiler to sample (JFR: {@code
 * -XX:StartFlightRecording=filename=statuses.jfr,settings=profile}). {@code scaling} prints, in
 * thread CPU time, what {@link WebhookParser#parse} and Jackson's {@code readTree} cost per status
 * for batches of 10 to 3,000 statuses: a cost per status that grows with the batch points at
 * locality rather than at one slow step.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.webhook.StatusParseProfile scaling
 * </pre>
 */
public final class StatusParseProfile {
  private static final int WARMUP_ROUNDS = 6;
  private static final int MEASURED_ROUNDS = 10;
  private static volatile Object sink;

  private StatusParseProfile() {}

  /**
   * Runs {@code loop <seconds>} or {@code scaling}.
   *
   * @param args the mode, and for {@code loop} the seconds
   */
  public static void main(String[] args) {
    String mode = args.length == 0 ? "scaling" : args[0];
    if (mode.equals("loop")) {
      loop(args.length > 1 ? Long.parseLong(args[1]) : 20);
    } else if (mode.equals("scaling")) {
      scaling();
    } else {
      throw new IllegalArgumentException("mode must be loop or scaling, was " + mode);
    }
  }

  private static void loop(long seconds) {
    byte[] body = WebhookPayloads.statuses(1000);
    WebhookParser parser = WebhookParser.create();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    long parses = 0;
    while (System.nanoTime() < end) {
      sink = parser.parse(body);
      parses++;
    }
    System.out.printf(Locale.ROOT, "%,d parses in %d s%n", parses, seconds);
  }

  private static void scaling() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    if (!threads.isCurrentThreadCpuTimeSupported()) {
      throw new IllegalStateException("this JVM cannot measure thread CPU time");
    }
    WebhookParser parser = WebhookParser.create();
    JsonMapper mapper = JsonMapper.builder().build();
    for (int n : new int[] {10, 100, 1000, 3000}) {
      byte[] body = WebhookPayloads.statuses(n);
      int perRound = Math.max(5, 200_000 / n);
      List<Double> parse = new ArrayList<>();
      List<Double> tree = new ArrayList<>();
      for (int round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < perRound; i++) {
          sink = parser.parse(body);
        }
        double p = (threads.getCurrentThreadCpuTime() - start) / (double) perRound / n;
        start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < perRound; i++) {
          sink = mapper.readTree(body);
        }
        double t = (threads.getCurrentThreadCpuTime() - start) / (double) perRound / n;
        if (round >= WARMUP_ROUNDS) {
          parse.add(p);
          tree.add(t);
        }
      }
      Collections.sort(parse);
      Collections.sort(tree);
      double p = parse.get(parse.size() / 2);
      double t = tree.get(tree.size() / 2);
      System.out.printf(
          Locale.ROOT,
          "%,6d statuses: parse %,6.0f ns/status, readTree %,6.0f ns/status, ratio %.2f%n",
          n,
          p,
          t,
          p / t);
    }
  }
}
