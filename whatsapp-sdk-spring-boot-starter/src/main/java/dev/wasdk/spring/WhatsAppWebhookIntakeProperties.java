package dev.wasdk.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Binds the {@code wasdk.webhook.*} settings that choose where the webhook intake keeps its state:
 * the de-duplication store and its lease ({@code wasdk.webhook.dedupe.store}, {@code
 * wasdk.webhook.dedupe.lease}) and the Redis Streams hand-off used when {@code
 * wasdk.webhook.dispatch=redis-stream} ({@code wasdk.webhook.redis-stream.*}). The other webhook
 * settings (path, body limit, dispatch, the in-memory store's size) are in {@link
 * WhatsAppProperties.Webhook}; the Redis connection is {@code wasdk.redis.uri}.
 *
 * <pre>
 * wasdk.webhook.dedupe.store=redis
 * wasdk.webhook.dispatch=redis-stream
 * wasdk.webhook.redis-stream.consumer=${HOSTNAME}
 * wasdk.redis.uri=redis://redis.internal:6379
 * </pre>
 *
 * <p>Bound once at startup by {@link WhatsAppWebhookIntakeAutoConfiguration}; not thread-safe while
 * being bound, read-only afterwards.
 */
@ConfigurationProperties(prefix = "wasdk.webhook")
public final class WhatsAppWebhookIntakeProperties {
  private final Dedupe dedupe = new Dedupe();
  private final RedisStream redisStream = new RedisStream();

  /** Creates the properties with their defaults; Spring Boot binds them. */
  public WhatsAppWebhookIntakeProperties() {}

  /** Returns the de-duplication store settings. */
  public Dedupe getDedupe() {
    return dedupe;
  }

  /** Returns the Redis Streams hand-off settings. */
  public RedisStream getRedisStream() {
    return redisStream;
  }

  @Override
  public String toString() {
    return "webhookIntake[" + dedupe + ", " + redisStream + "]";
  }

  /** Where the webhook de-duplication keys are kept. */
  public enum DedupeStore {
    /** In this JVM: one app instance; a restart forgets the keys. */
    MEMORY,
    /**
     * In Redis ({@code wasdk.redis.uri}), shared by every app instance; needs whatsapp-sdk-redis.
     */
    REDIS,
    /** In the application's {@code DataSource} (PostgreSQL or H2); needs whatsapp-sdk-jdbc. */
    JDBC
  }

  /** The {@code wasdk.webhook.dedupe.*} settings that choose and tune the store. */
  public static final class Dedupe {
    /**
     * Where event keys are kept: MEMORY (one instance), REDIS (shared, needs
     * dev.wasdk:whatsapp-sdk-redis and wasdk.redis.uri) or JDBC (shared, durable, needs
     * dev.wasdk:whatsapp-sdk-jdbc and a DataSource bean).
     */
    private DedupeStore store = DedupeStore.MEMORY;

    /**
     * How long an event is claimed by the instance handling it. It is renewed while the handler
     * runs; a duplicate that arrives meanwhile gets 503, and after a crash the next delivery claims
     * the event once the lease has run out.
     */
    private Duration lease = Duration.ofMinutes(2);

    /** Prefix of the Redis keys, when the store is REDIS. */
    private String keyPrefix = "wasdk:dedupe:";

    /**
     * How often expired keys are deleted from the table, when the store is JDBC (see {@code
     * wasdk.webhook.dedupe.purge-enabled}).
     */
    private Duration purgeInterval = Duration.ofHours(1);

    /** Whether expired keys are deleted from the table, when the store is JDBC. */
    private boolean purgeEnabled = true;

    /** Returns the store. */
    public DedupeStore getStore() {
      return store;
    }

    /**
     * Sets the store.
     *
     * @param store MEMORY, REDIS or JDBC
     */
    public void setStore(DedupeStore store) {
      this.store = store;
    }

    /** Returns the lease. */
    public Duration getLease() {
      return lease;
    }

    /**
     * Sets the lease.
     *
     * @param lease positive, such as {@code 2m}
     */
    public void setLease(Duration lease) {
      this.lease = lease;
    }

    /** Returns the Redis key prefix. */
    public String getKeyPrefix() {
      return keyPrefix;
    }

    /**
     * Sets the Redis key prefix.
     *
     * @param keyPrefix such as {@code myapp:dedupe:}
     */
    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    /** Returns the purge interval of the JDBC store. */
    public Duration getPurgeInterval() {
      return purgeInterval;
    }

    /**
     * Sets the purge interval of the JDBC store.
     *
     * @param purgeInterval positive, such as {@code 1h}
     */
    public void setPurgeInterval(Duration purgeInterval) {
      this.purgeInterval = purgeInterval;
    }

    /** Returns whether the JDBC store is purged. */
    public boolean isPurgeEnabled() {
      return purgeEnabled;
    }

    /**
     * Sets whether the JDBC store is purged.
     *
     * @param purgeEnabled false when something else deletes expired rows
     */
    public void setPurgeEnabled(boolean purgeEnabled) {
      this.purgeEnabled = purgeEnabled;
    }

    @Override
    public String toString() {
      return "dedupe[store="
          + store
          + ", lease="
          + lease
          + ", keyPrefix="
          + keyPrefix
          + ", purgeInterval="
          + purgeInterval
          + ", purgeEnabled="
          + purgeEnabled
          + "]";
    }
  }

  /** The {@code wasdk.webhook.redis-stream.*} settings, used when the dispatch is REDIS_STREAM. */
  public static final class RedisStream {
    /**
     * Key of the stream the events are added to; every instance of the application uses the same.
     */
    private String stream = "wasdk:webhooks";

    /** Consumer group of the workers; every instance of the application uses the same. */
    private String group = "wasdk-webhooks";

    /**
     * This instance's consumer name in the group. Unset: a random name per start. A stable name per
     * instance (such as the host name) lets a restarted instance take its own pending events back
     * at once.
     */
    private String consumer;

    /**
     * Whether this instance runs a worker; turn it off in an instance that only takes deliveries.
     */
    private boolean workerEnabled = true;

    /** Number of worker threads that read and handle events. */
    private int threads = 1;

    /** How many entries one read or claim takes. */
    private int batch = 16;

    /**
     * How long an event stays unacknowledged before any worker claims it again: the retry delay
     * after a failure and the takeover delay after a crash. Keep it above the slowest listener.
     */
    private Duration claimIdle = Duration.ofSeconds(30);

    /** How many deliveries an event gets before it goes to the dead-letter stream. */
    private int maxDeliveries = 5;

    /** Length bound of the stream: each add trims it to about this many entries, handled or not. */
    private long maxLength = 1_000_000;

    /** Age bound of the stream: each add drops entries older than this, handled or not. */
    private Duration maxAge = Duration.ofDays(7);

    /** Length bound of the dead-letter stream ({@code <stream>:dead}). */
    private long deadLetterMaxLength = 1_000_000;

    /** How long running listeners may finish when the application stops. */
    private Duration drainTimeout = Duration.ofSeconds(30);

    /** Returns the stream key. */
    public String getStream() {
      return stream;
    }

    /**
     * Sets the stream key.
     *
     * @param stream not blank
     */
    public void setStream(String stream) {
      this.stream = stream;
    }

    /** Returns the consumer group. */
    public String getGroup() {
      return group;
    }

    /**
     * Sets the consumer group.
     *
     * @param group not blank
     */
    public void setGroup(String group) {
      this.group = group;
    }

    /** Returns the consumer name, or null for a random one. */
    public String getConsumer() {
      return consumer;
    }

    /**
     * Sets the consumer name.
     *
     * @param consumer such as the host name
     */
    public void setConsumer(String consumer) {
      this.consumer = consumer;
    }

    /** Returns whether this instance runs a worker. */
    public boolean isWorkerEnabled() {
      return workerEnabled;
    }

    /**
     * Sets whether this instance runs a worker.
     *
     * @param workerEnabled false for an instance that only takes deliveries
     */
    public void setWorkerEnabled(boolean workerEnabled) {
      this.workerEnabled = workerEnabled;
    }

    /** Returns the number of worker threads. */
    public int getThreads() {
      return threads;
    }

    /**
     * Sets the number of worker threads.
     *
     * @param threads at least 1
     */
    public void setThreads(int threads) {
      this.threads = threads;
    }

    /** Returns the read batch size. */
    public int getBatch() {
      return batch;
    }

    /**
     * Sets the read batch size.
     *
     * @param batch at least 1
     */
    public void setBatch(int batch) {
      this.batch = batch;
    }

    /** Returns the idle time before a pending event is claimed again. */
    public Duration getClaimIdle() {
      return claimIdle;
    }

    /**
     * Sets the idle time before a pending event is claimed again.
     *
     * @param claimIdle positive
     */
    public void setClaimIdle(Duration claimIdle) {
      this.claimIdle = claimIdle;
    }

    /** Returns the deliveries before the dead-letter stream. */
    public int getMaxDeliveries() {
      return maxDeliveries;
    }

    /**
     * Sets the deliveries before the dead-letter stream.
     *
     * @param maxDeliveries at least 1
     */
    public void setMaxDeliveries(int maxDeliveries) {
      this.maxDeliveries = maxDeliveries;
    }

    /** Returns the stream's length bound. */
    public long getMaxLength() {
      return maxLength;
    }

    /**
     * Sets the stream's length bound.
     *
     * @param maxLength at least 1
     */
    public void setMaxLength(long maxLength) {
      this.maxLength = maxLength;
    }

    /** Returns the stream's age bound. */
    public Duration getMaxAge() {
      return maxAge;
    }

    /**
     * Sets the stream's age bound.
     *
     * @param maxAge positive
     */
    public void setMaxAge(Duration maxAge) {
      this.maxAge = maxAge;
    }

    /** Returns the dead-letter stream's length bound. */
    public long getDeadLetterMaxLength() {
      return deadLetterMaxLength;
    }

    /**
     * Sets the dead-letter stream's length bound.
     *
     * @param deadLetterMaxLength at least 1
     */
    public void setDeadLetterMaxLength(long deadLetterMaxLength) {
      this.deadLetterMaxLength = deadLetterMaxLength;
    }

    /** Returns the drain timeout on shutdown. */
    public Duration getDrainTimeout() {
      return drainTimeout;
    }

    /**
     * Sets the drain timeout on shutdown.
     *
     * @param drainTimeout zero or positive
     */
    public void setDrainTimeout(Duration drainTimeout) {
      this.drainTimeout = drainTimeout;
    }

    @Override
    public String toString() {
      return "redisStream[stream="
          + stream
          + ", group="
          + group
          + ", consumer="
          + consumer
          + ", workerEnabled="
          + workerEnabled
          + ", threads="
          + threads
          + ", batch="
          + batch
          + ", claimIdle="
          + claimIdle
          + ", maxDeliveries="
          + maxDeliveries
          + ", maxLength="
          + maxLength
          + ", maxAge="
          + maxAge
          + ", deadLetterMaxLength="
          + deadLetterMaxLength
          + ", drainTimeout="
          + drainTimeout
          + "]";
    }
  }
}
