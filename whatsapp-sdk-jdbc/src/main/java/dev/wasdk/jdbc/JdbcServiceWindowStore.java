package dev.wasdk.jdbc;

import dev.wasdk.internal.jdbc.JdbcAccess;
import dev.wasdk.sender.ServiceWindowStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ServiceWindowStore} on JDBC: one row per user in {@code wasdk_service_window}, holding
 * the latest inbound time in nanoseconds since the epoch. Recording is one upsert that keeps the
 * later time ({@code INSERT ... ON CONFLICT DO UPDATE} on PostgreSQL, {@code MERGE} on H2); closing
 * is one conditional {@code DELETE}; reading is one {@code SELECT} by primary key. Obtained from
 * {@link JdbcStores#serviceWindows()}, which documents the schema and the time budget.
 *
 * <p>Rows are not removed when a window ends; call {@link #purgeBefore(Instant)} now and then (for
 * example daily, with a cutoff of 24 hours ago) to keep the table to the users active recently.
 *
 * <pre>{@code
 * ServiceWindowStore windows = stores.serviceWindows();
 * windows.recordInbound(key, inboundTimestamp);
 * stores.serviceWindows().purgeBefore(Instant.now().minus(Duration.ofHours(25)));
 * }</pre>
 *
 * <p>Thread-safe. Every call throws {@link dev.wasdk.sender.StoreUnavailableException} when the
 * database fails or a statement outlives the query timeout. Times must lie within about 292 years
 * of 1970.
 */
public final class JdbcServiceWindowStore implements ServiceWindowStore {
  private static final String UPSERT_POSTGRES =
      "INSERT INTO wasdk_service_window AS w (user_key, at_nanos) VALUES (?, ?)"
          + " ON CONFLICT (user_key) DO UPDATE SET at_nanos = EXCLUDED.at_nanos"
          + " WHERE w.at_nanos < EXCLUDED.at_nanos";
  private static final String UPSERT_STANDARD =
      "MERGE INTO wasdk_service_window w"
          + " USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS BIGINT))) s (user_key, at_nanos)"
          + " ON w.user_key = s.user_key"
          + " WHEN MATCHED AND w.at_nanos < s.at_nanos THEN UPDATE SET at_nanos = s.at_nanos"
          + " WHEN NOT MATCHED THEN INSERT (user_key, at_nanos) VALUES (s.user_key, s.at_nanos)";
  private static final String SELECT =
      "SELECT at_nanos FROM wasdk_service_window WHERE user_key = ?";
  private static final String CLOSE =
      "DELETE FROM wasdk_service_window WHERE user_key = ? AND at_nanos <= ?";
  private static final String DELETE = "DELETE FROM wasdk_service_window WHERE user_key = ?";
  private static final String PURGE = "DELETE FROM wasdk_service_window WHERE at_nanos < ?";

  private final JdbcAccess db;

  JdbcServiceWindowStore(JdbcAccess db) {
    this.db = db;
  }

  @Override
  public void recordInbound(String key, Instant at) {
    Objects.requireNonNull(key, "key");
    long nanos = nanos(Objects.requireNonNull(at, "at"));
    db.run(
        "service window record",
        c -> {
          try {
            return upsert(c, key, nanos);
          } catch (SQLException e) {
            // two first writes for one user raced on MERGE: the row exists now
            if (JdbcAccess.UNIQUE_VIOLATION.equals(e.getSQLState())) {
              return upsert(c, key, nanos);
            }
            throw e;
          }
        });
  }

  private int upsert(Connection c, String key, long nanos) throws SQLException {
    String sql = db.dialect(c) == JdbcDialect.POSTGRESQL ? UPSERT_POSTGRES : UPSERT_STANDARD;
    try (PreparedStatement ps = db.prepare(c, sql)) {
      ps.setString(1, key);
      ps.setLong(2, nanos);
      return ps.executeUpdate();
    }
  }

  /** Returns whether this store reads through {@code db}, so a query may join its table. */
  boolean sharesAccess(JdbcAccess db) {
    return this.db == db;
  }

  /** Returns the instant of a time kept in nanoseconds since the epoch. */
  static Instant instantOfNanos(long n) {
    return Instant.ofEpochSecond(
        Math.floorDiv(n, 1_000_000_000L), Math.floorMod(n, 1_000_000_000L));
  }

  @Override
  public Optional<Instant> lastInbound(String key) {
    Objects.requireNonNull(key, "key");
    return db.run(
        "service window read",
        c -> {
          try (PreparedStatement ps = db.prepare(c, SELECT)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(instantOfNanos(rs.getLong(1)));
            }
          }
        });
  }

  @Override
  public void markClosed(String key, Instant seen) {
    Objects.requireNonNull(key, "key");
    long nanos = nanos(Objects.requireNonNull(seen, "seen"));
    db.run(
        "service window close",
        c -> {
          try (PreparedStatement ps = db.prepare(c, CLOSE)) {
            ps.setString(1, key);
            ps.setLong(2, nanos);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public boolean erase(String key) {
    Objects.requireNonNull(key, "key");
    return db.run(
        "service window erase",
        c -> {
          try (PreparedStatement ps = db.prepare(c, DELETE)) {
            ps.setString(1, key);
            return ps.executeUpdate() > 0;
          }
        });
  }

  /**
   * Removes every entry whose latest inbound time is before {@code cutoff}: windows that closed
   * long ago. One statement, under the query timeout.
   *
   * @param cutoff entries older than this go; use at least 24 hours ago
   * @return how many were removed
   */
  public int purgeBefore(Instant cutoff) {
    long nanos = nanos(Objects.requireNonNull(cutoff, "cutoff"));
    return db.run(
        "service window purge",
        c -> {
          try (PreparedStatement ps = db.prepare(c, PURGE)) {
            ps.setLong(1, nanos);
            return ps.executeUpdate();
          }
        });
  }

  private static long nanos(Instant t) {
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(
          "time must lie within about 292 years of 1970 for the JDBC store, was " + t);
    }
  }

  @Override
  public String toString() {
    return "JdbcServiceWindowStore";
  }
}
