/**
 * The Cloud API client: {@link dev.wasdk.client.WhatsAppClient} and the APIs it groups.
 *
 * <p>One client serves one business phone number (and, for templates, analytics and subscriptions,
 * its WhatsApp Business Account). It is thread-safe and meant to be shared; close it when done.
 * {@link dev.wasdk.client.WhatsAppClient#messages()} sends ({@link dev.wasdk.client.SendResult}),
 * marks messages read and shows the typing indicator; {@code media()}, {@code templates()}, {@code
 * phoneNumbers()}, {@code businessProfile()}, {@code blockedUsers()}, {@code qrCodes()}, {@code
 * analytics()} and {@code webhookSubscriptions()} manage the account, and {@code graph()} sends any
 * other Graph call. Every call either returns Meta's answer as a typed value or throws a {@link
 * dev.wasdk.error.WhatsAppException} that says whether the request may have been sent; each also
 * has an {@code ...Async} form returning a {@link java.util.concurrent.CompletableFuture}.
 *
 * <pre>{@code
 * try (WhatsAppClient wa = WhatsAppClient.builder()
 *     .accessToken(System.getenv("WHATSAPP_ACCESS_TOKEN"))
 *     .phoneNumberId("106540352242922")
 *     .build()) {
 *   SendResult r = wa.messages().send(Message.to("+16505551234").text("Hello"));
 * }
 * }</pre>
 *
 * <p>Retries follow {@link dev.wasdk.client.RetryPolicy}: only failures that prove the message was
 * not accepted are retried. To send many messages within WhatsApp's limits, hand them to {@link
 * dev.wasdk.sender.MessageSender} instead of calling {@code send} in a loop.
 */
package dev.wasdk.client;
