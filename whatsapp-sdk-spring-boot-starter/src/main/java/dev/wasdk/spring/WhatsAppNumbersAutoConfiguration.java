package dev.wasdk.spring;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.client.http.HttpTransport;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.spring.internal.NumberBeans;
import dev.wasdk.spring.internal.NumberSenderSettings;
import dev.wasdk.webhooks.WebhookRouter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.core.type.AnnotationMetadata;

/**
 * Auto-configures several business phone numbers in one application from {@code wasdk.numbers.*}
 * ({@link WhatsAppNumbersProperties}). For each number it registers a {@link WhatsAppClient} bean
 * named {@code <name>WhatsAppClient} and, unless {@code wasdk.sender.enabled=false}, a {@link
 * MessageSender} bean named {@code <name>MessageSender}, built from the shared {@code
 * wasdk.sender.*} settings with the number's own {@code wasdk.numbers.<name>.sender.*} over them
 * (any sender setting; what a number leaves out keeps the shared value), over the shared {@link
 * LimiterStore} (every limit is keyed by phone number or account, so the numbers do not share a
 * budget they should not). Each {@link MessageSenderCustomizer} is applied with the number's name
 * ({@link MessageSenderCustomizer#customize(String, MessageSender.Builder)}). The primary number's
 * beans are {@code @Primary}, so an injection point without a qualifier keeps working.
 *
 * <p>The one webhook endpoint of the application (one app, one app secret) routes each event by its
 * {@code metadata.phone_number_id}: it feeds the sender of that number, then publishes the event as
 * usual; {@link WhatsAppNumbers#forEvent} finds the number to answer with. When no number is
 * configured, this configuration does nothing and the single-number properties apply.
 *
 * <pre>{@code
 * // wasdk.numbers.sales.sender.throughput=1000
 * @Autowired @Qualifier("salesMessageSender") MessageSender sales;
 * }</pre>
 */
@AutoConfiguration(before = WhatsAppAutoConfiguration.class)
@Conditional(WhatsAppNumbersAutoConfiguration.NumbersConfigured.class)
@EnableConfigurationProperties({WhatsAppNumbersProperties.class, WhatsAppProperties.class})
@Import(WhatsAppNumbersAutoConfiguration.Registrar.class)
public final class WhatsAppNumbersAutoConfiguration {

  /** Creates the auto-configuration; Spring Boot does this. */
  public WhatsAppNumbersAutoConfiguration() {}

  /**
   * Creates the registry of the configured numbers.
   *
   * @param properties the numbers
   * @param beans where their clients and senders are
   * @return the registry
   */
  @Bean
  @ConditionalOnMissingBean
  public WhatsAppNumbers whatsAppNumbers(
      WhatsAppNumbersProperties properties, ListableBeanFactory beans) {
    List<WhatsAppNumbers.Entry> entries = new ArrayList<>();
    for (String name : properties.getNumbers().keySet()) {
      WhatsAppClient client = beans.getBean(NumberBeans.clientBean(name), WhatsAppClient.class);
      MessageSender sender =
          beans.containsBean(NumberBeans.senderBean(name))
              ? beans.getBean(NumberBeans.senderBean(name), MessageSender.class)
              : null;
      entries.add(new WhatsAppNumbers.Entry(name, client, sender));
    }
    try {
      return new WhatsAppNumbers(entries);
    } catch (IllegalArgumentException e) {
      throw new WhatsAppConfigurationException("wasdk.numbers", e.getMessage());
    }
  }

  /**
   * Creates the router that feeds each event to its number's sender, then publishes it.
   *
   * @param publisher publishes the events
   * @param numbers the numbers
   * @return the router
   */
  @Bean
  @ConditionalOnMissingBean(WebhookRouter.class)
  @ConditionalOnBooleanProperty(name = "wasdk.webhook.enabled", matchIfMissing = true)
  public WebhookRouter whatsAppNumbersWebhookRouter(
      ApplicationEventPublisher publisher, WhatsAppNumbers numbers) {
    return NumberBeans.router(publisher, numbers);
  }

  private static Map<String, WhatsAppNumbersProperties.Number> numbers(Environment environment) {
    return Binder.get(environment)
        .bind("wasdk.numbers", Bindable.mapOf(String.class, WhatsAppNumbersProperties.Number.class))
        .orElse(Map.of());
  }

  /** Matches when at least one number is configured. */
  static final class NumbersConfigured implements Condition {
    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
      return !numbers(context.getEnvironment()).isEmpty();
    }
  }

  /** Registers each number's client and sender beans. */
  static final class Registrar
      implements ImportBeanDefinitionRegistrar, EnvironmentAware, BeanFactoryAware {
    private Environment environment;
    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
      this.environment = environment;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
      this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(
        AnnotationMetadata metadata, BeanDefinitionRegistry registry) {
      Map<String, WhatsAppNumbersProperties.Number> numbers = numbers(environment);
      if (numbers.isEmpty()) {
        return;
      }
      String primary = NumberBeans.primary(numbers);
      boolean senders = environment.getProperty("wasdk.sender.enabled", Boolean.class, true);
      for (var e : numbers.entrySet()) {
        String name = e.getKey();
        WhatsAppNumbersProperties.Number number = e.getValue();
        String clientBean = NumberBeans.clientBean(name);
        RootBeanDefinition client = new RootBeanDefinition(WhatsAppClient.class);
        client.setInstanceSupplier(
            () ->
                NumberBeans.client(
                    name,
                    number,
                    beanFactory.getBean(WhatsAppProperties.class),
                    beanFactory.getBeanProvider(HttpTransport.class).getIfAvailable(),
                    beanFactory.getBeanProvider(WhatsAppClientCustomizer.class).orderedStream()));
        client.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
        client.setPrimary(name.equals(primary));
        registry.registerBeanDefinition(clientBean, client);
        if (!NumberSenderSettings.enabled(environment, name, senders)) {
          continue;
        }
        RootBeanDefinition sender = new RootBeanDefinition(MessageSender.class);
        sender.setInstanceSupplier(
            () -> {
              // Bound first, so that a bad shared value is reported as the shared property.
              beanFactory.getBean(WhatsAppProperties.class);
              return NumberBeans.sender(
                  name,
                  environment,
                  beanFactory.getBean(clientBean, WhatsAppClient.class),
                  beanFactory.getBean(LimiterStore.class),
                  beanFactory.getBeanProvider(MessageSenderCustomizer.class));
            });
        sender.setDestroyMethodName(AbstractBeanDefinition.INFER_METHOD);
        sender.setDependsOn(clientBean);
        sender.setPrimary(name.equals(primary));
        registry.registerBeanDefinition(NumberBeans.senderBean(name), sender);
      }
    }
  }
}
