/**
 * The typed webhook events, all under the sealed {@link dev.wasdk.webhooks.event.WebhookEvent}.
 *
 * <p>Inbound messages are {@link dev.wasdk.webhooks.event.MessageReceived} subtypes (text, media,
 * location, contacts, reactions, button, list and flow replies, orders, system messages, and
 * unsupported or unknown kinds); delivery updates are {@link
 * dev.wasdk.webhooks.event.MessageStatusChanged}; account, phone-number, template, flow, capability
 * and user-preference changes each have their own type, and anything new is an {@link
 * dev.wasdk.webhooks.event.UnknownEvent} with its raw JSON, never an exception. Every event carries
 * its {@link dev.wasdk.webhooks.event.EventContext} (the business account, phone number and field
 * it came from) and its raw JSON.
 *
 * <p>Every kind, status or decision is an open enum beside the raw string it was read from (such as
 * {@code AccountUpdated.event()} beside {@code rawEvent()}). One rule reads them all: the text is
 * trimmed, letter case is ignored, spaces and hyphens read as underscores, and any value this
 * version does not know, null and empty included, is the enum's {@code UNKNOWN}.
 *
 * <pre>{@code
 * if (event instanceof TextReceived t) {
 *   log.info("{} wrote: {}", t.id(), t.body());
 * } else if (event instanceof MessageStatusChanged s && s.isFailed()) {
 *   log.warn("{} failed with {}", s.messageId(), s.errorCode().orElse(0));
 * }
 * }</pre>
 *
 * <p>Most applications register a handler per type with {@code WebhookRouter} instead.
 *
 * <p>Events are immutable and thread-safe.
 */
package dev.wasdk.webhooks.event;
