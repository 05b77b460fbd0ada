package dev.wasdk.spring;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code wasdk.flows.*} properties: the WhatsApp Flows data endpoint that {@link
 * WhatsAppFlowsAutoConfiguration} serves when {@code wasdk.flows.private-key} is set.
 *
 * <pre>
 * wasdk.flows.private-key=/etc/wasdk/flows-private.pem
 * wasdk.flows.passphrase=${FLOWS_KEY_PASSPHRASE}
 * wasdk.flows.path=/flows/booking
 * </pre>
 *
 * <p>{@code toString()} never shows the key or the passphrase.
 */
@ConfigurationProperties("wasdk.flows")
public final class WhatsAppFlowsProperties {
  /**
   * The business private key: PEM text (PKCS#8 or PKCS#1, encrypted or not), a file path, or a
   * classpath: location.
   */
  private String privateKey;

  /** The passphrase of an encrypted private key. */
  private String passphrase;

  /** The path the data endpoint is served at. */
  private String path = "/flows";

  /** The name of the Flow in logs and metrics. */
  private String flowName = "flow";

  /**
   * The secret of the Meta app connected to the Flow, which signs its requests; defaults to
   * wasdk.app-secret.
   */
  private String appSecret;

  /** How long a handler may take before the user sees an error; Meta waits 10 seconds. */
  private Duration handlerBudget = Duration.ofSeconds(8);

  /** Creates the properties with their defaults; Spring binds them. */
  public WhatsAppFlowsProperties() {}

  /** Returns the private key: PEM text, a path or a classpath: location. */
  public String getPrivateKey() {
    return privateKey;
  }

  /** Sets the private key: PEM text, a path or a classpath: location. */
  public void setPrivateKey(String privateKey) {
    this.privateKey = privateKey;
  }

  /** Returns the passphrase, or null. */
  public String getPassphrase() {
    return passphrase;
  }

  /** Sets the passphrase. */
  public void setPassphrase(String passphrase) {
    this.passphrase = passphrase;
  }

  /** Returns the path. */
  public String getPath() {
    return path;
  }

  /** Sets the path. */
  public void setPath(String path) {
    this.path = path;
  }

  /** Returns the Flow name. */
  public String getFlowName() {
    return flowName;
  }

  /** Sets the Flow name. */
  public void setFlowName(String flowName) {
    this.flowName = flowName;
  }

  /** Returns the app secret, or null to use {@code wasdk.app-secret}. */
  public String getAppSecret() {
    return appSecret;
  }

  /** Sets the app secret. */
  public void setAppSecret(String appSecret) {
    this.appSecret = appSecret;
  }

  /** Returns the handler budget. */
  public Duration getHandlerBudget() {
    return handlerBudget;
  }

  /** Sets the handler budget. */
  public void setHandlerBudget(Duration handlerBudget) {
    this.handlerBudget = handlerBudget;
  }

  @Override
  public String toString() {
    return "WhatsAppFlowsProperties[path=" + path + ", flowName=" + flowName + "]";
  }
}
