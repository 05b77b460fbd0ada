package dev.wasdk.benchmarks.limiter;

import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import io.github.bucket4j.Bucket;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The in-memory comparison of {@link InMemoryLimiterBenchmark}, measured in CPU time of the calling
 * thread rather than wall time, with the contenders interleaved round by round. On a machine shared
 * with other work, time spent descheduled then does not count, so the ratios stay stable where
 * JMH's wall-clock scores do not. One thread only.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.limiter.InMemoryLimiterCpuTime
 * </pre>
 */
public final class InMemoryLimiterCpuTime {
  private static final int OPS = 2_000_000;
  private static final int ROUNDS = 15;
  private static final String KEY = "tp:106540352242922";
  private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

  private InMemoryLimiterCpuTime() {}

  /**
   * Runs the comparison and prints the median CPU nanoseconds per take.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (long rate : new long[] {1_000_000_000L, 80L}) {
      LimiterStore store = LimiterStore.inMemory();
      BucketSpec spec = BucketSpec.perSecond(rate);
      Bucket direct = bucket(rate);
      ConcurrentHashMap<String, Bucket> keyed = new ConcurrentHashMap<>();
      Map<String, LongSupplier> contenders = new LinkedHashMap<>();
      contenders.put("wasdkTryTake", () -> store.tryTake(KEY, spec, 1, Instant.now()).remaining());
      contenders.put(
          "wasdkTryTakeNanoTime",
          () -> store.tryTake(KEY, spec, 1, ORIGIN.plusNanos(System.nanoTime())).remaining());
      contenders.put(
          "bucket4jKeyed",
          () ->
              keyed
                  .computeIfAbsent(KEY, k -> bucket(rate))
                  .tryConsumeAndReturnRemaining(1)
                  .getRemainingTokens());
      contenders.put(
          "bucket4jDirect", () -> direct.tryConsumeAndReturnRemaining(1).getRemainingTokens());

      Map<String, double[]> results = new LinkedHashMap<>();
      contenders.keySet().forEach(name -> results.put(name, new double[ROUNDS]));
      long sink = 0;
      for (int round = -3; round < ROUNDS; round++) { // three warm-up rounds
        for (Map.Entry<String, LongSupplier> c : contenders.entrySet()) {
          LongSupplier op = c.getValue();
          long start = mx.getCurrentThreadCpuTime();
          for (int i = 0; i < OPS; i++) {
            sink += op.getAsLong();
          }
          long cpu = mx.getCurrentThreadCpuTime() - start;
          if (round >= 0) {
            results.get(c.getKey())[round] = (double) cpu / OPS;
          }
        }
      }
      for (Map.Entry<String, double[]> r : results.entrySet()) {
        double[] v = r.getValue();
        Arrays.sort(v);
        System.out.printf(
            "rate=%-10d %-22s median %6.1f CPU ns/op (min %6.1f, max %6.1f)%n",
            rate, r.getKey(), v[ROUNDS / 2], v[0], v[ROUNDS - 1]);
      }
      System.out.println("(checksum " + sink + ")");
    }
  }

  private static Bucket bucket(long rate) {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(rate).refillGreedy(rate, Duration.ofSeconds(1)))
        .build();
  }
}
