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
}
