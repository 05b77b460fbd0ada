/**
 * Errors: what went wrong, whether the message may have been sent, and whether to retry.
 *
 * <p>Every failure is a {@link dev.wasdk.error.WhatsAppException}. Before the network, a message
 * WhatsApp would refuse is an {@link dev.wasdk.error.InvalidMessageException}. On the way, {@link
 * dev.wasdk.error.RequestNotSentException} proves the request never left (safe to send again),
 * while {@link dev.wasdk.error.RequestMaybeSentException} means it may have reached Meta (check the
 * status webhooks before sending again). An answer from Meta is an {@link
 * dev.wasdk.error.ApiException} in one of its families (auth, permission, invalid request, rate
 * limit, recipient, template, account, server), carrying the {@link dev.wasdk.error.ApiError} as
 * Meta sent it and its {@link dev.wasdk.error.ErrorCode}: the documented meaning, {@link
 * dev.wasdk.error.ErrorCategory} and {@link dev.wasdk.error.RetryAdvice}.
 *
 * <pre>{@code
 * try {
 *   wa.messages().send(message);
 * } catch (RecipientException e) {
 *   if (e.reason() == RecipientReason.WINDOW_CLOSED) { ... send a template instead ... }
 * } catch (RequestMaybeSentException e) {
 *   ... do not resend blindly: wait for the status webhook ...
 * }
 * }</pre>
 *
 * <p>Messages never contain access tokens or full phone numbers.
 */
package dev.wasdk.error;
