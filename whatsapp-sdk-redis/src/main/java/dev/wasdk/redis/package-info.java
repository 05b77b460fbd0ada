/**
 * The stores on Redis, shared by every app instance. {@link dev.wasdk.redis.RedisLimiterStore}
 * shares the pacing limits (throughput, pair rate, the messaging-limit window), so that several
 * senders together stay within them. {@link dev.wasdk.redis.RedisStores} keeps the consent history,
 * the service windows and the recipient ids, so that they survive an app restart and every instance
 * sees the others' writes. {@link dev.wasdk.redis.RedisDeduplicator} shares the leased webhook
 * de-duplication; {@link dev.wasdk.redis.RedisStreamHandoff} and {@link
 * dev.wasdk.redis.RedisStreamWorker} make webhook intake durable on Redis Streams.
 *
 * <pre>{@code
 * RedisLimiterStore store = RedisLimiterStore.builder().redisUri("redis://localhost:6379").build();
 * MessageSender sender = MessageSender.builder(wa).store(store).build();
 * RedisStores stores = RedisStores.builder().redisUri("redis://localhost:6379").build();
 * ConsentStore consent = stores.consent();
 * }</pre>
 *
 * <p>Each limit is one atomic Lua script on Redis. When Redis cannot be reached the store fails
 * closed by default, or falls back to a local fraction of the limits when so configured. The other
 * stores throw {@link dev.wasdk.sender.StoreUnavailableException} within their command timeout.
 */
package dev.wasdk.redis;
