package dev.wasdk.jdbc;

import dev.wasdk.sender.RecipientIdStore;
import dev.wasdk.sender.RecipientIdStoreContract;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the {@link RecipientIdStore} contract against the JDBC store on H2 in file mode (its own
 * database).
 */
class H2RecipientIdStoreTest extends RecipientIdStoreContract {
  private static JdbcFixture fixture;

  @BeforeAll
  static void open() {
    fixture = JdbcFixture.h2File();
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
