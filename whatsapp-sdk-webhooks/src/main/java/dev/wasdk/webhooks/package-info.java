/**
 * Receiving WhatsApp webhooks: verify, parse, de-duplicate and dispatch.
 *
 * <p>{@link dev.wasdk.webhooks.WebhookEndpoint} does all of it for one callback URL, behind either
 * adapter ({@code dev.wasdk.webhooks.jdk}, {@code dev.wasdk.webhooks.servlet}) or your own glue.
 * The parts are usable alone: {@link dev.wasdk.webhooks.SignatureVerifier} checks {@code
 * X-Hub-Signature-256}, {@link dev.wasdk.webhooks.VerificationHandshake} answers the GET check,
 * {@link dev.wasdk.webhooks.WebhookParser} turns a body into events, {@link
 * dev.wasdk.webhooks.Deduplicator} remembers what was taken in, and {@link
 * dev.wasdk.webhooks.WebhookRouter} runs a handler per event type. {@link
 * dev.wasdk.webhooks.WebhookSigner} signs bodies for tests.
 *
 * <p>Meta delivers at least once and retries unacknowledged deliveries for days. The endpoint
 * acknowledges only what was handled ({@linkplain dev.wasdk.webhooks.DispatchMode#synchronous()
 * synchronous}) or handed off ({@linkplain
 * dev.wasdk.webhooks.DispatchMode#asynchronous(dev.wasdk.webhooks.WebhookHandoff) asynchronous}),
 * and skips events it has already taken in.
 */
package dev.wasdk.webhooks;
