package dev.wasdk.spring;

import dev.wasdk.spring.internal.DevelopmentSimulator;
import dev.wasdk.testkit.WhatsAppSimulator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Development mode: with {@code wasdk.simulator.enabled=true} and {@code
 * dev.wasdk:whatsapp-sdk-testkit} on the class path, starts an embedded WhatsApp simulator, points
 * the client at it with its credentials (replacing {@code wasdk.base-url}, {@code
 * wasdk.access-token}, {@code wasdk.phone-number-id}, {@code wasdk.waba-id} and {@code
 * wasdk.app-secret}), and has it post signed webhooks to the application's own endpoint once the
 * web server runs. A simulated user writes from the console ({@code say +16505551234 Hello}) or
 * through the {@link WhatsAppSimulator} bean.
 *
 * <p>It is off by default and logs a warning at start when on. Keep the testkit in {@code test}
 * scope, so a packaged application cannot turn it on; run with it from the build:
 *
 * <pre>{@code
 * mvn compile exec:java -Dexec.classpathScope=test -Dexec.args=--wasdk.simulator.enabled=true
 * }</pre>
 *
 * <p>With the property on and the testkit missing, the start-up fails naming the dependency.
 */
@AutoConfiguration(before = WhatsAppAutoConfiguration.class)
@ConditionalOnBooleanProperty(name = "wasdk.simulator.enabled")
public final class WhatsAppSimulatorAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does this. */
  public WhatsAppSimulatorAutoConfiguration() {}

  /** The embedded simulator, when the testkit is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "dev.wasdk.testkit.WhatsAppSimulator")
  static class EmbeddedSimulatorConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    WhatsAppSimulator whatsAppSimulator(Environment environment) {
      return DevelopmentSimulator.start(environment);
    }

    /** Replaces the client's settings with the simulator's, after binding. */
    @Bean
    static BeanPostProcessor whatsAppSimulatorSettings(ObjectProvider<WhatsAppSimulator> sim) {
      return DevelopmentSimulator.settingsOverride(sim);
    }

    /** Points the simulator's webhooks at this application once its web server runs. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
        name = "org.springframework.boot.web.server.context.WebServerInitializedEvent")
    static class WebhookTargetConfiguration {
      @Bean
      DevelopmentSimulator.WebhookTarget whatsAppSimulatorWebhookTarget(
          WhatsAppSimulator sim, Environment environment) {
        return new DevelopmentSimulator.WebhookTarget(sim, environment);
      }
    }
  }

  /** Fails the start-up when the testkit is missing. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnMissingClass("dev.wasdk.testkit.WhatsAppSimulator")
  static class MissingTestkitConfiguration {
    @Bean
    Object whatsAppSimulatorMissing() {
      throw new WhatsAppConfigurationException(
          "wasdk.simulator.enabled",
          "is true, but dev.wasdk:whatsapp-sdk-testkit is not on the class path: add it in test"
              + " scope and run with -Dspring-boot.run.useTestClasspath=true, or remove the"
              + " property to send to WhatsApp");
    }
  }
}
