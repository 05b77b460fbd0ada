/**
 * Marketing campaigns over the pacing sender: streamed audiences, A/B tests, delivery tracking by
 * {@code biz_opaque_callback_data}, and progress kept in a store so that it survives a crash and
 * can be shared by several app instances.
 */
module dev.wasdk.campaigns {
  requires transitive dev.wasdk.core;
  requires transitive dev.wasdk.webhooks;
  requires transitive java.sql;
  requires org.slf4j;

  exports dev.wasdk.campaigns;
  // Adding funnel rows up, shared with the JDBC campaign store; not an API.
  exports dev.wasdk.campaigns.internal to
      dev.wasdk.jdbc;
}
