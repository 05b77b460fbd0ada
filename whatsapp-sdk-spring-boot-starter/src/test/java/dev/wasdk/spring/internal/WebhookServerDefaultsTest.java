package dev.wasdk.spring.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.unit.DataSize;

/** The Tomcat limits are filled in only where the application set none. */
class WebhookServerDefaultsTest {
  private final WebhookServerDefaults defaults = new WebhookServerDefaults();

  @Test
  void postProcess_nothingSet_appliesTheThreeLimits() {
    StandardEnvironment env = new StandardEnvironment();
    defaults.postProcessEnvironment(env, new SpringApplication());

    assertThat(env.getProperty("server.tomcat.connection-timeout")).isEqualTo("10s");
    assertThat(env.getProperty("server.tomcat.max-connections")).isEqualTo("256");
    assertThat(swallow(env)).isEqualTo(DataSize.ofKilobytes(3136));
  }

  @Test
  void postProcess_applicationValues_keepsThemInAnySpelling() {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources()
        .addFirst(
            new MapPropertySource(
                "application",
                Map.of(
                    "server.tomcat.connectionTimeout", "5s",
                    "server.tomcat.max-swallow-size", "8MB")));
    env.getPropertySources()
        .replace(
            StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                Map.of("SERVER_TOMCAT_MAXCONNECTIONS", "1000")));
    defaults.postProcessEnvironment(env, new SpringApplication());

    Binder binder = Binder.get(env);
    assertThat(binder.bind("server.tomcat.connection-timeout", String.class).get()).isEqualTo("5s");
    assertThat(binder.bind("server.tomcat.max-connections", Integer.class).get()).isEqualTo(1000);
    assertThat(swallow(env)).isEqualTo(DataSize.ofMegabytes(8));
  }

  @Test
  void postProcess_bodyLimitAboveTomcatsDefault_swallowsAtLeastTheBodyLimit() {
    MockEnvironment env = new MockEnvironment().withProperty("wasdk.webhook.max-body-size", "5MB");
    defaults.postProcessEnvironment(env, new SpringApplication());

    assertThat(swallow(env)).isEqualTo(DataSize.ofMegabytes(5));
  }

  @Test
  void postProcess_smallBodyLimit_keepsTomcatsOwnSwallowSize() {
    MockEnvironment env = new MockEnvironment().withProperty("wasdk.webhook.max-body-size", "64KB");
    defaults.postProcessEnvironment(env, new SpringApplication());

    assertThat(swallow(env)).isEqualTo(DataSize.ofMegabytes(2));
  }

  @Test
  void postProcess_webhookDisabled_addsNothing() {
    MockEnvironment env = new MockEnvironment().withProperty("wasdk.webhook.enabled", "false");
    defaults.postProcessEnvironment(env, new SpringApplication());

    assertThat(env.getPropertySources().contains(WebhookServerDefaults.SOURCE_NAME)).isFalse();
    assertThat(env.getProperty("server.tomcat.max-connections")).isNull();
  }

  private static DataSize swallow(org.springframework.core.env.ConfigurableEnvironment env) {
    return Binder.get(env).bind("server.tomcat.max-swallow-size", DataSize.class).get();
  }
}
