package dev.wasdk.jdbc;

import dev.wasdk.internal.jdbc.JdbcAccess;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentSource;
import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.ServiceWindowStore;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ConsentStore} on JDBC: one row per record in {@code wasdk_consent}, ordered by an
 * identity column, never updated and removed only by {@link #erase}. Each call is one statement;
 * {@link #read} with the window store of the same {@link JdbcStores} is one query as well. Obtained
 * from {@link JdbcStores#consent()}, which documents the schema and the time budget.
 *
 * <pre>{@code
 * ConsentStore consent = stores.consent();
 * consent.append(key, ConsentRecord.optOut(ConsentSource.KEYWORD, "STOP", wamid, Instant.now()));
 * }</pre>
 *
 * <p>Thread-safe. Every call throws {@link dev.wasdk.sender.StoreUnavailableException} when the
 * database fails or a statement outlives the query timeout.
 */
public final class JdbcConsentStore implements ConsentStore {
  private static final String INSERT =
      "INSERT INTO wasdk_consent"
          + " (user_key, kind, category, source, detail, evidence, at_second, at_nano)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String SELECT =
      "SELECT kind, category, source, detail, evidence, at_second, at_nano"
          + " FROM wasdk_consent WHERE user_key = ? ORDER BY id";
  private static final String DELETE = "DELETE FROM wasdk_consent WHERE user_key = ?";
  // The records in order (part 0), then the window's time (part 1) when there is one: two index
  // lookups in one statement.
  private static final String SELECT_WITH_WINDOW =
      "SELECT 0 AS part, id, kind, category, source, detail, evidence, at_second, at_nano"
          + " FROM wasdk_consent WHERE user_key = ?"
          + " UNION ALL"
          + " SELECT 1, 0, NULL, NULL, NULL, NULL, NULL, at_nanos, 0"
          + " FROM wasdk_service_window WHERE user_key = ?"
          + " ORDER BY 1, 2";

  private final JdbcAccess db;

  JdbcConsentStore(JdbcAccess db) {
    this.db = db;
  }

  @Override
  public void append(String key, ConsentRecord record) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(record, "record");
    db.run(
        "consent append",
        c -> {
          try (PreparedStatement ps = db.prepare(c, INSERT)) {
            ps.setString(1, key);
            ps.setString(2, record.kind().name());
            ps.setString(3, record.category().name());
            ps.setString(4, record.source().name());
            ps.setString(5, record.detail());
            ps.setString(6, record.evidence().orElse(null));
            ps.setLong(7, record.at().getEpochSecond());
            ps.setInt(8, record.at().getNano());
            return ps.executeUpdate();
          }
        });
  }

  @Override
  public List<ConsentRecord> history(String key) {
    Objects.requireNonNull(key, "key");
    return db.run(
        "consent history",
        c -> {
          try (PreparedStatement ps = db.prepare(c, SELECT)) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
              List<ConsentRecord> out = new ArrayList<>();
              while (rs.next()) {
                out.add(record(rs, 1));
              }
              return List.copyOf(out);
            }
          }
        });
  }

  @Override
  public UserState read(String key, ServiceWindowStore windows) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(windows, "windows");
    if (!(windows instanceof JdbcServiceWindowStore w) || !w.sharesAccess(db)) {
      return ConsentStore.super.read(key, windows);
    }
    return db.run(
        "consent and service window read",
        c -> {
          try (PreparedStatement ps = db.prepare(c, SELECT_WITH_WINDOW)) {
            ps.setString(1, key);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
              List<ConsentRecord> out = new ArrayList<>();
              Optional<Instant> inbound = Optional.empty();
              while (rs.next()) {
                if (rs.getInt(1) == 1) {
                  inbound = Optional.of(JdbcServiceWindowStore.instantOfNanos(rs.getLong(8)));
                } else {
                  out.add(record(rs, 3));
                }
              }
              return new UserState(out, inbound);
            }
          }
        });
  }

  /** Reads a record from the columns from {@code first} on: kind, category, ..., at_nano. */
  private static ConsentRecord record(ResultSet rs, int first) throws java.sql.SQLException {
    return new ConsentRecord(
        ConsentRecord.Kind.valueOf(rs.getString(first)),
        TemplateCategory.valueOf(rs.getString(first + 1)),
        ConsentSource.valueOf(rs.getString(first + 2)),
        rs.getString(first + 3),
        Optional.ofNullable(rs.getString(first + 4)),
        Instant.ofEpochSecond(rs.getLong(first + 5), rs.getInt(first + 6)));
  }

  @Override
  public boolean erase(String key) {
    Objects.requireNonNull(key, "key");
    return db.run(
        "consent erase",
        c -> {
          try (PreparedStatement ps = db.prepare(c, DELETE)) {
            ps.setString(1, key);
            return ps.executeUpdate() > 0;
          }
        });
  }

  @Override
  public String toString() {
    return "JdbcConsentStore";
  }
}
