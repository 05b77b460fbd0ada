package dev.wasdk.redis;

import dev.wasdk.internal.redis.DedupeScripts;
import dev.wasdk.internal.redis.LimiterScripts.Script;
import dev.wasdk.webhooks.Deduplicator;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Keeps the webhook de-duplication keys in Redis, so that every app instance behind the callback
 * URL shares them: an event claimed by one instance is answered "in progress" on the others until
 * it is done or released, and a done event is skipped everywhere for the horizon.
 *
 * <pre>{@code
 * try (RedisDeduplicator dedupe = RedisDeduplicator.builder()
 *         .redisUri("redis://localhost:6379")
 *         .build()) {
 *   WebhookEndpoint endpoint = WebhookEndpoint.builder()...deduplicator(dedupe).build();
 * }
 * }</pre>
 *
 * <p><b>How.</b> Each step is one Lua script on one key, atomic on the server and one round trip
 * ({@code EVALSHA}, loading the script on first use). A key holds its state, its expiry by the
 * caller's clock and its holder; every write sets a time to live of the lease or the horizon plus a
 * minute, so a crashed holder's claim and an old done key both disappear on their own. Leases are
 * judged by the {@code now} each call passes, so instances need roughly synchronized clocks (NTP);
 * the minute of margin covers skew.
 *
 * <p><b>When Redis cannot be reached</b> (down, or slower than {@link Builder#commandTimeout}),
 * each step throws {@link IllegalStateException}; the endpoint answers 503 and Meta delivers again
 * later. Lettuce reconnects in the background.
 *
 * <p><b>Memory.</b> One string per event for the horizon: about 150 bytes with a typical {@code
 * wamid} key, so 7 days of 1 million events a day take about 1 GB; shorten the horizon if that is
 * too much. Meta retries for up to 7 days.
 *
 * <p><b>Thread-safety and lifecycle.</b> Thread-safe and meant to be shared; all calls go over one
 * connection. Close it when done: it closes its connection, and shuts the client down when it
 * created it from a URI.
 */
public final class RedisDeduplicator implements Deduplicator, AutoCloseable {
  /** The default prefix of every key this store writes. */
  public static final String DEFAULT_KEY_PREFIX = "wasdk:dedupe:";

  private static final long TTL_MARGIN_MILLIS = 60_000;

  private final RedisClient client;
  private final boolean ownsClient;
  private final StatefulRedisConnection<String, String> connection;
  private final String prefix;
  private final long horizonMillis;
  private final String description;

  private RedisDeduplicator(Builder b) {
    if (b.client != null) {
      this.client = b.client;
      this.ownsClient = false;
      this.description = "Redis de-duplication store";
    } else {
      this.client = RedisClient.create(b.redisUri);
      this.ownsClient = true;
      this.description =
          "Redis de-duplication store at " + b.redisUri.getHost() + ":" + b.redisUri.getPort();
    }
    try {
      this.connection = client.connect();
    } catch (RedisException e) {
      if (ownsClient) {
        client.shutdown();
      }
      throw new IllegalStateException(description + " cannot be reached: " + e.getMessage(), e);
    }
    connection.setTimeout(b.commandTimeout);
    this.prefix = b.keyPrefix;
    this.horizonMillis = b.horizon.toMillis();
  }

  /** Returns a new builder. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Claim claim(String key, String holder, Instant now, Duration lease) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    long t = now.toEpochMilli();
    long leaseMillis = positiveMillis(lease);
    long r =
        eval(
            DedupeScripts.CLAIM,
            prefix + key,
            holder,
            Long.toString(t),
            Long.toString(t + leaseMillis),
            Long.toString(leaseMillis + TTL_MARGIN_MILLIS));
    return r == 0 ? Claim.CLAIMED : r == 1 ? Claim.IN_PROGRESS : Claim.DONE;
  }

  @Override
  public boolean renew(String key, String holder, Instant now, Duration lease) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    long leaseMillis = positiveMillis(lease);
    return eval(
            DedupeScripts.RENEW,
            prefix + key,
            holder,
            Long.toString(now.toEpochMilli() + leaseMillis),
            Long.toString(leaseMillis + TTL_MARGIN_MILLIS))
        == 1;
  }

  @Override
  public void complete(String key, String holder, Instant now) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    String value = "d|" + (now.toEpochMilli() + horizonMillis) + "|" + holder;
    try {
      connection
          .sync()
          .set(prefix + key, value, SetArgs.Builder.px(horizonMillis + TTL_MARGIN_MILLIS));
    } catch (RedisException e) {
      throw unavailable(e);
    }
  }

  @Override
  public void release(String key, String holder) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    eval(DedupeScripts.RELEASE, prefix + key, holder);
  }

  private long eval(Script script, String key, String... args) {
    RedisCommands<String, String> commands = connection.sync();
    String[] keys = {key};
    try {
      try {
        Long r = commands.evalsha(script.sha(), ScriptOutputType.INTEGER, keys, args);
        return r;
      } catch (RedisNoScriptException e) {
        // First use on this server, or after a restart: EVAL also caches it.
        Long r = commands.eval(script.body(), ScriptOutputType.INTEGER, keys, args);
        return r;
      }
    } catch (RedisException e) {
      throw unavailable(e);
    }
  }

  private IllegalStateException unavailable(RedisException e) {
    return new IllegalStateException(description + " failed: " + e.getMessage(), e);
  }

  private static long positiveMillis(Duration lease) {
    Objects.requireNonNull(lease, "lease");
    if (lease.isNegative() || lease.isZero()) {
      throw new IllegalArgumentException("lease must be positive, was " + lease);
    }
    return lease.toMillis();
  }

  /** Closes the connection, and the client when this store created it. */
  @Override
  public void close() {
    connection.close();
    if (ownsClient) {
      client.shutdown();
    }
  }

  @Override
  public String toString() {
    return "RedisDeduplicator[" + description + ", horizonMillis=" + horizonMillis + "]";
  }

  /** Builds a {@link RedisDeduplicator}. Not thread-safe. */
  public static final class Builder {
    private RedisURI redisUri;
    private RedisClient client;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration horizon = DEFAULT_HORIZON;
    private Duration commandTimeout = Duration.ofSeconds(2);

    private Builder() {}

    /**
     * Sets the Redis to connect to, such as {@code redis://localhost:6379}. This or {@link #client}
     * is required.
     *
     * @param uri a Redis URI
     */
    public Builder redisUri(String uri) {
      this.redisUri = RedisURI.create(Objects.requireNonNull(uri, "uri"));
      return this;
    }

    /**
     * Uses an existing Lettuce client; it stays open when the store closes.
     *
     * @param client the client
     */
    public Builder client(RedisClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /**
     * Sets the prefix of every key. Default {@value RedisDeduplicator#DEFAULT_KEY_PREFIX}. Give
     * each application its own when several share one Redis.
     *
     * @param keyPrefix not null
     */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /**
     * Sets how long a done key is remembered. Default 7 days, as long as Meta retries.
     *
     * @param horizon positive
     */
    public Builder horizon(Duration horizon) {
      Objects.requireNonNull(horizon, "horizon");
      if (horizon.isNegative() || horizon.isZero()) {
        throw new IllegalArgumentException("horizon must be positive, was " + horizon);
      }
      this.horizon = horizon;
      return this;
    }

    /**
     * Sets how long a step may take before it fails. Default 2 seconds; keep it well under the time
     * Meta waits for an answer.
     *
     * @param commandTimeout positive
     */
    public Builder commandTimeout(Duration commandTimeout) {
      Objects.requireNonNull(commandTimeout, "commandTimeout");
      if (commandTimeout.isNegative() || commandTimeout.isZero()) {
        throw new IllegalArgumentException("commandTimeout must be positive");
      }
      this.commandTimeout = commandTimeout;
      return this;
    }

    /**
     * Connects and returns the store.
     *
     * @throws IllegalStateException if neither a URI nor a client was given, or Redis cannot be
     *     reached
     */
    public RedisDeduplicator build() {
      if (redisUri == null && client == null) {
        throw new IllegalStateException("redisUri or client is required");
      }
      return new RedisDeduplicator(this);
    }
  }
}
