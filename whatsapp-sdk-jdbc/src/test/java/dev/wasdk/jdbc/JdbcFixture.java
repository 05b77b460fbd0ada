package dev.wasdk.jdbc;

import dev.wasdk.jdbc.testing.LocalPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One database for a test class, and the stores over it: the first instance, and more instances
 * over the same database for {@code reopen()}, each with a data source of its own as a second app
 * instance would have.
 */
final class JdbcFixture {
  private final Supplier<DataSource> dataSources;
  private final JdbcStores first;

  private JdbcFixture(Supplier<DataSource> dataSources) {
    this.dataSources = dataSources;
    this.first = open();
  }

  /** A new database on the shared PostgreSQL. */
  static JdbcFixture postgres() {
    LocalPostgres pg = LocalPostgres.shared();
    System.out.println("PostgreSQL for the tests: " + pg);
    DataSource created = pg.createDatabase();
    String db = ((org.postgresql.ds.PGSimpleDataSource) created).getDatabaseName();
    return new JdbcFixture(() -> pg.dataSource(db));
  }

  /** A new H2 database in file mode, in a temporary directory. */
  static JdbcFixture h2File() {
    String url = "jdbc:h2:file:" + tempDir().resolve("stores") + ";DB_CLOSE_DELAY=-1";
    return new JdbcFixture(() -> h2(url));
  }

  static DataSource h2(String url) {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL(url);
    ds.setUser("sa");
    return ds;
  }

  static Path tempDir() {
    try {
      return Files.createTempDirectory("wasdk-h2-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JdbcStores first() {
    return first;
  }

  /** Builds another instance over the same database; it migrates, and finds nothing to do. */
  JdbcStores open() {
    return JdbcStores.builder(dataSources.get())
        .queryTimeout(java.time.Duration.ofSeconds(5))
        .build();
  }
}
