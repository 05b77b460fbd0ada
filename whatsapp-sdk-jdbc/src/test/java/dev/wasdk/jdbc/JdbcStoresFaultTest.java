package dev.wasdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.jdbc.testing.LocalPostgres;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentSource;
import dev.wasdk.sender.StoreUnavailableException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The JDBC stores when the database restarts, stalls or cannot be reached; the migrator. */
class JdbcStoresFaultTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00.000000001Z");
  private static final ConsentRecord STOP =
      ConsentRecord.optOut(ConsentSource.KEYWORD, "STOP", "wamid.1", T0);

  @Test
  void postgresRestart_dataStillThereForOldAndNewInstances() {
    try (LocalPostgres pg = LocalPostgres.start()) {
      DataSource ds = pg.createDatabase();
      JdbcStores before = JdbcStores.builder(ds).build();
      before.consent().append("u1", STOP);
      before.serviceWindows().recordInbound("u1", T0);
      before.recipientIds().put("dialled1", "u1");

      pg.stop();
      assertThatThrownBy(() -> before.consent().history("u1"))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("consent history");
      pg.restart();

      JdbcStores after = JdbcStores.builder(ds).build();
      assertThat(after.consent().history("u1")).containsExactly(STOP);
      assertThat(after.serviceWindows().lastInbound("u1")).contains(T0);
      assertThat(after.recipientIds().canonical("dialled1")).contains("u1");
      assertThat(before.consent().history("u1")).containsExactly(STOP);
    }
  }

  @Test
  void h2FileRestart_databaseClosedAndOpenedAgain_dataStillThere() throws SQLException {
    String url = "jdbc:h2:file:" + JdbcFixture.tempDir().resolve("restart");
    JdbcStores before = JdbcStores.builder(JdbcFixture.h2(url)).build();
    before.consent().append("u1", STOP);
    before.serviceWindows().recordInbound("u1", T0);
    before.recipientIds().put("dialled1", "u1");
    try (Connection c = JdbcFixture.h2(url).getConnection();
        Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }

    JdbcStores after = JdbcStores.builder(JdbcFixture.h2(url)).build();

    assertThat(after.consent().history("u1")).containsExactly(STOP);
    assertThat(after.serviceWindows().lastInbound("u1")).contains(T0);
    assertThat(after.recipientIds().canonical("dialled1")).contains("u1");
  }

  @Test
  void postgresTableLocked_callFailsWithinItsQueryTimeout() throws SQLException {
    DataSource ds = LocalPostgres.shared().createDatabase();
    JdbcStores stores = JdbcStores.builder(ds).queryTimeout(Duration.ofSeconds(1)).build();
    stores.consent().append("u", STOP);
    try (Connection locker = ds.getConnection()) {
      locker.setAutoCommit(false);
      try (Statement s = locker.createStatement()) {
        s.execute("LOCK TABLE wasdk_consent IN ACCESS EXCLUSIVE MODE");
        s.execute("LOCK TABLE wasdk_service_window IN ACCESS EXCLUSIVE MODE");
      }

      long start = System.nanoTime();
      assertThatThrownBy(() -> stores.consent().history("u"))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("consent history did not finish within its query timeout")
          .hasMessageContaining("SQL state 57014"); // query_canceled
      assertThatThrownBy(() -> stores.serviceWindows().recordInbound("u", T0))
          .isInstanceOf(StoreUnavailableException.class);
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      // two calls of a 1 s budget each; the lock would hold them forever
      assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
      locker.rollback();
    }
    assertThat(stores.consent().history("u")).containsExactly(STOP);
  }

  @Test
  void h2RowLocked_callFailsInsteadOfHanging() throws SQLException {
    DataSource ds =
        JdbcFixture.h2(
            "jdbc:h2:file:" + JdbcFixture.tempDir().resolve("lock") + ";DB_CLOSE_DELAY=-1");
    JdbcStores stores = JdbcStores.builder(ds).queryTimeout(Duration.ofSeconds(1)).build();
    stores.serviceWindows().recordInbound("u", T0);
    try (Connection locker = ds.getConnection()) {
      locker.setAutoCommit(false);
      try (Statement s = locker.createStatement()) {
        s.executeUpdate("UPDATE wasdk_service_window SET at_nanos = at_nanos WHERE user_key = 'u'");
      }

      long start = System.nanoTime();
      assertThatThrownBy(() -> stores.serviceWindows().recordInbound("u", T0.plusSeconds(1)))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("did not finish within its query timeout");
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
      locker.rollback();
    }
    stores.serviceWindows().recordInbound("u", T0.plusSeconds(1));
    assertThat(stores.serviceWindows().lastInbound("u")).contains(T0.plusSeconds(1));
  }

  @Test
  void postgresUnreachable_failsWithStoreUnavailable() {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setServerNames(new String[] {"127.0.0.1"});
    ds.setPortNumbers(new int[] {1});
    ds.setUser("postgres");
    ds.setPassword("s3cret");
    ds.setConnectTimeout(2);
    JdbcStores stores = JdbcStores.builder(ds).createSchema(false).build();

    assertThatThrownBy(() -> stores.serviceWindows().lastInbound("u"))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("service window read")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> JdbcStores.builder(ds).build())
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("schema migration");
  }

  @Test
  void migrate_freshThenAgain_appliesEachVersionOnceAndRecordsIt() throws SQLException {
    DataSource ds = LocalPostgres.shared().createDatabase();

    assertThat(JdbcStores.migrate(ds)).containsExactly(1, 2);
    assertThat(JdbcStores.migrate(ds)).isEmpty();

    assertThat(versions(ds)).containsExactly("1 V1__stores.sql", "2 V2__webhook_dedupe.sql");
  }

  @Test
  void migrate_databaseAtVersionOne_appliesOnlyVersionTwoAndKeepsTheData() throws SQLException {
    DataSource ds = LocalPostgres.shared().createDatabase();
    JdbcStores.builder(ds).build().consent().append("u", STOP);
    // back to how a database migrated before version 2 existed looks
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP TABLE wasdk_webhook_dedupe");
      s.execute("DELETE FROM wasdk_schema_version WHERE version = 2");
    }

    assertThat(JdbcStores.migrate(ds)).containsExactly(2);

    JdbcStores stores = JdbcStores.builder(ds).build();
    assertThat(stores.consent().history("u")).containsExactly(STOP);
    assertThat(stores.deduplicator().claim("k", "h", T0, Duration.ofMinutes(2)))
        .isEqualTo(dev.wasdk.webhooks.Deduplicator.Claim.CLAIMED);
    assertThat(versions(ds)).containsExactly("1 V1__stores.sql", "2 V2__webhook_dedupe.sql");
  }

  @Test
  void migrate_manyInstancesAtOnce_appliesOnce() throws Exception {
    DataSource ds = LocalPostgres.shared().createDatabase();
    List<Thread> threads = new ArrayList<>();
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
    for (int i = 0; i < 4; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  go.await();
                  JdbcStores.migrate(ds);
                } catch (Throwable e) {
                  failures.add(e);
                }
              });
      t.start();
      threads.add(t);
    }
    go.countDown();
    for (Thread t : threads) {
      t.join(60_000);
    }

    assertThat(failures).isEmpty();
    assertThat(versions(ds)).containsExactly("1 V1__stores.sql", "2 V2__webhook_dedupe.sql");
  }

  @Test
  void migrate_h2_appliesEveryVersion() throws SQLException {
    DataSource ds = JdbcFixture.h2("jdbc:h2:file:" + JdbcFixture.tempDir().resolve("m"));

    assertThat(JdbcStores.migrate(ds)).containsExactly(1, 2);
    assertThat(JdbcStores.migrate(ds)).isEmpty();
    assertThat(versions(ds)).containsExactly("1 V1__stores.sql", "2 V2__webhook_dedupe.sql");
  }

  @Test
  void purgeBefore_removesOnlyOlderWindows() {
    JdbcStores stores = JdbcStores.builder(LocalPostgres.shared().createDatabase()).build();
    stores.serviceWindows().recordInbound("old", T0.minus(Duration.ofHours(30)));
    stores.serviceWindows().recordInbound("fresh", T0);

    assertThat(stores.serviceWindows().purgeBefore(T0.minus(Duration.ofHours(25)))).isEqualTo(1);

    assertThat(stores.serviceWindows().lastInbound("old")).isEmpty();
    assertThat(stores.serviceWindows().lastInbound("fresh")).contains(T0);
  }

  @Test
  void builder_invalidSettings_throw() {
    DataSource ds = JdbcFixture.h2("jdbc:h2:mem:x");
    assertThatThrownBy(() -> JdbcStores.builder(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> JdbcStores.builder(ds).queryTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(
            JdbcStores.builder(ds)
                .queryTimeout(Duration.ofMillis(1500))
                .createSchema(false)
                .build()
                .queryTimeoutSeconds())
        .isEqualTo(2);
    assertThatThrownBy(() -> JdbcDialect.ofProductName("Oracle"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Oracle");
  }

  @Test
  void serviceWindow_timeBeyondNanosecondRange_throwsClearError() {
    JdbcStores stores =
        JdbcStores.builder(JdbcFixture.h2("jdbc:h2:mem:range;DB_CLOSE_DELAY=-1")).build();

    assertThatThrownBy(
            () -> stores.serviceWindows().recordInbound("u", Instant.parse("2500-01-01T00:00:00Z")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("292 years");
  }

  private static List<String> versions(DataSource ds) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT version, script FROM wasdk_schema_version ORDER BY version")) {
      while (rs.next()) {
        out.add(rs.getInt(1) + " " + rs.getString(2));
      }
    }
    return out;
  }
}
