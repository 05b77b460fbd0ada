/**
 * The {@link dev.wasdk.conversations.ConversationStore} on Redis, so that a bot's conversations
 * survive a restart and move between app instances.
 *
 * <p>It sits in its own package, and the Redis module depends on {@code whatsapp-sdk-conversations}
 * only optionally ({@code requires static}): apps that use Redis for the sender's limits alone do
 * not pull in the conversation toolkit, and the toolkit never depends on Redis. Add {@code
 * whatsapp-sdk-conversations} to your build to use this package.
 */
package dev.wasdk.redis.conversations;
