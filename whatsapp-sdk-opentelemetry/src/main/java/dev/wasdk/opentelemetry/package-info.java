/**
 * OpenTelemetry spans for wasdk: {@link dev.wasdk.opentelemetry.WhatsAppTracing} opens a client
 * span per Graph request attempt and a span per webhook delivery, current while the handlers run,
 * so that the requests a handler makes join the delivery's trace.
 *
 * <pre>{@code
 * WhatsAppTracing tracing = WhatsAppTracing.of(openTelemetry);
 * WhatsAppClient wa = WhatsAppClient.builder()....observer(tracing).build();
 * WebhookEndpoint endpoint = WebhookEndpoint.builder()....observer(tracing).build();
 * }</pre>
 */
package dev.wasdk.opentelemetry;
