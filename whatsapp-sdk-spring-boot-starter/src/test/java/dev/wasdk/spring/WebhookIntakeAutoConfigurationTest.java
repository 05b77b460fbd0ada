package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.jdbc.JdbcDeduplicator;
import dev.wasdk.jdbc.JdbcStores;
import dev.wasdk.redis.RedisDeduplicator;
import dev.wasdk.redis.RedisStreamHandoff;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.spring.internal.JdbcDedupePurger;
import dev.wasdk.spring.internal.RedisStreamWorkerLifecycle;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.QueuedHandoff;
import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookHandoff;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.TextReceived;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The intake properties choose the de-duplication store and the dispatch: Redis and JDBC stores on
 * real backends (a redis-server, an H2 database), the Redis stream hand-off end to end, and clear
 * failures when a selected backend is missing.
 */
class WebhookIntakeAutoConfigurationTest {
  private static final String APP_SECRET = "app-secret-abcdef0123456789";

  private static final String[] REQUIRED = {
    "wasdk.access-token=EAAG-secret-token-0123456789",
    "wasdk.phone-number-id=106540352242922",
    "wasdk.app-secret=" + APP_SECRET,
    "wasdk.verify-token=verify-token-9876543210",
    "wasdk.sender.enabled=false"
  };

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WhatsAppAutoConfiguration.class,
                  WhatsAppWebhookIntakeAutoConfiguration.class,
                  WhatsAppWebhookMvcAutoConfiguration.class))
          .withPropertyValues(REQUIRED);

  @Test
  void context_noIntakeProperties_keepsTheInMemoryStoreAndSynchronousDispatch() {
    runner.run(
        context -> {
          assertThat(context).hasNotFailed();
          assertThat(context).hasSingleBean(Deduplicator.class);
          assertThat(context.getBean(Deduplicator.class))
              .isNotInstanceOf(RedisDeduplicator.class)
              .isNotInstanceOf(JdbcDeduplicator.class);
          assertThat(context).doesNotHaveBean(WebhookHandoff.class);
          assertThat(context).doesNotHaveBean(RedisClient.class);
          assertThat(context.getBean(WebhookEndpoint.class).toString()).contains("synchronous");
        });
  }

  @Test
  void context_queuedDispatch_createsQueuedHandoff() {
    runner
        .withPropertyValues("wasdk.webhook.dispatch=queued")
        .run(
            context -> {
              assertThat(context).hasSingleBean(QueuedHandoff.class);
              assertThat(context.getBean(WebhookEndpoint.class).toString())
                  .contains("asynchronous");
            });
  }

  @Test
  void context_redisStore_claimsInTheConfiguredRedisUnderThePrefix() {
    LocalRedisServer redis = LocalRedisServer.shared();
    String prefix = "intake-" + UUID.randomUUID() + ":";
    runner
        .withPropertyValues(
            "wasdk.webhook.dedupe.store=redis",
            "wasdk.webhook.dedupe.key-prefix=" + prefix,
            "wasdk.redis.uri=" + redis.uri(),
            // generous: a loaded machine must not turn a slow first connect into a failure
            "wasdk.redis.command-timeout=10s")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Deduplicator dedupe = context.getBean(Deduplicator.class);
              assertThat(dedupe).isInstanceOf(RedisDeduplicator.class);
              Instant now = Instant.now();
              Duration lease = Duration.ofMinutes(1);
              assertThat(dedupe.claim("wamid.A", "one", now, lease))
                  .isEqualTo(Deduplicator.Claim.CLAIMED);
              assertThat(dedupe.claim("wamid.A", "two", now, lease))
                  .isEqualTo(Deduplicator.Claim.IN_PROGRESS);
              assertThat(redisKeys(redis, prefix + "*")).hasSize(1);
            });
  }

  @Test
  void context_jdbcStoreWithDataSource_claimsInTheDatabase() {
    runner
        .withUserConfiguration(H2DataSource.class)
        .withPropertyValues("wasdk.webhook.dedupe.store=jdbc")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              Deduplicator dedupe = context.getBean(Deduplicator.class);
              assertThat(dedupe).isInstanceOf(JdbcDeduplicator.class);
              Instant now = Instant.now();
              Duration lease = Duration.ofMinutes(1);
              assertThat(dedupe.claim("wamid.B", "one", now, lease))
                  .isEqualTo(Deduplicator.Claim.CLAIMED);
              dedupe.complete("wamid.B", "one", now);
              // A second store over the same database sees the key: it is in the table.
              Deduplicator other =
                  JdbcStores.builder(context.getBean(DataSource.class)).build().deduplicator();
              assertThat(other.claim("wamid.B", "two", now, lease))
                  .isEqualTo(Deduplicator.Claim.DONE);
            });
  }

  @Test
  void context_jdbcStore_purgesExpiredKeysAndKeepsLiveOnes() {
    runner
        .withUserConfiguration(H2DataSource.class)
        .withPropertyValues(
            "wasdk.webhook.dedupe.store=jdbc", "wasdk.webhook.dedupe.purge-interval=100ms")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(JdbcDedupePurger.class);
              assertThat(context.getBean(JdbcDedupePurger.class).isRunning()).isTrue();
              Deduplicator dedupe = context.getBean(Deduplicator.class);
              Instant now = Instant.now();
              // a claim whose holder never finished, its lease long over
              dedupe.claim("wamid.EXPIRED", "gone", now.minus(Duration.ofHours(1)), lease(1));
              dedupe.claim("wamid.LIVE", "here", now, Duration.ofMinutes(10));
              DataSource ds = context.getBean(DataSource.class);

              Awaitility.await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> !rowKeys(ds).contains("wamid.EXPIRED"));
              assertThat(rowKeys(ds)).containsExactly("wamid.LIVE");
            });
  }

  @Test
  void context_jdbcStorePurgeDisabled_createsNoPurger() {
    runner
        .withUserConfiguration(H2DataSource.class)
        .withPropertyValues(
            "wasdk.webhook.dedupe.store=jdbc", "wasdk.webhook.dedupe.purge-enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(JdbcDeduplicator.class);
              assertThat(context).doesNotHaveBean(JdbcDedupePurger.class);
            });
  }

  private static Duration lease(int seconds) {
    return Duration.ofSeconds(seconds);
  }

  private static List<String> rowKeys(DataSource ds) throws java.sql.SQLException {
    List<String> keys = new ArrayList<>();
    try (java.sql.Connection c = ds.getConnection();
        java.sql.Statement st = c.createStatement();
        java.sql.ResultSet rs = st.executeQuery("SELECT dedupe_key FROM wasdk_webhook_dedupe")) {
      while (rs.next()) {
        keys.add(rs.getString(1));
      }
    }
    return keys;
  }

  @Test
  void context_jdbcStoreWithoutDataSource_failsNamingThePropertyAndTheMissingBean() {
    runner
        .withPropertyValues("wasdk.webhook.dedupe.store=jdbc")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(rootCause(context.getStartupFailure()))
                  .isInstanceOf(WhatsAppConfigurationException.class)
                  .hasMessageContaining("wasdk.webhook.dedupe.store is jdbc")
                  .hasMessageContaining("no DataSource bean")
                  .hasMessageContaining("spring-boot-starter-jdbc");
            });
  }

  @Test
  void context_redisStoreWithoutTheRedisModule_failsNamingThePropertyAndTheDependency() {
    runner
        .withClassLoader(new FilteredClassLoader(RedisStreamHandoff.class))
        .withPropertyValues("wasdk.webhook.dedupe.store=redis")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(rootCause(context.getStartupFailure()))
                  .isInstanceOf(WhatsAppConfigurationException.class)
                  .hasMessageContaining("wasdk.webhook.dedupe.store is redis")
                  .hasMessageContaining("dev.wasdk:whatsapp-sdk-redis is not on the class path");
            });
  }

  @Test
  void context_jdbcStoreWithoutTheJdbcModule_failsNamingThePropertyAndTheDependency() {
    runner
        .withClassLoader(new FilteredClassLoader(JdbcStores.class))
        .withUserConfiguration(H2DataSource.class)
        .withPropertyValues("wasdk.webhook.dedupe.store=jdbc")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(rootCause(context.getStartupFailure()))
                  .isInstanceOf(WhatsAppConfigurationException.class)
                  .hasMessageContaining("wasdk.webhook.dedupe.store is jdbc")
                  .hasMessageContaining("dev.wasdk:whatsapp-sdk-jdbc is not on the class path");
            });
  }

  @Test
  void context_redisStreamDispatchWithoutTheRedisModule_failsNamingThePropertyAndTheDependency() {
    runner
        .withClassLoader(new FilteredClassLoader(RedisStreamHandoff.class))
        .withPropertyValues("wasdk.webhook.dispatch=redis-stream")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(rootCause(context.getStartupFailure()))
                  .isInstanceOf(WhatsAppConfigurationException.class)
                  .hasMessageContaining("wasdk.webhook.dispatch is redis-stream")
                  .hasMessageContaining("dev.wasdk:whatsapp-sdk-redis is not on the class path");
            });
  }

  @Test
  void context_malformedRedisUri_failsNamingThePropertyWithoutItsValue() {
    runner
        .withPropertyValues(
            "wasdk.webhook.dedupe.store=redis", "wasdk.redis.uri=redis://:s3cret pass@host:6379")
        .run(
            context -> {
              assertThat(context).hasFailed();
              Throwable cause = rootCause(context.getStartupFailure());
              assertThat(cause)
                  .isInstanceOf(WhatsAppConfigurationException.class)
                  .hasMessageContaining("wasdk.redis.uri");
              assertThat(cause.getMessage()).doesNotContain("s3cret");
            });
  }

  @Test
  void context_invalidLease_failsNamingTheProperty() {
    runner
        .withPropertyValues("wasdk.webhook.dedupe.lease=0s")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(rootCause(context.getStartupFailure()))
                  .isInstanceOf(WhatsAppConfigurationException.class)
                  .hasMessageContaining("wasdk.webhook.dedupe.lease");
            });
  }

  @Test
  void context_lease_isTheLeaseEachClaimAsksFor() {
    runner
        .withUserConfiguration(RecordingDeduplicator.class)
        .withPropertyValues("wasdk.webhook.dedupe.lease=45s")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              WebhookEndpoint endpoint = context.getBean(WebhookEndpoint.class);
              assertThat(endpoint.handle(signed(text("wamid.LEASE"))).status()).isEqualTo(200);
              assertThat(context.getBean(RecordingDeduplicator.class).leases)
                  .containsExactly(Duration.ofSeconds(45));
            });
  }

  @Test
  void context_redisStreamDispatch_deliversThroughTheStreamToTheListenerOnce() {
    LocalRedisServer redis = LocalRedisServer.shared();
    String stream = "intake-stream-" + UUID.randomUUID();
    runner
        .withUserConfiguration(Inbox.class)
        .withPropertyValues(
            "wasdk.webhook.dispatch=redis-stream",
            "wasdk.webhook.dedupe.store=redis",
            "wasdk.webhook.dedupe.key-prefix=" + stream + ":dedupe:",
            "wasdk.webhook.redis-stream.stream=" + stream,
            "wasdk.webhook.redis-stream.group=" + stream + "-group",
            "wasdk.webhook.redis-stream.consumer=instance-1",
            "wasdk.webhook.redis-stream.max-length=5000",
            "wasdk.redis.uri=" + redis.uri(),
            // generous: a loaded machine must not turn a slow first connect into a failure
            "wasdk.redis.command-timeout=10s")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(WebhookHandoff.class))
                  .isInstanceOf(RedisStreamHandoff.class)
                  .hasToString("RedisStreamHandoff[stream=" + stream + ", maxLength=5000]");
              assertThat(context.getBean(RedisStreamWorkerLifecycle.class).isRunning()).isTrue();
              assertThat(context.getBean(RedisStreamWorkerLifecycle.class).worker())
                  .hasToString(
                      "RedisStreamWorker[stream=" + stream + ", group=" + stream + "-group]");
              WebhookEndpoint endpoint = context.getBean(WebhookEndpoint.class);
              Inbox inbox = context.getBean(Inbox.class);

              assertThat(endpoint.handle(signed(text("wamid.STREAM"))).status()).isEqualTo(200);
              assertThat(inbox.first.await(10, TimeUnit.SECONDS)).isTrue();
              // The same delivery again is a done duplicate: answered 200, never handed off.
              assertThat(endpoint.handle(signed(text("wamid.STREAM"))).status()).isEqualTo(200);

              assertThat(inbox.received).containsExactly("wamid.STREAM");
              assertThat(((RedisStreamHandoff) context.getBean(WebhookHandoff.class)).length())
                  .isEqualTo(1);
            });
  }

  @Test
  void context_redisStreamPoisonEvent_goesToTheDeadLettersAndIsReplayed() {
    LocalRedisServer redis = LocalRedisServer.shared();
    String stream = "intake-dead-" + UUID.randomUUID();
    runner
        .withUserConfiguration(FailingInbox.class)
        .withPropertyValues(
            "wasdk.webhook.dispatch=redis-stream",
            "wasdk.webhook.redis-stream.stream=" + stream,
            "wasdk.webhook.redis-stream.max-deliveries=2",
            "wasdk.webhook.redis-stream.claim-idle=100ms",
            "wasdk.redis.uri=" + redis.uri(),
            // generous: a loaded machine must not turn a slow first connect into a failure
            "wasdk.redis.command-timeout=10s")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              FailingInbox inbox = context.getBean(FailingInbox.class);
              WebhookEndpoint endpoint = context.getBean(WebhookEndpoint.class);
              assertThat(endpoint.handle(signed(text("wamid.POISON"))).status()).isEqualTo(200);
              RedisStreamHandoff stored = context.getBean(RedisStreamHandoff.class);
              Awaitility.await()
                  .atMost(Duration.ofSeconds(30))
                  .until(() -> !stored.deadLetters(10).isEmpty());
              assertThat(inbox.attempts.get()).isEqualTo(2);
              assertThat(stored.deadLetters(10).get(0).eventType()).contains("TextReceived");

              inbox.failing = false;
              // tag::dead-letters[]
              RedisStreamHandoff handoff = context.getBean(RedisStreamHandoff.class);
              for (RedisStreamHandoff.DeadLetter letter : handoff.deadLetters(100)) {
                handoff.replay(letter.id()); // back into the stream, for the workers
              }
              // end::dead-letters[]
              assertThat(inbox.handled.await(30, TimeUnit.SECONDS)).isTrue();
              assertThat(handoff.deadLetters(10)).isEmpty();
            });
  }

  @Test
  void context_redisStreamWorkerDisabled_takesDeliveriesWithoutAWorker() {
    LocalRedisServer redis = LocalRedisServer.shared();
    runner
        .withPropertyValues(
            "wasdk.webhook.dispatch=redis-stream",
            "wasdk.webhook.redis-stream.stream=intake-stream-" + UUID.randomUUID(),
            "wasdk.webhook.redis-stream.worker-enabled=false",
            "wasdk.redis.uri=" + redis.uri(),
            // generous: a loaded machine must not turn a slow first connect into a failure
            "wasdk.redis.command-timeout=10s")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(RedisStreamHandoff.class);
              assertThat(context).doesNotHaveBean(RedisStreamWorkerLifecycle.class);
              // The store stays in memory: only the dispatch was moved to Redis.
              assertThat(context.getBean(Deduplicator.class))
                  .isNotInstanceOf(RedisDeduplicator.class);
            });
  }

  static String text(String wamid) {
    return "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
        + "\"changes\":[{\"field\":\"messages\",\"value\":{\"messaging_product\":\"whatsapp\","
        + "\"metadata\":{\"display_phone_number\":\"15550001111\","
        + "\"phone_number_id\":\"106540352242922\"},"
        + "\"contacts\":[{\"profile\":{\"name\":\"Ana\"},\"wa_id\":\"16505551234\"}],"
        + "\"messages\":[{\"from\":\"16505551234\",\"id\":\""
        + wamid
        + "\",\"timestamp\":\"1700000000\",\"type\":\"text\",\"text\":{\"body\":\"hi\"}}]}}]}]}";
  }

  static WebhookRequest signed(String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    return WebhookRequest.builder()
        .method("POST")
        .header(SignatureVerifier.HEADER, WebhookSigner.of(APP_SECRET).sign(body))
        .body(body)
        .build();
  }

  private static List<String> redisKeys(LocalRedisServer redis, String pattern) {
    RedisClient client = RedisClient.create(redis.uri());
    try (StatefulRedisConnection<String, String> c = client.connect()) {
      return c.sync().keys(pattern);
    } finally {
      client.shutdown();
    }
  }

  private static Throwable rootCause(Throwable t) {
    Throwable c = t;
    while (c.getCause() != null && !(c instanceof WhatsAppConfigurationException)) {
      c = c.getCause();
    }
    return c;
  }

  /** Counts the text messages the application publishes. */
  static class Inbox {
    final List<String> received = new CopyOnWriteArrayList<>();
    final CountDownLatch first = new CountDownLatch(1);

    @EventListener
    void on(TextReceived text) {
      received.add(text.id());
      first.countDown();
    }
  }

  /** Fails every text message while {@code failing} is set, counting the attempts. */
  static class FailingInbox {
    final AtomicInteger attempts = new AtomicInteger();
    final CountDownLatch handled = new CountDownLatch(1);
    volatile boolean failing = true;

    @EventListener
    void on(TextReceived text) {
      if (failing) {
        attempts.incrementAndGet();
        throw new IllegalStateException("poison: " + text.id());
      }
      handled.countDown();
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class H2DataSource {
    @Bean
    DataSource dataSource() {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL("jdbc:h2:mem:intake-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      return ds;
    }
  }

  /** An in-memory store that records the lease of each claim. */
  static class RecordingDeduplicator implements Deduplicator {
    final List<Duration> leases = new CopyOnWriteArrayList<>();
    private final Deduplicator delegate = Deduplicator.inMemory();

    @Override
    public Claim claim(String key, String holder, Instant now, Duration lease) {
      leases.add(lease);
      return delegate.claim(key, holder, now, lease);
    }

    @Override
    public boolean renew(String key, String holder, Instant now, Duration lease) {
      return delegate.renew(key, holder, now, lease);
    }

    @Override
    public void complete(String key, String holder, Instant now) {
      delegate.complete(key, holder, now);
    }

    @Override
    public void release(String key, String holder) {
      delegate.release(key, holder);
    }
  }
}
