package dev.wasdk.spring.internal;

import static dev.wasdk.spring.internal.Checks.apply;
import static dev.wasdk.spring.internal.Checks.applySecret;
import static dev.wasdk.spring.internal.Checks.optional;
import static dev.wasdk.spring.internal.Checks.required;

import dev.wasdk.client.ApiVersion;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.client.http.HttpTransport;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.spring.MessageSenderCustomizer;
import dev.wasdk.spring.WhatsAppAutoConfiguration;
import dev.wasdk.spring.WhatsAppClientCustomizer;
import dev.wasdk.spring.WhatsAppConfigurationException;
import dev.wasdk.spring.WhatsAppNumbers;
import dev.wasdk.spring.WhatsAppNumbersProperties;
import dev.wasdk.spring.WhatsAppProperties;
import dev.wasdk.webhooks.SenderFeed;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;

/** Builds the beans of the numbers under {@code wasdk.numbers}, and routes events to them. */
public final class NumberBeans {
  private static final Logger LOG = LoggerFactory.getLogger(NumberBeans.class);

  private NumberBeans() {}

  /** Returns the name of the client bean of number {@code name}. */
  public static String clientBean(String name) {
    return name + "WhatsAppClient";
  }

  /** Returns the name of the sender bean of number {@code name}. */
  public static String senderBean(String name) {
    return name + "MessageSender";
  }

  /**
   * Returns the name of the primary number: the one marked primary, else the first declared.
   *
   * @throws WhatsAppConfigurationException when more than one is marked
   */
  public static String primary(Map<String, WhatsAppNumbersProperties.Number> numbers) {
    List<String> marked = new ArrayList<>();
    numbers.forEach(
        (name, n) -> {
          if (n.isPrimary()) {
            marked.add(name);
          }
        });
    if (marked.size() > 1) {
      throw new WhatsAppConfigurationException(
          "wasdk.numbers." + marked.get(1) + ".primary",
          "is true, but so is wasdk.numbers." + marked.get(0) + ".primary: mark one number only");
    }
    return marked.isEmpty() ? numbers.keySet().iterator().next() : marked.get(0);
  }

  /**
   * Builds number {@code name}'s client: its own phone number id, token and WABA id (the last two
   * defaulting to the shared ones), the shared base URL, version and timeouts, the application's
   * transport if it has one, then every customizer.
   */
  public static WhatsAppClient client(
      String name,
      WhatsAppNumbersProperties.Number number,
      WhatsAppProperties shared,
      HttpTransport transport,
      Stream<WhatsAppClientCustomizer> customizers) {
    String p = "wasdk.numbers." + name + ".";
    WhatsAppClient.Builder b = WhatsAppClient.builder();
    String token =
        required(
            p + "access-token",
            number.getAccessToken() != null ? number.getAccessToken() : shared.getAccessToken(),
            "set it (or wasdk.access-token, shared by every number) to a system-user access token"
                + " of the number's WhatsApp Business Account");
    applySecret(p + "access-token", "it must not be blank", () -> b.accessToken(token));
    String phoneNumberId =
        required(
            p + "phone-number-id",
            number.getPhoneNumberId(),
            "set it to the id of the business phone number (WhatsApp Manager, API Setup), not"
                + " the number itself");
    apply(p + "phone-number-id", () -> b.phoneNumberId(phoneNumberId));
    String wabaId =
        optional(
            p + "waba-id", number.getWabaId() != null ? number.getWabaId() : shared.getWabaId());
    if (wabaId != null) {
      apply(p + "waba-id", () -> b.wabaId(wabaId));
    }
    if (shared.getBaseUrl() == null) {
      throw new WhatsAppConfigurationException(
          "wasdk.base-url",
          "must not be empty; remove it to use " + WhatsAppClient.DEFAULT_BASE_URL);
    }
    apply("wasdk.base-url", () -> b.baseUrl(shared.getBaseUrl()));
    String version = required("wasdk.api-version", shared.getApiVersion(), "such as v24.0");
    apply("wasdk.api-version", () -> b.apiVersion(ApiVersion.of(version)));
    return ClientConnection.build(b, shared, transport, customizers);
  }

  /**
   * Builds number {@code name}'s sender: the shared {@code wasdk.sender.*} settings with the
   * number's {@code wasdk.numbers.<name>.sender.*} over them, applied by the same code as the
   * single-number sender, then every customizer with the number's name. A rejected value the number
   * set itself is reported under the number's property name.
   */
  public static MessageSender sender(
      String name,
      Environment environment,
      WhatsAppClient client,
      LimiterStore store,
      ObjectProvider<MessageSenderCustomizer> customizers) {
    NumberSenderSettings settings = NumberSenderSettings.bind(environment, name);
    try {
      return new WhatsAppAutoConfiguration()
          .whatsAppMessageSender(
              client, store, settings.properties(), new NamedCustomizers(name, customizers));
    } catch (WhatsAppConfigurationException e) {
      throw settings.attribute(e);
    }
  }

  /**
   * Returns a router that feeds each event to the sender of the number it arrived on and then
   * publishes it. An event that names no phone number (an account or template change) is fed to
   * every sender of its WhatsApp Business Account, or to every sender when the account is unknown.
   */
  public static WebhookRouter router(ApplicationEventPublisher publisher, WhatsAppNumbers numbers) {
    Map<String, Consumer<WebhookEvent>> byPhoneNumberId = new HashMap<>();
    Map<String, List<Consumer<WebhookEvent>>> byWaba = new HashMap<>();
    List<Consumer<WebhookEvent>> all = new ArrayList<>();
    List<Consumer<WebhookEvent>> noWaba = new ArrayList<>();
    for (WhatsAppNumbers.Entry e : numbers.all()) {
      if (!e.hasSender()) {
        continue;
      }
      SenderFeed feed = SenderFeed.of(e.sender());
      byPhoneNumberId.put(e.phoneNumberId(), feed);
      all.add(feed);
      e.client()
          .wabaId()
          .ifPresentOrElse(
              w -> byWaba.computeIfAbsent(w, k -> new ArrayList<>()).add(feed),
              () -> noWaba.add(feed));
    }
    WebhookRouter.Builder router = WebhookRouter.builder();
    if (!all.isEmpty()) {
      router.observe(
          event -> {
            var phoneNumberId = event.context().phoneNumberId();
            if (phoneNumberId.isPresent()) {
              Consumer<WebhookEvent> feed = byPhoneNumberId.get(phoneNumberId.get());
              if (feed != null) {
                feed.accept(event);
              } else {
                LOG.debug("an event for a phone number not under wasdk.numbers; no sender fed");
              }
              return;
            }
            List<Consumer<WebhookEvent>> ofWaba = byWaba.get(event.context().wabaId());
            if (ofWaba == null) {
              all.forEach(f -> f.accept(event));
            } else {
              ofWaba.forEach(f -> f.accept(event));
              noWaba.forEach(f -> f.accept(event));
            }
          });
    }
    return router.on(WebhookEvent.class, publisher::publishEvent).build();
  }
}
