/**
 * The pacing sender: sends many messages within WhatsApp's limits, so that sends do not fail on a
 * limit, on one machine or many.
 *
 * <p>{@link dev.wasdk.sender.MessageSender} models the throughput per number ({@link
 * dev.wasdk.client.Throughput}), the pair rate per user, the portfolio's messaging-limit tier
 * ({@link dev.wasdk.client.MessagingTier}), the 24-hour customer-service window ({@link
 * dev.wasdk.sender.ServiceWindowTracker}) and marketing consent ({@link
 * dev.wasdk.sender.ConsentRegistry}). Each submitted message ends in exactly one {@link
 * dev.wasdk.sender.SendOutcome}: sent, rejected with a {@link dev.wasdk.sender.RejectReason},
 * deferred past its deadline, cancelled, or unknown (may have been sent). The limits' state lives
 * in a {@link dev.wasdk.sender.LimiterStore}: {@link dev.wasdk.sender.LimiterStore#inMemory()} in
 * one JVM, or the Redis store of {@code whatsapp-sdk-redis} shared by many.
 *
 * <pre>{@code
 * MessageSender sender = MessageSender.builder(wa).tier(MessagingTier.TIER_2K).build();
 * sender.submit(message).thenAccept(outcome -> log.info("{}", outcome));
 * sender.close(Duration.ofSeconds(30)); // drains, and returns what was not sent
 * }</pre>
 *
 * <p>Feed it webhooks with {@code SenderFeed} from {@code whatsapp-sdk-webhooks}, so that inbound
 * messages open windows, STOP replies opt users out and failed statuses back off or give slots
 * back.
 */
package dev.wasdk.sender;
