package dev.wasdk.client;

import java.util.Objects;

/**
 * Supplies the access token sent as {@code Authorization: Bearer <token>}; the extension point for
 * token rotation.
 *
 * <p>The client calls {@link #accessToken()} once per HTTP attempt, including each retry, so a
 * rotated token takes effect on the next request without rebuilding the client.
 *
 * <p><b>Thread-safety:</b> implementations must be thread-safe; the client calls them from any
 * thread, concurrently. <b>Speed:</b> the call is on the request path, so return a cached value and
 * refresh it elsewhere (a scheduler, or an event from your secret store); do not fetch a token over
 * the network on every call. <b>Lifecycle:</b> the client never closes a provider.
 *
 * <pre>{@code
 * AtomicReference<String> current = new AtomicReference<>(vault.read("whatsapp-token"));
 * vault.onChange("whatsapp-token", current::set);
 * WhatsAppClient wa = WhatsAppClient.builder()
 *     .accessTokenProvider(current::get)
 *     .phoneNumberId("106540352242922")
 *     .build();
 * }</pre>
 *
 * <p>If the provider throws or returns a null or blank token, the request is not sent and a {@link
 * dev.wasdk.error.RequestNotSentException} is thrown.
 */
@FunctionalInterface
public interface AccessTokenProvider {

  /**
   * Returns the access token for the next request.
   *
   * @return a system-user, business-integration or user access token; never null or blank
   */
  String accessToken();

  /**
   * Returns a provider of one fixed token. Its {@code toString()} does not show the token.
   *
   * @param token the access token
   * @return the provider
   * @throws IllegalArgumentException if the token is blank
   */
  static AccessTokenProvider of(String token) {
    Objects.requireNonNull(token, "token");
    if (token.isBlank()) {
      throw new IllegalArgumentException("access token must not be blank");
    }
    return new FixedAccessToken(token);
  }
}
