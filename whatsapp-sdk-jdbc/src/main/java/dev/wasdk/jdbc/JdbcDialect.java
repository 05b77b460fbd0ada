package dev.wasdk.jdbc;

/**
 * The SQL dialects the JDBC stores speak. Most statements are standard SQL; the upserts (keep the
 * later inbound time, replace a recipient mapping, mark a webhook key done) differ: PostgreSQL uses
 * {@code INSERT ... ON CONFLICT DO UPDATE}, which H2 does not support even in its PostgreSQL mode,
 * so H2 uses the standard {@code MERGE}. A webhook claim on H2 is an {@code INSERT} and, when the
 * key exists, a conditional {@code UPDATE}.
 */
public enum JdbcDialect {
  /** PostgreSQL 10 or later. */
  POSTGRESQL,
  /** H2 2.x, in any mode; in file mode it is the zero-server durable choice. */
  H2;

  /**
   * Returns the dialect of a database by its product name, as JDBC metadata reports it.
   *
   * @param productName such as {@code PostgreSQL} or {@code H2}
   * @return the dialect
   * @throws IllegalArgumentException for any other database
   */
  public static JdbcDialect ofProductName(String productName) {
    if (productName != null) {
      if (productName.toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
        return POSTGRESQL;
      }
      if (productName.equalsIgnoreCase("H2")) {
        return H2;
      }
    }
    throw new IllegalArgumentException(
        "the JDBC stores support PostgreSQL and H2, not " + productName);
  }
}
