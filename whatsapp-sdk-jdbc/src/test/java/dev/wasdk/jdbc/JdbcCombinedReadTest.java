package dev.wasdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.jdbc.testing.LocalPostgres;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentSource;
import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.ServiceWindowStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * {@link JdbcConsentStore#read} with the window store of the same {@link JdbcStores} prepares one
 * statement, on PostgreSQL and on H2; with another window store it reads each store apart.
 */
class JdbcCombinedReadTest {
  static final Instant T0 = Instant.parse("2026-03-01T12:00:00.000000123Z");

  @Test
  void read_onPostgres_isOneStatement() {
    LocalPostgres pg = LocalPostgres.shared();
    DataSource created = pg.createDatabase();
    String db = ((org.postgresql.ds.PGSimpleDataSource) created).getDatabaseName();
    checkOneStatement(pg.dataSource(db));
  }

  @Test
  void read_onH2_isOneStatement() {
    checkOneStatement(
        JdbcFixture.h2(
            "jdbc:h2:file:" + JdbcFixture.tempDir().resolve("stores") + ";DB_CLOSE_DELAY=-1"));
  }

  private static void checkOneStatement(DataSource target) {
    AtomicInteger statements = new AtomicInteger();
    JdbcStores stores = JdbcStores.builder(counting(target, statements)).build();
    ConsentStore consent = stores.consent();
    consent.append(
        "u1", ConsentRecord.optIn(TemplateCategory.MARKETING, ConsentSource.API, "f", null, T0));
    consent.append("u1", ConsentRecord.optOut(ConsentSource.KEYWORD, "STOP", "wamid.1", T0));
    stores.serviceWindows().recordInbound("u1", T0);
    statements.set(0);

    ConsentStore.UserState s = consent.read("u1", stores.serviceWindows());

    assertThat(statements.get()).isEqualTo(1);
    assertThat(s.history()).isEqualTo(consent.history("u1"));
    assertThat(s.lastInbound()).contains(T0);

    ServiceWindowStore other = ServiceWindowStore.inMemory();
    statements.set(0);
    ConsentStore.UserState apart = consent.read("u1", other);
    assertThat(statements.get()).isEqualTo(1); // the history; the other store is in memory
    assertThat(apart.lastInbound()).isEmpty();
  }

  /** Wraps a data source so that every statement prepared on its connections is counted. */
  static DataSource counting(DataSource target, AtomicInteger statements) {
    InvocationHandler sources =
        (proxy, method, args) -> {
          Object result = invoke(target, method, args);
          if (result instanceof Connection c) {
            return Proxy.newProxyInstance(
                JdbcCombinedReadTest.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (p, m, a) -> {
                  if (m.getName().startsWith("prepare") || m.getName().equals("createStatement")) {
                    statements.incrementAndGet();
                  }
                  return invoke(c, m, a);
                });
          }
          return result;
        };
    return (DataSource)
        Proxy.newProxyInstance(
            JdbcCombinedReadTest.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            sources);
  }

  private static Object invoke(Object target, java.lang.reflect.Method m, Object[] args)
      throws Throwable {
    try {
      return m.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
