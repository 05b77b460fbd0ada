package dev.wasdk.jdbc.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.conversations.ConversationState;
import dev.wasdk.jdbc.testing.LocalPostgres;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Each store operation is one statement: the data source here records every statement the store
 * prepares, on PostgreSQL and on H2.
 */
class JdbcConversationStoreStatementsTest {
  private final List<String> statements = new CopyOnWriteArrayList<>();

  /** Wraps a data source so that its connections record what they prepare. */
  private DataSource recording(DataSource inner) {
    InvocationHandler connections =
        (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            Connection c = (Connection) call(method, inner, args);
            return Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Connection.class},
                (p, m, a) -> {
                  if (m.getName().equals("prepareStatement")
                      || m.getName().equals("createStatement")) {
                    statements.add(a == null ? "(statement)" : String.valueOf(a[0]));
                  }
                  return call(m, c, a);
                });
          }
          return call(method, inner, args);
        };
    return (DataSource)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {DataSource.class}, connections);
  }

  private static Object call(java.lang.reflect.Method m, Object target, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private List<String> statementsOf(Runnable op) {
    statements.clear();
    op.run();
    return List.copyOf(statements);
  }

  private void everyOperationIsOneStatement(DataSource db) {
    JdbcConversationStore store =
        JdbcConversationStore.builder(recording(db))
            .table(JdbcConversationStorePostgresTest.uniqueTable())
            .build();
    ConversationState waiting =
        ConversationState.start(Instant.now())
            .withWaiting(
                Optional.of(
                    new ConversationState.Wait(
                        "size", Optional.of(Instant.now().plusSeconds(60)), Optional.empty())));
    Duration ttl = Duration.ofMinutes(5);

    assertThat(statementsOf(() -> store.get("u1"))).singleElement().asString().startsWith("SELECT");
    assertThat(statementsOf(() -> store.put("u1", waiting, 0, ttl))).hasSize(1);
    assertThat(statementsOf(() -> store.put("u1", waiting, 1, ttl)))
        .singleElement()
        .asString()
        .startsWith("UPDATE");
    assertThat(statementsOf(() -> store.dueWaits(Instant.now().plusSeconds(120), 10))).hasSize(1);
    assertThat(statementsOf(() -> store.lease("u1", "h", ttl))).hasSize(1);
    assertThat(statementsOf(() -> store.release("u1", "h"))).hasSize(1);
    assertThat(statementsOf(() -> store.delete("u1"))).hasSize(1);
    assertThat(store.get("u1")).isEmpty();
  }

  @Test
  void postgres_everyOperation_isOneStatement() {
    everyOperationIsOneStatement(LocalPostgres.shared().createDatabase());
  }

  @Test
  void h2_everyOperation_isOneStatement() {
    everyOperationIsOneStatement(JdbcConversationStoreH2Test.h2File());
  }
}
