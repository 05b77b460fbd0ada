/**
 * The conversation toolkit: filters and a router over webhook events, per-user conversation state,
 * business hours and auto-replies.
 */
module dev.wasdk.conversations {
  requires transitive dev.wasdk.core;
  requires transitive dev.wasdk.webhooks;
  requires org.slf4j;

  exports dev.wasdk.conversations;
}
