/**
 * The SDK's stores on JDBC: the consent history, the service windows, the canonical WhatsApp id of
 * each dialled number and webhook de-duplication, kept in PostgreSQL or H2 so that they survive
 * restarts and are shared by every app instance using the same database; with the optional
 * conversation toolkit, also the conversation store.
 */
module dev.wasdk.jdbc {
  requires transitive dev.wasdk.core;
  requires transitive dev.wasdk.webhooks;
  requires transitive java.sql;
  requires static dev.wasdk.conversations;
  requires static dev.wasdk.campaigns;

  exports dev.wasdk.jdbc;
  exports dev.wasdk.jdbc.campaigns;
  exports dev.wasdk.jdbc.conversations;
}
