package dev.wasdk.spring.internal;

import dev.wasdk.spring.WhatsAppConfigurationException;
import dev.wasdk.spring.WhatsAppProperties;
import java.util.HashSet;
import java.util.Set;
import org.springframework.boot.context.properties.bind.AbstractBindHandler;
import org.springframework.boot.context.properties.bind.BindContext;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.UnboundConfigurationPropertiesException;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.core.env.Environment;

/**
 * The sender settings of one number under {@code wasdk.numbers}: the shared {@code wasdk.sender.*}
 * settings with the number's {@code wasdk.numbers.<name>.sender.*} bound over them, so that a key
 * the number leaves out keeps the shared value. Both are bound onto one {@link
 * WhatsAppProperties.Sender} by the same binder, which is the whole merge: no setter is copied.
 */
public final class NumberSenderSettings {
  private static final String SHARED = "wasdk.sender.";

  private final String prefix;
  private final WhatsAppProperties properties;
  private final Set<String> overridden;

  private NumberSenderSettings(
      String prefix, WhatsAppProperties properties, Set<String> overridden) {
    this.prefix = prefix;
    this.properties = properties;
    this.overridden = Set.copyOf(overridden);
  }

  /** Returns the prefix of number {@code name}'s sender settings, without the trailing dot. */
  public static String prefix(String name) {
    return "wasdk.numbers." + name + ".sender";
  }

  /**
   * Binds the {@code wasdk.*} properties, then number {@code name}'s sender settings over the
   * shared ones.
   *
   * @throws WhatsAppConfigurationException naming the full property path, when a key under the
   *     number's {@code sender} is not a sender setting or its value cannot be read
   */
  public static NumberSenderSettings bind(Environment environment, String name) {
    Binder binder = Binder.get(environment);
    WhatsAppProperties properties = new WhatsAppProperties();
    binder.bind("wasdk", Bindable.ofInstance(properties));
    ConfigurationPropertyName root = ConfigurationPropertyName.adapt(prefix(name), '.');
    Set<String> overridden = new HashSet<>();
    AbstractBindHandler recording =
        new AbstractBindHandler() {
          @Override
          public Object onSuccess(
              ConfigurationPropertyName bound,
              Bindable<?> target,
              BindContext context,
              Object result) {
            if (root.isAncestorOf(bound)) {
              overridden.add(bound.subName(root.getNumberOfElements()).toString());
            }
            return result;
          }
        };
    try {
      binder.bind(
          root,
          Bindable.ofInstance(properties.getSender()),
          new NoUnboundElementsBindHandler(recording));
    } catch (BindException e) {
      throw translate(e);
    }
    return new NumberSenderSettings(prefix(name), properties, overridden);
  }

  /**
   * Returns the {@code wasdk.*} properties as they apply to this number: every shared setting, with
   * {@link WhatsAppProperties#getSender()} holding the number's merged sender settings.
   */
  public WhatsAppProperties properties() {
    return properties;
  }

  /**
   * Returns whether number {@code name} gets a sender: its own {@code sender.enabled}, else {@code
   * shared} ({@code wasdk.sender.enabled}).
   *
   * @throws WhatsAppConfigurationException when the number turns its sender on while {@code
   *     wasdk.sender.enabled=false} turns off the limiter store every sender needs
   */
  public static boolean enabled(Environment environment, String name, boolean shared) {
    String property = prefix(name) + ".enabled";
    boolean own;
    try {
      own =
          Binder.get(environment)
              .bind(ConfigurationPropertyName.adapt(property, '.'), Bindable.of(Boolean.class))
              .orElse(shared);
    } catch (BindException e) {
      throw translate(e);
    }
    if (own && !shared) {
      throw new WhatsAppConfigurationException(
          property,
          "is true, but wasdk.sender.enabled=false, which also leaves out the limiter store the"
              + " senders share: remove wasdk.sender.enabled=false and set enabled=false under"
              + " each number that sends nothing instead");
    }
    return own;
  }

  /** Returns whether the number sets {@code key} (relative to its {@code sender} prefix) itself. */
  public boolean overrides(String key) {
    return overridden.contains(key);
  }

  /**
   * Returns {@code failure} naming the number's own property when the rejected value is one the
   * number set, such as {@code wasdk.numbers.sales.sender.throughput} for a failure about {@code
   * wasdk.sender.throughput}; a value the number inherited keeps the shared name.
   */
  public WhatsAppConfigurationException attribute(WhatsAppConfigurationException failure) {
    String property = failure.property();
    if (!property.startsWith(SHARED)) {
      return failure;
    }
    String key = property.substring(SHARED.length());
    if (!overrides(key)) {
      return failure;
    }
    String problem = failure.getMessage().substring(property.length()).strip();
    return new WhatsAppConfigurationException(prefix + "." + key, problem);
  }

  private static WhatsAppConfigurationException translate(BindException e) {
    if (e.getCause() instanceof UnboundConfigurationPropertiesException unbound) {
      String first =
          unbound.getUnboundProperties().stream()
              .map(p -> p.getName().toString())
              .sorted()
              .findFirst()
              .orElse(e.getName().toString());
      return new WhatsAppConfigurationException(
          first,
          "is not a sender setting: a number's sender takes the keys of wasdk.sender.*, such as"
              + " throughput, tier, queue-capacity or max-in-flight");
    }
    ConfigurationProperty property = e.getProperty();
    if (property == null) {
      return new WhatsAppConfigurationException(
          e.getName().toString(), "is invalid: " + rootMessage(e));
    }
    Class<?> type = e.getTarget().getType().resolve();
    return new WhatsAppConfigurationException(
        property.getName().toString(),
        "is invalid: '"
            + property.getValue()
            + "' cannot be read as "
            + (type == null ? "this setting" : type.getSimpleName()));
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
