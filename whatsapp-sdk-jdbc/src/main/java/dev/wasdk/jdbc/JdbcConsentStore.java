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
  // One row per record, or one row of nulls when there is none; the window's time on every row.
  private static final String SELECT_WITH_WINDOW =
      "SELECT c.kind, c.category, c.source, c.detail, c.evidence, c.at_second, c.at_nano,"
          + " w.at_nanos"
          + " FROM (SELECT CAST(? AS VARCHAR(200)) AS user_key) u"
          + " LEFT JOIN wasdk_consent c ON c.user_key = u.user_key"
          + " LEFT JOIN wasdk_service_window w ON w.user_key = u.user_key"
          + " ORDER BY c.id";

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
                out.add(record(rs));
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
            try (ResultSet rs = ps.executeQuery()) {
              List<ConsentRecord> out = new ArrayList<>();
              Optional<Instant> inbound = Optional.empty();
              while (rs.next()) {
                long at = rs.getLong(8);
                if (!rs.wasNull()) {
                  inbound = Optional.of(JdbcServiceWindowStore.instantOfNanos(at));
                }
                if (rs.getString(1) != null) {
                  out.add(record(rs));
                }
              }
              return new UserState(out, inbound);
            }
          }
        });
  }

  private static ConsentRecord record(ResultSet rs) throws java.sql.SQLException {
    return new ConsentRecord(
        ConsentRecord.Kind.valueOf(rs.getString(1)),
        TemplateCategory.valueOf(rs.getString(2)),
        ConsentSource.valueOf(rs.getString(3)),
        rs.getString(4),
        Optional.ofNullable(rs.getString(5)),
        Instant.ofEpochSecond(rs.getLong(6), rs.getInt(7)));
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
