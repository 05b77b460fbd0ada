package dev.wasdk.spring;

import static dev.wasdk.spring.internal.Checks.apply;
import static dev.wasdk.spring.internal.Checks.applySecret;
import static dev.wasdk.spring.internal.Checks.atLeast;
import static dev.wasdk.spring.internal.Checks.notNegative;
import static dev.wasdk.spring.internal.Checks.optional;
import static dev.wasdk.spring.internal.Checks.positive;
import static dev.wasdk.spring.internal.Checks.required;

import dev.wasdk.client.ApiVersion;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.client.http.HttpTransport;
import dev.wasdk.observe.WhatsAppObserver;
import dev.wasdk.redis.RedisLimiterStore;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.QueueFullPolicy;
import dev.wasdk.spring.internal.ClientConnection;
import dev.wasdk.spring.internal.IntakeConditions;
import dev.wasdk.spring.internal.WebStack;
import dev.wasdk.spring.internal.WebhookEventBridge;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.DispatchMode;
import dev.wasdk.webhooks.QueuedHandoff;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookHandoff;
import dev.wasdk.webhooks.WebhookRouter;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configures wasdk from the {@code wasdk.*} properties ({@link WhatsAppProperties}): a {@link
 * WhatsAppClient}, a pacing {@link MessageSender} over a {@link LimiterStore} (in memory, or Redis
 * when {@code wasdk.redis.enabled=true}), and a {@link WebhookEndpoint} whose events are published
 * as Spring application events and fed to the sender.
 *
 * <p>Every bean is created only when the application has none of its type, so any of them can be
 * replaced by declaring your own. Smaller adjustments go through {@link WhatsAppClientCustomizer}
 * and {@link MessageSenderCustomizer} beans. The webhook controller that serves the endpoint in
 * Spring MVC is configured by {@link WhatsAppWebhookMvcAutoConfiguration}.
 *
 * <p>Each typed webhook event ({@code dev.wasdk.webhooks.event}) is published with {@link
 * ApplicationEventPublisher#publishEvent(Object)}, so a listener is an ordinary method:
 *
 * <pre>{@code
 * @EventListener
 * void on(TextReceived message) {
 *   sender.submit(Message.replyTo(message).text("You said: " + message.body()));
 * }
 * }</pre>
 *
 * <p>Before any listener runs, {@code SenderFeed} passes the event to the sender: an inbound
 * message opens the user's 24-hour service window (and STOP opts the user out of marketing), a
 * failed status backs off, closes the window or gives a tier slot back, and tier or throughput
 * changes update the pacing. With the default synchronous dispatch, a listener that throws makes
 * the endpoint answer 500, so Meta delivers the event again.
 */
@AutoConfiguration
@EnableConfigurationProperties(WhatsAppProperties.class)
public final class WhatsAppAutoConfiguration {
  private static final String PREFIX = "wasdk.";

  /** Creates the auto-configuration; Spring Boot does this. */
  public WhatsAppAutoConfiguration() {}

  /**
   * Creates the client from {@code wasdk.access-token}, {@code wasdk.phone-number-id} and the other
   * client properties, on the application's {@link HttpTransport} bean if it has one (such as an
   * {@code OkHttpTransport}), then applies every {@link WhatsAppClientCustomizer}.
   *
   * @param properties the bound properties
   * @param transport the application's transport, if any; the application closes it
   * @param customizers the customizers, in order
   * @return the client; closed with the application context
   */
  @Bean
  @ConditionalOnMissingBean
  public WhatsAppClient whatsAppClient(
      WhatsAppProperties properties,
      ObjectProvider<HttpTransport> transport,
      ObjectProvider<WhatsAppClientCustomizer> customizers) {
    WhatsAppClient.Builder b = WhatsAppClient.builder();
    String token =
        required(
            PREFIX + "access-token",
            properties.getAccessToken(),
            "set it to a system-user access token of the WhatsApp Business Account");
    applySecret(PREFIX + "access-token", "it must not be blank", () -> b.accessToken(token));
    String phoneNumberId =
        required(
            PREFIX + "phone-number-id",
            properties.getPhoneNumberId(),
            "set it to the id of the business phone number (WhatsApp Manager, API Setup), not"
                + " the number itself");
    apply(PREFIX + "phone-number-id", () -> b.phoneNumberId(phoneNumberId));
    String wabaId = optional(PREFIX + "waba-id", properties.getWabaId());
    if (wabaId != null) {
      apply(PREFIX + "waba-id", () -> b.wabaId(wabaId));
    }
    if (properties.getBaseUrl() == null) {
      throw new WhatsAppConfigurationException(
          PREFIX + "base-url",
          "must not be empty; remove it to use " + WhatsAppClient.DEFAULT_BASE_URL);
    }
    apply(PREFIX + "base-url", () -> b.baseUrl(properties.getBaseUrl()));
    String version = required(PREFIX + "api-version", properties.getApiVersion(), "such as v24.0");
    apply(PREFIX + "api-version", () -> b.apiVersion(ApiVersion.of(version)));
    return ClientConnection.build(
        b, properties, transport.getIfAvailable(), customizers.orderedStream());
  }

  /**
   * Creates the in-memory limiter store, for one application instance. Not created when {@code
   * wasdk.redis.enabled=true} (then the Redis store is) or when the application has its own store.
   *
   * @param properties the bound properties
   * @return the store
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "wasdk.sender.enabled", matchIfMissing = true)
  public LimiterStore whatsAppLimiterStore(WhatsAppProperties properties) {
    if (properties.getRedis().isEnabled()) {
      // The Redis configuration below was skipped: the module is not on the class path.
      throw new WhatsAppConfigurationException(
          PREFIX + "redis.enabled",
          "is true, but dev.wasdk:whatsapp-sdk-redis is not on the class path: add that"
              + " dependency, or set it to false to keep the limits in memory");
    }
    return LimiterStore.inMemory();
  }

  /**
   * Creates the pacing sender from the {@code wasdk.sender.*} properties, then applies every {@link
   * MessageSenderCustomizer}. Closing the application context drains its queue for up to 30
   * seconds.
   *
   * @param client the client to send with
   * @param store the limiter store
   * @param properties the bound properties
   * @param customizers the customizers, in order
   * @return the sender
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "wasdk.sender.enabled", matchIfMissing = true)
  public MessageSender whatsAppMessageSender(
      WhatsAppClient client,
      LimiterStore store,
      WhatsAppProperties properties,
      ObjectProvider<MessageSenderCustomizer> customizers) {
    WhatsAppProperties.Sender s = properties.getSender();
    String p = PREFIX + "sender.";
    MessageSender.Builder b = MessageSender.builder(client).store(store);
    apply(p + "throughput", () -> b.throughputPerSecond(s.getThroughput()));
    apply(p + "throughput-burst", () -> b.throughputBurst(s.getThroughputBurst()));
    apply(p + "throughput-headroom", () -> b.throughputHeadroom(s.getThroughputHeadroom()));
    b.throughputRecovery(positive(p + "throughput-recovery", s.getThroughputRecovery()));
    b.tier(tier(p + "tier", s.getTier()));
    if (s.getTierExhaustedPolicy() != null) {
      b.tierExhaustedPolicy(s.getTierExhaustedPolicy());
    }
    String portfolioId = optional(p + "portfolio-id", s.getPortfolioId());
    if (portfolioId != null) {
      b.portfolioId(portfolioId);
    }
    if (s.getMaxInFlight() != null) {
      apply(p + "max-in-flight", () -> b.maxInFlight(s.getMaxInFlight()));
    }
    apply(p + "queue-capacity", () -> b.maxQueued(s.getQueueCapacity()));
    if (s.getQueueFullPolicy() == WhatsAppProperties.QueueFull.BLOCK) {
      b.queueFullPolicy(
          QueueFullPolicy.block(notNegative(p + "queue-full-timeout", s.getQueueFullTimeout())));
    } else {
      b.queueFullPolicy(QueueFullPolicy.reject());
    }
    apply(p + "max-attempts", () -> b.maxAttempts(s.getMaxAttempts()));
    b.enforceServiceWindow(s.isEnforceServiceWindow());
    b.requireMarketingOptIn(s.isRequireMarketingOptIn());
    apply(p + "recent-sends", () -> b.recentSends(s.getRecentSends()));
    WhatsAppProperties.MarketingCap cap = s.getMarketingFrequencyCap();
    if (cap.getCount() != null) {
      int count = atLeast(p + "marketing-frequency-cap.count", cap.getCount(), 1);
      apply(
          p + "marketing-frequency-cap.period",
          () ->
              b.marketingFrequencyCap(
                  count, positive(p + "marketing-frequency-cap.period", cap.getPeriod())));
    }
    customizers.orderedStream().forEach(c -> c.customize(b));
    return b.build();
  }

  private static MessagingTier tier(String property, String value) {
    String raw = required(property, value, "such as TIER_250, TIER_2K, TIER_10K or TIER_UNLIMITED");
    MessagingTier tier;
    try {
      tier = MessagingTier.of(raw);
    } catch (IllegalArgumentException e) {
      throw new WhatsAppConfigurationException(property, "is invalid: " + e.getMessage());
    }
    if (!tier.isKnown() && tier.uniqueUsersPer24Hours().isEmpty()) {
      throw new WhatsAppConfigurationException(
          property,
          "is not a messaging-limit tier: '"
              + raw
              + "'; use TIER_250, TIER_2K, TIER_10K, TIER_100K, TIER_UNLIMITED or a number of"
              + " users");
    }
    return tier;
  }

  /** Creates the Redis limiter store when {@code wasdk.redis.enabled=true}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(RedisLimiterStore.class)
  @ConditionalOnBooleanProperty(name = "wasdk.redis.enabled")
  static class RedisStoreConfiguration {

    @Bean
    @ConditionalOnMissingBean(LimiterStore.class)
    @ConditionalOnBooleanProperty(name = "wasdk.sender.enabled", matchIfMissing = true)
    RedisLimiterStore whatsAppRedisLimiterStore(WhatsAppProperties properties) {
      WhatsAppProperties.Redis r = properties.getRedis();
      String p = PREFIX + "redis.";
      RedisLimiterStore.Builder b = RedisLimiterStore.builder();
      String uri = required(p + "uri", r.getUri(), "such as redis://localhost:6379");
      // The store's own message already withholds the URI, which may carry a password.
      apply(p + "uri", () -> b.redisUri(uri));
      if (r.getKeyPrefix() != null) {
        b.keyPrefix(r.getKeyPrefix());
      }
      b.commandTimeout(positive(p + "command-timeout", r.getCommandTimeout()));
      b.reconnectInterval(notNegative(p + "reconnect-interval", r.getReconnectInterval()));
      if (r.getOnUnavailable() == WhatsAppProperties.RedisUnavailable.FALLBACK_TO_LOCAL) {
        apply(p + "fallback-fraction", () -> b.fallbackToLocal(r.getFallbackFraction()));
      } else {
        b.failClosed();
      }
      return b.build();
    }
  }

  /** Creates the webhook endpoint and what it needs, unless {@code wasdk.webhook.enabled=false}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnBooleanProperty(name = "wasdk.webhook.enabled", matchIfMissing = true)
  static class WebhookConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Deduplicator whatsAppWebhookDeduplicator(WhatsAppProperties properties) {
      WhatsAppProperties.Dedupe d = properties.getWebhook().getDedupe();
      String p = PREFIX + "webhook.dedupe.";
      int maxKeys = atLeast(p + "max-keys", d.getMaxKeys(), 1);
      return Deduplicator.inMemory(maxKeys, positive(p + "horizon", d.getHorizon()));
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookRouter whatsAppWebhookRouter(
        ApplicationEventPublisher publisher, ObjectProvider<MessageSender> sender) {
      return WebhookEventBridge.router(publisher, sender.getIfUnique());
    }

    @Bean
    @ConditionalOnMissingBean(WebhookHandoff.class)
    @Conditional(IntakeConditions.QueuedDispatch.class)
    QueuedHandoff whatsAppWebhookHandoff(WebhookRouter router, WhatsAppProperties properties) {
      WhatsAppProperties.Async a = properties.getWebhook().getAsync();
      String p = PREFIX + "webhook.async.";
      return QueuedHandoff.builder(router)
          .capacity(atLeast(p + "capacity", a.getCapacity(), 1))
          .workers(atLeast(p + "workers", a.getWorkers(), 1))
          .drainTimeout(notNegative(p + "drain-timeout", a.getDrainTimeout()))
          .build();
    }

    @Bean
    @ConditionalOnMissingBean
    WebhookEndpoint whatsAppWebhookEndpoint(
        WhatsAppProperties properties,
        WebhookRouter router,
        Deduplicator deduplicator,
        ObjectProvider<WebhookHandoff> handoff,
        ObjectProvider<WhatsAppWebhookIntakeProperties> intake,
        ObjectProvider<WhatsAppObserver> observers,
        ApplicationContext context) {
      WebStack.requireServletMvc(context);
      String disable = "; or set wasdk.webhook.enabled=false in an application that only sends";
      String appSecret =
          required(
              PREFIX + "app-secret",
              properties.getAppSecret(),
              "set it to the app secret (App Dashboard, App settings, Basic) that signs webhook"
                  + " deliveries"
                  + disable);
      String verifyToken =
          required(
              PREFIX + "verify-token",
              properties.getVerifyToken(),
              "set it to the token you type next to the callback URL in the App Dashboard"
                  + disable);
      WhatsAppProperties.Webhook w = properties.getWebhook();
      WebhookEndpoint.Builder b =
          WebhookEndpoint.builder()
              .appSecret(appSecret)
              .verifyToken(verifyToken)
              .deduplicator(deduplicator)
              .escapedUnicodeFallback(w.isEscapedUnicodeFallback());
      String previous = optional(PREFIX + "previous-app-secret", properties.getPreviousAppSecret());
      if (previous != null) {
        b.previousAppSecret(previous);
      }
      long maxBody = w.getMaxBodySize() == null ? -1 : w.getMaxBodySize().toBytes();
      if (maxBody < 1 || maxBody > Integer.MAX_VALUE - 16) {
        throw new WhatsAppConfigurationException(
            PREFIX + "webhook.max-body-size",
            "must be between 1B and 2GB, such as 4MB, but was " + w.getMaxBodySize());
      }
      b.maxBodyBytes((int) maxBody);
      WhatsAppWebhookIntakeProperties i = intake.getIfAvailable();
      if (i != null) {
        Duration lease = positive(PREFIX + "webhook.dedupe.lease", i.getDedupe().getLease());
        apply(PREFIX + "webhook.dedupe.lease", () -> b.lease(lease));
      }
      b.observer(WhatsAppObserver.of(observers.orderedStream().toList()));
      if (w.getDispatch().isHandedOff()) {
        b.dispatch(DispatchMode.asynchronous(handoff.getObject()));
      } else {
        b.router(router);
      }
      try {
        return b.build();
      } catch (IllegalArgumentException e) {
        // The secrets are checked for emptiness above; anything else the builder rejects here
        // would be about them, so the reason is not repeated.
        throw new WhatsAppConfigurationException(
            PREFIX + "app-secret", "or wasdk.verify-token is invalid: it must not be empty");
      }
    }
  }
}
