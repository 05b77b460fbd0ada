package dev.wasdk.jdbc;

import dev.wasdk.sender.ServiceWindowStore;
import dev.wasdk.sender.ServiceWindowStoreContract;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the {@link ServiceWindowStore} contract against the JDBC store on H2 in file mode (its own
 * database).
 */
class H2ServiceWindowStoreTest extends ServiceWindowStoreContract {
  private static JdbcFixture fixture;

  @BeforeAll
  static void open() {
    fixture = JdbcFixture.h2File();
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
