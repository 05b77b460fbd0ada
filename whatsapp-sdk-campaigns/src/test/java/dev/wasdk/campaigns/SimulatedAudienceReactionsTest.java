package dev.wasdk.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wasdk.client.AnalyticsRange;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.testkit.AudienceProfile;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.QuickReplyReceived;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The funnel's replied and clicked rows against a simulated audience with known rates: 10% of the
 * delivered reply with a text, 5% tap a quick-reply button, 20% click the URL button (served in
 * template analytics). Replies and taps reach the campaign through a real webhook endpoint and are
 * tied back to their send by {@code context}.
 */
class SimulatedAudienceReactionsTest {

  @Test
  void repliesTapsAndClicks_matchTheProfileRates() throws Exception {
    int users = 2_000;
    try (WhatsAppSimulator sim =
        WhatsAppSimulator.builder()
            .throughputPerSecond(1000)
            .messagingTier(MessagingTier.TIER_10K)
            .statusDelays(Duration.ZERO, Duration.ZERO, Duration.ZERO)
            .webhookRetries(10, Duration.ofMillis(50))
            .start()) {
      String templateId = sim.registerTemplate("promo_r", "en_US", TemplateCategory.UTILITY, 1);
      sim.audience(
          "promo_r",
          AudienceProfile.builder()
              .seed(5)
              .failureRate(131026, 0.02)
              .readRate(0.5)
              .replyRate(0.10, "Interested")
              .buttonTapRate(0.05, "more", "Tell me more")
              .urlClickRate(0.20)
              .build());
      WhatsAppClient wa =
          WhatsAppClient.builder()
              .accessToken(sim.accessToken())
              .phoneNumberId(sim.phoneNumberId())
              .wabaId(sim.wabaId())
              .baseUrl(sim.baseUrl())
              .build();
      MessageSender sender =
          MessageSender.builder(wa).throughputPerSecond(500).tier(MessagingTier.TIER_10K).build();
      Campaign campaign =
          Campaign.builder("sim-react", sender, CampaignStore.inMemory())
              .audience(
                  Audience.of(
                      IntStream.range(0, users)
                          .mapToObj(
                              i ->
                                  AudienceMember.of(
                                      "+1650559" + String.format("%04d", i),
                                      Map.of("name", "U" + i)))
                          .collect(Collectors.toList())))
              .variant(
                  "A",
                  (to, m) ->
                      to.template("promo_r", "en_US")
                          .category(TemplateCategory.UTILITY)
                          .bodyText(m.param("name"))
                          .build())
              .pollInterval(Duration.ofMillis(5))
              .build();
      Set<String> texts = ConcurrentHashMap.newKeySet();
      Set<String> taps = ConcurrentHashMap.newKeySet();
      Set<String> withoutContext = ConcurrentHashMap.newKeySet();
      WebhookEndpoint endpoint =
          WebhookEndpoint.builder()
              .appSecret(sim.appSecret())
              .verifyToken("verify")
              .router(
                  WebhookRouter.builder()
                      .observe(campaign::accept)
                      .observe(
                          e -> {
                            if (e instanceof MessageReceived m
                                && m.messageContext().flatMap(c -> c.id()).isEmpty()) {
                              withoutContext.add(m.id());
                            }
                          })
                      .on(TextReceived.class, t -> texts.add(t.body()))
                      .on(QuickReplyReceived.class, b -> taps.add(b.payload()))
                      .build())
              .build();
      try (JdkWebhookServer hooks =
              JdkWebhookServer.builder(endpoint)
                  .address(new InetSocketAddress("127.0.0.1", 0))
                  .path("/webhook")
                  .threads(4)
                  .queue(10_000)
                  .start();
          campaign) {
        sim.deliverWebhooksTo(hooks.uri());
        campaign.start();
        campaign.completion().get(60, TimeUnit.SECONDS);
        assertThat(sim.awaitWebhooks(Duration.ofSeconds(60))).as("webhooks delivered").isTrue();
        Instant now = Instant.now();
        Map<String, Long> clicks =
            campaign
                .tracker()
                .importClicks(
                    wa.analytics(),
                    "sim-react",
                    Map.of("A", templateId),
                    AnalyticsRange.of(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1))));
        campaign.close(); // writes the last webhook progress
        Funnel f = campaign.funnels().get("A");
        double delivered = f.delivered();
        assertThat(delivered).isBetween(users * 0.95, users * 1.0);
        // a reply or a tap each count once per message, as "replied"
        assertThat(f.replied() / delivered).isCloseTo(0.15, within(0.03));
        assertThat(clicks.get("A") / delivered).isCloseTo(0.20, within(0.03));
        assertThat(campaign.tracker().funnel("sim-react", "A").clicked())
            .isEqualTo(clicks.get("A"));
        assertThat(texts).containsExactly("Interested");
        assertThat(taps).containsExactly("more");
        assertThat(withoutContext).isEmpty();
        sender.close(Duration.ZERO);
      }
    }
  }
}
