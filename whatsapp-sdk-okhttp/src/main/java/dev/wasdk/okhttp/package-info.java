/**
 * An HTTP transport on OkHttp: {@link dev.wasdk.okhttp.OkHttpTransport}.
 *
 * <pre>{@code
 * try (OkHttpTransport okhttp = OkHttpTransport.create();
 *     WhatsAppClient wa = WhatsAppClient.builder()
 *         .accessToken(System.getenv("WHATSAPP_TOKEN"))
 *         .phoneNumberId("106540352242922")
 *         .transport(okhttp)
 *         .build()) {
 *   wa.messages().send(Message.to("+16505551234").text("Hello"));
 * }
 * }</pre>
 */
package dev.wasdk.okhttp;
