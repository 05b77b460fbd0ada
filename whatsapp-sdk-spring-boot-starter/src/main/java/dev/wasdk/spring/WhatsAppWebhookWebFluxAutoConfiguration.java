package dev.wasdk.spring;

import dev.wasdk.spring.internal.ReactiveWebhookController;
import dev.wasdk.webhooks.WebhookEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.DispatcherHandler;

/**
 * Serves the {@link WebhookEndpoint} at {@code wasdk.webhook.path} (default {@code
 * /webhooks/whatsapp}) in a reactive web application with Spring WebFlux, with the guarantees of
 * the Spring MVC controller: GET answers the subscription handshake; POST gathers the raw body
 * bytes (at most one byte past {@code wasdk.webhook.max-body-size}, none when the declared length
 * is over it), checks the signature over them before parsing, de-duplicates and dispatches, and the
 * endpoint's status and body are returned as they are. The endpoint runs on Reactor's
 * bounded-elastic scheduler, so listeners may block without stalling the event loop.
 *
 * <p>Nothing is configured in a non-web or servlet application, when {@code
 * wasdk.webhook.enabled=false}, or when the application defines its own {@code WebhookEndpoint} and
 * serves it itself. If Spring Security is present, let Meta's unauthenticated POST through (permit
 * the path and exclude it from CSRF protection): the signature authenticates it.
 *
 * <pre>
 * # a WebFlux application: nothing more than the usual properties
 * wasdk.webhook.path=/webhooks/whatsapp
 * </pre>
 */
@AutoConfiguration(after = WhatsAppAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass(DispatcherHandler.class)
@ConditionalOnBean(WebhookEndpoint.class)
@ConditionalOnBooleanProperty(name = "wasdk.webhook.enabled", matchIfMissing = true)
public final class WhatsAppWebhookWebFluxAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does this. */
  public WhatsAppWebhookWebFluxAutoConfiguration() {}

  /**
   * Creates the reactive controller at {@code wasdk.webhook.path}.
   *
   * @param endpoint the endpoint that answers
   * @param properties the bound properties, for the path check
   * @return the controller
   */
  @Bean
  @ConditionalOnMissingBean
  ReactiveWebhookController whatsAppReactiveWebhookController(
      WebhookEndpoint endpoint, WhatsAppProperties properties) {
    String path = properties.getWebhook().getPath();
    if (path == null || !path.startsWith("/") || path.contains("{") || path.contains("*")) {
      throw new WhatsAppConfigurationException(
          "wasdk.webhook.path",
          "must be a fixed path starting with '/', such as /webhooks/whatsapp, but was '"
              + path
              + "'");
    }
    return new ReactiveWebhookController(endpoint);
  }
}
