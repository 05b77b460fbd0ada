package dev.wasdk.jdbc.campaigns;

import dev.wasdk.campaigns.CampaignStore;
import dev.wasdk.campaigns.Funnel;
import dev.wasdk.campaigns.RecipientState;
import dev.wasdk.campaigns.TrackingTag;
import dev.wasdk.campaigns.internal.FunnelAccumulator;
import dev.wasdk.internal.jdbc.JdbcAccess;
import dev.wasdk.internal.jdbc.Migrator;
import dev.wasdk.jdbc.JdbcDialect;
import dev.wasdk.sender.RejectReason;
import dev.wasdk.sender.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Keeps campaigns' progress in PostgreSQL or H2, over plain JDBC: the audience and its cursor, each
 * recipient's state, and named values such as the A/B decision. A campaign on it resumes after a
 * crash, and several app instances work one campaign together.
 *
 * <pre>{@code
 * CampaignStore store = JdbcCampaignStore.builder(dataSource)   // creates its tables on build()
 *     .queryTimeout(Duration.ofSeconds(5))
 *     .build();
 * Campaign campaign = Campaign.builder("spring-sale", sender, store)...build().start();
 * }</pre>
 *
 * <p><b>How it scales.</b> Audience rows are inserted in JDBC batches with the cursor moved in the
 * same transaction (a compare-and-set on the cursor row, so two instances never load the same
 * members). A claim selects the lowest pending rows with {@code FOR UPDATE SKIP LOCKED} on
 * PostgreSQL, so instances claiming at once take disjoint batches without waiting on each other,
 * and updates them in one batch; outcomes and webhook progress are written in batches too. Funnels
 * and counts are {@code GROUP BY} queries. On H2 the claim locks with {@code FOR UPDATE} (H2 serves
 * one instance, or a few, without skipping).
 *
 * <p><b>Schema.</b> Two tables, {@code wasdk_campaign_recipient} and {@code wasdk_campaign_value},
 * created on {@link Builder#build()} with idempotent statements from {@code
 * dev/wasdk/jdbc/campaigns/campaigns.sql} in the jar, unless {@link Builder#createSchema(boolean)}
 * is off; run that file by hand where the app's database user may not run DDL.
 *
 * <p><b>Failures.</b> Each call borrows one connection and runs in one transaction with the query
 * timeout; a failure or timeout throws {@link StoreUnavailableException} with the SQL state and no
 * data, and the transaction is rolled back, so a batch is written whole or not at all.
 *
 * <p><b>Thread-safety.</b> Thread-safe; share one instance. It holds no connection between calls.
 */
public final class JdbcCampaignStore implements CampaignStore {
  private static final String SCRIPT = "/dev/wasdk/jdbc/campaigns/campaigns.sql";
  private static final String CURSOR = "audience.cursor";
  private static final String COLUMNS =
      "idx, recipient, params, zone, variant, sample, state, wamid, reason, status_rank,"
          + " error_code, replied, pricing_category, changed_at, delivered_at";

  private final JdbcAccess access;

  private JdbcCampaignStore(Builder b) {
    this.access = new JdbcAccess(b.dataSource, b.queryTimeout, b.dialect);
  }

  /**
   * Returns a builder over a data source.
   *
   * @param dataSource where connections come from; use a pool; it stays yours to close
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  @Override
  public long audienceCursor(String campaignId) {
    return value(campaignId, CURSOR).map(Long::parseLong).orElse(0L);
  }

  @Override
  public boolean appendAudience(String campaignId, long expectedCursor, List<Entry> entries) {
    long i = expectedCursor;
    for (Entry e : entries) {
      if (e.index() != i++) {
        throw new IllegalArgumentException(
            "entries must have consecutive indexes from " + expectedCursor);
      }
    }
    putValueIfAbsent(campaignId, CURSOR, "0");
    return access.run(
        "appending a campaign's audience",
        c -> {
          c.setAutoCommit(false);
          try (PreparedStatement ps =
              access.prepare(
                  c,
                  "UPDATE wasdk_campaign_value SET val = ? WHERE campaign_id = ? AND name = ?"
                      + " AND val = ?")) {
            ps.setString(1, Long.toString(expectedCursor + entries.size()));
            ps.setString(2, campaignId);
            ps.setString(3, CURSOR);
            ps.setString(4, Long.toString(expectedCursor));
            if (ps.executeUpdate() != 1) {
              c.rollback();
              return false;
            }
          }
          try (PreparedStatement ps =
              access.prepare(
                  c,
                  "INSERT INTO wasdk_campaign_recipient (campaign_id, idx, recipient, params, zone,"
                      + " variant, sample, state, not_before, status_rank, error_code, replied,"
                      + " changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, 0, 0, FALSE, 0)")) {
            for (Entry e : entries) {
              ps.setString(1, campaignId);
              ps.setLong(2, e.index());
              ps.setString(3, e.recipient());
              ps.setString(4, encodeParams(e.params()));
              ps.setString(5, e.zone().map(ZoneId::getId).orElse(null));
              ps.setString(6, e.variant());
              ps.setBoolean(7, e.sample());
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return true;
        });
  }

  @Override
  public List<Entry> claim(String campaignId, Claim claim) {
    return access.run(
        "claiming campaign recipients",
        c -> {
          c.setAutoCommit(false);
          boolean postgres = access.dialect(c) == JdbcDialect.POSTGRESQL;
          if (postgres) {
            return claimPostgres(c, campaignId, claim);
          }
          List<Entry> got = new ArrayList<>();
          try (PreparedStatement ps =
              access.prepare(
                  c,
                  "SELECT idx, recipient, params, zone, variant, sample FROM"
                      + " wasdk_campaign_recipient WHERE campaign_id = ? AND state = 'PENDING'"
                      + " AND not_before <= ? AND (variant IS NOT NULL OR ?) ORDER BY idx"
                      + " FETCH FIRST ? ROWS ONLY FOR UPDATE"
                      + (postgres ? " SKIP LOCKED" : ""))) {
            ps.setString(1, campaignId);
            ps.setLong(2, claim.now().toEpochMilli());
            ps.setBoolean(3, claim.includeUnassigned());
            ps.setInt(4, claim.limit());
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                Entry e = entry(rs);
                if (e.variant() == null && claim.assignTo() != null) {
                  e = e.withVariant(claim.assignTo());
                }
                got.add(e);
              }
            }
          }
          if (got.isEmpty()) {
            return got;
          }
          try (PreparedStatement ps =
              access.prepare(
                  c,
                  "UPDATE wasdk_campaign_recipient SET state = 'CLAIMED', worker = ?,"
                      + " lease_until = ?, changed_at = ?, variant = ? WHERE campaign_id = ?"
                      + " AND idx = ? AND state = 'PENDING'")) {
            for (Entry e : got) {
              ps.setString(1, claim.worker());
              ps.setLong(2, claim.leaseUntil().toEpochMilli());
              ps.setLong(3, claim.now().toEpochMilli());
              ps.setString(4, e.variant());
              ps.setString(5, campaignId);
              ps.setLong(6, e.index());
              ps.addBatch();
            }
            int[] updated = ps.executeBatch();
            // without SKIP LOCKED (H2) a row another claim took while this one waited is left out
            List<Entry> mine = new ArrayList<>(got.size());
            for (int i = 0; i < updated.length; i++) {
              if (updated[i] != 0) {
                mine.add(got.get(i));
              }
            }
            return mine;
          }
        });
  }

  /** Claims in one statement: the rows are chosen, locked, skipped when locked, and updated. */
  private List<Entry> claimPostgres(Connection c, String campaignId, Claim claim)
      throws SQLException {
    List<Entry> got = new ArrayList<>();
    try (PreparedStatement ps =
        access.prepare(
            c,
            // the locking select sits in a CTE, which PostgreSQL evaluates once, so that the
            // limit holds; as a sub-select of IN it may be run again and claim more
            "WITH picked AS (SELECT idx FROM wasdk_campaign_recipient WHERE campaign_id = ?"
                + " AND state = 'PENDING' AND not_before <= ? AND (variant IS NOT NULL OR ?)"
                + " ORDER BY idx FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED)"
                + " UPDATE wasdk_campaign_recipient r SET state = 'CLAIMED', worker = ?,"
                + " lease_until = ?, changed_at = ?, variant = COALESCE(r.variant, ?) FROM picked"
                + " WHERE r.campaign_id = ? AND r.idx = picked.idx"
                + " RETURNING r.idx, r.recipient, r.params, r.zone, r.variant, r.sample")) {
      ps.setString(1, campaignId);
      ps.setLong(2, claim.now().toEpochMilli());
      ps.setBoolean(3, claim.includeUnassigned());
      ps.setInt(4, claim.limit());
      ps.setString(5, claim.worker());
      ps.setLong(6, claim.leaseUntil().toEpochMilli());
      ps.setLong(7, claim.now().toEpochMilli());
      if (claim.assignTo() == null) {
        ps.setNull(8, Types.VARCHAR);
      } else {
        ps.setString(8, claim.assignTo());
      }
      ps.setString(9, campaignId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          got.add(entry(rs));
        }
      }
    }
    got.sort(java.util.Comparator.comparingLong(Entry::index));
    return got;
  }

  @Override
  public void release(String campaignId, String worker, List<Long> indexes, Instant notBefore) {
    batch(
        "releasing campaign recipients",
        "UPDATE wasdk_campaign_recipient SET state = 'PENDING', worker = NULL, not_before = ?"
            + " WHERE campaign_id = ? AND idx = ? AND state = 'CLAIMED' AND worker = ?",
        indexes,
        (ps, index) -> {
          ps.setLong(1, notBefore.toEpochMilli());
          ps.setString(2, campaignId);
          ps.setLong(3, index);
          ps.setString(4, worker);
        });
  }

  @Override
  public int renewClaims(String campaignId, String worker, Instant leaseUntil) {
    return update(
        "renewing campaign claims",
        "UPDATE wasdk_campaign_recipient SET lease_until = ? WHERE campaign_id = ?"
            + " AND state = 'CLAIMED' AND worker = ?",
        ps -> {
          ps.setLong(1, leaseUntil.toEpochMilli());
          ps.setString(2, campaignId);
          ps.setString(3, worker);
        });
  }

  @Override
  public int expireClaims(String campaignId, Instant now) {
    return update(
        "expiring campaign claims",
        "UPDATE wasdk_campaign_recipient SET state = 'UNKNOWN', worker = NULL, changed_at = ?"
            + " WHERE campaign_id = ? AND state = 'CLAIMED' AND lease_until < ?",
        ps -> {
          ps.setLong(1, now.toEpochMilli());
          ps.setString(2, campaignId);
          ps.setLong(3, now.toEpochMilli());
        });
  }

  @Override
  public void recordOutcomes(String campaignId, String worker, List<Outcome> outcomes) {
    if (outcomes.isEmpty()) {
      return;
    }
    boolean done =
        access.run(
            "recording campaign outcomes",
            c -> {
              if (access.dialect(c) != JdbcDialect.POSTGRESQL) {
                return false;
              }
              int n = outcomes.size();
              Long[] idx = new Long[n];
              String[] state = new String[n];
              Long[] at = new Long[n];
              String[] wamid = new String[n];
              String[] reason = new String[n];
              for (int i = 0; i < n; i++) {
                Outcome o = outcomes.get(i);
                idx[i] = o.index();
                state[i] = o.state().name();
                at[i] = o.at().toEpochMilli();
                wamid[i] = o.wamid();
                reason[i] = o.reason() == null ? null : o.reason().name();
              }
              // one statement for the whole batch: the rows come in as arrays
              try (PreparedStatement ps =
                  access.prepare(
                      c,
                      "UPDATE wasdk_campaign_recipient r SET state = u.state, worker = NULL,"
                          + " changed_at = u.at, wamid = COALESCE(u.wamid, r.wamid),"
                          + " reason = u.reason FROM unnest(?::bigint[], ?::varchar[],"
                          + " ?::bigint[], ?::varchar[], ?::varchar[]) AS u(idx, state, at, wamid,"
                          + " reason) WHERE r.campaign_id = ? AND r.idx = u.idx AND"
                          + " ((r.state = 'CLAIMED' AND r.worker = ?) OR (r.state = 'UNKNOWN'"
                          + " AND u.state = 'SENT'))")) {
                ps.setArray(1, c.createArrayOf("bigint", idx));
                ps.setArray(2, c.createArrayOf("varchar", state));
                ps.setArray(3, c.createArrayOf("bigint", at));
                ps.setArray(4, c.createArrayOf("varchar", wamid));
                ps.setArray(5, c.createArrayOf("varchar", reason));
                ps.setString(6, campaignId);
                ps.setString(7, worker);
                ps.executeUpdate();
              }
              return true;
            });
    if (done) {
      return;
    }
    batch(
        "recording campaign outcomes",
        "UPDATE wasdk_campaign_recipient SET state = ?, worker = NULL, changed_at = ?,"
            + " wamid = COALESCE(?, wamid), reason = ? WHERE campaign_id = ? AND idx = ?"
            + " AND ((state = 'CLAIMED' AND worker = ?) OR (state = 'UNKNOWN' AND ?))",
        outcomes,
        (ps, o) -> {
          ps.setString(1, o.state().name());
          ps.setLong(2, o.at().toEpochMilli());
          ps.setString(3, o.wamid());
          ps.setString(4, o.reason() == null ? null : o.reason().name());
          ps.setString(5, campaignId);
          ps.setLong(6, o.index());
          ps.setString(7, worker);
          ps.setBoolean(8, o.state() == RecipientState.SENT);
        });
  }

  @Override
  public void recordProgress(String campaignId, List<Progress> progress) {
    batch(
        "recording campaign progress",
        "UPDATE wasdk_campaign_recipient SET wamid = COALESCE(wamid, ?),"
            + " status_rank = GREATEST(status_rank, ?),"
            + " state = CASE WHEN ? <> 0 THEN 'FAILED' WHEN state = 'UNKNOWN' THEN 'SENT'"
            + " ELSE state END,"
            + " error_code = CASE WHEN ? <> 0 THEN ? ELSE error_code END,"
            + " replied = (replied OR ?), pricing_category = COALESCE(pricing_category, ?),"
            + " delivered_at = CASE WHEN ? >= 2 AND delivered_at IS NULL THEN ? ELSE delivered_at"
            + " END WHERE campaign_id = ? AND idx = ? AND state <> 'PENDING'",
        progress,
        (ps, p) -> {
          ps.setString(1, p.wamid());
          ps.setInt(2, p.rank());
          ps.setInt(3, p.errorCode());
          ps.setInt(4, p.errorCode());
          ps.setInt(5, p.errorCode());
          ps.setBoolean(6, p.replied());
          if (p.pricingCategory() == null) {
            ps.setNull(7, Types.VARCHAR);
          } else {
            ps.setString(7, p.pricingCategory());
          }
          ps.setInt(8, p.rank());
          ps.setLong(9, p.at().toEpochMilli());
          ps.setString(10, campaignId);
          ps.setLong(11, p.index());
        });
  }

  @Override
  public Optional<TrackingTag> findByWamid(String wamid) {
    return access.run(
        "finding a campaign message by wamid",
        c -> {
          try (PreparedStatement ps =
              access.prepare(
                  c,
                  "SELECT campaign_id, idx, variant FROM wasdk_campaign_recipient WHERE wamid = ?")) {
            ps.setString(1, wamid);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              String variant = rs.getString(3);
              return Optional.of(
                  TrackingTag.of(rs.getString(1), variant == null ? "-" : variant, rs.getLong(2)));
            }
          }
        });
  }

  @Override
  public Optional<Row> recipient(String campaignId, long index) {
    return access.run(
        "reading a campaign recipient",
        c -> {
          try (PreparedStatement ps =
              access.prepare(
                  c,
                  "SELECT "
                      + COLUMNS
                      + " FROM wasdk_campaign_recipient WHERE campaign_id = ? AND idx = ?")) {
            ps.setString(1, campaignId);
            ps.setLong(2, index);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public void forEachRecipient(String campaignId, Consumer<Row> consumer) {
    long from = 0;
    while (true) {
      long start = from;
      List<Row> page =
          access.run(
              "reading campaign recipients",
              c -> {
                List<Row> rows = new ArrayList<>();
                try (PreparedStatement ps =
                    access.prepare(
                        c,
                        "SELECT "
                            + COLUMNS
                            + " FROM wasdk_campaign_recipient WHERE campaign_id = ? AND idx >= ?"
                            + " ORDER BY idx FETCH FIRST 1000 ROWS ONLY")) {
                  ps.setString(1, campaignId);
                  ps.setLong(2, start);
                  try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                      rows.add(row(rs));
                    }
                  }
                }
                return rows;
              });
      if (page.isEmpty()) {
        return;
      }
      page.forEach(consumer);
      from = page.get(page.size() - 1).entry().index() + 1;
    }
  }

  @Override
  public Map<RecipientState, Long> counts(String campaignId, boolean sampleOnly) {
    return access.run(
        "counting campaign recipients",
        c -> {
          Map<RecipientState, Long> out = new EnumMap<>(RecipientState.class);
          try (PreparedStatement ps =
              access.prepare(
                  c,
                  "SELECT state, COUNT(*) FROM wasdk_campaign_recipient WHERE campaign_id = ?"
                      + (sampleOnly ? " AND sample" : "")
                      + " GROUP BY state")) {
            ps.setString(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                out.put(RecipientState.valueOf(rs.getString(1)), rs.getLong(2));
              }
            }
          }
          return out;
        });
  }

  @Override
  public Map<String, Funnel> funnels(String campaignId, boolean sampleOnly) {
    return access.run(
        "reading campaign funnels",
        c -> {
          Map<String, FunnelAccumulator> acc = new TreeMap<>();
          try (PreparedStatement ps =
              access.prepare(
                  c,
                  "SELECT variant, state, CASE WHEN wamid IS NULL THEN 0 ELSE 1 END, reason,"
                      + " LEAST(status_rank, 3), error_code, replied, pricing_category, COUNT(*)"
                      + " FROM wasdk_campaign_recipient WHERE campaign_id = ? AND variant IS NOT"
                      + " NULL"
                      + (sampleOnly ? " AND sample" : "")
                      + " GROUP BY variant, state, CASE WHEN wamid IS NULL THEN 0 ELSE 1 END,"
                      + " reason, LEAST(status_rank, 3), error_code, replied, pricing_category")) {
            ps.setString(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                String reason = rs.getString(4);
                acc.computeIfAbsent(rs.getString(1), k -> new FunnelAccumulator())
                    .add(
                        rs.getLong(9),
                        RecipientState.valueOf(rs.getString(2)),
                        rs.getInt(3) == 1,
                        reason == null ? null : RejectReason.valueOf(reason),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getBoolean(7),
                        rs.getString(8));
              }
            }
          }
          Map<String, Long> clicks = new HashMap<>();
          try (PreparedStatement ps =
              access.prepare(
                  c,
                  "SELECT name, val FROM wasdk_campaign_value WHERE campaign_id = ?"
                      + " AND name LIKE 'clicks.%'")) {
            ps.setString(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                clicks.put(
                    rs.getString(1).substring("clicks.".length()), Long.parseLong(rs.getString(2)));
              }
            }
          }
          Map<String, Funnel> out = new TreeMap<>();
          acc.forEach((v, a) -> out.put(v, a.funnel(clicks.getOrDefault(v, 0L))));
          return out;
        });
  }

  @Override
  public Optional<String> value(String campaignId, String key) {
    return access.run(
        "reading a campaign value",
        c -> {
          try (PreparedStatement ps =
              access.prepare(
                  c, "SELECT val FROM wasdk_campaign_value WHERE campaign_id = ? AND name = ?")) {
            ps.setString(1, campaignId);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
          }
        });
  }

  @Override
  public String putValueIfAbsent(String campaignId, String key, String value) {
    Objects.requireNonNull(value, "value");
    Optional<String> existing = value(campaignId, key);
    if (existing.isPresent()) {
      return existing.get();
    }
    try {
      insertValue(campaignId, key, value);
      return value;
    } catch (StoreUnavailableException e) {
      // another instance inserted it first: read what it stored
      return value(campaignId, key).orElseThrow(() -> e);
    }
  }

  @Override
  public void putValue(String campaignId, String key, String value) {
    Objects.requireNonNull(value, "value");
    int n =
        update(
            "writing a campaign value",
            "UPDATE wasdk_campaign_value SET val = ? WHERE campaign_id = ? AND name = ?",
            ps -> {
              ps.setString(1, value);
              ps.setString(2, campaignId);
              ps.setString(3, key);
            });
    if (n == 0) {
      try {
        insertValue(campaignId, key, value);
      } catch (StoreUnavailableException e) {
        if (value(campaignId, key).isEmpty()) {
          throw e;
        }
        putValue(campaignId, key, value);
      }
    }
  }

  private void insertValue(String campaignId, String key, String value) {
    update(
        "writing a campaign value",
        "INSERT INTO wasdk_campaign_value (campaign_id, name, val) VALUES (?, ?, ?)",
        ps -> {
          ps.setString(1, campaignId);
          ps.setString(2, key);
          ps.setString(3, value);
        });
  }

  private interface Binder<T> {
    void bind(PreparedStatement ps, T item) throws SQLException;
  }

  private interface Setter {
    void set(PreparedStatement ps) throws SQLException;
  }

  private int update(String what, String sql, Setter setter) {
    return access.run(
        what,
        c -> {
          try (PreparedStatement ps = access.prepare(c, sql)) {
            setter.set(ps);
            return ps.executeUpdate();
          }
        });
  }

  private <T> void batch(String what, String sql, List<T> items, Binder<T> binder) {
    if (items.isEmpty()) {
      return;
    }
    access.run(
        what,
        c -> {
          c.setAutoCommit(false);
          try (PreparedStatement ps = access.prepare(c, sql)) {
            for (T item : items) {
              binder.bind(ps, item);
              ps.addBatch();
            }
            ps.executeBatch();
          }
          return null;
        });
  }

  private static Entry entry(ResultSet rs) throws SQLException {
    String zone = rs.getString("zone");
    return new Entry(
        rs.getLong("idx"),
        rs.getString("recipient"),
        decodeParams(rs.getString("params")),
        zone == null ? Optional.empty() : Optional.of(ZoneId.of(zone)),
        rs.getString("variant"),
        rs.getBoolean("sample"));
  }

  private static Row row(ResultSet rs) throws SQLException {
    String reason = rs.getString("reason");
    return new Row(
        entry(rs),
        RecipientState.valueOf(rs.getString("state")),
        Optional.ofNullable(rs.getString("wamid")),
        reason == null ? Optional.empty() : Optional.of(RejectReason.valueOf(reason)),
        rs.getInt("status_rank"),
        rs.getInt("error_code"),
        rs.getBoolean("replied"),
        Optional.ofNullable(rs.getString("pricing_category")),
        Instant.ofEpochMilli(rs.getLong("changed_at")),
        deliveredAt(rs));
  }

  private static Optional<Instant> deliveredAt(ResultSet rs) throws SQLException {
    long at = rs.getLong("delivered_at");
    return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
  }

  static String encodeParams(Map<String, String> params) {
    StringBuilder sb = new StringBuilder();
    new TreeMap<>(params)
        .forEach(
            (k, v) -> {
              if (sb.length() > 0) {
                sb.append('&');
              }
              sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                  .append('=')
                  .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            });
    return sb.toString();
  }

  static Map<String, String> decodeParams(String text) {
    Map<String, String> out = new HashMap<>();
    if (text == null || text.isEmpty()) {
      return out;
    }
    for (String pair : text.split("&")) {
      int eq = pair.indexOf('=');
      out.put(
          URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  /**
   * Creates the campaign tables when missing.
   *
   * @param dataSource the database
   * @throws StoreUnavailableException when a statement fails
   */
  public static void createSchema(DataSource dataSource) {
    String text;
    try (InputStream in = JdbcCampaignStore.class.getResourceAsStream(SCRIPT)) {
      if (in == null) {
        throw new IllegalStateException("schema file missing from the jar: " + SCRIPT);
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      for (String sql : Migrator.statements(text)) {
        s.execute(sql);
      }
      if (!c.getAutoCommit()) {
        c.commit();
      }
    } catch (SQLException e) {
      throw JdbcAccess.unavailable("creating the campaign tables", e);
    }
  }

  @Override
  public String toString() {
    return "JdbcCampaignStore";
  }

  /**
   * Configures a {@link JdbcCampaignStore}.
   *
   * <p>Not thread-safe; build once and share the store.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private Duration queryTimeout = Duration.ofSeconds(5);
    private boolean createSchema = true;
    private JdbcDialect dialect;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Sets how long one statement may run before it is cancelled and the call throws {@link
     * StoreUnavailableException}. Default 5 seconds: campaign calls are off the send path and work
     * on batches.
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
     * Sets whether {@link #build()} creates the tables when missing. Default on.
     *
     * @param createSchema whether to create them
     * @return this builder
     */
    public Builder createSchema(boolean createSchema) {
      this.createSchema = createSchema;
      return this;
    }

    /**
     * Sets the dialect. By default it is read from the database's metadata on first use.
     *
     * @param dialect the dialect
     * @return this builder
     */
    public Builder dialect(JdbcDialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * Builds the store, creating its tables first unless that is off.
     *
     * @return the store
     * @throws StoreUnavailableException when the tables cannot be created
     */
    public JdbcCampaignStore build() {
      if (createSchema) {
        JdbcCampaignStore.createSchema(dataSource);
      }
      return new JdbcCampaignStore(this);
    }
  }
}
