/**
 * Stores on Redis, so that many app instances behave as one: the pacing limits (one throughput per
 * phone number, one pair rate per user, one messaging-limit window per business portfolio), the
 * consent history, the service windows, the canonical WhatsApp id of each dialled number, webhook
 * de-duplication, a durable webhook hand-off on Redis Streams and, with the optional conversation
 * toolkit, the conversation store.
 */
module dev.wasdk.redis {
  requires transitive dev.wasdk.core;
  requires transitive dev.wasdk.webhooks;
  requires transitive lettuce.core;
  requires org.slf4j;
  requires static dev.wasdk.conversations;

  exports dev.wasdk.redis;
  exports dev.wasdk.redis.conversations;
}
