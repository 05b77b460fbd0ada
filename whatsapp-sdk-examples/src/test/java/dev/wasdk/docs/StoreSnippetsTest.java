package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.jdbc.JdbcStores;
import dev.wasdk.redis.RedisStores;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentSource;
import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.RecipientIdStore;
import dev.wasdk.sender.ServiceWindowStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of "State that survives a restart": the Redis stores on a real redis-server and the
 * JDBC stores on H2 in file mode, each surviving a new instance over the same backend.
 */
class StoreSnippetsTest {
  private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

  @Test
  void redisStores_optOutSeenByASecondInstance() {
    String redisUri = LocalRedisServer.shared().uri();
    String prefix = "docs:" + UUID.randomUUID() + ":";

    // tag::redisStores[]
    RedisStores stores =
        RedisStores.builder()
            .redisUri(redisUri) // such as "redis://redis.internal:6379"
            .keyPrefix(prefix) // default "wasdk:"
            .commandTimeout(Duration.ofMillis(500))
            .build();
    ConsentStore consent = stores.consent();
    ServiceWindowStore windows = stores.serviceWindows();
    RecipientIdStore recipientIds = stores.recipientIds();
    // end::redisStores[]
    try (stores;
        RedisStores other = RedisStores.builder().redisUri(redisUri).keyPrefix(prefix).build()) {
      consent.append("user-key", ConsentRecord.optOut(ConsentSource.KEYWORD, "STOP", "wamid.1", T));
      windows.recordInbound("user-key", T);
      recipientIds.put("dialled-key", "user-key");

      assertThat(other.consent().history("user-key")).hasSize(1);
      assertThat(other.serviceWindows().lastInbound("user-key")).contains(T);
      assertThat(other.recipientIds().canonical("dialled-key")).contains("user-key");
    }
  }

  @Test
  void jdbcStores_h2File_keepTheHistoryAcrossInstances(@TempDir Path dir) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("wasdk"));
    DataSource dataSource = h2;

    // tag::jdbcStores[]
    JdbcStores stores =
        JdbcStores.builder(dataSource) // your pool: HikariCP, the app server's, PGSimpleDataSource
            .queryTimeout(Duration.ofSeconds(2))
            .build(); // creates or updates the schema, unless createSchema(false)
    ConsentStore consent = stores.consent();
    ServiceWindowStore windows = stores.serviceWindows();
    // end::jdbcStores[]
    consent.append("user-key", ConsentRecord.optOut(ConsentSource.KEYWORD, "STOP", "wamid.1", T));
    windows.recordInbound("user-key", T);

    // tag::migrate[]
    JdbcStores.migrate(dataSource); // at deployment: applies the versions not yet applied
    // end::migrate[]
    JdbcStores restarted = JdbcStores.builder(dataSource).build();
    assertThat(restarted.consent().history("user-key")).hasSize(1);
    assertThat(restarted.serviceWindows().lastInbound("user-key")).contains(T);
  }
}
