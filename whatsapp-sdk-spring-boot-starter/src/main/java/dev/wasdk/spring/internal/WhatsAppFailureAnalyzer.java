package dev.wasdk.spring.internal;

import dev.wasdk.spring.WhatsAppConfigurationException;
import java.util.Locale;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a {@link WhatsAppConfigurationException} as a short start-up failure that names the
 * property and what to do, instead of a stack trace. Registered in {@code
 * META-INF/spring.factories}.
 */
public final class WhatsAppFailureAnalyzer
    extends AbstractFailureAnalyzer<WhatsAppConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, WhatsAppConfigurationException cause) {
    String property = cause.property();
    if (property.equals("wasdk.webhook.enabled")) {
      return new FailureAnalysis(
          cause.getMessage(),
          "Add org.springframework.boot:spring-boot-starter-webmvc to the application's"
              + " dependencies to receive webhooks, or set wasdk.webhook.enabled=false.",
          cause);
    }
    String variable = property.toUpperCase(Locale.ROOT).replace('.', '_').replace("-", "");
    String action =
        "Set "
            + property
            + " in application.properties or application.yaml, as the environment variable "
            + variable
            + ", or as a command-line argument. Keep secrets out of source control: take them"
            + " from the environment or a secret store.";
    return new FailureAnalysis(cause.getMessage(), action, cause);
  }
}
