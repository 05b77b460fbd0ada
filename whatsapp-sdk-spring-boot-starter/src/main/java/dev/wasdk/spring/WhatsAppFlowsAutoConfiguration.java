package dev.wasdk.spring;

import dev.wasdk.flows.FlowCipher;
import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.flows.FlowHandler;
import dev.wasdk.flows.FlowListener;
import dev.wasdk.flows.FlowTokenValidator;
import dev.wasdk.flows.servlet.FlowServlet;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Serves a WhatsApp Flows data endpoint when {@code wasdk.flows.private-key} is set and {@code
 * whatsapp-sdk-flows} is on the class path: a {@link FlowCipher} from the key (PEM text, a file or
 * a {@code classpath:} location, with {@code wasdk.flows.passphrase}), a {@link FlowEndpoint} that
 * routes to the application's {@link FlowHandler} bean (such as a {@code FlowRouter}), with its
 * optional {@link FlowTokenValidator} and {@link FlowListener} beans, and, in a servlet web
 * application, a {@link FlowServlet} at {@code wasdk.flows.path}.
 *
 * <p>The request signature is checked with {@code wasdk.flows.app-secret}, or {@code
 * wasdk.app-secret} when that is not set. A missing handler, secret or unreadable key stops the
 * start-up with a {@link WhatsAppConfigurationException} naming the property; the message never
 * contains the key or the passphrase.
 */
@AutoConfiguration(after = WhatsAppAutoConfiguration.class)
@ConditionalOnClass(FlowEndpoint.class)
@ConditionalOnProperty(prefix = "wasdk.flows", name = "private-key")
@EnableConfigurationProperties(WhatsAppFlowsProperties.class)
public final class WhatsAppFlowsAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does this. */
  public WhatsAppFlowsAutoConfiguration() {}

  /**
   * Creates the cipher from {@code wasdk.flows.private-key}.
   *
   * @param properties the bound properties
   * @param resources resolves {@code classpath:} locations
   * @return the cipher
   */
  @Bean
  @ConditionalOnMissingBean
  FlowCipher whatsAppFlowCipher(WhatsAppFlowsProperties properties, ResourceLoader resources) {
    String pem = readKey(properties.getPrivateKey(), resources);
    try {
      return FlowCipher.fromPem(pem, properties.getPassphrase());
    } catch (IllegalArgumentException e) {
      throw new WhatsAppConfigurationException("wasdk.flows.private-key", e.getMessage());
    }
  }

  private static String readKey(String value, ResourceLoader resources) {
    if (value.contains("-----BEGIN")) {
      return value;
    }
    try {
      if (value.startsWith("classpath:")) {
        Resource r = resources.getResource(value);
        try (InputStream in = r.getInputStream()) {
          return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
      }
      return Files.readString(Path.of(value), StandardCharsets.US_ASCII);
    } catch (IOException | RuntimeException e) {
      throw new WhatsAppConfigurationException(
          "wasdk.flows.private-key",
          "is neither PEM text nor a readable file or classpath: location ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /**
   * Creates the endpoint.
   *
   * @param cipher decrypts requests
   * @param properties the bound properties
   * @param environment supplies {@code wasdk.app-secret}
   * @param handler the application's handler
   * @param validator the optional token validator
   * @param listener the optional outcome listener
   * @return the endpoint, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  FlowEndpoint whatsAppFlowEndpoint(
      FlowCipher cipher,
      WhatsAppFlowsProperties properties,
      Environment environment,
      ObjectProvider<FlowHandler> handler,
      ObjectProvider<FlowTokenValidator> validator,
      ObjectProvider<FlowListener> listener) {
    String secret = properties.getAppSecret();
    if (secret == null || secret.isBlank()) {
      secret = environment.getProperty("wasdk.app-secret");
    }
    if (secret == null || secret.isBlank()) {
      throw new WhatsAppConfigurationException(
          "wasdk.flows.app-secret",
          "is required (or wasdk.app-secret): the secret of the app connected to the Flow");
    }
    FlowHandler h = handler.getIfUnique();
    if (h == null) {
      throw new WhatsAppConfigurationException(
          "wasdk.flows.private-key",
          "is set, so the application must define exactly one FlowHandler bean, such as a"
              + " FlowRouter");
    }
    FlowEndpoint.Builder b =
        FlowEndpoint.builder()
            .flowName(properties.getFlowName())
            .cipher(cipher)
            .appSecret(secret)
            .handler(h)
            .handlerBudget(properties.getHandlerBudget());
    validator.ifUnique(b::tokenValidator);
    listener.ifUnique(b::listener);
    return b.build();
  }

  /** Registers the servlet in a servlet web application. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(ServletRegistrationBean.class)
  static class ServletRegistration {
    /**
     * Creates the servlet registration at {@code wasdk.flows.path}.
     *
     * @param endpoint the endpoint
     * @param properties the bound properties
     * @return the registration
     */
    @Bean
    @ConditionalOnMissingBean(name = "whatsAppFlowServlet")
    ServletRegistrationBean<FlowServlet> whatsAppFlowServlet(
        FlowEndpoint endpoint, WhatsAppFlowsProperties properties) {
      String path = properties.getPath();
      if (path == null || !path.startsWith("/") || path.contains("*") || path.contains("{")) {
        throw new WhatsAppConfigurationException(
            "wasdk.flows.path", "must be a fixed path starting with '/', but was '" + path + "'");
      }
      ServletRegistrationBean<FlowServlet> r =
          new ServletRegistrationBean<>(new FlowServlet(endpoint), path);
      r.setName("whatsAppFlowServlet");
      return r;
    }
  }
}
