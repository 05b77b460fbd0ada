package dev.wasdk.jdbc;

import dev.wasdk.internal.jdbc.JdbcAccess;
import dev.wasdk.webhooks.Deduplicator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A {@link Deduplicator} on JDBC, shared by every app instance using the same database: one row per
 * event key in {@code wasdk_webhook_dedupe}, with its state (claimed or done), its holder and the
 * time its lease or horizon runs out. Obtained from {@link JdbcStores#deduplicator()}, which
 * documents the schema and the time budget.
 *
 * <p><b>Steps.</b> Each step is atomic in the database:
 *
 * <ul>
 *   <li>{@link #claim} is one conditional upsert that takes the key only when it is absent or its
 *       row has run out ({@code INSERT ... ON CONFLICT DO UPDATE ... WHERE expires_at <= now} on
 *       PostgreSQL; on H2 an {@code INSERT}, and on a duplicate key an {@code UPDATE ... WHERE
 *       expires_at <= now}). When the key is taken, one {@code SELECT} tells done from in progress.
 *   <li>{@link #renew} and {@link #release} are one {@code UPDATE} or {@code DELETE} that acts only
 *       on a claimed row of the same holder.
 *   <li>{@link #complete} is one upsert that marks the key done until {@code now + horizon}.
 * </ul>
 *
 * <p>Leases and the horizon are judged by the {@code now} each call passes (the endpoint's clock),
 * stored in nanoseconds since the epoch; the database's own clock is not used. Keys longer than 200
 * characters are stored as their SHA-256 digest.
 *
 * <p><b>Housekeeping.</b> A row past its time counts as absent but stays in the table until {@link
 * #purgeExpired(Instant)} removes it; call it now and then, for example hourly, from one instance.
 *
 * <pre>{@code
 * JdbcDeduplicator dedupe = JdbcStores.builder(dataSource).build().deduplicator();
 * WebhookEndpoint endpoint = WebhookEndpoint.builder()...deduplicator(dedupe).build();
 * scheduler.scheduleAtFixedRate(() -> dedupe.purgeExpired(Instant.now()), 1, 1, TimeUnit.HOURS);
 * }</pre>
 *
 * <p>Thread-safe. Every step throws {@link dev.wasdk.sender.StoreUnavailableException} when the
 * database fails or a statement outlives the query timeout; the endpoint then answers 503 and Meta
 * delivers again. Times must lie within about 292 years of 1970.
 */
public final class JdbcDeduplicator implements Deduplicator {
  private static final int MAX_KEY = 200;

  private static final String CLAIM_POSTGRES =
      "INSERT INTO wasdk_webhook_dedupe AS d (dedupe_key, state, holder, expires_at)"
          + " VALUES (?, 'C', ?, ?)"
          + " ON CONFLICT (dedupe_key) DO UPDATE"
          + " SET state = 'C', holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at"
          + " WHERE d.expires_at <= ? RETURNING d.holder";
  private static final String INSERT_CLAIM =
      "INSERT INTO wasdk_webhook_dedupe (dedupe_key, state, holder, expires_at)"
          + " VALUES (?, 'C', ?, ?)";
  private static final String TAKE_OVER =
      "UPDATE wasdk_webhook_dedupe SET state = 'C', holder = ?, expires_at = ?"
          + " WHERE dedupe_key = ? AND expires_at <= ?";
  private static final String READ =
      "SELECT state, expires_at FROM wasdk_webhook_dedupe WHERE dedupe_key = ?";
  private static final String RENEW =
      "UPDATE wasdk_webhook_dedupe SET expires_at = ?"
          + " WHERE dedupe_key = ? AND state = 'C' AND holder = ?";
  private static final String COMPLETE_POSTGRES =
      "INSERT INTO wasdk_webhook_dedupe AS d (dedupe_key, state, holder, expires_at)"
          + " VALUES (?, 'D', ?, ?)"
          + " ON CONFLICT (dedupe_key) DO UPDATE"
          + " SET state = 'D', holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at";
  private static final String COMPLETE_STANDARD =
      "MERGE INTO wasdk_webhook_dedupe d"
          + " USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)),"
          + " CAST(? AS BIGINT))) s (dedupe_key, holder, expires_at)"
          + " ON d.dedupe_key = s.dedupe_key"
          + " WHEN MATCHED THEN UPDATE SET state = 'D', holder = s.holder,"
          + " expires_at = s.expires_at"
          + " WHEN NOT MATCHED THEN INSERT (dedupe_key, state, holder, expires_at)"
          + " VALUES (s.dedupe_key, 'D', s.holder, s.expires_at)";
  private static final String RELEASE =
      "DELETE FROM wasdk_webhook_dedupe WHERE dedupe_key = ? AND state = 'C' AND holder = ?";
  private static final String PURGE = "DELETE FROM wasdk_webhook_dedupe WHERE expires_at <= ?";

  // A claim whose key changes state between its two statements tries again this many times.
  private static final int CLAIM_ATTEMPTS = 3;

  private final JdbcAccess db;
  private final Duration horizon;

  JdbcDeduplicator(JdbcAccess db, Duration horizon) {
    this.db = db;
    Objects.requireNonNull(horizon, "horizon");
    if (horizon.isZero() || horizon.isNegative()) {
      throw new IllegalArgumentException("horizon must be positive, was " + horizon);
    }
    this.horizon = horizon;
  }

  /** Returns how long a done key is remembered. */
  public Duration horizon() {
    return horizon;
  }

  @Override
  public Claim claim(String key, String holder, Instant now, Duration lease) {
    String k = storedKey(key);
    checkHolder(holder);
    Objects.requireNonNull(lease, "lease");
    if (lease.isZero() || lease.isNegative()) {
      throw new IllegalArgumentException("lease must be positive, was " + lease);
    }
    long nowNanos = nanos(Objects.requireNonNull(now, "now"));
    long until = nanos(now.plus(lease));
    return db.run(
        "de-duplication claim",
        c -> {
          for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            if (tryClaim(c, k, holder, nowNanos, until)) {
              return Claim.CLAIMED;
            }
            try (PreparedStatement ps = db.prepare(c, READ)) {
              ps.setString(1, k);
              try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(2) > nowNanos) {
                  return "D".equals(rs.getString(1)) ? Claim.DONE : Claim.IN_PROGRESS;
                }
              }
            }
            // released or run out since the claim was refused: try again
          }
          return Claim.IN_PROGRESS;
        });
  }

  private boolean tryClaim(Connection c, String key, String holder, long now, long until)
      throws SQLException {
    if (db.dialect(c) == JdbcDialect.POSTGRESQL) {
      try (PreparedStatement ps = db.prepare(c, CLAIM_POSTGRES)) {
        ps.setString(1, key);
        ps.setString(2, holder);
        ps.setLong(3, until);
        ps.setLong(4, now);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    }
    try (PreparedStatement ps = db.prepare(c, INSERT_CLAIM)) {
      ps.setString(1, key);
      ps.setString(2, holder);
      ps.setLong(3, until);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      if (!JdbcAccess.UNIQUE_VIOLATION.equals(e.getSQLState())) {
        throw e;
      }
    }
    try (PreparedStatement ps = db.prepare(c, TAKE_OVER)) {
      ps.setString(1, holder);
      ps.setLong(2, until);
      ps.setString(3, key);
      ps.setLong(4, now);
      return ps.executeUpdate() == 1;
    }
  }

  @Override
  public boolean renew(String key, String holder, Instant now, Duration lease) {
    String k = storedKey(key);
    checkHolder(holder);
    Objects.requireNonNull(lease, "lease");
    long until = nanos(Objects.requireNonNull(now, "now").plus(lease));
    return db.run(
        "de-duplication renew",
        c -> {
          try (PreparedStatement ps = db.prepare(c, RENEW)) {
            ps.setLong(1, until);
            ps.setString(2, k);
            ps.setString(3, holder);
            return ps.executeUpdate() > 0;
          }
        });
  }

  @Override
  public void complete(String key, String holder, Instant now) {
    String k = storedKey(key);
    checkHolder(holder);
    long until = nanos(Objects.requireNonNull(now, "now").plus(horizon));
    db.run(
        "de-duplication complete",
        c -> {
          try {
            return upsertDone(c, k, holder, until);
          } catch (SQLException e) {
            // two MERGEs of a new key raced on H2: the row exists now
            if (JdbcAccess.UNIQUE_VIOLATION.equals(e.getSQLState())) {
              return upsertDone(c, k, holder, until);
            }
            throw e;
          }
        });
  }

  private int upsertDone(Connection c, String key, String holder, long until) throws SQLException {
    String sql = db.dialect(c) == JdbcDialect.POSTGRESQL ? COMPLETE_POSTGRES : COMPLETE_STANDARD;
    try (PreparedStatement ps = db.prepare(c, sql)) {
      ps.setString(1, key);
      ps.setString(2, holder);
      ps.setLong(3, until);
      return ps.executeUpdate();
    }
  }

  @Override
  public void release(String key, String holder) {
    String k = storedKey(key);
    checkHolder(holder);
    db.run(
        "de-duplication release",
        c -> {
          try (PreparedStatement ps = db.prepare(c, RELEASE)) {
            ps.setString(1, k);
            ps.setString(2, holder);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Removes every row whose lease or horizon ran out by {@code now}: done keys past the horizon and
   * claims whose holder never finished. Such rows already count as absent; this only keeps the
   * table small. One statement, under the query timeout.
   *
   * @param now the current time, from the same clock as the endpoint's
   * @return how many rows were removed
   */
  public int purgeExpired(Instant now) {
    long nowNanos = nanos(Objects.requireNonNull(now, "now"));
    return db.run(
        "de-duplication purge",
        c -> {
          try (PreparedStatement ps = db.prepare(c, PURGE)) {
            ps.setLong(1, nowNanos);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Returns the key as stored: itself, or its SHA-256 digest when it is too long for the column.
   */
  static String storedKey(String key) {
    Objects.requireNonNull(key, "key");
    if (key.length() <= MAX_KEY) {
      return key;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return "sha256:" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static void checkHolder(String holder) {
    Objects.requireNonNull(holder, "holder");
    if (holder.length() > MAX_KEY) {
      throw new IllegalArgumentException(
          "holder must be at most " + MAX_KEY + " characters, was " + holder.length());
    }
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
    return "JdbcDeduplicator[horizon=" + horizon + "]";
  }
}
