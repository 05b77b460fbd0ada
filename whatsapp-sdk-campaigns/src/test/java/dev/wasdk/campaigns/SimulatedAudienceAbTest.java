package dev.wasdk.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.testkit.AudienceProfile;
import dev.wasdk.testkit.TestClock;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.WebhookEvent;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The A/B test against a simulated audience with known rates: variant B's template is read twice as
 * often as A's (40% against 20%), and B must win at significance 0.01. The simulator's statuses
 * reach the campaign through a real webhook endpoint.
 */
class SimulatedAudienceAbTest {

  @Test
  void variantReadTwiceAsOften_winsAtStatedSignificance() throws Exception {
    BlockingQueue<CampaignEvent> events = new LinkedBlockingQueue<>();
    TestClock clock = TestClock.at(Instant.parse("2026-03-02T12:00:00Z"));
    try (WhatsAppSimulator sim =
        WhatsAppSimulator.builder()
            .throughputPerSecond(1000)
            .messagingTier(MessagingTier.TIER_10K)
            .statusDelays(Duration.ZERO, Duration.ZERO, Duration.ZERO)
            .webhookRetries(10, Duration.ofMillis(50))
            .start()) {
      sim.registerTemplate("promo_a", "en_US", TemplateCategory.UTILITY, 1);
      sim.registerTemplate("promo_b", "en_US", TemplateCategory.UTILITY, 1);
      sim.audience(
          "promo_a",
          AudienceProfile.builder().seed(11).failureRate(131026, 0.02).readRate(0.20).build());
      sim.audience(
          "promo_b",
          AudienceProfile.builder().seed(11).failureRate(131026, 0.02).readRate(0.40).build());
      WhatsAppClient wa =
          WhatsAppClient.builder()
              .accessToken(sim.accessToken())
              .phoneNumberId(sim.phoneNumberId())
              .baseUrl(sim.baseUrl())
              .build();
      MessageSender sender =
          MessageSender.builder(wa).throughputPerSecond(500).tier(MessagingTier.TIER_10K).build();
      AbTest test =
          AbTest.builder()
              .sampleShare(0.3)
              .metric(Metric.READ)
              .decisionWait(Duration.ofHours(1))
              .minimumSample(200)
              .significance(0.01)
              .build();
      Campaign campaign =
          Campaign.builder("sim-ab", sender, CampaignStore.inMemory())
              .audience(
                  Audience.of(
                      IntStream.range(0, 2000)
                          .mapToObj(
                              i ->
                                  AudienceMember.of(
                                      "+1650558" + String.format("%04d", i),
                                      Map.of("name", "U" + i)))
                          .collect(Collectors.toList())))
              .variant(
                  "A",
                  (to, m) ->
                      to.template("promo_a", "en_US")
                          .category(TemplateCategory.UTILITY)
                          .bodyText(m.param("name"))
                          .build())
              .variant(
                  "B",
                  (to, m) ->
                      to.template("promo_b", "en_US")
                          .category(TemplateCategory.UTILITY)
                          .bodyText(m.param("name"))
                          .build())
              .abTest(test)
              .clock(clock)
              .pollInterval(Duration.ofMillis(5))
              .listener(events::add)
              .build();
      WebhookEndpoint endpoint =
          WebhookEndpoint.builder()
              .appSecret(sim.appSecret())
              .verifyToken("verify")
              .router(WebhookRouter.builder().on(WebhookEvent.class, campaign::accept).build())
              .build();
      try (JdkWebhookServer hooks =
              JdkWebhookServer.builder(endpoint)
                  .address(new InetSocketAddress("127.0.0.1", 0))
                  .path("/webhook")
                  .threads(4)
                  .queue(10_000) // the simulator posts thousands of statuses at once
                  .start();
          campaign) {
        sim.deliverWebhooksTo(hooks.uri());
        campaign.start();
        await(events, CampaignEvent.Type.SAMPLE_DONE);
        assertThat(sim.awaitWebhooks(Duration.ofSeconds(60))).as("statuses delivered").isTrue();
        clock.advance(Duration.ofHours(2));
        await(events, CampaignEvent.Type.DECIDED);
        CampaignSnapshot done = campaign.completion().get(60, TimeUnit.SECONDS);

        AbDecision d = campaign.decision().orElseThrow();
        AbDecision.VariantResult a = d.variants().get(0);
        AbDecision.VariantResult b = d.variants().get(1);
        // about 300 sent per variant: read rates near 20% and 40%
        assertThat(a.sent()).isBetween(200L, 400L);
        assertThat(b.sent()).isBetween(200L, 400L);
        assertThat(a.rate()).isBetween(0.12, 0.28);
        assertThat(b.rate()).isBetween(0.32, 0.48);
        assertThat(d.winner()).contains("B");
        assertThat(d.pValue()).isLessThan(0.01);
        assertThat(d.ciLow()).isPositive();
        assertThat(done.remaining()).isZero();
        assertThat(campaign.funnels().get("B").sent()).isGreaterThan(1500);
        assertThat(campaign.funnels().get("B").failed()).containsKey(131026);
        sender.close(Duration.ZERO);
      }
    }
  }

  private static void await(BlockingQueue<CampaignEvent> events, CampaignEvent.Type type)
      throws InterruptedException {
    while (true) {
      CampaignEvent e = events.poll(60, TimeUnit.SECONDS);
      assertThat(e).as("waiting for " + type).isNotNull();
      if (e.type() == type) {
        return;
      }
    }
  }
}
