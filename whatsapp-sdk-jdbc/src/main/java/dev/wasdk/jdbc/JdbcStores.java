package dev.wasdk.jdbc;

import dev.wasdk.internal.jdbc.JdbcAccess;
import dev.wasdk.internal.jdbc.Migrator;
import dev.wasdk.sender.StoreUnavailableException;
import dev.wasdk.webhooks.Deduplicator;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Keeps the sender's records about users in a database, over plain JDBC: the consent history
 * ({@link #consent()}), the time of each user's latest inbound message ({@link #serviceWindows()})
 * and the WhatsApp id of each dialled number ({@link #recipientIds()}); and the webhook events
 * being handled or handled ({@link #deduplicator()}). They survive restarts and are shared by every
 * app instance using the same database. PostgreSQL and H2 are supported.
 *
 * <pre>{@code
 * DataSource ds = ...;                         // your pool, or PGSimpleDataSource, or H2's
 * JdbcStores stores = JdbcStores.builder(ds)   // creates or updates the schema on build()
 *     .queryTimeout(Duration.ofSeconds(1))
 *     .build();
 * ConsentStore consent = stores.consent();
 * Deduplicator dedupe = stores.deduplicator();
 * }</pre>
 *
 * <p><b>Schema.</b> Versioned SQL files ship in the jar ({@code
 * dev/wasdk/jdbc/schema/V1__stores.sql}, ...). {@link Builder#build()} applies the ones the
 * database has not seen, and records each in {@code wasdk_schema_version}, unless {@link
 * Builder#createSchema(boolean)} is off; {@link #migrate(DataSource)} does the same on its own, for
 * a deployment step. Where the app's database user may not run DDL, run the files by hand in order
 * and turn {@code createSchema} off. The tables go into the connection's default schema; pick
 * another with the JDBC URL ({@code currentSchema} on PostgreSQL, {@code SCHEMA} on H2).
 *
 * <p><b>Time budget.</b> Each call borrows one connection and runs one statement (a de-duplication
 * claim that finds its key taken runs a second, to read the key's state), with {@link
 * java.sql.Statement#setQueryTimeout(int)} set to the {@link Builder#queryTimeout(Duration) query
 * timeout} (default 2 seconds, in whole seconds as JDBC counts it); a statement that runs longer,
 * such as one waiting on a lock, is cancelled and the call throws {@link
 * StoreUnavailableException}. Borrowing the connection is bounded by the data source: set its login
 * or connection timeout (a pool's connection timeout, {@code connectTimeout} and {@code
 * loginTimeout} on the PostgreSQL driver) to the same order.
 *
 * <p><b>Thread-safety and lifecycle.</b> Thread-safe and meant to be shared. It holds no connection
 * between calls and has nothing to close; the data source stays yours. Use a pooling data source in
 * production, since each call borrows a connection.
 */
public final class JdbcStores {
  private final JdbcAccess access;
  private final JdbcConsentStore consent;
  private final JdbcServiceWindowStore windows;
  private final JdbcRecipientIdStore ids;
  private final JdbcDeduplicator dedupe;

  private JdbcStores(Builder b) {
    this.access = new JdbcAccess(b.dataSource, b.queryTimeout, b.dialect);
    this.consent = new JdbcConsentStore(access);
    this.windows = new JdbcServiceWindowStore(access);
    this.ids = new JdbcRecipientIdStore(access);
    this.dedupe = new JdbcDeduplicator(access, Deduplicator.DEFAULT_HORIZON);
  }

  /**
   * Returns a new builder over a data source.
   *
   * @param dataSource where connections come from; it stays yours to close
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  /**
   * Creates the schema, or brings it up to date, and records the versions applied in {@code
   * wasdk_schema_version}. Safe to call on every start and from several instances at once.
   *
   * @param dataSource the database
   * @return the versions applied now, oldest first; empty when it was up to date
   * @throws StoreUnavailableException when the database fails
   */
  public static List<Integer> migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    return new JdbcAccess(dataSource, Duration.ofSeconds(30), null)
        .run("schema migration", c -> Migrator.migrate(c, 30));
  }

  /**
   * Returns the consent store.
   *
   * @return the store, the same instance on every call
   */
  public JdbcConsentStore consent() {
    return consent;
  }

  /**
   * Returns the service-window store.
   *
   * @return the store, the same instance on every call
   */
  public JdbcServiceWindowStore serviceWindows() {
    return windows;
  }

  /**
   * Returns the recipient-id store.
   *
   * @return the store, the same instance on every call
   */
  public JdbcRecipientIdStore recipientIds() {
    return ids;
  }

  /**
   * Returns the webhook de-duplication store, which remembers a done event for {@link
   * Deduplicator#DEFAULT_HORIZON 7 days}.
   *
   * @return the store, the same instance on every call
   */
  public JdbcDeduplicator deduplicator() {
    return dedupe;
  }

  /**
   * Returns a webhook de-duplication store that remembers a done event for {@code horizon}. Each
   * done row carries its own expiry, so stores of different horizons may share the table.
   *
   * @param horizon how long a done event is remembered; positive, and at least as long as Meta
   *     retries a delivery (7 days) unless duplicates after that are acceptable
   * @return a new store
   * @throws IllegalArgumentException if the horizon is not positive
   */
  public JdbcDeduplicator deduplicator(Duration horizon) {
    return new JdbcDeduplicator(access, horizon);
  }

  /** Returns the statement timeout in whole seconds. */
  int queryTimeoutSeconds() {
    return access.timeoutSeconds();
  }

  @Override
  public String toString() {
    return "JdbcStores[queryTimeout=" + access.timeoutSeconds() + "s]";
  }

  /**
   * Builds {@link JdbcStores}. Only the data source is required.
   *
   * <p>Builders are not thread-safe; build once and share the stores.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private Duration queryTimeout = Duration.ofSeconds(2);
    private boolean createSchema = true;
    private JdbcDialect dialect;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Sets how long one statement may run before it is cancelled and the call throws {@link
     * StoreUnavailableException}. Rounded up to whole seconds, as JDBC counts it. Default 2
     * seconds: the consent and window checks sit on the send path, where a clear failure beats a
     * long wait.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder queryTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("queryTimeout must be positive, was " + timeout);
      }
      this.queryTimeout = timeout;
      return this;
    }

    /**
     * Sets whether {@link #build()} creates the schema or brings it up to date. Default on. Turn it
     * off when the schema is managed outside the app.
     *
     * @param createSchema whether to migrate on build
     * @return this builder
     */
    public Builder createSchema(boolean createSchema) {
      this.createSchema = createSchema;
      return this;
    }

    /**
     * Sets the dialect. By default it is read from the database's metadata on first use.
     *
     * @param dialect the dialect
     * @return this builder
     */
    public Builder dialect(JdbcDialect dialect) {
      this.dialect = Objects.requireNonNull(dialect, "dialect");
      return this;
    }

    /**
     * Builds the stores, first migrating the schema unless {@link #createSchema(boolean)} is off.
     *
     * @return the stores
     * @throws StoreUnavailableException when the migration fails
     */
    public JdbcStores build() {
      if (createSchema) {
        migrate(dataSource);
      }
      return new JdbcStores(this);
    }
  }
}
