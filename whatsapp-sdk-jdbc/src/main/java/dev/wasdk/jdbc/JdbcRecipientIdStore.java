package dev.wasdk.jdbc;

import dev.wasdk.internal.jdbc.JdbcAccess;
import dev.wasdk.sender.RecipientIdStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link RecipientIdStore} on JDBC: one row per dialled form in {@code wasdk_recipient_id},
 * indexed by canonical id as well, so that erasing a user removes every form in one {@code DELETE}.
 * Writing is one upsert, reading one {@code SELECT} by primary key. Obtained from {@link
 * JdbcStores#recipientIds()}, which documents the schema and the time budget.
 *
 * <pre>{@code
 * RecipientIdStore ids = stores.recipientIds();
 * ids.put(dialledKey, waIdKey);
 * String key = ids.canonical(dialledKey).orElse(dialledKey);
 * }</pre>
 *
 * <p>Thread-safe. Every call throws {@link dev.wasdk.sender.StoreUnavailableException} when the
 * database fails or a statement outlives the query timeout.
 */
public final class JdbcRecipientIdStore implements RecipientIdStore {
  private static final String UPSERT_POSTGRES =
      "INSERT INTO wasdk_recipient_id (dialled, canonical) VALUES (?, ?)"
          + " ON CONFLICT (dialled) DO UPDATE SET canonical = EXCLUDED.canonical";
  private static final String UPSERT_STANDARD =
      "MERGE INTO wasdk_recipient_id r"
          + " USING (VALUES (CAST(? AS VARCHAR(200)), CAST(? AS VARCHAR(200)))) s (dialled, canonical)"
          + " ON r.dialled = s.dialled"
          + " WHEN MATCHED THEN UPDATE SET canonical = s.canonical"
          + " WHEN NOT MATCHED THEN INSERT (dialled, canonical) VALUES (s.dialled, s.canonical)";
  private static final String SELECT = "SELECT canonical FROM wasdk_recipient_id WHERE dialled = ?";
  private static final String DELETE =
      "DELETE FROM wasdk_recipient_id WHERE canonical = ? OR dialled = ?";

  private final JdbcAccess db;

  JdbcRecipientIdStore(JdbcAccess db) {
    this.db = db;
  }

  @Override
  public void put(String dialled, String canonical) {
    Objects.requireNonNull(dialled, "dialled");
    Objects.requireNonNull(canonical, "canonical");
    db.run(
        "recipient id put",
        c -> {
          try {
            return upsert(c, dialled, canonical);
          } catch (SQLException e) {
            if (JdbcAccess.UNIQUE_VIOLATION.equals(e.getSQLState())) {
              return upsert(c, dialled, canonical);
            }
            throw e;
          }
        });
  }

  private int upsert(Connection c, String dialled, String canonical) throws SQLException {
    String sql = db.dialect(c) == JdbcDialect.POSTGRESQL ? UPSERT_POSTGRES : UPSERT_STANDARD;
    try (PreparedStatement ps = db.prepare(c, sql)) {
      ps.setString(1, dialled);
      ps.setString(2, canonical);
      return ps.executeUpdate();
    }
  }

  @Override
  public Optional<String> canonical(String dialled) {
    Objects.requireNonNull(dialled, "dialled");
    return db.run(
        "recipient id read",
        c -> {
          try (PreparedStatement ps = db.prepare(c, SELECT)) {
            ps.setString(1, dialled);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
            }
          }
        });
  }

  @Override
  public boolean erase(String canonical) {
    Objects.requireNonNull(canonical, "canonical");
    return db.run(
        "recipient id erase",
        c -> {
          try (PreparedStatement ps = db.prepare(c, DELETE)) {
            ps.setString(1, canonical);
            ps.setString(2, canonical);
            return ps.executeUpdate() > 0;
          }
        });
  }

  @Override
  public String toString() {
    return "JdbcRecipientIdStore";
  }
}
