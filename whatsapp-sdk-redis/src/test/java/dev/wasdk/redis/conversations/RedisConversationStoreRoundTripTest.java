package dev.wasdk.redis.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.conversations.ConversationState;
import dev.wasdk.redis.testing.LocalRedisServer;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each store operation is one round trip, one command sent to the server: watched with {@code
 * MONITOR} on a server of this class's own, where the commands a script runs inside show as {@code
 * lua} and do not count.
 */
class RedisConversationStoreRoundTripTest {
  private static LocalRedisServer server;
  private static RedisClient client;
  private static StatefulRedisConnection<String, String> admin;
  private static RedisConversationStore store;
  private static Socket monitor;
  private static BufferedReader feed;
  private static int sentinel;

  @BeforeAll
  static void start() throws IOException {
    server = LocalRedisServer.start();
    client = RedisClient.create(server.uri());
    admin = client.connect();
    store =
        RedisConversationStore.builder()
            .redisUri(server.uri())
            .commandTimeout(Duration.ofSeconds(5))
            .build();
    monitor = new Socket(InetAddress.getLoopbackAddress(), server.port());
    monitor.setSoTimeout(20_000);
    OutputStream out = monitor.getOutputStream();
    out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
    out.flush();
    feed =
        new BufferedReader(new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8));
    String ok = feed.readLine();
    assertThat(ok).isEqualTo("+OK");
  }

  @AfterAll
  static void stop() throws IOException {
    monitor.close();
    store.close();
    admin.close();
    client.shutdown();
    server.close();
  }

  /** Returns the top-level commands {@code op} sent, read from the monitor up to a marker. */
  private static List<String> commands(Runnable op) throws IOException {
    drainTo(marker());
    op.run();
    return drainTo(marker());
  }

  private static String marker() {
    String m = "round-trip-marker-" + (++sentinel);
    admin.sync().echo(m);
    return m;
  }

  private static List<String> drainTo(String marker) throws IOException {
    List<String> seen = new ArrayList<>();
    while (true) {
      String line = feed.readLine();
      if (line == null) {
        throw new AssertionError("the monitor connection closed");
      }
      if (line.contains(marker)) {
        return seen;
      }
      if (!line.contains(" lua]")) {
        seen.add(line);
      }
    }
  }

  @Test
  void everyOperation_isOneCommand() throws IOException {
    ConversationState waiting =
        ConversationState.start(Instant.now())
            .withWaiting(
                Optional.of(
                    new ConversationState.Wait(
                        "size", Optional.of(Instant.now().plusSeconds(60)), Optional.empty())));
    Duration ttl = Duration.ofMinutes(5);
    // The first call of each script may need EVAL after NOSCRIPT; load them all once.
    store.put("warm", waiting, 0, ttl);
    store.dueWaits(Instant.now(), 10);
    store.lease("warm", "h", ttl);
    store.release("warm", "h");
    store.delete("warm");

    assertThat(commands(() -> store.get("u1"))).singleElement().asString().contains("HMGET");
    assertThat(commands(() -> store.put("u1", waiting, 0, ttl)))
        .singleElement()
        .asString()
        .contains("EVALSHA");
    assertThat(commands(() -> store.put("u1", waiting, 1, ttl))).hasSize(1);
    assertThat(commands(() -> store.get("u1"))).hasSize(1);
    assertThat(commands(() -> store.dueWaits(Instant.now().plusSeconds(120), 10))).hasSize(1);
    assertThat(commands(() -> store.lease("u1", "h", ttl))).hasSize(1);
    assertThat(commands(() -> store.release("u1", "h"))).hasSize(1);
    assertThat(commands(() -> store.delete("u1"))).hasSize(1);
  }
}
