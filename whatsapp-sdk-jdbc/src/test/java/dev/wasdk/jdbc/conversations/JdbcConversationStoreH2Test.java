package dev.wasdk.jdbc.conversations;

import dev.wasdk.conversations.ConversationStore;
import dev.wasdk.conversations.ConversationStoreContract;
import dev.wasdk.conversations.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The conversation store contract on H2 in file mode, a table per test. */
class JdbcConversationStoreH2Test extends ConversationStoreContract {
  private static final DataSource DATABASE = h2File();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final JdbcConversationStore store =
      JdbcConversationStore.builder(DATABASE)
          .table(JdbcConversationStorePostgresTest.uniqueTable())
          .queryTimeout(Duration.ofSeconds(10))
          .clock(clock)
          .build();

  /** Returns a new H2 database in a file under a new temporary directory. */
  static DataSource h2File() {
    try {
      JdbcDataSource ds = new JdbcDataSource();
      ds.setURL(
          "jdbc:h2:file:"
              + Files.createTempDirectory("wasdk-conv-h2-").resolve("conversations")
              + ";DB_CLOSE_DELAY=-1");
      ds.setUser("sa");
      return ds;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  protected ConversationStore store() {
    return store;
  }

  @Override
  protected void elapse(Duration d) {
    clock.advance(d);
  }
}
