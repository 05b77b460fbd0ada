package dev.wasdk.internal.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Applies the versioned schema files ({@code dev/wasdk/jdbc/schema/V<n>__<name>.sql}) that a
 * database has not seen yet, in order, and records each in {@code wasdk_schema_version}. On
 * PostgreSQL each version runs in one transaction, under a lock on the version table, so that two
 * instances starting at once apply it once.
 */
public final class Migrator {
  /** The schema files, oldest first. Add a line for each new version. */
  static final List<String> VERSIONS = List.of("V1__stores.sql", "V2__webhook_dedupe.sql");

  private Migrator() {}

  /**
   * Brings the schema up to date.
   *
   * @param c a connection; its auto-commit mode is restored afterwards
   * @param timeoutSeconds the timeout of each statement
   * @return the versions applied now, empty when it was up to date
   * @throws SQLException on failure
   */
  public static List<Integer> migrate(Connection c, int timeoutSeconds) throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    List<Integer> applied = new ArrayList<>();
    try {
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        s.setQueryTimeout(timeoutSeconds);
        s.execute(
            "CREATE TABLE IF NOT EXISTS wasdk_schema_version ("
                + "version INTEGER NOT NULL PRIMARY KEY, "
                + "script VARCHAR(200) NOT NULL, "
                + "applied_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP NOT NULL)");
      } catch (SQLException e) {
        // another instance created it at the same moment
        if (!JdbcAccess.UNIQUE_VIOLATION.equals(e.getSQLState()) && !tableExists(c)) {
          throw e;
        }
      }
      boolean postgres =
          c.getMetaData()
              .getDatabaseProductName()
              .toLowerCase(java.util.Locale.ROOT)
              .contains("postgres");
      c.setAutoCommit(false);
      try {
        if (postgres) {
          try (Statement s = c.createStatement()) {
            s.execute("LOCK TABLE wasdk_schema_version IN EXCLUSIVE MODE");
          }
        }
        TreeSet<Integer> done = new TreeSet<>();
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT version FROM wasdk_schema_version")) {
          while (rs.next()) {
            done.add(rs.getInt(1));
          }
        }
        for (String script : VERSIONS) {
          int version = version(script);
          if (done.contains(version)) {
            continue;
          }
          try (Statement s = c.createStatement()) {
            s.setQueryTimeout(timeoutSeconds);
            for (String sql : statements(read(script))) {
              s.execute(sql);
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO wasdk_schema_version (version, script) VALUES (?, ?)")) {
            ps.setInt(1, version);
            ps.setString(2, script);
            ps.executeUpdate();
          }
          applied.add(version);
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } finally {
      c.setAutoCommit(autoCommit);
    }
    return applied;
  }

  private static boolean tableExists(Connection c) {
    try (Statement s = c.createStatement()) {
      s.executeQuery("SELECT COUNT(*) FROM wasdk_schema_version").close();
      return true;
    } catch (SQLException e) {
      return false;
    }
  }

  static int version(String script) {
    return Integer.parseInt(script.substring(1, script.indexOf("__")));
  }

  /** Splits a file into statements at semicolons that end a line; drops comment lines. */
  public static List<String> statements(String text) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (String line : text.split("\n")) {
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("--")) {
        continue;
      }
      current.append(line).append('\n');
      if (t.endsWith(";")) {
        String sql = current.toString().strip();
        out.add(sql.substring(0, sql.length() - 1));
        current.setLength(0);
      }
    }
    if (!current.toString().isBlank()) {
      out.add(current.toString().strip());
    }
    return out;
  }

  private static String read(String script) {
    String path = "/dev/wasdk/jdbc/schema/" + script;
    try (InputStream in = Migrator.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("schema file missing from the jar: " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
