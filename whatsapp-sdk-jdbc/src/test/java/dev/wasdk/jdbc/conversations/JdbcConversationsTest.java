package dev.wasdk.jdbc.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.conversations.Conversations;
import dev.wasdk.conversations.Events;
import dev.wasdk.conversations.Filters;
import dev.wasdk.conversations.MutableClock;
import dev.wasdk.conversations.RecordingReplier;
import dev.wasdk.jdbc.testing.LocalPostgres;
import dev.wasdk.webhooks.event.MessageReceived;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Bots over the JDBC store: a restart mid-question, and two instances sharing a database. */
class JdbcConversationsTest {
  private static final String USER = "16505551234";

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T10:00:00Z"));
  private final RecordingReplier replier = new RecordingReplier();
  private final List<Throwable> errors = new CopyOnWriteArrayList<>();

  private Conversations bot(DataSource db, String table) {
    // tag::store[]
    JdbcConversationStore store =
        JdbcConversationStore.builder(db) // a pooled DataSource: PostgreSQL, or H2
            .table(table) // default wasdk_conversation; created when missing
            .clock(clock) // the system clock by default
            .build();
    // end::store[]
    return Conversations.builder(replier)
        .store(store)
        .clock(clock)
        .executor(Runnable::run)
        .deadlinePolling(Duration.ZERO)
        .onError((k, e) -> errors.add(e))
        .on(
            MessageReceived.class,
            Filters.keyword("order"),
            turn -> {
              turn.reply("Which size?");
              turn.ask("size", Duration.ofMinutes(10), "size-timeout");
            })
        .step("size", turn -> turn.reply("Size " + turn.text()))
        .step("size-timeout", turn -> turn.reply("Type ORDER to start again."))
        .build();
  }

  @Test
  void h2File_restartMidQuestion_timeoutFiresOnTheNewInstance() throws Exception {
    DataSource db = JdbcConversationStoreH2Test.h2File();
    String table = JdbcConversationStorePostgresTest.uniqueTable();
    try (Conversations before = bot(db, table)) {
      before.handle(Events.text(USER, "order")).get(10, TimeUnit.SECONDS);
    }
    clock.advance(Duration.ofMinutes(11));

    try (Conversations after = bot(db, table)) {
      assertThat(after.runDueTimeouts().get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(after.runDueTimeouts().get(10, TimeUnit.SECONDS)).isZero();
    }
    assertThat(replier.texts()).containsExactly("Which size?", "Type ORDER to start again.");
    assertThat(errors).isEmpty();
  }

  @Test
  void postgres_oneInstanceAsks_theOtherTakesTheAnswer() throws Exception {
    DataSource db = LocalPostgres.shared().createDatabase();
    String table = JdbcConversationStorePostgresTest.uniqueTable();
    try (Conversations a = bot(db, table);
        Conversations b = bot(db, table)) {
      assertThat(a.handle(Events.text(USER, "order")).get(10, TimeUnit.SECONDS)).isTrue();
      assertThat(b.handle(Events.text(USER, "L")).get(10, TimeUnit.SECONDS)).isTrue();
      clock.advance(Duration.ofMinutes(11));
      assertThat(a.runDueTimeouts().get(10, TimeUnit.SECONDS)).isZero();
    }
    assertThat(replier.texts()).containsExactly("Which size?", "Size L");
    assertThat(errors).isEmpty();
  }
}
