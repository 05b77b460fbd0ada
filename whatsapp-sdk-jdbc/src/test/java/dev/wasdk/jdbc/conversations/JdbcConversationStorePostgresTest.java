package dev.wasdk.jdbc.conversations;

import dev.wasdk.conversations.ConversationStore;
import dev.wasdk.conversations.ConversationStoreContract;
import dev.wasdk.conversations.MutableClock;
import dev.wasdk.jdbc.testing.LocalPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/** The conversation store contract on a real PostgreSQL server, a table per test. */
class JdbcConversationStorePostgresTest extends ConversationStoreContract {
  private static final DataSource DATABASE = LocalPostgres.shared().createDatabase();

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final JdbcConversationStore store =
      JdbcConversationStore.builder(DATABASE)
          .table(uniqueTable())
          .queryTimeout(Duration.ofSeconds(10))
          .clock(clock)
          .build();

  static String uniqueTable() {
    return "conv_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
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
