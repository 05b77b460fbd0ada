package dev.wasdk.redis;

import dev.wasdk.internal.redis.RedisConnector;
import dev.wasdk.sender.StoreUnavailableException;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps the sender's records about users in Redis, so that they survive a restart of the app and
 * are shared by every app instance using the same Redis: the consent history ({@link #consent()}),
 * the time of each user's latest inbound message ({@link #serviceWindows()}), and the WhatsApp id
 * of each dialled number ({@link #recipientIds()}). The three stores share one connection.
 *
 * <pre>{@code
 * try (RedisStores stores = RedisStores.builder()
 *         .redisUri("redis://localhost:6379")
 *         .commandTimeout(Duration.ofMillis(250))
 *         .build()) {
 *     ConsentStore consent = stores.consent();
 *     ServiceWindowStore windows = stores.serviceWindows();
 *     RecipientIdStore ids = stores.recipientIds();
 *     ...
 * }
 * }</pre>
 *
 * <p><b>Keys.</b> Under the {@link Builder#keyPrefix(String) prefix} (default {@code wasdk:}):
 * {@code consent:<key>} a list of records, oldest first, with no time to live, since consent is a
 * record of truth; {@code window:<key>} a hash of the latest inbound time, living 24 hours and 10
 * minutes from its last change; {@code id:<dialled>} the canonical id of a dialled form and {@code
 * idr:<canonical>} the set of dialled forms mapped to it, with no time to live. The keys hold only
 * the pseudonyms the sender passes in, never phone numbers.
 *
 * <p><b>Durability.</b> What survives a Redis restart is what Redis persists: run it with the
 * append-only file ({@code appendonly yes}, {@code appendfsync everysec} or {@code always}) when
 * the consent history must survive one. A Redis that keeps nothing on disk loses consent on
 * restart; use the JDBC stores for a record of truth on a database.
 *
 * <p><b>Time budget.</b> Every call waits at most the {@link Builder#commandTimeout(Duration)
 * command timeout} (default 500 ms) for its reply, and then throws {@link
 * StoreUnavailableException}; so does a call while Redis cannot be reached. With a URI the connect
 * timeout is the same; with a client of your own, its connect timeout bounds the first call after a
 * connection was lost. A call that timed out may still take effect on the server.
 *
 * <p><b>Deployment.</b> Each call is one command or one Lua script, so each is atomic. The
 * recipient-id scripts touch the forward key and reverse set of several users at once, so they need
 * one Redis (with or without replicas and Sentinel), not Redis Cluster.
 *
 * <p><b>Thread-safety and lifecycle.</b> Thread-safe and meant to be shared. Close it when done: it
 * closes its connection, and shuts the Lettuce client down when it created it from a URI. The
 * stores it handed out fail with {@link IllegalStateException} after that.
 */
public final class RedisStores implements AutoCloseable {
  static final Duration WINDOW_TTL = Duration.ofHours(24).plusMinutes(10);

  private final RedisConnector connector;
  private final String keyPrefix;
  private final RedisConsentStore consent;
  private final RedisServiceWindowStore windows;
  private final RedisRecipientIdStore ids;

  private RedisStores(Builder b) {
    RedisClient client;
    boolean owns;
    String description;
    if (b.client != null) {
      client = b.client;
      owns = false;
      description = "Redis";
    } else {
      client = RedisClient.create(b.redisUri);
      client.setOptions(
          ClientOptions.builder()
              .autoReconnect(false)
              .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
              .socketOptions(SocketOptions.builder().connectTimeout(b.commandTimeout).build())
              .build());
      owns = true;
      description = "Redis at " + b.redisUri.getHost() + ":" + b.redisUri.getPort();
    }
    this.connector =
        new RedisConnector(client, owns, description, b.commandTimeout, b.reconnectInterval);
    this.keyPrefix = b.keyPrefix;
    this.consent = new RedisConsentStore(connector, keyPrefix + "consent:");
    this.windows = new RedisServiceWindowStore(connector, keyPrefix + "window:", WINDOW_TTL);
    this.ids = new RedisRecipientIdStore(connector, keyPrefix + "id:", keyPrefix + "idr:");
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the consent store: each user's history as a Redis list.
   *
   * @return the store, the same instance on every call
   */
  public RedisConsentStore consent() {
    return consent;
  }

  /**
   * Returns the service-window store: each user's latest inbound time, for 24 hours and 10 minutes.
   *
   * @return the store, the same instance on every call
   */
  public RedisServiceWindowStore serviceWindows() {
    return windows;
  }

  /**
   * Returns the recipient-id store: the canonical WhatsApp id of each dialled number.
   *
   * @return the store, the same instance on every call
   */
  public RedisRecipientIdStore recipientIds() {
    return ids;
  }

  /** Closes the connection, and the Lettuce client when this created it. */
  @Override
  public void close() {
    connector.close();
  }

  @Override
  public String toString() {
    return "RedisStores[" + connector.description() + ", prefix=" + keyPrefix + "]";
  }

  /**
   * Builds {@link RedisStores}. Give either {@link #redisUri(String)} or {@link
   * #client(RedisClient)}; everything else has a default.
   *
   * <p>Builders are not thread-safe; build once and share the stores.
   */
  public static final class Builder {
    private RedisURI redisUri;
    private RedisClient client;
    private String keyPrefix = "wasdk:";
    private Duration commandTimeout = Duration.ofMillis(500);
    private Duration reconnectInterval = Duration.ofSeconds(1);

    private Builder() {}

    /**
     * Connects to the Redis at {@code uri}, such as {@code redis://localhost:6379}, with a Lettuce
     * client that the stores create, own and shut down on {@link RedisStores#close()}.
     *
     * @param uri a Redis URI in Lettuce's syntax
     * @return this builder
     * @throws IllegalArgumentException if the URI cannot be parsed
     */
    public Builder redisUri(String uri) {
      Objects.requireNonNull(uri, "uri");
      try {
        this.redisUri = RedisURI.create(uri);
      } catch (RuntimeException e) {
        // Lettuce's message may repeat the URI, password included.
        throw new IllegalArgumentException("not a valid Redis URI (details withheld)");
      }
      this.client = null;
      return this;
    }

    /**
     * Uses a Lettuce client of your own; the stores open their own connection from it and close
     * only that connection.
     *
     * @param client the client; it stays yours to shut down
     * @return this builder
     */
    public Builder client(RedisClient client) {
      this.client = Objects.requireNonNull(client, "client");
      this.redisUri = null;
      return this;
    }

    /**
     * Sets the prefix of every key. Default {@code wasdk:}. Change it to keep apart deployments
     * that share one Redis.
     *
     * @param keyPrefix the prefix; may be empty
     * @return this builder
     */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /**
     * Sets how long a call waits for its reply before it throws {@link StoreUnavailableException};
     * with a URI, also the connect timeout. Default 500 ms: the consent and window checks sit on
     * the send path, where a quick, clear failure beats a long wait.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder commandTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("commandTimeout must be positive, was " + timeout);
      }
      this.commandTimeout = timeout;
      return this;
    }

    /**
     * Sets the least time between two attempts to reconnect after the connection is lost; calls in
     * between fail at once. Default 1 second. Zero tries on every call.
     *
     * @param interval zero or positive
     * @return this builder
     */
    public Builder reconnectInterval(Duration interval) {
      Objects.requireNonNull(interval, "interval");
      if (interval.isNegative()) {
        throw new IllegalArgumentException("reconnectInterval must not be negative");
      }
      this.reconnectInterval = interval;
      return this;
    }

    /**
     * Builds the stores. They connect on first use, so Redis need not be up yet.
     *
     * @return the stores
     * @throws IllegalStateException if neither a URI nor a client was given
     */
    public RedisStores build() {
      if (redisUri == null && client == null) {
        throw new IllegalStateException("give redisUri(...) or client(...)");
      }
      return new RedisStores(this);
    }
  }
}
