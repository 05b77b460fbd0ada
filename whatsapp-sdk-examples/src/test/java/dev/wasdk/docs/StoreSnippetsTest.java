package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.jdbc.JdbcDeduplicator;
import dev.wasdk.jdbc.JdbcStores;
import dev.wasdk.redis.RedisStores;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentSource;
import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.RecipientIdStore;
import dev.wasdk.sender.ServiceWindowStore;
import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.TextReceived;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snippets of "State that survives a restart": the Redis stores on a real redis-server and the
 * JDBC stores on H2 in file mode, each surviving a new instance over the same backend; and the JDBC
 * webhook de-duplication of the webhooks guide.
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

  @Test
  void jdbcDeduplicator_h2File_eventHandledOnceAcrossInstances(@TempDir Path dir) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("dedupe"));
    DataSource dataSource = h2;
    String appSecret = "docs-app-secret";
    String verifyToken = "docs-verify-token";
    List<String> handled = new CopyOnWriteArrayList<>();
    WebhookRouter router =
        WebhookRouter.builder().on(TextReceived.class, t -> handled.add(t.body())).build();
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    // tag::jdbcDeduplicator[]
    JdbcDeduplicator dedupe = JdbcStores.builder(dataSource).build().deduplicator();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(appSecret)
            .verifyToken(verifyToken)
            .router(router)
            .deduplicator(dedupe)
            .build();
    // rows past their lease or horizon count as absent; remove them now and then, from one instance
    scheduler.scheduleAtFixedRate(() -> dedupe.purgeExpired(Instant.now()), 1, 1, TimeUnit.HOURS);
    // end::jdbcDeduplicator[]
    scheduler.shutdownNow();

    WebhookEndpoint restarted =
        WebhookEndpoint.builder()
            .appSecret(appSecret)
            .verifyToken(verifyToken)
            .router(router)
            .deduplicator(JdbcStores.builder(dataSource).build().deduplicator())
            .build();
    WebhookRequest delivery = signedText(appSecret, "wamid.docs-dedupe", "Once only");
    assertThat(endpoint.handle(delivery).status()).isEqualTo(200);
    assertThat(restarted.handle(delivery).status()).isEqualTo(200);
    assertThat(handled).containsExactly("Once only");
  }

  private static WebhookRequest signedText(String appSecret, String id, String text) {
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
            + "\"metadata\":{\"display_phone_number\":\"15550783881\","
            + "\"phone_number_id\":\"106540352242922\"},"
            + "\"messages\":[{\"from\":\"16505551234\",\"id\":\""
            + id
            + "\",\"timestamp\":\"1739321024\",\"type\":\"text\",\"text\":{\"body\":\""
            + text
            + "\"}}]}}]}]}";
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return WebhookRequest.builder()
        .method("POST")
        .header("Content-Type", "application/json")
        .header(SignatureVerifier.HEADER, WebhookSigner.of(appSecret).sign(body))
        .body(body)
        .build();
  }
}
