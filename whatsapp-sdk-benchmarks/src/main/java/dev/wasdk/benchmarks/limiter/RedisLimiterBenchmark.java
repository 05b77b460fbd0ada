package dev.wasdk.benchmarks.limiter;

import dev.wasdk.redis.RedisLimiterStore;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.LimiterStore.AdmitResult;
import dev.wasdk.sender.LimiterStore.BucketSpec;
import dev.wasdk.sender.LimiterStore.TakeResult;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.cas.LettuceBasedProxyManager;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Takes per second from one token bucket in Redis: wasdk's {@code RedisLimiterStore} (one Lua
 * script, one round trip) against Bucket4j's Lettuce proxy manager (compare-and-swap), both on the
 * same redis-server, which the benchmark starts itself (the one on the PATH, or the binary that
 * embedded-redis ships) on a free loopback port. Each side has its own Lettuce client and
 * connection. The bucket never runs dry, so every take succeeds. {@code wasdkAdmit} measures the
 * unique-member window, on a window of 10,000 members.
 *
 * <pre>
 * java -jar whatsapp-sdk-benchmarks/target/benchmarks.jar RedisLimiterBenchmark -f 1 -wi 3 -i 5 -w 1s -r 2s -t 1
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisLimiterBenchmark {
  private static final long RATE = 1_000_000_000L;
  private static final Duration DAY = Duration.ofHours(24);

  private LocalRedisServer redis;
  private RedisLimiterStore store;
  private BucketSpec spec;
  private RedisClient bucket4jClient;
  private BucketProxy bucket4jBucket;

  @Setup(Level.Trial)
  public void setUp() {
    redis = LocalRedisServer.start();
    store = RedisLimiterStore.builder().redisUri(redis.uri()).build();
    spec = BucketSpec.perSecond(RATE);

    bucket4jClient = RedisClient.create(redis.uri());
    LettuceBasedProxyManager<byte[]> proxyManager =
        Bucket4jLettuce.casBasedBuilder(bucket4jClient)
            .expirationAfterWrite(
                ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
                    Duration.ofMinutes(1)))
            .build();
    BucketConfiguration config =
        BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(RATE).refillGreedy(RATE, Duration.ofSeconds(1)))
            .build();
    bucket4jBucket =
        proxyManager.builder().build("b4j:tp:1".getBytes(StandardCharsets.UTF_8), () -> config);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    store.close();
    bucket4jClient.shutdown();
    redis.close();
  }

  @Benchmark
  public TakeResult wasdkTryTake() {
    return store.tryTake("tp:1", spec, 1, Instant.now());
  }

  @Benchmark
  public ConsumptionProbe bucket4jTryConsume() {
    return bucket4jBucket.tryConsumeAndReturnRemaining(1);
  }

  @Benchmark
  public AdmitResult wasdkAdmit() {
    String member = "user" + ThreadLocalRandom.current().nextInt(10_000);
    return store.admit("tier:1", member, 1_000_000, DAY, Instant.now());
  }
}
