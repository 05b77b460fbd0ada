/**
 * Spring Boot 4 auto-configuration for wasdk: a {@code WhatsAppClient}, a pacing {@code
 * MessageSender} and a {@code WebhookEndpoint} served at {@code wasdk.webhook.path}, configured by
 * the {@code wasdk.*} properties of {@link dev.wasdk.spring.WhatsAppProperties}. Webhook events are
 * published as Spring application events.
 */
package dev.wasdk.spring;
