/**
 * A {@code LimiterStore} on Redis, so that the pacing limits of many app instances are shared: one
 * throughput per phone number, one pair rate per user, one messaging-limit window per business
 * portfolio.
 */
module dev.wasdk.redis {
  requires transitive dev.wasdk.core;
  requires transitive lettuce.core;
  requires org.slf4j;

  exports dev.wasdk.redis;
}
