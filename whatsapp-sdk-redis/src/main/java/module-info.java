/**
 * Stores on Redis, so that many app instances behave as one: a {@code LimiterStore} that shares the
 * pacing limits (one throughput per phone number, one pair rate per user, one messaging-limit
 * window per business portfolio), and a {@code Deduplicator} that shares webhook de-duplication.
 */
module dev.wasdk.redis {
  requires transitive dev.wasdk.core;
  requires transitive dev.wasdk.webhooks;
  requires transitive lettuce.core;
  requires org.slf4j;

  exports dev.wasdk.redis;
}
