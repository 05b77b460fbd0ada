package dev.wasdk.benchmarks.store;

import dev.wasdk.conversations.ConversationState;
import dev.wasdk.conversations.ConversationStore;
import dev.wasdk.conversations.StoredConversation;
import dev.wasdk.jdbc.conversations.JdbcConversationStore;
import dev.wasdk.jdbc.testing.LocalPostgres;
import dev.wasdk.redis.conversations.RedisConversationStore;
import dev.wasdk.redis.testing.LocalRedisServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Times the store calls of one conversation turn on each {@code ConversationStore}: take the user's
 * lease, read the state, save it with its version, give the lease back (four round trips), one
 * thread on loopback, over 7 rounds of 2,000 turns spread across 200 users with a mid-order state.
 * It prints the median and the 99th percentile of the turn and of the save, in microseconds of wall
 * time. PostgreSQL runs over one reused connection, as a warm pool would give.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.store.ConversationStoreTurnCost
 * </pre>
 */
public final class ConversationStoreTurnCost {
  private static final int ROUNDS = 7;
  private static final int TURNS = 2_000;
  private static final int USERS = 200;
  private static final Duration TTL = Duration.ofMinutes(30);
  private static final Duration LEASE = Duration.ofSeconds(30);

  private ConversationStoreTurnCost() {}

  /**
   * Runs the measurement on every store.
   *
   * @param args unused
   * @throws Exception if a server cannot start
   */
  public static void main(String[] args) throws Exception {
    LocalRedisServer redis = LocalRedisServer.start();
    LocalPostgres pg = LocalPostgres.start();
    Path h2dir = Files.createTempDirectory("wasdk-bench-conv-h2-");
    try (RedisConversationStore rs =
        RedisConversationStore.builder().redisUri(redis.uri()).build()) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:file:" + h2dir.resolve("bench"));
      ConversationStore[] stores = {
        ConversationStore.inMemory(),
        rs,
        JdbcConversationStore.builder(StateStoreCheckCost.oneConnection(pg.createDatabase()))
            .build(),
        JdbcConversationStore.builder(StateStoreCheckCost.oneConnection(h2)).build()
      };
      String[] names = {"in memory", "Redis", "PostgreSQL", "H2 file"};
      System.out.printf(
          "%-12s %10s %10s %10s %10s%n", "store", "turn p50", "turn p99", "put p50", "put p99");
      for (int i = 0; i < stores.length; i++) {
        measure(names[i], stores[i]);
      }
    } finally {
      pg.close();
      redis.close();
    }
  }

  private static void measure(String name, ConversationStore store) {
    ConversationState state =
        new ConversationState(
            Optional.of(
                new ConversationState.Wait(
                    "quantity",
                    Optional.of(Instant.now().plusSeconds(600)),
                    Optional.of("timeout"))),
            Map.of("item", "Latte", "cart", "2 x Latte"),
            false,
            false,
            Map.of("default", Instant.now()),
            Instant.now());
    long[] turn = new long[TURNS];
    long[] put = new long[TURNS];
    double[] result = new double[4];
    for (int round = 0; round < ROUNDS; round++) {
      for (int t = 0; t < TURNS; t++) {
        String key = "165055" + (10_000 + (t % USERS));
        long start = System.nanoTime();
        store.lease(key, "bench", LEASE);
        long version = store.get(key).map(StoredConversation::version).orElse(0L);
        long beforePut = System.nanoTime();
        if (!store.put(key, state, version, TTL)) {
          throw new IllegalStateException("a save conflicted in a single-threaded run");
        }
        long afterPut = System.nanoTime();
        store.release(key, "bench");
        turn[t] = System.nanoTime() - start;
        put[t] = afterPut - beforePut;
      }
      // keep the last round: the earlier ones warm up the JIT, the server and the caches
      result = new double[] {pct(turn, 50), pct(turn, 99), pct(put, 50), pct(put, 99)};
    }
    System.out.printf(
        "%-12s %8.1f µs %8.1f µs %8.1f µs %8.1f µs%n",
        name, result[0], result[1], result[2], result[3]);
  }

  private static double pct(long[] v, int p) {
    long[] s = Arrays.copyOf(v, v.length);
    Arrays.sort(s);
    return s[(int) Math.min(s.length - 1, Math.ceil(p / 100.0 * s.length) - 1)] / 1_000.0;
  }
}
