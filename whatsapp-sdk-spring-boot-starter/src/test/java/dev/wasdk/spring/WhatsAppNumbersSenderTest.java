package dev.wasdk.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SenderStats;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each number's sender: the shared {@code wasdk.sender.*} with its own settings over them. */
class WhatsAppNumbersSenderTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withConfiguration(
              AutoConfigurations.of(
                  WhatsAppNumbersAutoConfiguration.class, WhatsAppAutoConfiguration.class))
          .withPropertyValues(
              "wasdk.webhook.enabled=false",
              "wasdk.access-token=EAAG-shared-token-0123456789",
              "wasdk.waba-id=102290129340398",
              "wasdk.sender.throughput=80",
              "wasdk.sender.tier=TIER_2K",
              "wasdk.numbers.sales.phone-number-id=106540352242922",
              "wasdk.numbers.support.phone-number-id=107655329012345");

  @Test
  void context_oneNumberOverridesThroughputAndTier_otherInheritsTheShared() {
    runner
        .withPropertyValues(
            "wasdk.numbers.sales.sender.throughput=1000",
            "wasdk.numbers.sales.sender.tier=TIER_10K",
            "wasdk.numbers.sales.sender.portfolio-id=555000111",
            "wasdk.numbers.sales.sender.marketing-frequency-cap.count=2")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              MessageSender sales = sender(context, "sales");
              MessageSender support = sender(context, "support");
              SenderStats s = sales.stats();
              SenderStats t = support.stats();

              assertThat(s.throughputPerSecond()).isEqualTo(1000);
              assertThat(s.tier()).isEqualTo(MessagingTier.TIER_10K);
              assertThat(sales.portfolioId()).isEqualTo("555000111");
              assertThat(t.throughputPerSecond()).isEqualTo(80);
              assertThat(t.tier()).isEqualTo(MessagingTier.TIER_2K);
              assertThat(support.portfolioId()).isEqualTo("102290129340398");
              // the shared properties bean is untouched by a number's settings
              assertThat(context.getBean(WhatsAppProperties.class).getSender().getThroughput())
                  .isEqualTo(80);
              assertThat(
                      context
                          .getBean(WhatsAppNumbersProperties.class)
                          .getNumbers()
                          .get("sales")
                          .getSender())
                  .containsEntry("throughput", "1000")
                  .containsEntry("marketing-frequency-cap.count", "2");
            });
  }

  @Test
  void context_numberTurnsItsSenderOff_onlyThatNumberHasNone() {
    runner
        .withPropertyValues("wasdk.numbers.sales.sender.enabled=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBeansOfType(MessageSender.class))
                  .containsOnlyKeys("supportMessageSender");
              assertThat(context.getBean(WhatsAppNumbers.class).get("sales").hasSender()).isFalse();
            });
  }

  @Test
  void context_numberTurnsItsSenderOnWhileSendersAreOff_failsNamingTheProperty() {
    runner
        .withPropertyValues("wasdk.sender.enabled=false", "wasdk.numbers.sales.sender.enabled=true")
        .run(
            context ->
                assertThat(root(context))
                    .isInstanceOf(WhatsAppConfigurationException.class)
                    .hasMessageStartingWith("wasdk.numbers.sales.sender.enabled ")
                    .hasMessageContaining("wasdk.sender.enabled=false"));
  }

  @Test
  void context_badValueUnderOneNumber_failsNamingTheNumbersProperty() {
    runner
        .withPropertyValues("wasdk.numbers.sales.sender.throughput=0")
        .run(
            context -> {
              Throwable root = root(context);
              assertThat(root).isInstanceOf(WhatsAppConfigurationException.class);
              assertThat(((WhatsAppConfigurationException) root).property())
                  .isEqualTo("wasdk.numbers.sales.sender.throughput");
              assertThat(root).hasMessageStartingWith("wasdk.numbers.sales.sender.throughput is");
            });
  }

  @Test
  void context_badTierUnderOneNumber_failsNamingTheNumbersProperty() {
    runner
        .withPropertyValues("wasdk.numbers.support.sender.tier=TIER_HUGE")
        .run(
            context ->
                assertThat(root(context))
                    .isInstanceOf(WhatsAppConfigurationException.class)
                    .hasMessageStartingWith("wasdk.numbers.support.sender.tier is not")
                    .hasMessageContaining("TIER_HUGE"));
  }

  @Test
  void context_badSharedValueInheritedByANumber_failsNamingTheSharedProperty() {
    runner
        .withPropertyValues(
            "wasdk.sender.queue-capacity=0", "wasdk.numbers.sales.sender.throughput=1000")
        .run(
            context ->
                assertThat(root(context))
                    .isInstanceOf(WhatsAppConfigurationException.class)
                    .hasMessageStartingWith("wasdk.sender.queue-capacity is invalid"));
  }

  @Test
  void context_unknownKeyUnderOneNumber_failsNamingTheFullPath() {
    runner
        .withPropertyValues("wasdk.numbers.sales.sender.througput=1000")
        .run(
            context ->
                assertThat(root(context))
                    .isInstanceOf(WhatsAppConfigurationException.class)
                    .hasMessageStartingWith(
                        "wasdk.numbers.sales.sender.througput is not a sender setting"));
  }

  @Test
  void context_unreadableValueUnderOneNumber_failsNamingTheFullPath() {
    runner
        .withPropertyValues("wasdk.numbers.sales.sender.throughput=fast")
        .run(
            context ->
                assertThat(root(context))
                    .isInstanceOf(WhatsAppConfigurationException.class)
                    .hasMessageStartingWith("wasdk.numbers.sales.sender.throughput is invalid")
                    .hasMessageContaining("'fast'"));
  }

  @Test
  void context_customizers_seeEachNumbersName_andForNumberAppliesToThatNumberOnly() {
    runner
        .withUserConfiguration(Customizers.class)
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(Customizers.class).names)
                  .containsExactlyInAnyOrder("sales", "support");
              assertThat(sender(context, "sales").stats().throughputPerSecond()).isEqualTo(500);
              assertThat(sender(context, "support").stats().throughputPerSecond()).isEqualTo(80);
            });
  }

  @Test
  void context_singleNumber_forNumberCustomizerDoesNothing_plainOnesApply() {
    new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(WhatsAppAutoConfiguration.class))
        .withUserConfiguration(Customizers.class)
        .withPropertyValues(
            "wasdk.webhook.enabled=false",
            "wasdk.access-token=EAAG-shared-token-0123456789",
            "wasdk.phone-number-id=106540352242922")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean(MessageSender.class).stats().throughputPerSecond())
                  .isEqualTo(80);
              assertThat(context.getBean(Customizers.class).names).containsExactly("(single)");
            });
  }

  /** A customizer that records the names it sees, and one for the sales number only. */
  @Configuration(proxyBeanMethods = false)
  static class Customizers {
    final List<String> names = new CopyOnWriteArrayList<>();

    @Bean
    MessageSenderCustomizer recordNames() {
      return new MessageSenderCustomizer() {
        @Override
        public void customize(MessageSender.Builder builder) {
          names.add("(single)");
        }

        @Override
        public void customize(String number, MessageSender.Builder builder) {
          names.add(number);
        }
      };
    }

    // tag::number-customizer[]
    @Bean
    MessageSenderCustomizer salesOnly() {
      return MessageSenderCustomizer.forNumber("sales", b -> b.throughputPerSecond(500));
    }
    // end::number-customizer[]
  }

  private static MessageSender sender(AssertableApplicationContext context, String name) {
    return context.getBean(name + "MessageSender", MessageSender.class);
  }

  private static Throwable root(AssertableApplicationContext context) {
    Throwable failure = context.getStartupFailure();
    assertThat(failure).as("the context failed to start").isNotNull();
    Throwable t = failure;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
