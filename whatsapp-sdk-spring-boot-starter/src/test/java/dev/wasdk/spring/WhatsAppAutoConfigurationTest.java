package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.ApiVersion;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.redis.RedisLimiterStore;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SenderListener;
import dev.wasdk.spring.internal.WebhookController;
import dev.wasdk.spring.internal.WhatsAppFailureAnalyzer;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.QueuedHandoff;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookHandoff;
import dev.wasdk.webhooks.WebhookRouter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class WhatsAppAutoConfigurationTest {
  private static final String TOKEN = "EAAG-secret-token-0123456789";
  private static final String APP_SECRET = "app-secret-abcdef0123456789";
  private static final String VERIFY_TOKEN = "verify-token-9876543210";
  private static final String PREVIOUS_SECRET = "previous-app-secret-5555";

  private static final String[] REQUIRED = {
    "wasdk.access-token=" + TOKEN,
    "wasdk.phone-number-id=106540352242922",
    "wasdk.waba-id=102290129340398",
    "wasdk.app-secret=" + APP_SECRET,
    "wasdk.verify-token=" + VERIFY_TOKEN
  };

  /** A servlet web application, where the webhook endpoint can be served. */
  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WhatsAppAutoConfiguration.class, WhatsAppWebhookMvcAutoConfiguration.class));

  /** An application without a web server. */
  private final ApplicationContextRunner nonWebRunner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WhatsAppAutoConfiguration.class, WhatsAppWebhookMvcAutoConfiguration.class));

  private final WebApplicationContextRunner webRunner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WhatsAppAutoConfiguration.class, WhatsAppWebhookMvcAutoConfiguration.class));

  @Test
  void context_fivePropertiesSet_createsClientStoreSenderAndEndpoint() {
    runner
        .withPropertyValues(REQUIRED)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(WhatsAppClient.class);
              assertThat(context).hasSingleBean(LimiterStore.class);
              assertThat(context).hasSingleBean(MessageSender.class);
              assertThat(context).hasSingleBean(WebhookRouter.class);
              assertThat(context).hasSingleBean(Deduplicator.class);
              assertThat(context).hasSingleBean(WebhookEndpoint.class);
              assertThat(context).doesNotHaveBean(WebhookHandoff.class);
              assertThat(context).hasSingleBean(WebhookController.class);
              WhatsAppClient client = context.getBean(WhatsAppClient.class);
              assertThat(client.phoneNumberId()).isEqualTo("106540352242922");
              assertThat(client.wabaId()).contains("102290129340398");
              assertThat(client.baseUrl()).isEqualTo(URI.create("https://graph.facebook.com"));
              assertThat(client.apiVersion()).isEqualTo(ApiVersion.DEFAULT);
              MessageSender sender = context.getBean(MessageSender.class);
              assertThat(sender.phoneNumberId()).isEqualTo("106540352242922");
              assertThat(sender.portfolioId()).isEqualTo("102290129340398");
            });
  }

  @Test
  void client_clientPropertiesSet_appliesBaseUrlAndVersion() {
    runner
        .withPropertyValues(REQUIRED)
        .withPropertyValues(
            "wasdk.base-url=http://127.0.0.1:8089/graph",
            "wasdk.api-version=25.0",
            "wasdk.sender.portfolio-id=portfolio-7",
            "wasdk.sender.tier=TIER_2K")
        .run(
            context -> {
              WhatsAppClient client = context.getBean(WhatsAppClient.class);
              assertThat(client.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089/graph"));
              assertThat(client.apiVersion()).isEqualTo(ApiVersion.V25_0);
              assertThat(context.getBean(MessageSender.class).portfolioId())
                  .isEqualTo("portfolio-7");
            });
  }

  @Test
  void context_webApplication_createsWebhookController() {
    webRunner
        .withPropertyValues(REQUIRED)
        .run(context -> assertThat(context).hasSingleBean(WebhookController.class));
  }

  @Test
  void context_webApplicationWithOwnEndpoint_controllerServesIt() {
    webRunner
        .withUserConfiguration(OwnBeans.class)
        .run(
            context -> {
              assertThat(context).hasSingleBean(WebhookController.class);
              assertThat(context.getBean(WebhookController.class).toString())
                  .isEqualTo("WebhookController[" + context.getBean("myEndpoint") + "]");
            });
  }

  @Test
  void context_webhooksDisabledWithOwnEndpoint_createsNoController() {
    webRunner
        .withUserConfiguration(OwnBeans.class)
        .withPropertyValues("wasdk.webhook.enabled=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(WebhookEndpoint.class);
              assertThat(context).doesNotHaveBean(WebhookController.class);
            });
  }

  @Test
  void context_webhooksDisabled_needsNoWebhookSecretsAndCreatesNoEndpoint() {
    webRunner
        .withPropertyValues(
            "wasdk.access-token=" + TOKEN,
            "wasdk.phone-number-id=106540352242922",
            "wasdk.webhook.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(MessageSender.class);
              assertThat(context).doesNotHaveBean(WebhookEndpoint.class);
              assertThat(context).doesNotHaveBean(WebhookController.class);
            });
  }

  @Test
  void context_senderDisabled_createsNoSenderNorStore() {
    runner
        .withPropertyValues(REQUIRED)
        .withPropertyValues("wasdk.sender.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(MessageSender.class);
              assertThat(context).doesNotHaveBean(LimiterStore.class);
              assertThat(context).hasSingleBean(WebhookEndpoint.class);
            });
  }

  @Test
  void context_asyncDispatch_createsQueuedHandoff() {
    runner
        .withPropertyValues(REQUIRED)
        .withPropertyValues(
            "wasdk.webhook.dispatch=async",
            "wasdk.webhook.async.capacity=50",
            "wasdk.webhook.async.workers=3")
        .run(
            context -> {
              assertThat(context).hasSingleBean(QueuedHandoff.class);
              assertThat(context.getBean(QueuedHandoff.class).toString())
                  .contains("capacity=50", "workers=3");
              assertThat(context.getBean(WebhookEndpoint.class).toString())
                  .contains("asynchronous");
            });
  }

  @Test
  void context_maxBodySize_isAppliedToTheEndpoint() {
    runner
        .withPropertyValues(REQUIRED)
        .withPropertyValues("wasdk.webhook.max-body-size=64KB")
        .run(
            context ->
                assertThat(context.getBean(WebhookEndpoint.class).maxBodyBytes())
                    .isEqualTo(64 * 1024));
  }

  // tag::override[]
  @Configuration(proxyBeanMethods = false)
  static class OwnBeans {
    @Bean
    WhatsAppClient myClient() {
      return WhatsAppClient.builder()
          .accessToken("token-from-my-vault")
          .phoneNumberId("999")
          .build();
    }

    @Bean
    WebhookEndpoint myEndpoint() {
      return WebhookEndpoint.builder()
          .appSecret("my-secret")
          .verifyToken("my-token")
          .router(WebhookRouter.builder().build())
          .build();
    }
  }

  // end::override[]

  @Test
  void context_userDefinesBeans_autoConfiguredOnesBackOff() {
    runner
        .withUserConfiguration(OwnBeans.class)
        // no wasdk.* properties at all: the user's beans need none
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(WhatsAppClient.class);
              assertThat(context)
                  .getBean(WhatsAppClient.class)
                  .isSameAs(context.getBean("myClient"));
              assertThat(context).hasSingleBean(WebhookEndpoint.class);
              assertThat(context)
                  .getBean(WebhookEndpoint.class)
                  .isSameAs(context.getBean("myEndpoint"));
              // the sender is still auto-configured, on the user's client
              assertThat(context.getBean(MessageSender.class).phoneNumberId()).isEqualTo("999");
            });
  }

  // tag::customizer[]
  @Configuration(proxyBeanMethods = false)
  static class Customizers {
    @Bean
    WhatsAppClientCustomizer userAgent() {
      return builder -> builder.userAgent("shop-backend/2.3");
    }

    @Bean
    MessageSenderCustomizer outcomeListener(SenderListener auditListener) {
      return builder -> builder.listener(auditListener);
    }
  }

  // end::customizer[]

  @Configuration(proxyBeanMethods = false)
  static class Markers {
    final List<String> applied = new CopyOnWriteArrayList<>();

    @Bean
    SenderListener auditListener() {
      return new SenderListener() {};
    }

    @Bean
    WhatsAppClientCustomizer clientMarker() {
      return builder -> applied.add("client");
    }

    @Bean
    MessageSenderCustomizer senderMarker() {
      return builder -> applied.add("sender");
    }
  }

  @Test
  void context_customizerBeans_areAppliedToTheBuilders() {
    runner
        .withPropertyValues(REQUIRED)
        .withUserConfiguration(Customizers.class, Markers.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              context.getBean(MessageSender.class);
              assertThat(context.getBean(Markers.class).applied)
                  .containsExactlyInAnyOrder("client", "sender");
            });
  }

  @Test
  void context_redisEnabled_usesRedisLimiterStore() {
    runner
        .withPropertyValues(REQUIRED)
        .withPropertyValues(
            "wasdk.redis.enabled=true",
            "wasdk.redis.uri=redis://127.0.0.1:6390",
            "wasdk.redis.key-prefix=shop:",
            "wasdk.redis.on-unavailable=fallback-to-local",
            "wasdk.redis.fallback-fraction=0.25")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(LimiterStore.class);
              assertThat(context.getBean(LimiterStore.class)).isInstanceOf(RedisLimiterStore.class);
            });
  }

  @Test
  void context_redisEnabledWithoutRedisModule_failsNamingProperty() {
    runner
        .withPropertyValues(REQUIRED)
        .withPropertyValues("wasdk.redis.enabled=true")
        .withClassLoader(new FilteredClassLoader(RedisLimiterStore.class))
        .run(
            context ->
                assertThat(failure(context))
                    .isInstanceOf(WhatsAppConfigurationException.class)
                    .hasMessageContaining("wasdk.redis.enabled")
                    .hasMessageContaining("whatsapp-sdk-redis"));
  }

  @Test
  void context_accessTokenMissing_failsNamingProperty() {
    runner
        .withPropertyValues(
            "wasdk.phone-number-id=106540352242922",
            "wasdk.app-secret=" + APP_SECRET,
            "wasdk.verify-token=" + VERIFY_TOKEN)
        .run(
            context -> {
              WhatsAppConfigurationException e = failure(context);
              assertThat(e.property()).isEqualTo("wasdk.access-token");
              assertThat(e).hasMessageStartingWith("wasdk.access-token is required");
              FailureAnalysis analysis =
                  new WhatsAppFailureAnalyzer().analyze(context.getStartupFailure());
              assertThat(analysis).isNotNull();
              assertThat(analysis.getDescription()).startsWith("wasdk.access-token is required");
              assertThat(analysis.getAction())
                  .contains("Set wasdk.access-token", "environment variable WASDK_ACCESSTOKEN");
            });
  }

  @Test
  void context_appSecretMissing_failsNamingPropertyAndHowToOptOut() {
    runner
        .withPropertyValues("wasdk.access-token=" + TOKEN, "wasdk.phone-number-id=1065")
        .withPropertyValues("wasdk.verify-token=" + VERIFY_TOKEN)
        .run(
            context ->
                assertThat(failure(context))
                    .hasMessageStartingWith("wasdk.app-secret is required")
                    .hasMessageContaining("wasdk.webhook.enabled=false"));
  }

  @Test
  void context_verifyTokenBlank_failsNamingProperty() {
    runner
        .withPropertyValues(REQUIRED)
        .withPropertyValues("wasdk.verify-token=   ")
        .run(context -> assertThat(failure(context).property()).isEqualTo("wasdk.verify-token"));
  }

  @Test
  void context_phoneNumberIdInvalid_failsNamingProperty() {
    runner
        .withPropertyValues(REQUIRED)
        .withPropertyValues("wasdk.phone-number-id=+1 650 555")
        .run(
            context ->
                assertThat(failure(context))
                    .hasMessageStartingWith("wasdk.phone-number-id is invalid")
                    .hasMessageContaining("letters, digits"));
  }

  @Test
  void context_invalidValues_failNamingEachProperty() {
    String[][] cases = {
      {"wasdk.base-url=ftp://example.com", "wasdk.base-url"},
      {"wasdk.api-version=latest", "wasdk.api-version"},
      {"wasdk.request-timeout=0s", "wasdk.request-timeout"},
      {"wasdk.sender.throughput=0", "wasdk.sender.throughput"},
      {"wasdk.sender.throughput-headroom=0.9", "wasdk.sender.throughput-headroom"},
      {"wasdk.sender.tier=TEIR_2K", "wasdk.sender.tier"},
      {"wasdk.sender.max-in-flight=0", "wasdk.sender.max-in-flight"},
      {"wasdk.sender.queue-capacity=0", "wasdk.sender.queue-capacity"},
      {
        "wasdk.sender.marketing-frequency-cap.count=0", "wasdk.sender.marketing-frequency-cap.count"
      },
      {"wasdk.webhook.max-body-size=0B", "wasdk.webhook.max-body-size"},
      {"wasdk.webhook.dedupe.max-keys=0", "wasdk.webhook.dedupe.max-keys"},
    };
    for (String[] c : cases) {
      runner
          .withPropertyValues(REQUIRED)
          .withPropertyValues(c[0])
          .run(
              context -> {
                WhatsAppConfigurationException e = failure(context);
                assertThat(e.property()).as(c[0]).isEqualTo(c[1]);
                assertThat(e.getMessage()).as(c[0]).startsWith(c[1] + " ");
              });
    }
  }

  @Test
  void context_notWebApplicationWithWebhookEnabled_failsSayingWhatToAdd() {
    nonWebRunner
        .withPropertyValues(REQUIRED)
        .run(
            context -> {
              WhatsAppConfigurationException e = failure(context);
              assertThat(e.property()).isEqualTo("wasdk.webhook.enabled");
              assertThat(e.getMessage())
                  .contains("spring-boot-starter-webmvc", "wasdk.webhook.enabled=false");
            });
  }

  @Test
  void context_notWebApplicationWithWebhookDisabled_startsWithClientAndSender() {
    nonWebRunner
        .withPropertyValues(REQUIRED)
        .withPropertyValues("wasdk.webhook.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(WhatsAppClient.class);
              assertThat(context).doesNotHaveBean(WebhookEndpoint.class);
            });
  }

  @Test
  void context_appSecretIsUnresolvedPlaceholder_failsAsMissing() {
    runner
        .withPropertyValues(REQUIRED)
        .withPropertyValues("wasdk.app-secret=${WASDK_TEST_UNSET_SECRET_4711}")
        .run(
            context -> {
              WhatsAppConfigurationException e = failure(context);
              assertThat(e.property()).isEqualTo("wasdk.app-secret");
              assertThat(e.getMessage())
                  .contains("is required", "WASDK_TEST_UNSET_SECRET_4711", "App Dashboard");
            });
  }

  @Test
  void context_optionalPropertyIsUnresolvedPlaceholder_failsNamingIt() {
    runner
        .withPropertyValues(REQUIRED)
        .withPropertyValues("wasdk.waba-id=${WASDK_TEST_UNSET_WABA_4711}")
        .run(
            context ->
                assertThat(failure(context).getMessage())
                    .startsWith("wasdk.waba-id ")
                    .contains("WASDK_TEST_UNSET_WABA_4711"));
  }

  @Test
  void context_webhookPathWithoutSlash_failsNamingProperty() {
    webRunner
        .withPropertyValues(REQUIRED)
        .withPropertyValues("wasdk.webhook.path=webhooks")
        .run(context -> assertThat(failure(context).property()).isEqualTo("wasdk.webhook.path"));
  }

  @Test
  void startupFailure_anyProperty_neverContainsSecrets() {
    String[] failures = {
      "wasdk.phone-number-id=not valid!", // fails after the token was applied
      "wasdk.api-version=latest",
      "wasdk.webhook.max-body-size=0B", // fails after the webhook secrets were read
      "wasdk.sender.tier=nonsense",
    };
    for (String bad : failures) {
      runner
          .withPropertyValues(REQUIRED)
          .withPropertyValues("wasdk.previous-app-secret=" + PREVIOUS_SECRET, bad)
          .run(
              context -> {
                Throwable failure = context.getStartupFailure();
                assertThat(failure).as(bad).isNotNull();
                FailureAnalysis analysis = new WhatsAppFailureAnalyzer().analyze(failure);
                String everything =
                    stackTrace(failure) + analysis.getDescription() + analysis.getAction();
                assertThat(everything)
                    .as(bad)
                    .doesNotContain(TOKEN, APP_SECRET, VERIFY_TOKEN, PREVIOUS_SECRET);
              });
    }
  }

  @Test
  void properties_toString_showsSettingsButNoSecrets() {
    runner
        .withPropertyValues(REQUIRED)
        .withPropertyValues(
            "wasdk.previous-app-secret=" + PREVIOUS_SECRET,
            "wasdk.redis.uri=redis://:hunter2@redis.internal:6379")
        .run(
            context -> {
              String text = context.getBean(WhatsAppProperties.class).toString();
              assertThat(text)
                  .contains("phoneNumberId=106540352242922", "accessToken=(set)", "path=")
                  .doesNotContain(TOKEN, APP_SECRET, VERIFY_TOKEN, PREVIOUS_SECRET, "hunter2");
              assertThat(context.getBean(WhatsAppClient.class).toString()).doesNotContain(TOKEN);
              assertThat(context.getBean(WebhookEndpoint.class).toString())
                  .doesNotContain(APP_SECRET, VERIFY_TOKEN, PREVIOUS_SECRET);
            });
  }

  @Test
  void properties_defaults_matchTheBuildersDefaults() {
    WhatsAppProperties p = new WhatsAppProperties();
    assertThat(p.getBaseUrl()).isEqualTo(WhatsAppClient.DEFAULT_BASE_URL);
    assertThat(p.getApiVersion()).isEqualTo(ApiVersion.DEFAULT.value());
    assertThat(p.getWebhook().getMaxBodySize().toBytes())
        .isEqualTo(WebhookEndpoint.DEFAULT_MAX_BODY_BYTES);
    assertThat(p.getWebhook().getAsync().getCapacity()).isEqualTo(QueuedHandoff.DEFAULT_CAPACITY);
    assertThat(p.getWebhook().getAsync().getWorkers()).isEqualTo(QueuedHandoff.DEFAULT_WORKERS);
    assertThat(p.getWebhook().getDedupe().getMaxKeys()).isEqualTo(Deduplicator.DEFAULT_MAX_KEYS);
    assertThat(p.getWebhook().getDedupe().getHorizon()).isEqualTo(Deduplicator.DEFAULT_HORIZON);
  }

  private static WhatsAppConfigurationException failure(
      ApplicationContextAssertProvider<?> context) {
    assertThat(context.getStartupFailure()).as("start-up failure").isNotNull();
    Throwable t = context.getStartupFailure();
    while (t != null && !(t instanceof WhatsAppConfigurationException)) {
      t = t.getCause();
    }
    assertThat(t)
        .as("a WhatsAppConfigurationException in %s", context.getStartupFailure())
        .isNotNull();
    return (WhatsAppConfigurationException) t;
  }

  private static String stackTrace(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
