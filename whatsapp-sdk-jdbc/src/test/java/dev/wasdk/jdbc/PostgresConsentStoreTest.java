package dev.wasdk.jdbc;

import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.ConsentStoreContract;
import dev.wasdk.sender.ServiceWindowStore;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the {@link ConsentStore} contract against the JDBC store on a real PostgreSQL (its own
 * database).
 */
class PostgresConsentStoreTest extends ConsentStoreContract {
  private static JdbcFixture fixture;

  @BeforeAll
  static void open() {
    fixture = JdbcFixture.postgres();
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
