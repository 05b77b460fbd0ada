package dev.wasdk.campaigns;

import dev.wasdk.campaigns.internal.CsvAudience;
import dev.wasdk.campaigns.internal.JdbcAudience;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.Objects;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Where a campaign's recipients come from, read as a stream so that a million of them never sit in
 * memory at once. The campaign copies them into its {@link CampaignStore} in batches, in the order
 * the source gives them; after a crash it opens the source again and skips what the store already
 * holds, so the order must be the same each time it is opened (an {@code ORDER BY} for a query).
 *
 * <pre>{@code
 * Audience a = Audience.of(List.of(AudienceMember.of("+16505551234", Map.of("name", "Ana"))));
 * Audience b = Audience.csv(Path.of("optins.csv"), "phone", "zone");  // other columns: parameters
 * Audience c = Audience.jdbc(dataSource,
 *     "SELECT phone, name FROM optins WHERE marketing ORDER BY id",
 *     rs -> AudienceMember.of(rs.getString(1), Map.of("name", rs.getString(2))));
 * }</pre>
 *
 * <p>Implementations must allow {@link #open()} to be called again after a cursor was closed.
 */
@FunctionalInterface
public interface Audience {

  /**
   * Opens a new cursor at the first recipient.
   *
   * @return the cursor; the caller closes it
   */
  Cursor open();

  /** An open pass over the audience. Not thread-safe. */
  interface Cursor extends Iterator<AudienceMember>, AutoCloseable {
    /** Releases what the cursor holds (a file, a connection); it does not throw. */
    @Override
    void close();
  }

  /** Maps one row of a query to a member. */
  @FunctionalInterface
  interface RowMapper {
    /**
     * Maps the current row.
     *
     * @param row the result set, on the row
     * @return the member
     * @throws SQLException when a column cannot be read
     */
    AudienceMember map(ResultSet row) throws SQLException;
  }

  /**
   * Returns an audience over an iterable, iterated anew on each {@link #open()}.
   *
   * @param members the members, in a stable order
   * @return the audience
   */
  static Audience of(Iterable<AudienceMember> members) {
    Objects.requireNonNull(members, "members");
    return fromIterators(members::iterator);
  }

  /**
   * Returns an audience over iterators that a supplier creates, each in the same order.
   *
   * @param iterators makes a fresh iterator at the first member
   * @return the audience
   */
  static Audience fromIterators(Supplier<? extends Iterator<AudienceMember>> iterators) {
    Objects.requireNonNull(iterators, "iterators");
    return () -> {
      Iterator<AudienceMember> it = iterators.get();
      return new Cursor() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public AudienceMember next() {
          return it.next();
        }

        @Override
        public void close() {}
      };
    };
  }

  /**
   * Returns an audience read from a CSV file (UTF-8, comma-separated, a header row, RFC 4180
   * quotes). The recipient column holds the phone number ({@code +} and country code) or user id;
   * the zone column, when given, holds an IANA zone id or nothing; every other column becomes a
   * parameter named by its header.
   *
   * @param file the file
   * @param recipientColumn the header of the recipient column
   * @param zoneColumn the header of the zone column, or null
   * @return the audience; a malformed line fails when it is read, naming its line number
   */
  static Audience csv(Path file, String recipientColumn, String zoneColumn) {
    return new CsvAudience(file, recipientColumn, zoneColumn);
  }

  /**
   * Returns an audience read by a query, streamed with a fetch size of 500 on one connection held
   * while the campaign loads its audience.
   *
   * @param dataSource where the connection comes from
   * @param sql the query; give it an {@code ORDER BY} so that the order is stable
   * @param mapper maps each row
   * @return the audience
   */
  static Audience jdbc(DataSource dataSource, String sql, RowMapper mapper) {
    return new JdbcAudience(dataSource, sql, mapper);
  }
}
