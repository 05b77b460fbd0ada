/**
 * Micrometer meters for wasdk: {@link dev.wasdk.micrometer.WhatsAppMetrics} observes a client, its
 * senders and a webhook endpoint and records timers, counters and gauges with bounded tags (no
 * phone number of a user, no message id).
 *
 * <pre>{@code
 * WhatsAppMetrics metrics = WhatsAppMetrics.of(registry);
 * WhatsAppClient wa = WhatsAppClient.builder()....observer(metrics).build();
 * MessageSender sender = MessageSender.builder(wa).build();
 * metrics.bind(sender);
 * WebhookEndpoint endpoint = WebhookEndpoint.builder()....observer(metrics).build();
 * }</pre>
 */
package dev.wasdk.micrometer;
