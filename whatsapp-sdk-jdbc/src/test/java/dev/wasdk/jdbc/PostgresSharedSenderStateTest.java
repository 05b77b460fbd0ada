package dev.wasdk.jdbc;

import dev.wasdk.jdbc.testing.LocalPostgres;
import dev.wasdk.sender.SharedSenderStateContract;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;

/**
 * Restarts and two app instances over one real PostgreSQL database: each instance a {@link
 * JdbcStores} over a data source of its own.
 */
class PostgresSharedSenderStateTest extends SharedSenderStateContract {
  private static LocalPostgres pg;
  private static String database;

  @BeforeAll
  static void createDatabase() {
    pg = LocalPostgres.shared();
    DataSource created = pg.createDatabase();
    database = ((org.postgresql.ds.PGSimpleDataSource) created).getDatabaseName();
  }

  @Override
  protected Instance open() {
    JdbcStores stores =
        JdbcStores.builder(pg.dataSource(database))
            .queryTimeout(java.time.Duration.ofSeconds(5))
            .build();
    return new Instance(stores.consent(), stores.serviceWindows(), stores.recipientIds(), () -> {});
  }
}
