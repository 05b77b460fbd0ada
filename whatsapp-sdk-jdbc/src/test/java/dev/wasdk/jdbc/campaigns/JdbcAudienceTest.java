package dev.wasdk.jdbc.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.campaigns.Audience;
import dev.wasdk.campaigns.AudienceMember;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;

/** {@link Audience#jdbc}: a query streamed on one connection, opened again from the start. */
class JdbcAudienceTest {

  @Test
  void jdbc_streamsRowsInQueryOrder_andOpensAgain() throws Exception {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:audience-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    ds.setUser("sa");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE optins (id INT PRIMARY KEY, phone VARCHAR(20), name VARCHAR(40))");
      for (int i = 0; i < 1200; i++) {
        s.execute(
            "INSERT INTO optins VALUES ("
                + (1200 - i)
                + ", '+1650555"
                + (1000 + i)
                + "', 'N"
                + i
                + "')");
      }
    }
    Audience audience =
        Audience.jdbc(
            ds,
            "SELECT phone, name FROM optins ORDER BY id",
            rs -> AudienceMember.of(rs.getString(1), Map.of("name", rs.getString(2))));
    List<AudienceMember> first = new ArrayList<>();
    try (Audience.Cursor cursor = audience.open()) {
      cursor.forEachRemaining(first::add);
    }
    assertThat(first).hasSize(1200);
    // id 1 is the last row inserted
    assertThat(first.get(0)).isEqualTo(AudienceMember.of("+16505552199", Map.of("name", "N1199")));
    List<AudienceMember> again = new ArrayList<>();
    try (Audience.Cursor cursor = audience.open()) {
      for (int i = 0; i < 10 && cursor.hasNext(); i++) {
        again.add(cursor.next());
      }
    }
    assertThat(again).isEqualTo(first.subList(0, 10));
  }

  @Test
  void jdbc_badQuery_failsWithSqlStateOnly() {
    JdbcDataSource ds = new JdbcDataSource();
    ds.setURL("jdbc:h2:mem:audience-" + UUID.randomUUID());
    ds.setUser("sa");
    Audience audience = Audience.jdbc(ds, "SELECT phone FROM missing", rs -> null);
    assertThatThrownBy(audience::open)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("the audience query failed (SQL state");
  }
}
