/**
 * Outbound messages: every kind the Cloud API sends, built with typed, immutable builders that
 * check WhatsApp's rules at {@code build()}.
 *
 * <p>Start from {@link dev.wasdk.message.Message#to(String)} (or a {@link
 * dev.wasdk.message.Recipient}: an E.164 number, a WhatsApp id, a business-scoped user id or a
 * group), then pick the kind: text, media by id or link ({@link dev.wasdk.message.MediaRef}),
 * location, contacts, reaction, the interactive kinds (reply buttons, list, CTA URL, flow, product,
 * product list, catalog, location and address requests, call permission) and templates with every
 * parameter and button kind. A message WhatsApp would refuse fails at {@code build()} with an
 * {@link dev.wasdk.error.InvalidMessageException} that names the field path, the limit and the
 * actual size, never the value; {@link dev.wasdk.message.Limits} and {@link
 * dev.wasdk.message.TemplateLimits} list every limit checked.
 *
 * <pre>{@code
 * Message m = Message.to("+16505551234")
 *     .buttons()
 *     .body("Would you like a receipt?")
 *     .button("receipt-yes", "Yes please")
 *     .button("receipt-no", "No thanks")
 *     .build();
 * }</pre>
 *
 * <p>Messages are immutable and thread-safe; builders are not thread-safe.
 */
package dev.wasdk.message;
