package dev.wasdk.jdbc.conversations;

import dev.wasdk.conversations.ConversationState;
import dev.wasdk.conversations.ConversationStateCodec;
import dev.wasdk.conversations.ConversationStore;
import dev.wasdk.conversations.StoredConversation;
import dev.wasdk.internal.jdbc.JdbcAccess;
import dev.wasdk.jdbc.JdbcDialect;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Keeps conversation states in a database (PostgreSQL, or H2 for zero-server use), shared by every
 * app instance using it: one instance can ask a question and another take the answer, a timeout set
 * before a restart still fires, and each user's turns run one at a time across instances.
 *
 * <pre>{@code
 * JdbcConversationStore store = JdbcConversationStore.builder(dataSource).build();
 * Conversations bot = Conversations.builder(Replier.of(sender)).store(store)...build();
 * }</pre>
 *
 * <p><b>Schema.</b> Two tables, created by {@link Builder#build()} when missing ({@code CREATE
 * TABLE IF NOT EXISTS}; turn it off with {@link Builder#createTables(boolean)} and create them
 * yourself): {@code <table>} with {@code conv_key} (primary key), {@code version}, {@code state}
 * (the {@link ConversationStateCodec} text), {@code expires_at} and {@code deadline_at} (epoch
 * milliseconds; an index on the deadline), and {@code <table>_lease} with {@code conv_key}, {@code
 * holder} and {@code until_at}. The conversation key is the user's WhatsApp id or user id, so the
 * tables hold these ids and the data the bot's steps keep.
 *
 * <p><b>One statement per operation.</b> {@code get} is one {@code SELECT} that ignores expired
 * rows; {@code put} one {@code UPDATE … WHERE conv_key = ? AND version = ?} or, for a new
 * conversation, one insert that also replaces an expired row ({@code INSERT … ON CONFLICT DO UPDATE
 * … WHERE} on PostgreSQL, {@code MERGE} on H2); {@code dueWaits} one indexed {@code SELECT}; {@code
 * lease} one upsert and {@code release} one {@code DELETE}. Expired rows are left in place and read
 * as absent; {@link #purgeExpired()} removes them.
 *
 * <p><b>Time.</b> Expiry and leases are judged by the {@linkplain Builder#clock clock}, so
 * instances need roughly synchronized clocks (NTP). <b>Time budget:</b> each statement runs under
 * the {@linkplain Builder#queryTimeout query timeout} (default 2 seconds), after which the call
 * throws {@link dev.wasdk.sender.StoreUnavailableException}.
 *
 * <p>Thread-safe; each call borrows a connection from the data source for its statement.
 */
public final class JdbcConversationStore implements ConversationStore {
  private static final Pattern TABLE = Pattern.compile("[a-z_][a-z0-9_]{0,50}");

  private final JdbcAccess db;
  private final Clock clock;
  private final String table;
  private final String select;
  private final String update;
  private final String insertPostgres;
  private final String insertStandard;
  private final String delete;
  private final String due;
  private final String leasePostgres;
  private final String leaseStandard;
  private final String release;
  private final String purge;

  private JdbcConversationStore(Builder b) {
    this.db = new JdbcAccess(b.dataSource, b.queryTimeout, null);
    this.clock = b.clock;
    String t = b.table;
    String l = t + "_lease";
    this.table = t;
    this.select = "SELECT version, state FROM " + t + " WHERE conv_key = ? AND expires_at > ?";
    this.update =
        "UPDATE "
            + t
            + " SET version = version + 1, state = ?, expires_at = ?, deadline_at = ?"
            + " WHERE conv_key = ? AND version = ? AND expires_at > ?";
    this.insertPostgres =
        "INSERT INTO "
            + t
            + " AS c (conv_key, version, state, expires_at, deadline_at) VALUES (?, 1, ?, ?, ?)"
            + " ON CONFLICT (conv_key) DO UPDATE SET version = 1, state = EXCLUDED.state,"
            + " expires_at = EXCLUDED.expires_at, deadline_at = EXCLUDED.deadline_at"
            + " WHERE c.expires_at <= ?";
    this.insertStandard =
        "MERGE INTO "
            + t
            + " c USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(1000000)),"
            + " CAST(? AS BIGINT), CAST(? AS BIGINT))) s (conv_key, state, expires_at, deadline_at)"
            + " ON c.conv_key = s.conv_key"
            + " WHEN MATCHED AND c.expires_at <= ? THEN UPDATE SET version = 1, state = s.state,"
            + " expires_at = s.expires_at, deadline_at = s.deadline_at"
            + " WHEN NOT MATCHED THEN INSERT (conv_key, version, state, expires_at, deadline_at)"
            + " VALUES (s.conv_key, 1, s.state, s.expires_at, s.deadline_at)";
    this.delete = "DELETE FROM " + t + " WHERE conv_key = ?";
    this.due =
        "SELECT conv_key FROM "
            + t
            + " WHERE deadline_at <= ? AND expires_at > ? ORDER BY deadline_at, conv_key LIMIT ?";
    this.leasePostgres =
        "INSERT INTO "
            + l
            + " AS x (conv_key, holder, until_at) VALUES (?, ?, ?)"
            + " ON CONFLICT (conv_key) DO UPDATE SET holder = EXCLUDED.holder,"
            + " until_at = EXCLUDED.until_at WHERE x.holder = EXCLUDED.holder OR x.until_at <= ?";
    this.leaseStandard =
        "MERGE INTO "
            + l
            + " x USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)),"
            + " CAST(? AS BIGINT))) s (conv_key, holder, until_at) ON x.conv_key = s.conv_key"
            + " WHEN MATCHED AND (x.holder = s.holder OR x.until_at <= ?) THEN UPDATE SET"
            + " holder = s.holder, until_at = s.until_at"
            + " WHEN NOT MATCHED THEN INSERT (conv_key, holder, until_at)"
            + " VALUES (s.conv_key, s.holder, s.until_at)";
    this.release = "DELETE FROM " + l + " WHERE conv_key = ? AND holder = ?";
    this.purge = "DELETE FROM " + t + " WHERE expires_at <= ?";
    if (b.createTables) {
      createTables(t, l);
    }
  }

  /**
   * Returns a builder over a data source, such as a connection pool.
   *
   * @param dataSource where connections come from
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(Objects.requireNonNull(dataSource, "dataSource"));
  }

  private void createTables(String t, String l) {
    db.run(
        "conversation tables create",
        c -> {
          try (Statement s = c.createStatement()) {
            s.setQueryTimeout(db.timeoutSeconds());
            s.execute(
                "CREATE TABLE IF NOT EXISTS "
                    + t
                    + " (conv_key VARCHAR(200) NOT NULL PRIMARY KEY, version BIGINT NOT NULL,"
                    + " state VARCHAR(1000000) NOT NULL, expires_at BIGINT NOT NULL,"
                    + " deadline_at BIGINT)");
            s.execute("CREATE INDEX IF NOT EXISTS " + t + "_deadline ON " + t + " (deadline_at)");
            s.execute(
                "CREATE TABLE IF NOT EXISTS "
                    + l
                    + " (conv_key VARCHAR(200) NOT NULL PRIMARY KEY,"
                    + " holder VARCHAR(200) NOT NULL, until_at BIGINT NOT NULL)");
          }
          return null;
        });
  }

  @Override
  public Optional<StoredConversation> get(String key) {
    Objects.requireNonNull(key, "key");
    long now = clock.millis();
    return db.run(
        "conversation read",
        c -> {
          try (PreparedStatement ps = db.prepare(c, select)) {
            ps.setString(1, key);
            ps.setLong(2, now);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new StoredConversation(
                      ConversationStateCodec.decode(rs.getString(2)), rs.getLong(1)));
            }
          }
        });
  }

  @Override
  public boolean put(String key, ConversationState state, long expectedVersion, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    long ttlMillis = positiveMillis(ttl, "ttl");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be 0 or more: " + expectedVersion);
    }
    long now = clock.millis();
    String text = ConversationStateCodec.encode(state);
    Long deadline =
        state
            .waiting()
            .flatMap(ConversationState.Wait::deadline)
            .map(Instant::toEpochMilli)
            .orElse(null);
    long expires = now + ttlMillis;
    return db.run(
        "conversation save",
        c -> {
          if (expectedVersion > 0) {
            try (PreparedStatement ps = db.prepare(c, update)) {
              ps.setString(1, text);
              ps.setLong(2, expires);
              setDeadline(ps, 3, deadline);
              ps.setString(4, key);
              ps.setLong(5, expectedVersion);
              ps.setLong(6, now);
              return ps.executeUpdate() == 1;
            }
          }
          boolean postgres = db.dialect(c) == JdbcDialect.POSTGRESQL;
          try (PreparedStatement ps = db.prepare(c, postgres ? insertPostgres : insertStandard)) {
            ps.setString(1, key);
            ps.setString(2, text);
            ps.setLong(3, expires);
            setDeadline(ps, 4, deadline);
            ps.setLong(5, now);
            return ps.executeUpdate() == 1;
          } catch (SQLException e) {
            // two creators raced on MERGE: the other one's row is there, so this one lost
            if (JdbcAccess.UNIQUE_VIOLATION.equals(e.getSQLState())) {
              return false;
            }
            throw e;
          }
        });
  }

  private static void setDeadline(PreparedStatement ps, int index, Long deadline)
      throws SQLException {
    if (deadline == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, deadline);
    }
  }

  @Override
  public void delete(String key) {
    Objects.requireNonNull(key, "key");
    db.run(
        "conversation delete",
        c -> {
          try (PreparedStatement ps = db.prepare(c, delete)) {
            ps.setString(1, key);
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public List<String> dueWaits(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    long clockNow = clock.millis();
    return db.run(
        "conversation deadlines read",
        c -> {
          try (PreparedStatement ps = db.prepare(c, due)) {
            ps.setLong(1, now.toEpochMilli());
            ps.setLong(2, clockNow);
            ps.setInt(3, limit);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                keys.add(rs.getString(1));
              }
            }
            return keys;
          }
        });
  }

  @Override
  public boolean lease(String key, String holder, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    long ttlMillis = positiveMillis(ttl, "ttl");
    long now = clock.millis();
    return db.run(
        "conversation lease",
        c -> {
          boolean postgres = db.dialect(c) == JdbcDialect.POSTGRESQL;
          try (PreparedStatement ps = db.prepare(c, postgres ? leasePostgres : leaseStandard)) {
            ps.setString(1, key);
            ps.setString(2, holder);
            ps.setLong(3, now + ttlMillis);
            ps.setLong(4, now);
            return ps.executeUpdate() == 1;
          } catch (SQLException e) {
            // another holder created the lease first
            if (JdbcAccess.UNIQUE_VIOLATION.equals(e.getSQLState())) {
              return false;
            }
            throw e;
          }
        });
  }

  @Override
  public void release(String key, String holder) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    db.run(
        "conversation lease release",
        c -> {
          try (PreparedStatement ps = db.prepare(c, release)) {
            ps.setString(1, key);
            ps.setString(2, holder);
            return ps.executeUpdate();
          }
        });
  }

  /**
   * Removes the rows of expired conversations: one {@code DELETE}. Call it now and then (for
   * example hourly) to keep the table to live conversations.
   *
   * @return how many rows were removed
   */
  public int purgeExpired() {
    long now = clock.millis();
    return db.run(
        "conversation purge",
        c -> {
          try (PreparedStatement ps = db.prepare(c, purge)) {
            ps.setLong(1, now);
            return ps.executeUpdate();
          }
        });
  }

  private static long positiveMillis(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return Math.max(1, d.toMillis());
  }

  @Override
  public String toString() {
    return "JdbcConversationStore[table=" + table + "]";
  }

  /** Builds a {@link JdbcConversationStore}. Not thread-safe. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = "wasdk_conversation";
    private Duration queryTimeout = Duration.ofSeconds(2);
    private Clock clock = Clock.systemUTC();
    private boolean createTables = true;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Sets the table's name; the lease table is that name plus {@code _lease}. Default {@code
     * wasdk_conversation}. Give each bot its own when several share a database.
     *
     * @param table lower-case letters, digits and underscores, at most 51 characters
     * @return this builder
     */
    public Builder table(String table) {
      Objects.requireNonNull(table, "table");
      if (!TABLE.matcher(table).matches()) {
        throw new IllegalArgumentException(
            "table must be lower-case letters, digits and underscores (at most 51), was '"
                + table
                + "'");
      }
      this.table = table;
      return this;
    }

    /**
     * Sets the timeout of each statement, rounded up to whole seconds. Default 2 seconds.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder queryTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("queryTimeout must be positive, was " + timeout);
      }
      this.queryTimeout = timeout;
      return this;
    }

    /**
     * Sets the clock that expiry and leases are judged by. Default: the system clock.
     *
     * @param clock the clock; a fake one in tests
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets whether {@link #build()} creates the tables when they are missing. Default true; turn it
     * off when a migration tool owns the schema.
     *
     * @param create whether to create them
     * @return this builder
     */
    public Builder createTables(boolean create) {
      this.createTables = create;
      return this;
    }

    /**
     * Returns the store, creating the tables first unless turned off.
     *
     * @return the store
     * @throws dev.wasdk.sender.StoreUnavailableException if the tables cannot be created
     */
    public JdbcConversationStore build() {
      return new JdbcConversationStore(this);
    }
  }
}
