package dev.wasdk.benchmarks.limiter;

import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.sender.LimiterStore.TakeResult;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One take from an in-memory token bucket: wasdk's {@code InMemoryLimiterStore} against a Bucket4j
 * local bucket with the same shape, on one shared bucket (run with {@code -t 1} and {@code -t 2}).
 *
 * <p>{@code rate=1000000000} keeps the bucket from running dry, so every take succeeds; {@code
 * rate=80} is the default throughput, so nearly every take is refused, the path a busy sender hits
 * most. wasdk's store takes the time from the caller ({@code Instant.now()} in {@code
 * wasdkTryTake}, {@code System.nanoTime()} as Bucket4j reads it in {@code wasdkTryTakeNanoTime};
 * either counted in the score) and looks the bucket up by key, so {@code bucket4jKeyed} adds the
 * same map lookup to Bucket4j for a like-for-like comparison; {@code bucket4jDirect} is Bucket4j on
 * a bucket object in hand.
 *
 * <pre>
 * java -jar whatsapp-sdk-benchmarks/target/benchmarks.jar InMemoryLimiterBenchmark -f 1 -wi 3 -i 5 -w 1s -r 2s -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class InMemoryLimiterBenchmark {
  private static final String KEY = "tp:106540352242922";
  private static final Instant ORIGIN = Instant.parse("2026-01-01T00:00:00Z");

  @Param({"1000000000", "80"})
  public long rate;

  private LimiterStore store;
  private BucketSpec spec;
  private Bucket bucket;
  private ConcurrentHashMap<String, Bucket> buckets;

  @Setup
  public void setUp() {
    store = LimiterStore.inMemory();
    spec = BucketSpec.perSecond(rate);
    bucket = newBucket();
    buckets = new ConcurrentHashMap<>();
  }

  private Bucket newBucket() {
    return Bucket.builder()
        .addLimit(limit -> limit.capacity(rate).refillGreedy(rate, Duration.ofSeconds(1)))
        .build();
  }

  @Benchmark
  public TakeResult wasdkTryTake() {
    return store.tryTake(KEY, spec, 1, Instant.now());
  }

  /** The same, reading the clock Bucket4j reads: {@code System.nanoTime()}. */
  @Benchmark
  public TakeResult wasdkTryTakeNanoTime() {
    return store.tryTake(KEY, spec, 1, ORIGIN.plusNanos(System.nanoTime()));
  }

  @Benchmark
  public ConsumptionProbe bucket4jKeyed() {
    return buckets.computeIfAbsent(KEY, k -> newBucket()).tryConsumeAndReturnRemaining(1);
  }

  @Benchmark
  public ConsumptionProbe bucket4jDirect() {
    return bucket.tryConsumeAndReturnRemaining(1);
  }
}
