package dev.wasdk.benchmarks.store;

import dev.wasdk.jdbc.JdbcStores;
import dev.wasdk.jdbc.testing.LocalPostgres;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.redis.RedisStores;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentSource;
import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.ServiceWindowStore;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.time.Instant;
import java.util.Arrays;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Measures what the per-message consent and window checks cost on each shared backend: one {@code
 * history(key)} and one {@code lastInbound(key)}, back to back, and the combined {@code read(key,
 * windows)} the sender makes for a marketing template to a user it knows nothing about, from one
 * thread, on loopback, for a user with a short consent history (an opt-in and an opt-out) and an
 * open window. Prints the median and the 99th percentile of the pair, of each call and of the
 * combined read, in microseconds of wall time, over interleaved rounds, and the combined read's
 * median over the pair's per round.
 *
 * <p>Backends: Redis ({@code RedisStores}, the server {@code LocalRedisServer} finds), PostgreSQL
 * ({@code JdbcStores} over one reused connection, as a pool would hand out; the server {@code
 * LocalPostgres} starts) and H2 in file mode (same). The in-memory stores are listed for scale.
 *
 * <pre>
 * java -cp whatsapp-sdk-benchmarks/target/benchmarks.jar dev.wasdk.benchmarks.store.StateStoreCheckCost [pairs-per-round]
 * </pre>
 */
public final class StateStoreCheckCost {
  private static final int ROUNDS = 7;
  private static final String KEY = "u:bench";
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  private StateStoreCheckCost() {}

  /**
   * Runs the measurement.
   *
   * @param args optional: pairs per round (default 5,000)
   * @throws Exception when a backend cannot be started
   */
  public static void main(String[] args) throws Exception {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    LocalRedisServer redis = LocalRedisServer.start();
    LocalPostgres pg = LocalPostgres.start();
    Path h2dir = Files.createTempDirectory("wasdk-bench-h2-");
    try (RedisStores rs = RedisStores.builder().redisUri(redis.uri()).build()) {
      DataSource pgds = oneConnection(pg.createDatabase());
      JdbcStores js = JdbcStores.builder(pgds).build();
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:file:" + h2dir.resolve("bench"));
      JdbcStores hs = JdbcStores.builder(oneConnection(h2)).build();

      Backend[] backends = {
        new Backend("in-memory", ConsentStore.inMemory(), ServiceWindowStore.inMemory()),
        new Backend("Redis (" + redis.source() + ")", rs.consent(), rs.serviceWindows()),
        new Backend("PostgreSQL (" + pg.source() + ")", js.consent(), js.serviceWindows()),
        new Backend("H2 file", hs.consent(), hs.serviceWindows()),
      };
      for (Backend b : backends) {
        b.prepare(pairs);
      }
      for (int round = -2; round < ROUNDS; round++) { // two warm-up rounds
        for (Backend b : backends) {
          b.run(pairs, round >= 0);
        }
      }
      System.out.printf(
          "consent + window check, %d rounds of %d pairs, one thread, loopback (µs)%n",
          ROUNDS, pairs);
      System.out.printf(
          "%-60s %9s %9s %9s %9s %9s %9s %9s %9s %9s%n",
          "backend",
          "pair p50",
          "pair p99",
          "hist p50",
          "hist p99",
          "win p50",
          "win p99",
          "read p50",
          "read p99",
          "read/pair");
      for (Backend b : backends) {
        b.print();
      }
    } finally {
      redis.close();
      pg.close();
    }
  }

  private static final class Backend {
    final String name;
    final ConsentStore consent;
    final ServiceWindowStore windows;
    long[] pair = new long[0];
    long[] history = new long[0];
    long[] window = new long[0];
    long[] combined = new long[0];
    final java.util.List<Double> ratios = new java.util.ArrayList<>();
    int n;
    int m;
    long sink;

    Backend(String name, ConsentStore consent, ServiceWindowStore windows) {
      this.name = name;
      this.consent = consent;
      this.windows = windows;
    }

    void prepare(int pairs) {
      consent.erase(KEY);
      consent.append(
          KEY, ConsentRecord.optIn(TemplateCategory.MARKETING, ConsentSource.API, "form", null, T));
      consent.append(
          KEY, ConsentRecord.optOut(ConsentSource.KEYWORD, "STOP", "wamid.x", T.plusSeconds(60)));
      windows.recordInbound(KEY, T);
      pair = new long[pairs * ROUNDS];
      history = new long[pairs * ROUNDS];
      window = new long[pairs * ROUNDS];
      combined = new long[pairs * ROUNDS];
    }

    void run(int pairs, boolean record) {
      int pairStart = n;
      int readStart = m;
      for (int i = 0; i < pairs; i++) {
        long t0 = System.nanoTime();
        sink += consent.history(KEY).size();
        long t1 = System.nanoTime();
        sink += windows.lastInbound(KEY).isPresent() ? 1 : 0;
        long t2 = System.nanoTime();
        if (record) {
          pair[n] = t2 - t0;
          history[n] = t1 - t0;
          window[n] = t2 - t1;
          n++;
        }
        long t3 = System.nanoTime();
        sink += consent.read(KEY, windows).history().size();
        long t4 = System.nanoTime();
        if (record) {
          combined[m++] = t4 - t3;
        }
      }
      if (record) {
        ratios.add(
            median(Arrays.copyOfRange(combined, readStart, m))
                / median(Arrays.copyOfRange(pair, pairStart, n)));
      }
    }

    static double median(long[] v) {
      long[] s = v.clone();
      Arrays.sort(s);
      return s[s.length / 2];
    }

    void print() {
      System.out.printf(
          "%-60s %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9.1f %9s%n",
          name,
          pct(pair, 50),
          pct(pair, 99),
          pct(history, 50),
          pct(history, 99),
          pct(window, 50),
          pct(window, 99),
          pct(combined, 50, m),
          pct(combined, 99, m),
          ratioSummary());
      if (sink == 42) {
        System.out.print("");
      }
    }

    /** Returns the median of the per-round ratios, with their range. */
    String ratioSummary() {
      double[] r = ratios.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return String.format("%.2f (%.2f-%.2f)", r[r.length / 2], r[0], r[r.length - 1]);
    }

    double pct(long[] v, int p) {
      return pct(v, p, n);
    }

    double pct(long[] v, int p, int count) {
      long[] s = Arrays.copyOf(v, count);
      Arrays.sort(s);
      return s[(int) Math.min(s.length - 1, Math.ceil(p / 100.0 * s.length) - 1)] / 1_000.0;
    }
  }

  /** A data source that hands out one open connection again and again, as a warm pool would. */
  static DataSource oneConnection(DataSource real) throws SQLException {
    Connection conn = real.getConnection();
    Connection handed =
        (Connection)
            Proxy.newProxyInstance(
                Connection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, margs) ->
                    method.getName().equals("close") ? null : method.invoke(conn, margs));
    return new DataSource() {
      @Override
      public Connection getConnection() {
        return handed;
      }

      @Override
      public Connection getConnection(String user, String password) {
        return handed;
      }

      @Override
      public PrintWriter getLogWriter() {
        return null;
      }

      @Override
      public void setLogWriter(PrintWriter out) {}

      @Override
      public void setLoginTimeout(int seconds) {}

      @Override
      public int getLoginTimeout() {
        return 0;
      }

      @Override
      public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
      }

      @Override
      public <T> T unwrap(Class<T> iface) throws SQLException {
        throw new SQLException("not a wrapper");
      }

      @Override
      public boolean isWrapperFor(Class<?> iface) {
        return false;
      }
    };
  }
}
