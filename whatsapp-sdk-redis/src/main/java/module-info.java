/**
 * The sender's stores on Redis, shared by many app instances: the pacing limits (one throughput per
 * phone number, one pair rate per user, one messaging-limit window per business portfolio), the
 * consent history, the service windows and the canonical WhatsApp id of each dialled number.
 */
module dev.wasdk.redis {
  requires transitive dev.wasdk.core;
  requires transitive lettuce.core;
  requires org.slf4j;

  exports dev.wasdk.redis;
}
