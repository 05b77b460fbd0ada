package dev.wasdk.redis;

import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.ConsentStoreContract;
import dev.wasdk.sender.ServiceWindowStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the {@link ConsentStore} contract against a real redis-server. */
class RedisConsentStoreTest extends ConsentStoreContract {
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
  protected ConsentStore store() {
    return fixture.first().consent();
  }

  @Override
  protected ServiceWindowStore windows() {
    return fixture.first().serviceWindows();
  }

  @Override
  protected ConsentStore reopen() {
    return fixture.open().consent();
  }
}
