package dev.wasdk.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.message.TemplateCategory;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentSource;
import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.ServiceWindowStore;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisConsentStore#read} with the window store of the same {@link RedisStores} is one
 * script on the server, and reads no list or hash on its own; with another window store it reads
 * each store apart. Counted on a server of its own, which nothing else talks to.
 */
class RedisCombinedReadTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
  private static LocalRedisServer server;
  private static RedisClient client;
  private static StatefulRedisConnection<String, String> admin;
  private static RedisStores stores;

  @BeforeAll
  static void start() {
    server = LocalRedisServer.start();
    client = RedisClient.create(server.uri());
    admin = client.connect();
    stores = RedisStores.builder().redisUri(server.uri()).keyPrefix("combined:").build();
  }

  @AfterAll
  static void stop() {
    stores.close();
    admin.close();
    client.shutdown();
    server.close();
  }

  /** Returns how many times the server ran {@code command} from a client, scripts aside. */
  static long calls(String command) {
    String info = admin.sync().info("commandstats");
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("cmdstat_" + command + ":calls=")) {
        String rest = line.substring(("cmdstat_" + command + ":calls=").length());
        return Long.parseLong(rest.substring(0, rest.indexOf(',')));
      }
    }
    return 0;
  }

  static long scriptCalls() {
    return calls("evalsha") + calls("eval");
  }

  @Test
  void read_withItsOwnWindowStore_isOneScriptCall() {
    ConsentStore consent = stores.consent();
    consent.append(
        "u1", ConsentRecord.optIn(TemplateCategory.MARKETING, ConsentSource.API, "f", null, T0));
    stores.serviceWindows().recordInbound("u1", T0);
    consent.read("u1", stores.serviceWindows()); // loads the script once
    long scripts = scriptCalls();
    long lists = calls("lrange");
    long hashes = calls("hmget");

    ConsentStore.UserState s = consent.read("u1", stores.serviceWindows());

    assertThat(s.history()).hasSize(1);
    assertThat(s.lastInbound()).contains(T0);
    assertThat(scriptCalls() - scripts).isEqualTo(1);
    // The list and the hash were read once each, inside the script.
    assertThat(calls("lrange") - lists).isEqualTo(1);
    assertThat(calls("hmget") - hashes).isEqualTo(1);
  }

  @Test
  void read_withAnotherWindowStore_readsTheListAloneAndNoScript() {
    ServiceWindowStore other = ServiceWindowStore.inMemory();
    other.recordInbound("u2", T0);
    long scripts = scriptCalls();
    long lists = calls("lrange");

    ConsentStore.UserState s = stores.consent().read("u2", other);

    assertThat(s.lastInbound()).contains(T0);
    assertThat(scriptCalls() - scripts).isZero();
    assertThat(calls("lrange") - lists).isEqualTo(1);
  }
}
