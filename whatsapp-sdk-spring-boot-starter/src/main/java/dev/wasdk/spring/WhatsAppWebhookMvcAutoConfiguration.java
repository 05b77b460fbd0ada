package dev.wasdk.spring;

import dev.wasdk.spring.internal.WebhookController;
import dev.wasdk.webhooks.WebhookEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.DispatcherServlet;

/**
 * Serves the {@link WebhookEndpoint} at {@code wasdk.webhook.path} (default {@code
 * /webhooks/whatsapp}) in a servlet web application with Spring MVC: GET answers the subscription
 * handshake, POST takes signed deliveries. The endpoint's status and body are returned as they are,
 * and the raw body bytes reach the signature check unmodified.
 *
 * <p>Nothing is configured in a non-web or reactive application, when {@code
 * wasdk.webhook.enabled=false}, or when the application defines its own {@code WebhookEndpoint} and
 * serves it itself. If Spring Security is present, let Meta's unauthenticated POST through (permit
 * the path and exclude it from CSRF protection): the signature authenticates it.
 */
@AutoConfiguration(after = WhatsAppAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(DispatcherServlet.class)
@ConditionalOnBean(WebhookEndpoint.class)
@ConditionalOnBooleanProperty(name = "wasdk.webhook.enabled", matchIfMissing = true)
public final class WhatsAppWebhookMvcAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does this. */
  public WhatsAppWebhookMvcAutoConfiguration() {}

  /**
   * Creates the controller at {@code wasdk.webhook.path}.
   *
   * @param endpoint the endpoint that answers
   * @param properties the bound properties, for the path check
   * @return the controller
   */
  @Bean
  @ConditionalOnMissingBean
  WebhookController whatsAppWebhookController(
      WebhookEndpoint endpoint, WhatsAppProperties properties) {
    String path = properties.getWebhook().getPath();
    if (path == null || !path.startsWith("/") || path.contains("{") || path.contains("*")) {
      throw new WhatsAppConfigurationException(
          "wasdk.webhook.path",
          "must be a fixed path starting with '/', such as /webhooks/whatsapp, but was '"
              + path
              + "'");
    }
    return new WebhookController(endpoint);
  }
}
