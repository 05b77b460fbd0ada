package dev.wasdk.spring.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Gives Tomcat limits that keep slow or oversized webhook requests from tying up the server, unless
 * the application sets them itself: {@code server.tomcat.connection-timeout=10s} (a client that
 * sends nothing for that long is dropped), {@code server.tomcat.max-connections=256} (open
 * connections beyond it wait in the accept backlog) and {@code server.tomcat.max-swallow-size} at
 * least the webhook body limit (so a refused upload is read to its end and its 413 reaches the
 * client).
 *
 * <p>The values go into a property source added last, after Spring Boot's default properties, so
 * any value the application sets, in any source and any relaxed spelling, wins. Nothing is added
 * when {@code wasdk.webhook.enabled=false}. Stateless and thread-safe.
 */
public final class WebhookServerDefaults implements EnvironmentPostProcessor, Ordered {
  /** Name of the property source this adds. */
  public static final String SOURCE_NAME = "wasdkWebhookServerDefaults";

  static final String CONNECTION_TIMEOUT = "server.tomcat.connection-timeout";
  static final String MAX_CONNECTIONS = "server.tomcat.max-connections";
  static final String MAX_SWALLOW_SIZE = "server.tomcat.max-swallow-size";

  /** The webhook body limit's default, as in {@code wasdk.webhook.max-body-size}. */
  private static final DataSize DEFAULT_BODY_LIMIT = DataSize.ofKilobytes(3136);

  /** Tomcat's own default swallow size, kept when the body limit is below it. */
  private static final DataSize TOMCAT_SWALLOW_DEFAULT = DataSize.ofMegabytes(2);

  /** Creates the post-processor; Spring Boot does this. */
  public WebhookServerDefaults() {}

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    Binder binder = Binder.get(environment);
    boolean enabled = binder.bind("wasdk.webhook.enabled", Boolean.class).orElse(true);
    if (!enabled || environment.getPropertySources().contains(SOURCE_NAME)) {
      return;
    }
    DataSize bodyLimit = DEFAULT_BODY_LIMIT;
    try {
      bodyLimit =
          binder.bind("wasdk.webhook.max-body-size", DataSize.class).orElse(DEFAULT_BODY_LIMIT);
    } catch (RuntimeException e) {
      // An invalid limit is reported, naming the property, when the endpoint is created.
    }
    long swallow = Math.max(bodyLimit.toBytes(), TOMCAT_SWALLOW_DEFAULT.toBytes());
    Map<String, Object> values = new LinkedHashMap<>();
    values.put(CONNECTION_TIMEOUT, "10s");
    values.put(MAX_CONNECTIONS, "256");
    values.put(MAX_SWALLOW_SIZE, swallow + "B");
    environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, values));
  }

  /** Runs after the application's own configuration is loaded, so that its body limit is known. */
  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
