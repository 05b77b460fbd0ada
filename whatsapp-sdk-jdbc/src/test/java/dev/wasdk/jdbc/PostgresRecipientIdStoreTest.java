package dev.wasdk.jdbc;

import dev.wasdk.sender.RecipientIdStore;
import dev.wasdk.sender.RecipientIdStoreContract;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the {@link RecipientIdStore} contract against the JDBC store on a real PostgreSQL (its own
 * database).
 */
class PostgresRecipientIdStoreTest extends RecipientIdStoreContract {
  private static JdbcFixture fixture;

  @BeforeAll
  static void open() {
    fixture = JdbcFixture.postgres();
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
