package dev.wasdk.redis.conversations;

import dev.wasdk.conversations.ConversationState;
import dev.wasdk.conversations.ConversationStateCodec;
import dev.wasdk.conversations.ConversationStore;
import dev.wasdk.conversations.StoredConversation;
import dev.wasdk.internal.redis.ConversationScripts;
import dev.wasdk.internal.redis.RedisConnector;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.KeyValue;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SocketOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps conversation states in Redis, shared by every app instance that uses the same Redis: one
 * instance can ask a question and another take the answer, a timeout set before a restart still
 * fires, and each user's turns run one at a time across instances.
 *
 * <pre>{@code
 * try (RedisConversationStore store = RedisConversationStore.builder()
 *         .redisUri("redis://localhost:6379")
 *         .build()) {
 *   Conversations bot = Conversations.builder(Replier.of(sender)).store(store)...build();
 * }
 * }</pre>
 *
 * <p><b>One round trip per operation.</b> {@code get} is one {@code HMGET}; {@code put}, {@code
 * delete}, {@code dueWaits}, {@code lease} and {@code release} are one Lua script each, atomic on
 * the server, with no {@code WATCH}.
 *
 * <p><b>Keys.</b> Under the {@linkplain Builder#keyPrefix prefix} (default {@value
 * #DEFAULT_KEY_PREFIX}): {@code s:<conversation>} a hash of the version, the state, its expiry and
 * its wait deadline; {@code l:<conversation>} a lease hash; {@code due} a sorted set of the wait
 * deadlines. The conversation key is the user's WhatsApp id or user id (or {@code group:<id>}), so
 * Redis holds these ids and the data the bot's steps keep: secure it as you would the database. The
 * scripts touch the sorted set and the state hashes together, so they need one Redis (with or
 * without replicas and Sentinel), not Redis Cluster.
 *
 * <p><b>Time.</b> Expiry and leases are judged by the {@linkplain Builder#clock clock} each call
 * reads, so instances need roughly synchronized clocks (NTP); Redis's own key expiry, a minute
 * later, only cleans up.
 *
 * <p><b>Time budget.</b> Every call waits at most the {@linkplain Builder#commandTimeout command
 * timeout} (default 500 ms) and then throws {@link dev.wasdk.sender.StoreUnavailableException}.
 *
 * <p>Thread-safe and meant to be shared. Close it when done: it closes its connection, and the
 * Lettuce client when it created it from a URI.
 */
public final class RedisConversationStore implements ConversationStore, AutoCloseable {
  /** The default prefix of every key this store writes. */
  public static final String DEFAULT_KEY_PREFIX = "wasdk:conv:";

  private static final long CLEANUP_MARGIN_MILLIS = 60_000;

  private final RedisConnector redis;
  private final String statePrefix;
  private final String leasePrefix;
  private final String dueKey;
  private final Clock clock;

  private RedisConversationStore(Builder b) {
    RedisClient client;
    boolean owns;
    String description;
    if (b.client != null) {
      client = b.client;
      owns = false;
      description = "Redis conversation store";
    } else {
      client = RedisClient.create(b.redisUri);
      client.setOptions(
          ClientOptions.builder()
              .autoReconnect(false)
              .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
              .socketOptions(SocketOptions.builder().connectTimeout(b.commandTimeout).build())
              .build());
      owns = true;
      description =
          "Redis conversation store at " + b.redisUri.getHost() + ":" + b.redisUri.getPort();
    }
    this.redis =
        new RedisConnector(client, owns, description, b.commandTimeout, Duration.ofSeconds(1));
    this.statePrefix = b.keyPrefix + "s:";
    this.leasePrefix = b.keyPrefix + "l:";
    this.dueKey = b.keyPrefix + "due";
    this.clock = b.clock;
  }

  /**
   * Returns a new builder.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Optional<StoredConversation> get(String key) {
    Objects.requireNonNull(key, "key");
    List<KeyValue<String, String>> f = redis.call(c -> c.hmget(statePrefix + key, "v", "s", "e"));
    if (f.size() < 3 || !f.get(0).hasValue() || !f.get(1).hasValue() || !f.get(2).hasValue()) {
      return Optional.empty();
    }
    if (Long.parseLong(f.get(2).getValue()) <= clock.millis()) {
      return Optional.empty();
    }
    return Optional.of(
        new StoredConversation(
            ConversationStateCodec.decode(f.get(1).getValue()),
            Long.parseLong(f.get(0).getValue())));
  }

  @Override
  public boolean put(String key, ConversationState state, long expectedVersion, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(state, "state");
    long ttlMillis = positiveMillis(ttl, "ttl");
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expectedVersion must be 0 or more: " + expectedVersion);
    }
    long now = clock.millis();
    String deadline =
        state
            .waiting()
            .flatMap(ConversationState.Wait::deadline)
            .map(d -> Long.toString(d.toEpochMilli()))
            .orElse("");
    Long r =
        redis.eval(
            ConversationScripts.PUT,
            ScriptOutputType.INTEGER,
            new String[] {statePrefix + key, dueKey},
            Long.toString(expectedVersion),
            Long.toString(now),
            Long.toString(now + ttlMillis),
            ConversationStateCodec.encode(state),
            deadline,
            key,
            Long.toString(ttlMillis + CLEANUP_MARGIN_MILLIS));
    return r != null && r == 1;
  }

  @Override
  public void delete(String key) {
    Objects.requireNonNull(key, "key");
    redis.eval(
        ConversationScripts.DELETE,
        ScriptOutputType.INTEGER,
        new String[] {statePrefix + key, dueKey},
        key);
  }

  @Override
  public List<String> dueWaits(Instant now, int limit) {
    Objects.requireNonNull(now, "now");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be positive: " + limit);
    }
    List<Object> keys =
        redis.eval(
            ConversationScripts.DUE,
            ScriptOutputType.MULTI,
            new String[] {dueKey},
            Long.toString(now.toEpochMilli()),
            Integer.toString(limit),
            statePrefix,
            Long.toString(clock.millis()));
    List<String> out = new ArrayList<>(keys.size());
    for (Object k : keys) {
      out.add(String.valueOf(k));
    }
    return out;
  }

  @Override
  public boolean lease(String key, String holder, Duration ttl) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    long ttlMillis = positiveMillis(ttl, "ttl");
    long now = clock.millis();
    Long r =
        redis.eval(
            ConversationScripts.LEASE,
            ScriptOutputType.INTEGER,
            new String[] {leasePrefix + key},
            holder,
            Long.toString(now),
            Long.toString(now + ttlMillis),
            Long.toString(ttlMillis + CLEANUP_MARGIN_MILLIS));
    return r != null && r == 1;
  }

  @Override
  public void release(String key, String holder) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(holder, "holder");
    redis.eval(
        ConversationScripts.RELEASE,
        ScriptOutputType.INTEGER,
        new String[] {leasePrefix + key},
        holder);
  }

  private static long positiveMillis(Duration d, String name) {
    Objects.requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + d);
    }
    return Math.max(1, d.toMillis());
  }

  /** Closes the connection, and the Lettuce client when this store created it. */
  @Override
  public void close() {
    redis.close();
  }

  @Override
  public String toString() {
    return "RedisConversationStore[" + redis.description() + "]";
  }

  /**
   * Builds a {@link RedisConversationStore}. Give {@link #redisUri} or {@link #client}. Not
   * thread-safe.
   */
  public static final class Builder {
    private RedisURI redisUri;
    private RedisClient client;
    private String keyPrefix = DEFAULT_KEY_PREFIX;
    private Duration commandTimeout = Duration.ofMillis(500);
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Connects to the Redis at {@code uri}, such as {@code redis://localhost:6379}, with a client
     * the store creates and shuts down on close.
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
     * Uses a Lettuce client of your own; the store opens its own connection and closes only that.
     *
     * @param client the client
     * @return this builder
     */
    public Builder client(RedisClient client) {
      this.client = Objects.requireNonNull(client, "client");
      this.redisUri = null;
      return this;
    }

    /**
     * Sets the prefix of every key. Default {@value RedisConversationStore#DEFAULT_KEY_PREFIX}.
     * Give each bot its own when several share one Redis.
     *
     * @param keyPrefix the prefix
     * @return this builder
     */
    public Builder keyPrefix(String keyPrefix) {
      this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
      return this;
    }

    /**
     * Sets how long a call waits for its reply. Default 500 ms.
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
     * Sets the clock that expiry and leases are judged by. Default: the system clock.
     *
     * @param clock the clock; a fake one in tests
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns the store. It connects on first use, so Redis need not be up yet.
     *
     * @return the store
     * @throws IllegalStateException if neither a URI nor a client was given
     */
    public RedisConversationStore build() {
      if (redisUri == null && client == null) {
        throw new IllegalStateException("give redisUri(...) or client(...)");
      }
      return new RedisConversationStore(this);
    }
  }
}
