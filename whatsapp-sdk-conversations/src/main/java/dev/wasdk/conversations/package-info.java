/**
 * Building blocks for WhatsApp bots: {@linkplain dev.wasdk.conversations.Filters filters} and a
 * {@linkplain dev.wasdk.conversations.ConversationRouter router}, a {@linkplain
 * dev.wasdk.conversations.ReplyContext reply context} for handlers, per-user {@linkplain
 * dev.wasdk.conversations.Conversations conversations} with ask-and-wait, {@linkplain
 * dev.wasdk.conversations.Journey keyword journeys}, {@linkplain
 * dev.wasdk.conversations.BusinessHours business hours} and {@linkplain
 * dev.wasdk.conversations.AutoReply auto-replies}, with their state behind the {@linkplain
 * dev.wasdk.conversations.ConversationStore store SPI}.
 *
 * <p><b>Why a module of its own.</b> A bot needs both halves of the SDK: the typed events of {@code
 * whatsapp-sdk-webhooks} to decide what the user said, and the pacing sender of {@code
 * whatsapp-sdk-core} to answer within WhatsApp's limits. Placed inside the webhooks module it would
 * make every webhook receiver carry bot machinery (state stores, schedules, timers) it does not
 * use; placed in core it would pull the event model into the module every sender depends on. A
 * separate module keeps the dependency arrows pointing one way ({@code conversations → webhooks →
 * core}), and the Redis and JDBC conversation stores depend on it (optionally, from their own
 * subpackages) without core or webhooks knowing.
 */
package dev.wasdk.conversations;
