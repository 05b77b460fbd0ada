/**
 * The {@link dev.wasdk.conversations.ConversationStore} on JDBC (PostgreSQL, H2), so that a bot's
 * conversations survive a restart and move between app instances sharing a database.
 *
 * <p>It sits in its own package, and the JDBC module depends on {@code whatsapp-sdk-conversations}
 * only optionally ({@code requires static}): apps that use the JDBC stores for consent and windows
 * alone do not pull in the conversation toolkit, and the toolkit never depends on JDBC. Add {@code
 * whatsapp-sdk-conversations} to your build to use this package.
 */
package dev.wasdk.jdbc.conversations;
