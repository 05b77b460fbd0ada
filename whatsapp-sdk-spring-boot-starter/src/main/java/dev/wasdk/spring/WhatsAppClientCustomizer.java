package dev.wasdk.spring;

import dev.wasdk.client.WhatsAppClient;

/**
 * Adjusts the {@link WhatsAppClient.Builder} of the auto-configured client after the {@code
 * wasdk.*} properties were applied, for settings that have no property: a token provider that
 * rotates, an own {@code HttpClient}, a retry policy.
 *
 * <pre>{@code
 * @Bean
 * WhatsAppClientCustomizer rotatingToken(TokenVault vault) {
 *   return builder -> builder.accessTokenProvider(vault::currentWhatsAppToken);
 * }
 * }</pre>
 *
 * <p>Every customizer bean is applied, in {@code @Order} order, once at start-up on the thread that
 * creates the client. A customizer does nothing when the application defines its own {@link
 * WhatsAppClient} bean.
 */
@FunctionalInterface
public interface WhatsAppClientCustomizer {
  /**
   * Changes the builder.
   *
   * @param builder the builder, with the properties applied
   */
  void customize(WhatsAppClient.Builder builder);
}
