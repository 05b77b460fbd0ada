package dev.wasdk.campaigns.internal;

import dev.wasdk.campaigns.Audience;
import dev.wasdk.campaigns.AudienceMember;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.NoSuchElementException;
import java.util.Objects;
import javax.sql.DataSource;

/** An audience streamed from a query on one connection. */
public final class JdbcAudience implements Audience {
  private static final int FETCH_SIZE = 500;

  private final DataSource dataSource;
  private final String sql;
  private final RowMapper mapper;

  /** Creates the audience; the query runs on {@link #open()}. */
  public JdbcAudience(DataSource dataSource, String sql, RowMapper mapper) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.sql = Objects.requireNonNull(sql, "sql");
    this.mapper = Objects.requireNonNull(mapper, "mapper");
  }

  @Override
  public Cursor open() {
    Connection c = null;
    try {
      c = dataSource.getConnection();
      // PostgreSQL streams with a fetch size only inside a transaction
      c.setAutoCommit(false);
      PreparedStatement ps = c.prepareStatement(sql);
      ps.setFetchSize(FETCH_SIZE);
      ResultSet rs = ps.executeQuery();
      return new RowCursor(c, rs);
    } catch (SQLException e) {
      closeQuietly(c);
      throw new IllegalStateException(
          "the audience query failed (SQL state " + e.getSQLState() + ")", e);
    }
  }

  private static void closeQuietly(Connection c) {
    if (c != null) {
      try {
        c.rollback();
        c.close();
      } catch (SQLException ignored) {
        // the connection is being dropped anyway
      }
    }
  }

  private final class RowCursor implements Cursor {
    private final Connection connection;
    private final ResultSet rows;
    private Boolean hasRow;

    RowCursor(Connection connection, ResultSet rows) {
      this.connection = connection;
      this.rows = rows;
    }

    @Override
    public boolean hasNext() {
      if (hasRow == null) {
        try {
          hasRow = rows.next();
        } catch (SQLException e) {
          throw new IllegalStateException(
              "reading the audience failed (SQL state " + e.getSQLState() + ")", e);
        }
      }
      return hasRow;
    }

    @Override
    public AudienceMember next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      hasRow = null;
      try {
        return mapper.map(rows);
      } catch (SQLException e) {
        throw new IllegalStateException(
            "mapping an audience row failed (SQL state " + e.getSQLState() + ")", e);
      }
    }

    @Override
    public void close() {
      closeQuietly(connection);
    }
  }
}
