package dev.wasdk.redis;

import dev.wasdk.sender.ServiceWindowStore;
import dev.wasdk.sender.ServiceWindowStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the {@link ServiceWindowStore} contract against a real redis-server. */
class RedisServiceWindowStoreTest extends ServiceWindowStoreContract {
  private static RedisStoresFixture fixture;

  @BeforeAll
  static void open() {
    fixture = new RedisStoresFixture();
  }

  @AfterAll
  static void close() {
    fixture.close();
  }

  @Override
  protected ServiceWindowStore store() {
    return fixture.first().serviceWindows();
  }

  @Override
  protected ServiceWindowStore reopen() {
    return fixture.open().serviceWindows();
  }
}
