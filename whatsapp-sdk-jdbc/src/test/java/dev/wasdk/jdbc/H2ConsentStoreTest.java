package dev.wasdk.jdbc;

import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.ConsentStoreContract;
import dev.wasdk.sender.ServiceWindowStore;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the {@link ConsentStore} contract against the JDBC store on H2 in file mode (its own
 * database).
 */
class H2ConsentStoreTest extends ConsentStoreContract {
  private static JdbcFixture fixture;

  @BeforeAll
  static void open() {
    fixture = JdbcFixture.h2File();
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
