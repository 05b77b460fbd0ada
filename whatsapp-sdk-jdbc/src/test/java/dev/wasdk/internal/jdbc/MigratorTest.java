package dev.wasdk.internal.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MigratorTest {

  @Test
  void statements_commentsAndMultiLineStatements_splitAtLineEndingSemicolons() {
    String text =
        """
        -- a comment; with a semicolon
        CREATE TABLE a (
          x INT
        );

        CREATE INDEX a_x ON a (x);
        """;

    assertThat(Migrator.statements(text))
        .containsExactly("CREATE TABLE a (\n  x INT\n)", "CREATE INDEX a_x ON a (x)");
  }

  @Test
  void version_ofScriptName_isTheNumberAfterV() {
    assertThat(Migrator.version("V12__more.sql")).isEqualTo(12);
    assertThat(Migrator.VERSIONS).first().isEqualTo("V1__stores.sql");
  }
}
