package dev.wasdk.spring;

import dev.wasdk.error.WhatsAppException;
import java.util.Objects;

/**
 * Thrown at start-up when a {@code wasdk.*} property is missing or invalid. The message names the
 * property, says what is wrong and how to fix it; it never contains the value of a secret (access
 * token, app secret, verify token, Redis URI).
 *
 * <p>Spring Boot reports it through the starter's failure analyzer, so the application stops with a
 * short "APPLICATION FAILED TO START" description instead of a stack trace:
 *
 * <pre>{@code
 * Description:
 *     wasdk.access-token is required: set it to a system-user access token
 * Action:
 *     Set wasdk.access-token (for example from an environment variable) ...
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class WhatsAppConfigurationException extends WhatsAppException {
  private static final long serialVersionUID = 1L;

  /** The name of the offending property, such as {@code wasdk.access-token}. */
  private final String property;

  /**
   * Creates an exception for one property.
   *
   * @param property the full property name, such as {@code wasdk.access-token}
   * @param problem what is wrong and how to fix it; must not contain a secret
   */
  public WhatsAppConfigurationException(String property, String problem) {
    super(Objects.requireNonNull(property, "property") + " " + problem);
    this.property = property;
  }

  /** Returns the full name of the offending property, such as {@code wasdk.access-token}. */
  public String property() {
    return property;
  }
}
