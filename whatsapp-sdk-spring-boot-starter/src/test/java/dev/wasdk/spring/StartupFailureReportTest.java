package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** A real application start: the registered failure analyzer reports a bad property briefly. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureReportTest {
  private static final String TOKEN = "EAAG-report-secret-token";
  private static final String APP_SECRET = "report-app-secret";

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Test
  void run_phoneNumberIdMissing_reportsThePropertyAndWhatToDoWithoutSecrets(CapturedOutput output) {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.config.name=no-such-config",
                "wasdk.access-token=" + TOKEN,
                "wasdk.app-secret=" + APP_SECRET,
                "wasdk.verify-token=report-verify-token");

    assertThatThrownBy(app::run).hasRootCauseInstanceOf(WhatsAppConfigurationException.class);

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("wasdk.phone-number-id is required")
        .contains("environment variable WASDK_PHONENUMBERID")
        .doesNotContain(TOKEN, APP_SECRET, "report-verify-token");
  }

  @Test
  void run_appSecretIsUnresolvedPlaceholder_failsAsMissingNamingTheVariable(CapturedOutput output) {
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(App.class)
            .properties(
                "spring.config.name=no-such-config",
                "server.port=0",
                "wasdk.access-token=" + TOKEN,
                "wasdk.phone-number-id=106540352242922",
                "wasdk.app-secret=${WASDK_REPORT_UNSET_SECRET_1234}",
                "wasdk.verify-token=report-verify-token");

    assertThatThrownBy(app::run).hasRootCauseInstanceOf(WhatsAppConfigurationException.class);

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("wasdk.app-secret is required")
        .contains("${WASDK_REPORT_UNSET_SECRET_1234}, which nothing resolved")
        .doesNotContain(TOKEN, "report-verify-token");
  }

  @Test
  void run_webhookEnabledWithoutServletWebStack_failsSayingWhatToAdd(CapturedOutput output) {
    // Without spring-boot-starter-webmvc, Spring Boot starts a non-web application: NONE is that.
    SpringApplicationBuilder app =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.config.name=no-such-config",
                "wasdk.access-token=" + TOKEN,
                "wasdk.phone-number-id=106540352242922",
                "wasdk.app-secret=" + APP_SECRET,
                "wasdk.verify-token=report-verify-token");

    assertThatThrownBy(app::run).hasRootCauseInstanceOf(WhatsAppConfigurationException.class);

    assertThat(output)
        .contains("APPLICATION FAILED TO START")
        .contains("wasdk.webhook.enabled is true")
        .contains("org.springframework.boot:spring-boot-starter-webmvc")
        .contains("wasdk.webhook.enabled=false")
        .doesNotContain(TOKEN, APP_SECRET, "report-verify-token");
  }

  @Test
  void run_sendOnlyApplicationWithoutWebStack_starts() {
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(App.class)
            .web(WebApplicationType.NONE)
            .properties(
                "spring.config.name=no-such-config",
                "wasdk.access-token=" + TOKEN,
                "wasdk.phone-number-id=106540352242922",
                "wasdk.webhook.enabled=false")
            .run()) {
      assertThat(context.getBeansOfType(dev.wasdk.client.WhatsAppClient.class)).hasSize(1);
      assertThat(context.getBeansOfType(dev.wasdk.webhooks.WebhookEndpoint.class)).isEmpty();
    }
  }
}
