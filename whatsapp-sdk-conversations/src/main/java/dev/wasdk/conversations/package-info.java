/**
 * Building blocks for WhatsApp bots, starting with {@linkplain
 * dev.wasdk.conversations.BusinessHours business hours}.
 *
 * <p><b>Why a module of its own.</b> A bot needs both halves of the SDK: the typed events of {@code
 * whatsapp-sdk-webhooks} to decide what the user said, and the pacing sender of {@code
 * whatsapp-sdk-core} to answer within WhatsApp's limits. Placed inside the webhooks module it would
 * make every webhook receiver carry bot machinery (state stores, schedules, timers) it does not
 * use; placed in core it would pull the event model into the module every sender depends on. A
 * separate module keeps the dependency arrows pointing one way ({@code conversations → webhooks →
 * core}), and the Redis and JDBC conversation stores can depend on it without core or webhooks
 * knowing.
 */
package dev.wasdk.conversations;
