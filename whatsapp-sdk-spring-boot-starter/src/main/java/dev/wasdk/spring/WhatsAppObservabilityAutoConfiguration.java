package dev.wasdk.spring;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.micrometer.WhatsAppMetrics;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.opentelemetry.WhatsAppTracing;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.spring.internal.TracedStatuses;
import dev.wasdk.spring.internal.WhatsAppHealthIndicator;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.WebhookHandoff;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * Wires wasdk's observability when its parts are present: {@link WhatsAppMetrics} when Micrometer
 * and a {@link MeterRegistry} bean are (with gauges for every {@link MessageSender} bean), {@link
 * WhatsAppTracing} when {@code whatsapp-sdk-opentelemetry} and an {@link OpenTelemetry} bean are,
 * and the {@code whatsApp} Actuator health indicator when Spring Boot's health support is.
 *
 * <p>Every {@link WhatsAppObserver} bean, these and the application's own, is given to the
 * auto-configured client (through a {@link WhatsAppClientCustomizer} applied first, so a later
 * customizer may still replace it) and to the webhook endpoint. The settings are {@link
 * WhatsAppObservabilityProperties wasdk.observability.*}.
 */
@AutoConfiguration(
    after = WhatsAppAutoConfiguration.class,
    afterName = {
      "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
      "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration",
      "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration"
    })
@EnableConfigurationProperties(WhatsAppObservabilityProperties.class)
public final class WhatsAppObservabilityAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does this. */
  public WhatsAppObservabilityAutoConfiguration() {}

  /**
   * Gives every {@link WhatsAppObserver} bean to the auto-configured client.
   *
   * @param observers the observers
   * @return the customizer
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  public WhatsAppClientCustomizer whatsAppObserverCustomizer(
      ObjectProvider<WhatsAppObserver> observers) {
    return builder -> {
      var all = observers.orderedStream().toList();
      if (!all.isEmpty()) {
        builder.observer(WhatsAppObserver.of(all));
      }
    };
  }

  /** Micrometer meters, when a registry exists. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({WhatsAppMetrics.class, MeterRegistry.class})
  @ConditionalOnBean(MeterRegistry.class)
  @ConditionalOnBooleanProperty(name = "wasdk.observability.metrics.enabled", matchIfMissing = true)
  static class MetricsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WhatsAppMetrics whatsAppMetrics(MeterRegistry registry) {
      return WhatsAppMetrics.of(registry);
    }

    @Bean
    SmartInitializingSingleton whatsAppSenderGauges(
        WhatsAppMetrics metrics, ObjectProvider<MessageSender> senders) {
      return () -> senders.orderedStream().forEach(metrics::bind);
    }
  }

  /** OpenTelemetry spans, when an OpenTelemetry bean exists. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({WhatsAppTracing.class, OpenTelemetry.class})
  @ConditionalOnBean(OpenTelemetry.class)
  @ConditionalOnBooleanProperty(name = "wasdk.observability.tracing.enabled", matchIfMissing = true)
  static class TracingConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WhatsAppTracing whatsAppTracing(OpenTelemetry openTelemetry) {
      return WhatsAppTracing.of(openTelemetry);
    }

    // A sender's sends and the status webhooks, so that each status joins its send's trace.
    @Bean
    MessageSenderCustomizer whatsAppTracingSenderCustomizer(WhatsAppTracing tracing) {
      return builder -> builder.listener(tracing.senderListener());
    }

    @Bean
    TracedStatuses whatsAppTracedStatuses(WhatsAppTracing tracing) {
      return new TracedStatuses(tracing);
    }
  }

  /** The health indicator, when Spring Boot's health support is present. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnBean(WhatsAppClient.class)
  @ConditionalOnBooleanProperty(name = "wasdk.observability.health.enabled", matchIfMissing = true)
  static class HealthConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "whatsAppHealthIndicator")
    HealthIndicator whatsAppHealthIndicator(
        WhatsAppClient client,
        ObjectProvider<LimiterStore> store,
        ObjectProvider<Deduplicator> deduplicator,
        ObjectProvider<WebhookHandoff> handoff,
        WhatsAppProperties properties,
        WhatsAppObservabilityProperties observability) {
      WhatsAppObservabilityProperties.Health h = observability.getHealth();
      return new WhatsAppHealthIndicator(
          client,
          store.getIfUnique(),
          deduplicator.getIfUnique(),
          handoff.getIfUnique(),
          properties.getWebhook().getAsync().getCapacity(),
          h.getTokenCheckInterval(),
          h.getStoreCheckInterval(),
          Clock.systemUTC());
    }
  }
}
