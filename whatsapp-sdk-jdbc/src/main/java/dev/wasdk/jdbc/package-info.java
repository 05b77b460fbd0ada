/**
 * The sender's stores on JDBC, for records that must survive restarts and be shared by every app
 * instance: {@link dev.wasdk.jdbc.JdbcStores} hands out a {@link dev.wasdk.sender.ConsentStore}, a
 * {@link dev.wasdk.sender.ServiceWindowStore} and a {@link dev.wasdk.sender.RecipientIdStore} over
 * one {@link javax.sql.DataSource}. Plain JDBC, no ORM and no pool of its own: pass the pool the
 * app already has.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.builder(dataSource).build();   // migrates the schema
 * ConsentStore consent = stores.consent();
 * ServiceWindowStore windows = stores.serviceWindows();
 * RecipientIdStore ids = stores.recipientIds();
 * }</pre>
 *
 * <h2>What is kept</h2>
 *
 * <table>
 *   <caption>Tables of schema version 1</caption>
 *   <tr><th>table</th><th>one row per</th><th>kept until</th></tr>
 *   <tr><td>{@code wasdk_consent}</td><td>opt-in or opt-out: kind, category, source, detail,
 *       evidence (the inbound message id), time to the nanosecond; ordered by an identity
 *       column</td><td>erased: consent is a record of truth</td></tr>
 *   <tr><td>{@code wasdk_service_window}</td><td>user: the latest inbound time, in nanoseconds
 *       since the epoch</td><td>erased, closed after error 131047, or purged with {@link
 *       dev.wasdk.jdbc.JdbcServiceWindowStore#purgeBefore(java.time.Instant)}</td></tr>
 *   <tr><td>{@code wasdk_recipient_id}</td><td>dialled form: its canonical WhatsApp id, indexed
 *       both ways</td><td>erased</td></tr>
 *   <tr><td>{@code wasdk_schema_version}</td><td>schema version applied, with its file and
 *       time</td><td>always</td></tr>
 * </table>
 *
 * <p>Keys are the pseudonyms the sender derives with a keyed hash: no column holds a phone number.
 *
 * <h2>Databases</h2>
 *
 * <p>PostgreSQL 10 or later, tested on a real server; and H2 2.x, whose file mode ({@code
 * jdbc:h2:file:/var/lib/app/wasdk}) keeps the records on local disk with no server to run, for a
 * single app instance. The schema is standard SQL; the upserts use {@code INSERT ... ON CONFLICT}
 * on PostgreSQL and the standard {@code MERGE} on H2 (see {@link dev.wasdk.jdbc.JdbcDialect}).
 *
 * <h2>Cost and time budget</h2>
 *
 * <p>Every call is one statement on one borrowed connection: the per-message consent check is one
 * round trip, and so is the window check. Each statement has a query timeout (default 2 seconds,
 * {@link dev.wasdk.jdbc.JdbcStores.Builder#queryTimeout(java.time.Duration)}); a statement held up
 * longer, for example behind a table lock, is cancelled and the call throws {@link
 * dev.wasdk.sender.StoreUnavailableException}.
 */
package dev.wasdk.jdbc;
