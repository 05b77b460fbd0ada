/**
 * The SDK's stores on JDBC, for records that must survive restarts and be shared by every app
 * instance: {@link dev.wasdk.jdbc.JdbcStores} hands out a {@link dev.wasdk.sender.ConsentStore}, a
 * {@link dev.wasdk.sender.ServiceWindowStore}, a {@link dev.wasdk.sender.RecipientIdStore} and the
 * webhook {@link dev.wasdk.webhooks.Deduplicator} over one {@link javax.sql.DataSource}. Plain
 * JDBC, no ORM and no pool of its own: pass the pool the app already has.
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.builder(dataSource).build();   // migrates the schema
 * ConsentStore consent = stores.consent();
 * ServiceWindowStore windows = stores.serviceWindows();
 * RecipientIdStore ids = stores.recipientIds();
 * JdbcDeduplicator dedupe = stores.deduplicator();               // for WebhookEndpoint
 * }</pre>
 *
 * <h2>What is kept</h2>
 *
 * <table>
 *   <caption>Tables of schema versions 1 and 2</caption>
 *   <tr><th>table</th><th>one row per</th><th>kept until</th></tr>
 *   <tr><td>{@code wasdk_consent}</td><td>opt-in or opt-out: kind, category, source, detail,
 *       evidence (the inbound message id), time to the nanosecond; ordered by an identity
 *       column</td><td>erased: consent is a record of truth</td></tr>
 *   <tr><td>{@code wasdk_service_window}</td><td>user: the latest inbound time, in nanoseconds
 *       since the epoch</td><td>erased, closed after error 131047, or purged with {@link
 *       dev.wasdk.jdbc.JdbcServiceWindowStore#purgeBefore(java.time.Instant)}</td></tr>
 *   <tr><td>{@code wasdk_recipient_id}</td><td>dialled form: its canonical WhatsApp id, indexed
 *       both ways</td><td>erased</td></tr>
 *   <tr><td>{@code wasdk_webhook_dedupe} (version 2)</td><td>webhook event key: state (claimed
 *       or done), holder, and when its lease or horizon runs out, in nanoseconds since the epoch;
 *       indexed by that time</td><td>released, or purged with {@link
 *       dev.wasdk.jdbc.JdbcDeduplicator#purgeExpired(java.time.Instant)} once run out</td></tr>
 *   <tr><td>{@code wasdk_schema_version}</td><td>schema version applied, with its file and
 *       time</td><td>always</td></tr>
 * </table>
 *
 * <p>The sender's keys are the pseudonyms it derives with a keyed hash: no column holds a phone
 * number. Webhook keys are event ids (message ids and the like), stored as their SHA-256 digest
 * when longer than 200 characters.
 *
 * <h2>Webhook de-duplication</h2>
 *
 * <p>{@link dev.wasdk.jdbc.JdbcDeduplicator} implements the leased steps of {@link
 * dev.wasdk.webhooks.Deduplicator}: a claim takes a key only when it is absent or run out, in one
 * conditional upsert, so of two app instances claiming one event at once exactly one handles it.
 * Leases are judged by the time the endpoint passes, not the database's clock.
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
 * round trip, and so is the window check. A de-duplication claim is one, or two when the key is
 * taken (a {@code SELECT} tells done from in progress). Each statement has a query timeout (default
 * 2 seconds, {@link dev.wasdk.jdbc.JdbcStores.Builder#queryTimeout(java.time.Duration)}); a
 * statement held up longer, for example behind a table lock, is cancelled and the call throws
 * {@link dev.wasdk.sender.StoreUnavailableException}; the webhook endpoint answers such a claim
 * with 503.
 */
package dev.wasdk.jdbc;
