package dev.wasdk.spring;

import static dev.wasdk.spring.internal.Checks.apply;
import static dev.wasdk.spring.internal.Checks.applySecret;
import static dev.wasdk.spring.internal.Checks.atLeast;
import static dev.wasdk.spring.internal.Checks.notNegative;
import static dev.wasdk.spring.internal.Checks.positive;
import static dev.wasdk.spring.internal.Checks.required;

import dev.wasdk.jdbc.JdbcDeduplicator;
import dev.wasdk.jdbc.JdbcStores;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.redis.RedisDeduplicator;
import dev.wasdk.redis.RedisStreamHandoff;
import dev.wasdk.redis.RedisStreamWorker;
import dev.wasdk.spring.WhatsAppWebhookIntakeProperties.DedupeStore;
import dev.wasdk.spring.internal.IntakeConditions;
import dev.wasdk.spring.internal.JdbcDedupePurger;
import dev.wasdk.spring.internal.RedisStreamWorkerLifecycle;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.WebhookHandoff;
import dev.wasdk.webhooks.WebhookRouter;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures where the webhook intake keeps its state, from {@link
 * WhatsAppWebhookIntakeProperties}: a shared de-duplication store ({@code
 * wasdk.webhook.dedupe.store=redis} or {@code jdbc}) and the durable Redis Streams hand-off with
 * its worker ({@code wasdk.webhook.dispatch=redis-stream}). The in-memory store and the in-memory
 * queue stay with {@link WhatsAppAutoConfiguration}, which this runs before.
 *
 * <pre>
 * wasdk.webhook.dedupe.store=redis        # or jdbc, with a DataSource bean
 * wasdk.webhook.dispatch=redis-stream
 * wasdk.redis.uri=redis://redis.internal:6379
 * </pre>
 *
 * <p>Redis uses {@code wasdk.redis.uri} and {@code wasdk.redis.command-timeout} (not {@code
 * wasdk.redis.enabled}, which is about the sender's limits), over one Lettuce client shared by the
 * store, the hand-off and the worker. The Redis and JDBC stores remember a done event for {@code
 * wasdk.webhook.dedupe.horizon}. The worker starts once the context is refreshed, so every
 * {@code @EventListener} is in place first, and stops, draining, when it closes. It gets every
 * {@link WhatsAppObserver} bean, as the webhook endpoint does, so that with tracing each listener
 * runs in the trace of the delivery it came from, whichever instance received it.
 *
 * <p>A selected backend whose module is not on the class path, or a JDBC store without a {@code
 * DataSource} bean, fails the startup with a message that names the property and the dependency.
 * Every bean here is skipped when the application defines its own of the same type.
 */
@AutoConfiguration(before = WhatsAppAutoConfiguration.class)
@EnableConfigurationProperties({WhatsAppProperties.class, WhatsAppWebhookIntakeProperties.class})
@ConditionalOnBooleanProperty(name = "wasdk.webhook.enabled", matchIfMissing = true)
public final class WhatsAppWebhookIntakeAutoConfiguration {
  private static final String STORE = "wasdk.webhook.dedupe.store";
  private static final String DISPATCH = "wasdk.webhook.dispatch";
  private static final String STREAM = "wasdk.webhook.redis-stream.";

  /** Creates the auto-configuration; Spring Boot does this. */
  public WhatsAppWebhookIntakeAutoConfiguration() {}

  /**
   * Fails the startup when a shared store is selected but nothing above could create it: its module
   * is not on the class path.
   *
   * @param intake the bound properties
   * @return never returns
   */
  @Bean
  @ConditionalOnMissingBean(Deduplicator.class)
  @Conditional(IntakeConditions.SharedStore.class)
  Deduplicator whatsAppWebhookDeduplicatorMissing(WhatsAppWebhookIntakeProperties intake) {
    DedupeStore store = intake.getDedupe().getStore();
    String module = store == DedupeStore.JDBC ? "whatsapp-sdk-jdbc" : "whatsapp-sdk-redis";
    throw new WhatsAppConfigurationException(
        STORE,
        "is "
            + store.name().toLowerCase(java.util.Locale.ROOT)
            + ", but dev.wasdk:"
            + module
            + " is not on the class path: add that dependency, or set "
            + STORE
            + "=memory to keep the keys in this instance");
  }

  /**
   * Fails the startup when the Redis stream dispatch is selected but whatsapp-sdk-redis is not on
   * the class path.
   *
   * @return never returns
   */
  @Bean
  @ConditionalOnMissingBean(WebhookHandoff.class)
  @Conditional(IntakeConditions.RedisStreamDispatch.class)
  WebhookHandoff whatsAppWebhookHandoffMissing() {
    throw new WhatsAppConfigurationException(
        DISPATCH,
        "is redis-stream, but dev.wasdk:whatsapp-sdk-redis is not on the class path: add that"
            + " dependency, or set "
            + DISPATCH
            + "=synchronous or queued");
  }

  /** The Redis store, hand-off and worker, over one client. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.wasdk.redis.RedisStreamHandoff")
  @Conditional(IntakeConditions.UsesRedis.class)
  static class RedisIntakeConfiguration {

    @Bean(destroyMethod = "shutdown")
    RedisClient whatsAppWebhookRedisClient(WhatsAppProperties properties) {
      WhatsAppProperties.Redis r = properties.getRedis();
      String uri = required("wasdk.redis.uri", r.getUri(), "such as redis://localhost:6379");
      Duration timeout = positive("wasdk.redis.command-timeout", r.getCommandTimeout());
      RedisURI[] parsed = new RedisURI[1];
      // The parser's message may quote the URI, password included, so it is not passed on.
      applySecret(
          "wasdk.redis.uri",
          "it must be a Redis URI such as redis://localhost:6379 or rediss://:password@host:6380/0",
          () -> parsed[0] = RedisURI.create(uri));
      parsed[0].setTimeout(timeout);
      return RedisClient.create(parsed[0]);
    }

    @Bean
    @ConditionalOnMissingBean(Deduplicator.class)
    @Conditional(IntakeConditions.RedisStore.class)
    RedisDeduplicator whatsAppRedisDeduplicator(
        RedisClient whatsAppWebhookRedisClient,
        WhatsAppProperties properties,
        WhatsAppWebhookIntakeProperties intake) {
      String p = "wasdk.webhook.dedupe.";
      RedisDeduplicator.Builder b =
          RedisDeduplicator.builder()
              .client(whatsAppWebhookRedisClient)
              .commandTimeout(properties.getRedis().getCommandTimeout());
      String prefix =
          required(p + "key-prefix", intake.getDedupe().getKeyPrefix(), "such as wasdk:dedupe:");
      apply(p + "key-prefix", () -> b.keyPrefix(prefix));
      Duration horizon = positive(p + "horizon", properties.getWebhook().getDedupe().getHorizon());
      apply(p + "horizon", () -> b.horizon(horizon));
      return b.build();
    }

    @Bean
    @ConditionalOnMissingBean(WebhookHandoff.class)
    @Conditional(IntakeConditions.RedisStreamDispatch.class)
    RedisStreamHandoff whatsAppRedisStreamHandoff(
        RedisClient whatsAppWebhookRedisClient,
        WhatsAppProperties properties,
        WhatsAppWebhookIntakeProperties intake) {
      WhatsAppWebhookIntakeProperties.RedisStream s = intake.getRedisStream();
      RedisStreamHandoff.Builder b =
          RedisStreamHandoff.builder()
              .client(whatsAppWebhookRedisClient)
              .commandTimeout(properties.getRedis().getCommandTimeout());
      String stream = required(STREAM + "stream", s.getStream(), "such as wasdk:webhooks");
      b.stream(stream);
      apply(STREAM + "max-length", () -> b.maxLength(s.getMaxLength()));
      Duration maxAge = positive(STREAM + "max-age", s.getMaxAge());
      b.maxAge(maxAge);
      return b.build();
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(IntakeConditions.RedisStreamDispatch.class)
    @ConditionalOnBooleanProperty(name = STREAM + "worker-enabled", matchIfMissing = true)
    RedisStreamWorkerLifecycle whatsAppRedisStreamWorker(
        RedisClient whatsAppWebhookRedisClient,
        WebhookRouter router,
        WhatsAppProperties properties,
        WhatsAppWebhookIntakeProperties intake,
        ObjectProvider<WhatsAppObserver> observers) {
      WhatsAppWebhookIntakeProperties.RedisStream s = intake.getRedisStream();
      RedisStreamWorker.Builder b =
          RedisStreamWorker.builder(router)
              .client(whatsAppWebhookRedisClient)
              .commandTimeout(properties.getRedis().getCommandTimeout())
              .stream(required(STREAM + "stream", s.getStream(), "such as wasdk:webhooks"))
              .group(required(STREAM + "group", s.getGroup(), "such as wasdk-webhooks"));
      if (s.getConsumer() != null && !s.getConsumer().isBlank()) {
        b.consumer(s.getConsumer().strip());
      }
      b.threads(atLeast(STREAM + "threads", s.getThreads(), 1));
      b.batch(atLeast(STREAM + "batch", s.getBatch(), 1));
      b.claimIdle(positive(STREAM + "claim-idle", s.getClaimIdle()));
      b.maxDeliveries(atLeast(STREAM + "max-deliveries", s.getMaxDeliveries(), 1));
      apply(
          STREAM + "dead-letter-max-length",
          () -> b.deadLetterMaxLength(s.getDeadLetterMaxLength()));
      b.drainTimeout(notNegative(STREAM + "drain-timeout", s.getDrainTimeout()));
      // The endpoint's observers, in the same order: each handler joins its delivery's trace.
      b.observer(WhatsAppObserver.of(observers.orderedStream().toList()));
      return new RedisStreamWorkerLifecycle(b::start);
    }
  }

  /** The JDBC store, over the application's {@code DataSource}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.wasdk.jdbc.JdbcStores")
  @Conditional(IntakeConditions.JdbcStore.class)
  static class JdbcIntakeConfiguration {

    @Bean
    @ConditionalOnMissingBean(Deduplicator.class)
    JdbcDeduplicator whatsAppJdbcDeduplicator(
        ObjectProvider<DataSource> dataSources, WhatsAppProperties properties) {
      List<DataSource> all = dataSources.orderedStream().toList();
      DataSource dataSource = dataSources.getIfUnique();
      if (dataSource == null) {
        throw new WhatsAppConfigurationException(
            STORE,
            "is jdbc, but the application has "
                + (all.isEmpty()
                    ? "no DataSource bean"
                    : all.size() + " DataSource beans and none is primary")
                + ": add org.springframework.boot:spring-boot-starter-jdbc with spring.datasource.url"
                + " (PostgreSQL or H2), mark one DataSource @Primary, or set "
                + STORE
                + "=memory or redis");
      }
      Duration horizon =
          positive(
              "wasdk.webhook.dedupe.horizon", properties.getWebhook().getDedupe().getHorizon());
      JdbcStores stores = JdbcStores.builder(dataSource).build();
      JdbcDeduplicator[] made = new JdbcDeduplicator[1];
      apply("wasdk.webhook.dedupe.horizon", () -> made[0] = stores.deduplicator(horizon));
      return made[0];
    }

    @Bean
    @ConditionalOnBooleanProperty(
        name = "wasdk.webhook.dedupe.purge-enabled",
        matchIfMissing = true)
    JdbcDedupePurger whatsAppJdbcDedupePurger(
        ObjectProvider<Deduplicator> deduplicator, WhatsAppWebhookIntakeProperties intake) {
      Duration interval =
          positive("wasdk.webhook.dedupe.purge-interval", intake.getDedupe().getPurgeInterval());
      // The application's own Deduplicator, if any, is not purged here.
      Deduplicator d = deduplicator.getIfUnique();
      return d instanceof JdbcDeduplicator j
          ? new JdbcDedupePurger(j, interval, Clock.systemUTC())
          : null;
    }
  }
}
