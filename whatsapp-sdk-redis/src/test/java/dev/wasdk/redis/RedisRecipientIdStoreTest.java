package dev.wasdk.redis;

import dev.wasdk.sender.RecipientIdStore;
import dev.wasdk.sender.RecipientIdStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Runs the {@link RecipientIdStore} contract against a real redis-server. */
class RedisRecipientIdStoreTest extends RecipientIdStoreContract {
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
  protected RecipientIdStore store() {
    return fixture.first().recipientIds();
  }

  @Override
  protected RecipientIdStore reopen() {
    return fixture.open().recipientIds();
  }
}
