package dev.wasdk.jdbc;

import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.DeduplicatorContract;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the {@link Deduplicator} contract against the JDBC store on H2 in file mode (its own
 * database); each store is a new instance over the same database, as another app instance would
 * open.
 */
class H2DeduplicatorTest extends DeduplicatorContract {
  private static JdbcFixture fixture;

  @BeforeAll
  static void open() {
    fixture = JdbcFixture.h2File();
  }

  @Override
  protected Deduplicator newDeduplicator(Duration horizon) {
    return fixture.open().deduplicator(horizon);
  }
}
