package dev.wasdk.jdbc;

import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.DeduplicatorContract;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;

/**
 * Runs the {@link Deduplicator} contract against the JDBC store on a real PostgreSQL (its own
 * database); each store is a new instance over the same database, as another app instance would
 * open.
 */
class PostgresDeduplicatorTest extends DeduplicatorContract {
  private static JdbcFixture fixture;

  @BeforeAll
  static void open() {
    fixture = JdbcFixture.postgres();
  }

  @Override
  protected Deduplicator newDeduplicator(Duration horizon) {
    return fixture.open().deduplicator(horizon);
  }
}
