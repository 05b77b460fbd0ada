/**
 * The observation seam: one small listener SPI, {@link dev.wasdk.observe.WhatsAppObserver}, that
 * sees each Graph request, each send outcome, each limiter decision, each webhook delivery and each
 * store call. Metrics ({@code whatsapp-sdk-micrometer}) and traces ({@code
 * whatsapp-sdk-opentelemetry}) are built on it; it has no dependency of its own.
 *
 * <p>The events carry only bounded, non-personal facts: an HTTP method, a path template such as
 * {@code {id}/messages}, a status, an error code, a count, a duration. They never carry an access
 * token, a phone number, a message id or message content.
 *
 * <pre>{@code
 * WhatsAppClient wa = WhatsAppClient.builder()
 *     .accessToken(token)
 *     .phoneNumberId("106540352242922")
 *     .observer(myObserver)
 *     .build();
 * }</pre>
 */
package dev.wasdk.observe;
