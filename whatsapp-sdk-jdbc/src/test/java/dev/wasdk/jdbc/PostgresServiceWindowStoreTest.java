package dev.wasdk.jdbc;

import dev.wasdk.sender.ServiceWindowStore;
import dev.wasdk.sender.ServiceWindowStoreContract;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the {@link ServiceWindowStore} contract against the JDBC store on a real PostgreSQL (its own
 * database).
 */
class PostgresServiceWindowStoreTest extends ServiceWindowStoreContract {
  private static JdbcFixture fixture;

  @BeforeAll
  static void open() {
    fixture = JdbcFixture.postgres();
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
