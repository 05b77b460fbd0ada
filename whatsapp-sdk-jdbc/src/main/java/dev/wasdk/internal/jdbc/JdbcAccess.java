package dev.wasdk.internal.jdbc;

import dev.wasdk.jdbc.JdbcDialect;
import dev.wasdk.sender.StoreUnavailableException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Borrows a connection for one call, prepares statements with the query timeout, and turns every
 * {@link SQLException} into a {@link StoreUnavailableException} that names the SQL state but no
 * data. Thread-safe.
 */
public final class JdbcAccess {
  /** The SQL state of a unique-key violation. */
  public static final String UNIQUE_VIOLATION = "23505";

  // PostgreSQL's state for a statement cancelled on its timeout, and H2's for a lock wait that
  // ran out
  private static final String QUERY_CANCELED = "57014";
  private static final String LOCK_TIMEOUT_H2 = "HYT00";

  private final DataSource dataSource;
  private final int timeoutSeconds;
  private volatile JdbcDialect dialect;

  /** A piece of work on one connection. */
  public interface Work<T> {
    /**
     * Runs the work.
     *
     * @param c the connection
     * @return the result
     * @throws SQLException on failure
     */
    T run(Connection c) throws SQLException;
  }

  /**
   * Creates access over a data source.
   *
   * @param dataSource where connections come from
   * @param queryTimeout the timeout of each statement, rounded up to whole seconds
   * @param dialect the dialect, or null to read it from the database on first use
   */
  public JdbcAccess(DataSource dataSource, Duration queryTimeout, JdbcDialect dialect) {
    this.dataSource = dataSource;
    long ms = queryTimeout.toMillis();
    this.timeoutSeconds = (int) Math.max(1, Math.min(Integer.MAX_VALUE, (ms + 999) / 1000));
    this.dialect = dialect;
  }

  /** Returns the statement timeout in seconds, as passed to {@code setQueryTimeout}. */
  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  /**
   * Runs work on a connection borrowed for the call, committing when the connection is not in
   * auto-commit mode.
   *
   * @param what names the operation in an error message
   * @param work the work
   * @param <T> its result
   * @return the result
   * @throws StoreUnavailableException when the database fails or the statement times out
   */
  public <T> T run(String what, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      T result = work.run(c);
      if (!c.getAutoCommit()) {
        c.commit();
      }
      return result;
    } catch (SQLException e) {
      throw unavailable(what, e);
    }
  }

  /**
   * Prepares a statement with the query timeout set.
   *
   * @param c the connection
   * @param sql the statement
   * @return the prepared statement
   * @throws SQLException on failure
   */
  public PreparedStatement prepare(Connection c, String sql) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    ps.setQueryTimeout(timeoutSeconds);
    return ps;
  }

  /**
   * Returns the dialect, reading it from the connection's metadata on first use.
   *
   * @param c a connection
   * @return the dialect
   * @throws SQLException on failure
   */
  public JdbcDialect dialect(Connection c) throws SQLException {
    JdbcDialect d = dialect;
    if (d == null) {
      d = JdbcDialect.ofProductName(c.getMetaData().getDatabaseProductName());
      dialect = d;
    }
    return d;
  }

  /**
   * Returns the exception for a failed call.
   *
   * @param what the operation
   * @param e the failure
   * @return the exception to throw
   */
  public static StoreUnavailableException unavailable(String what, SQLException e) {
    boolean timedOut =
        e instanceof java.sql.SQLTimeoutException
            || QUERY_CANCELED.equals(e.getSQLState())
            || LOCK_TIMEOUT_H2.equals(e.getSQLState());
    return new StoreUnavailableException(
        "JDBC store: "
            + what
            + (timedOut ? " did not finish within its query timeout" : " failed")
            + " (SQL state "
            + e.getSQLState()
            + ", error "
            + e.getErrorCode()
            + ")",
        e);
  }
}
