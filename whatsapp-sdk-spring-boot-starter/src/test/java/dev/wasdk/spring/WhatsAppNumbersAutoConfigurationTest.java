package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** Several phone numbers from {@code wasdk.numbers.*}, each with its own beans. */
class WhatsAppNumbersAutoConfigurationTest {
  private static final String SHARED_TOKEN = "EAAG-shared-token-0123456789";
  private static final String SUPPORT_TOKEN = "EAAG-support-token-9876543210";

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WhatsAppNumbersAutoConfiguration.class,
                  WhatsAppAutoConfiguration.class,
                  WhatsAppWebhookMvcAutoConfiguration.class))
          .withPropertyValues(
              "wasdk.app-secret=app-secret-abcdef0123456789",
              "wasdk.verify-token=verify-token-9876543210");

  @Test
  void context_twoNumbersUnderTwoAccounts_createsNamedClientsAndSenders() {
    runner
        .withPropertyValues(
            "wasdk.access-token=" + SHARED_TOKEN,
            "wasdk.waba-id=102290129340398",
            "wasdk.numbers.sales.phone-number-id=106540352242922",
            "wasdk.numbers.support.phone-number-id=107655329012345",
            "wasdk.numbers.support.access-token=" + SUPPORT_TOKEN,
            "wasdk.numbers.support.waba-id=104996122399160",
            "wasdk.numbers.support.primary=true")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeansOfType(WhatsAppClient.class))
                  .containsOnlyKeys("salesWhatsAppClient", "supportWhatsAppClient");
              assertThat(context.getBeansOfType(MessageSender.class))
                  .containsOnlyKeys("salesMessageSender", "supportMessageSender");
              assertThat(context).hasSingleBean(LimiterStore.class);
              assertThat(context).hasSingleBean(WebhookRouter.class);
              assertThat(context).hasSingleBean(WebhookEndpoint.class);

              WhatsAppClient sales = context.getBean("salesWhatsAppClient", WhatsAppClient.class);
              WhatsAppClient support =
                  context.getBean("supportWhatsAppClient", WhatsAppClient.class);
              assertThat(sales.phoneNumberId()).isEqualTo("106540352242922");
              assertThat(sales.wabaId()).contains("102290129340398");
              assertThat(support.phoneNumberId()).isEqualTo("107655329012345");
              assertThat(support.wabaId()).contains("104996122399160");
              // the primary one answers an injection point without a name
              assertThat(context.getBean(WhatsAppClient.class)).isSameAs(support);
              assertThat(context.getBean(MessageSender.class))
                  .isSameAs(context.getBean("supportMessageSender"));

              WhatsAppNumbers numbers = context.getBean(WhatsAppNumbers.class);
              assertThat(numbers.names()).containsExactly("sales", "support");
              assertThat(numbers.byPhoneNumberId("106540352242922").orElseThrow().client())
                  .isSameAs(sales);
              assertThat(numbers.get("support").sender())
                  .isSameAs(context.getBean("supportMessageSender"));
              assertThat(numbers.byPhoneNumberId("999")).isEmpty();
              assertThat(numbers.toString() + sales + support)
                  .doesNotContain(SHARED_TOKEN, SUPPORT_TOKEN);
            });
  }

  @Test
  void context_noNumbers_singleNumberPropertiesWorkUnchanged() {
    runner
        .withPropertyValues(
            "wasdk.access-token=" + SHARED_TOKEN, "wasdk.phone-number-id=106540352242922")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).hasSingleBean(WhatsAppClient.class);
              assertThat(context).hasSingleBean(MessageSender.class);
              assertThat(context).doesNotHaveBean(WhatsAppNumbers.class);
              assertThat(context).hasBean("whatsAppClient");
            });
  }

  @Test
  void context_firstNumberIsPrimaryByDefault_andSendersCanBeOff() {
    runner
        .withPropertyValues(
            "wasdk.access-token=" + SHARED_TOKEN,
            "wasdk.sender.enabled=false",
            "wasdk.numbers.b.phone-number-id=2000",
            "wasdk.numbers.a.phone-number-id=1000")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context).doesNotHaveBean(MessageSender.class);
              assertThat(context.getBean(WhatsAppClient.class).phoneNumberId()).isEqualTo("2000");
              WhatsAppNumbers.Entry a = context.getBean(WhatsAppNumbers.class).get("a");
              assertThat(a.hasSender()).isFalse();
            });
  }

  @Test
  void context_numberWithoutPhoneNumberId_failsNamingTheProperty() {
    runner
        .withPropertyValues("wasdk.access-token=" + SHARED_TOKEN, "wasdk.numbers.sales.waba-id=1")
        .run(
            context ->
                assertThat(root(context.getStartupFailure()))
                    .isInstanceOf(WhatsAppConfigurationException.class)
                    .hasMessageContaining("wasdk.numbers.sales.phone-number-id"));
  }

  @Test
  void context_numberWithoutAnyToken_failsNamingTheProperty() {
    runner
        .withPropertyValues("wasdk.numbers.sales.phone-number-id=1000")
        .run(
            context ->
                assertThat(root(context.getStartupFailure()))
                    .isInstanceOf(WhatsAppConfigurationException.class)
                    .hasMessageContaining("wasdk.numbers.sales.access-token"));
  }

  @Test
  void context_twoNumbersWithOneId_fails() {
    runner
        .withPropertyValues(
            "wasdk.access-token=" + SHARED_TOKEN,
            "wasdk.numbers.a.phone-number-id=1000",
            "wasdk.numbers.b.phone-number-id=1000")
        .run(
            context ->
                assertThat(root(context.getStartupFailure()))
                    .isInstanceOf(WhatsAppConfigurationException.class)
                    .hasMessageContaining("same phone-number-id"));
  }

  @Test
  void context_twoPrimaries_fails() {
    runner
        .withPropertyValues(
            "wasdk.access-token=" + SHARED_TOKEN,
            "wasdk.numbers.a.phone-number-id=1000",
            "wasdk.numbers.a.primary=true",
            "wasdk.numbers.b.phone-number-id=2000",
            "wasdk.numbers.b.primary=true")
        .run(
            context ->
                assertThat(root(context.getStartupFailure()))
                    .isInstanceOf(WhatsAppConfigurationException.class)
                    .hasMessageContaining("wasdk.numbers.b.primary"));
  }

  private static Throwable root(Throwable failure) {
    assertThat(failure).as("the context failed to start").isNotNull();
    Throwable t = failure;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
