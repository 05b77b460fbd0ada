package dev.wasdk.internal.redis;

import dev.wasdk.internal.redis.LimiterScripts.Script;
import dev.wasdk.sender.StoreUnavailableException;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One Lettuce connection, opened on first use and again after it is lost, with a time budget on
 * every call: a reply that does not come within the command timeout turns into a {@link
 * StoreUnavailableException}, as does a connection that cannot be opened. Reconnection is tried at
 * most once per reconnect interval; calls in between fail at once.
 *
 * <p>Thread-safe; every call is multiplexed over the one connection.
 */
public final class RedisConnector implements AutoCloseable {
  private final RedisClient client;
  private final boolean ownsClient;
  private final String description;
  private final long timeoutNanos;
  private final long reconnectIntervalNanos;

  private final ReentrantLock connectLock = new ReentrantLock();
  private volatile StatefulRedisConnection<String, String> connection;
  private long lastConnectAttempt; // guarded by connectLock
  private boolean attempted; // guarded by connectLock
  private RuntimeException lastConnectFailure; // guarded by connectLock
  private volatile boolean closed;

  /**
   * Creates a connector.
   *
   * @param client the Lettuce client
   * @param ownsClient whether {@link #close()} shuts the client down
   * @param description names the server in messages, never with credentials
   * @param timeout the budget of each call
   * @param reconnectInterval the least time between two connection attempts
   */
  public RedisConnector(
      RedisClient client,
      boolean ownsClient,
      String description,
      Duration timeout,
      Duration reconnectInterval) {
    this.client = client;
    this.ownsClient = ownsClient;
    this.description = description;
    this.timeoutNanos = timeout.toNanos();
    this.reconnectIntervalNanos = reconnectInterval.toNanos();
  }

  /** Returns the server's description, such as {@code Redis at 127.0.0.1:6379}. */
  public String description() {
    return description;
  }

  /**
   * Runs one command and waits for its reply within the budget.
   *
   * @param command issues the command
   * @param <T> the reply's type
   * @return the reply
   * @throws StoreUnavailableException when Redis cannot be reached or answers too late
   */
  public <T> T call(Function<RedisAsyncCommands<String, String>, RedisFuture<T>> command) {
    return await(command.apply(connection().async()));
  }

  /**
   * Runs a script by its digest, loading it first when the server does not know it.
   *
   * @param script the script
   * @param type the reply's type
   * @param keys the keys it touches
   * @param args its arguments
   * @param <T> the reply's type
   * @return the reply
   * @throws StoreUnavailableException when Redis cannot be reached or answers too late
   */
  public <T> T eval(Script script, ScriptOutputType type, String[] keys, String... args) {
    RedisAsyncCommands<String, String> commands = connection().async();
    try {
      return await(commands.evalsha(script.sha(), type, keys, args));
    } catch (RedisNoScriptException e) {
      // First use on this server, or after SCRIPT FLUSH or a restart: EVAL also caches it.
      return await(commands.eval(script.body(), type, keys, args));
    }
  }

  private <T> T await(RedisFuture<T> future) {
    try {
      return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof RedisNoScriptException noScript) {
        throw noScript;
      }
      throw new StoreUnavailableException(description + " failed: " + cause.getMessage(), cause);
    } catch (TimeoutException e) {
      future.cancel(false);
      throw new StoreUnavailableException(
          description
              + " did not answer within "
              + Duration.ofNanos(timeoutNanos).toMillis()
              + " ms",
          e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(description + ": interrupted while waiting", e);
    }
  }

  private StatefulRedisConnection<String, String> connection() {
    if (closed) {
      throw new IllegalStateException("this Redis store is closed");
    }
    StatefulRedisConnection<String, String> c = connection;
    if (c != null && c.isOpen()) {
      return c;
    }
    try {
      if (!connectLock.tryLock(timeoutNanos, TimeUnit.NANOSECONDS)) {
        throw new StoreUnavailableException(description + " is not connected yet (connecting)");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StoreUnavailableException(description + ": interrupted while connecting", e);
    }
    try {
      c = connection;
      if (c != null && c.isOpen()) {
        return c;
      }
      long now = System.nanoTime();
      if (attempted && now - lastConnectAttempt < reconnectIntervalNanos) {
        throw new StoreUnavailableException(
            description
                + " is not connected; the last attempt failed: "
                + (lastConnectFailure == null
                    ? "connection lost"
                    : lastConnectFailure.getMessage()),
            lastConnectFailure);
      }
      attempted = true;
      lastConnectAttempt = now;
      connection = null;
      if (c != null) {
        c.closeAsync();
      }
      try {
        // Connecting is the one blocking step; it is bounded by the client's connect timeout.
        c = client.connect(StringCodec.UTF8);
        lastConnectFailure = null;
        connection = c;
        return c;
      } catch (RuntimeException e) {
        lastConnectFailure = e;
        throw new StoreUnavailableException(
            description + " cannot be reached: " + e.getMessage(), e);
      }
    } finally {
      connectLock.unlock();
    }
  }

  /** Closes the connection, and shuts the client down if owned. Closing twice does nothing. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    connectLock.lock();
    try {
      StatefulRedisConnection<String, String> c = connection;
      connection = null;
      if (c != null) {
        c.close();
      }
    } finally {
      connectLock.unlock();
    }
    if (ownsClient) {
      client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
  }
}
