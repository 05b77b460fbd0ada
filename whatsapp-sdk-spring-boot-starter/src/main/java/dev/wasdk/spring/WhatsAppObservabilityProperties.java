package dev.wasdk.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code wasdk.observability.*} properties: the meters, spans and health indicator that {@link
 * WhatsAppObservabilityAutoConfiguration} wires when Micrometer, OpenTelemetry or Actuator's health
 * support are present.
 *
 * <pre>
 * wasdk.observability.metrics.enabled=true
 * wasdk.observability.tracing.enabled=true
 * wasdk.observability.health.token-check-interval=5m
 * </pre>
 */
@ConfigurationProperties("wasdk.observability")
public final class WhatsAppObservabilityProperties {
  private final Metrics metrics = new Metrics();
  private final Tracing tracing = new Tracing();
  private final Health health = new Health();

  /** Creates the properties with their defaults; Spring Boot binds them. */
  public WhatsAppObservabilityProperties() {}

  /** Returns the Micrometer settings. */
  public Metrics getMetrics() {
    return metrics;
  }

  /** Returns the OpenTelemetry settings. */
  public Tracing getTracing() {
    return tracing;
  }

  /** Returns the health indicator's settings. */
  public Health getHealth() {
    return health;
  }

  /** The {@code wasdk.observability.metrics.*} properties. */
  public static final class Metrics {
    /** Whether to record wasdk's meters in the application's MeterRegistry. */
    private boolean enabled = true;

    /** Creates the defaults. */
    public Metrics() {}

    /** Returns whether meters are recorded. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether meters are recorded. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The {@code wasdk.observability.tracing.*} properties. */
  public static final class Tracing {
    /** Whether to trace Graph requests and webhook deliveries with the OpenTelemetry bean. */
    private boolean enabled = true;

    /** Creates the defaults. */
    public Tracing() {}

    /** Returns whether spans are made. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether spans are made. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }
  }

  /** The {@code wasdk.observability.health.*} properties. */
  public static final class Health {
    /** Whether to contribute the "whatsApp" health indicator. */
    private boolean enabled = true;

    /** How long one check of the access token (a read of the phone number from Graph) is reused. */
    private Duration tokenCheckInterval = Duration.ofMinutes(5);

    /** How long one check of the limiter and de-duplication stores is reused. */
    private Duration storeCheckInterval = Duration.ofSeconds(30);

    /** Creates the defaults. */
    public Health() {}

    /** Returns whether the indicator is contributed. */
    public boolean isEnabled() {
      return enabled;
    }

    /** Sets whether the indicator is contributed. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** Returns how long a token check is reused. */
    public Duration getTokenCheckInterval() {
      return tokenCheckInterval;
    }

    /** Sets how long a token check is reused. */
    public void setTokenCheckInterval(Duration tokenCheckInterval) {
      this.tokenCheckInterval = tokenCheckInterval;
    }

    /** Returns how long a store check is reused. */
    public Duration getStoreCheckInterval() {
      return storeCheckInterval;
    }

    /** Sets how long a store check is reused. */
    public void setStoreCheckInterval(Duration storeCheckInterval) {
      this.storeCheckInterval = storeCheckInterval;
    }
  }
}
