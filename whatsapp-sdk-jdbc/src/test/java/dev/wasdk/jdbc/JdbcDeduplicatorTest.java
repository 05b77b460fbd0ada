package dev.wasdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.jdbc.testing.LocalPostgres;
import dev.wasdk.sender.StoreUnavailableException;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.Deduplicator.Claim;
import dev.wasdk.webhooks.DeduplicatorContract;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookResponse;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.TextReceived;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The JDBC deduplicator's own behaviour: purging, long keys, and a stalled or failing database. */
class JdbcDeduplicatorTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(2);

  @Test
  void purgeExpired_removesRowsPastTheirTimeOnly() throws SQLException {
    DataSource ds = LocalPostgres.shared().createDatabase();
    JdbcDeduplicator d = JdbcStores.builder(ds).build().deduplicator(Duration.ofHours(1));
    d.claim("done-old", "h", T0, LEASE);
    d.complete("done-old", "h", T0);
    d.claim("done-fresh", "h", T0, LEASE);
    d.complete("done-fresh", "h", T0.plus(Duration.ofMinutes(30)));
    d.claim("stale-claim", "crashed", T0, LEASE);
    d.claim("live-claim", "h", T0.plus(Duration.ofMinutes(59)), LEASE);

    assertThat(d.purgeExpired(T0.plus(Duration.ofHours(1)))).isEqualTo(2);

    assertThat(keys(ds)).containsExactlyInAnyOrder("done-fresh", "live-claim");
    Instant later = T0.plus(Duration.ofHours(1)).plusSeconds(1);
    assertThat(d.claim("done-fresh", "h2", later, LEASE)).isEqualTo(Claim.DONE);
    assertThat(d.claim("live-claim", "h2", later, LEASE)).isEqualTo(Claim.IN_PROGRESS);
    assertThat(d.claim("stale-claim", "h2", later, LEASE)).isEqualTo(Claim.CLAIMED);
  }

  @Test
  void longKey_storedAsItsDigestAndStillDistinct() throws SQLException {
    DataSource ds = LocalPostgres.shared().createDatabase();
    JdbcDeduplicator d = JdbcStores.builder(ds).build().deduplicator();
    String a = "k".repeat(300) + "a";
    String b = "k".repeat(300) + "b";

    assertThat(d.claim(a, "h1", T0, LEASE)).isEqualTo(Claim.CLAIMED);
    d.complete(a, "h1", T0);

    assertThat(d.claim(a, "h2", T0.plusSeconds(1), LEASE)).isEqualTo(Claim.DONE);
    assertThat(d.claim(b, "h2", T0.plusSeconds(1), LEASE)).isEqualTo(Claim.CLAIMED);
    assertThat(keys(ds)).allSatisfy(k -> assertThat(k).startsWith("sha256:").hasSize(71));
  }

  @Test
  void badArguments_clearErrors() {
    JdbcStores stores = JdbcStores.builder(LocalPostgres.shared().createDatabase()).build();
    JdbcDeduplicator d = stores.deduplicator();

    assertThatThrownBy(() -> stores.deduplicator(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("horizon");
    assertThatThrownBy(() -> d.claim("k", "h", T0, Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lease");
    assertThatThrownBy(() -> d.claim("k", "h".repeat(201), T0, LEASE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("holder");
    assertThatThrownBy(() -> d.claim(null, "h", T0, LEASE))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> d.claim("k", "h", Instant.parse("2500-01-01T00:00:00Z"), LEASE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("292 years");
    assertThat(d.horizon()).isEqualTo(Deduplicator.DEFAULT_HORIZON);
    assertThat(d).hasToString("JdbcDeduplicator[horizon=PT168H]");
  }

  @Test
  void postgresTableLocked_claimFailsWithinItsQueryTimeout_endpointAnswers503() throws Exception {
    DataSource ds = LocalPostgres.shared().createDatabase();
    JdbcDeduplicator d =
        JdbcStores.builder(ds).queryTimeout(Duration.ofSeconds(1)).build().deduplicator();
    List<String> handled = new CopyOnWriteArrayList<>();
    WebhookEndpoint endpoint = endpoint(d, handled);
    try (Connection locker = ds.getConnection()) {
      locker.setAutoCommit(false);
      try (Statement s = locker.createStatement()) {
        s.execute("LOCK TABLE wasdk_webhook_dedupe IN ACCESS EXCLUSIVE MODE");
      }

      long start = System.nanoTime();
      assertThatThrownBy(() -> d.claim("locked", "h", T0, LEASE))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("de-duplication claim did not finish within its query timeout")
          .hasMessageContaining("SQL state 57014");
      WebhookResponse response = endpoint.handle(DeduplicatorContract.textDelivery("wamid.locked"));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      assertThat(response.status()).isEqualTo(503);
      assertThat(handled).isEmpty();
      // two claims of a 1 s budget each; the lock would hold them forever
      assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
      locker.rollback();
    }
    assertThat(endpoint.handle(DeduplicatorContract.textDelivery("wamid.locked")).status())
        .isEqualTo(200);
    assertThat(handled).containsExactly("wamid.locked");
  }

  @Test
  void h2RowLocked_claimFailsInsteadOfHanging_endpointAnswers503() throws Exception {
    DataSource ds =
        JdbcFixture.h2(
            "jdbc:h2:file:" + JdbcFixture.tempDir().resolve("dedupe-lock") + ";DB_CLOSE_DELAY=-1");
    JdbcDeduplicator d =
        JdbcStores.builder(ds).queryTimeout(Duration.ofSeconds(1)).build().deduplicator();
    List<String> handled = new CopyOnWriteArrayList<>();
    WebhookEndpoint endpoint = endpoint(d, handled);
    // an earlier delivery whose lease ran out long ago, so the next one takes the row over
    d.claim("wamid.h2lock", "crashed", Instant.EPOCH, LEASE);
    try (Connection locker = ds.getConnection()) {
      locker.setAutoCommit(false);
      try (Statement s = locker.createStatement()) {
        s.executeUpdate(
            "UPDATE wasdk_webhook_dedupe SET expires_at = expires_at"
                + " WHERE dedupe_key = 'wamid.h2lock'");
      }

      long start = System.nanoTime();
      WebhookResponse response = endpoint.handle(DeduplicatorContract.textDelivery("wamid.h2lock"));
      Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

      assertThat(response.status()).isEqualTo(503);
      assertThat(handled).isEmpty();
      assertThat(elapsed).isLessThan(Duration.ofSeconds(10));
      locker.rollback();
    }
    assertThat(endpoint.handle(DeduplicatorContract.textDelivery("wamid.h2lock")).status())
        .isEqualTo(200);
    assertThat(handled).containsExactly("wamid.h2lock");
  }

  @Test
  void postgresDownThenRestarted_503WhileDown_doneKeysKept() {
    try (LocalPostgres pg = LocalPostgres.start()) {
      JdbcDeduplicator d = JdbcStores.builder(pg.createDatabase()).build().deduplicator();
      List<String> handled = new CopyOnWriteArrayList<>();
      WebhookEndpoint endpoint = endpoint(d, handled);
      assertThat(endpoint.handle(DeduplicatorContract.textDelivery("wamid.before")).status())
          .isEqualTo(200);
      pg.stop();

      assertThatThrownBy(() -> d.claim("down", "h", T0, LEASE))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("de-duplication claim failed");
      assertThat(endpoint.handle(DeduplicatorContract.textDelivery("wamid.down")).status())
          .isEqualTo(503);
      assertThat(handled).containsExactly("wamid.before");

      pg.restart();
      assertThat(endpoint.handle(DeduplicatorContract.textDelivery("wamid.down")).status())
          .isEqualTo(200);
      assertThat(endpoint.handle(DeduplicatorContract.textDelivery("wamid.before")).status())
          .isEqualTo(200);
      assertThat(handled).containsExactly("wamid.before", "wamid.down");
    }
  }

  private static WebhookEndpoint endpoint(Deduplicator d, List<String> handled) {
    return WebhookEndpoint.builder()
        .appSecret(DeduplicatorContract.APP_SECRET)
        .verifyToken("contract-verify-token")
        .router(
            WebhookRouter.builder()
                .on(TextReceived.class, t -> handled.add(t.header().id()))
                .build())
        .deduplicator(d)
        .build();
  }

  private static List<String> keys(DataSource ds) throws SQLException {
    List<String> out = new java.util.ArrayList<>();
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT dedupe_key FROM wasdk_webhook_dedupe")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
