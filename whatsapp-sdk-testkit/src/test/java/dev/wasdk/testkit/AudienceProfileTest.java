package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.message.TemplateCategory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A template's simulated audience: seeded failures by code, readers, read delay. */
class AudienceProfileTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private final WebhookReceiver receiver = new WebhookReceiver("webhook-secret");
  private WhatsAppSimulator sim;

  @AfterEach
  void close() {
    if (sim != null) {
      sim.close();
    }
    receiver.close();
  }

  private Set<String> failingRecipients(long seed) {
    try (WhatsAppSimulator s =
        WhatsAppSimulator.builder()
            .throughputPerSecond(1000)
            .messagingTier(MessagingTier.TIER_10K)
            .start()) {
      s.registerTemplate("promo", "en_US", TemplateCategory.UTILITY, 0);
      s.audience("promo", AudienceProfile.builder().seed(seed).failureRate(131026, 0.10).build());
      Http http = new Http(s);
      for (int i = 0; i < 500; i++) {
        http.send(Http.template("+1650559" + String.format("%04d", i), "promo", "en_US"));
      }
      return s.sentMessages().stream()
          .filter(m -> m.failureCode().isPresent())
          .peek(m -> assertThat(m.failureCode().getAsInt()).isEqualTo(131026))
          .map(m -> m.message().recipient().value())
          .collect(Collectors.toSet());
    }
  }

  @Test
  void failures_sharedAsConfigured_sameRecipientsUnderTheSameSeed() {
    Set<String> first = failingRecipients(3);
    // 10% of 500 = 50 expected; a binomial (500, 0.1) lies within 25..80 with overwhelming odds
    assertThat(first.size()).isBetween(25, 80);
    assertThat(failingRecipients(3)).isEqualTo(first);
    assertThat(failingRecipients(4)).isNotEqualTo(first);
  }

  @Test
  void reads_onlyTheDrawnShare_withTheProfilesDelay() {
    sim =
        WhatsAppSimulator.builder()
            .appSecret("webhook-secret")
            .webhookUrl(receiver.url())
            .throughputPerSecond(1000)
            .messagingTier(MessagingTier.TIER_10K)
            .statusDelays(Duration.ZERO, Duration.ZERO, Duration.ZERO)
            .start();
    sim.registerTemplate("promo", "en_US", TemplateCategory.UTILITY, 0);
    sim.audience(
        "promo",
        AudienceProfile.builder().seed(5).readRate(0.25).readDelay(Duration.ofSeconds(2)).build());
    Http http = new Http(sim);
    for (int i = 0; i < 200; i++) {
      http.send(Http.template("+1650559" + String.format("%04d", i), "promo", "en_US"));
    }
    assertThat(sim.awaitWebhooks(WAIT)).isTrue();
    List<JsonNode> statuses =
        receiver.await((int) sim.stats().webhooksDelivered(), WAIT).stream()
            .map(r -> r.value().path("statuses").path(0))
            .collect(Collectors.toList());
    List<JsonNode> reads =
        statuses.stream()
            .filter(st -> st.path("status").asString().equals("read"))
            .collect(Collectors.toList());
    assertThat(statuses.size() - reads.size()).isEqualTo(400); // sent and delivered for each
    // 25% of 200 = 50 expected; a binomial (200, 0.25) lies within 25..80 with overwhelming odds
    assertThat(reads.size()).isBetween(25, 80);
    java.util.Map<String, Long> sentAt = new java.util.HashMap<>();
    statuses.stream()
        .filter(st -> st.path("status").asString().equals("sent"))
        .forEach(
            st ->
                sentAt.put(
                    st.path("id").asString(), Long.parseLong(st.path("timestamp").asString())));
    Set<String> ids = new HashSet<>();
    for (JsonNode r : reads) {
      ids.add(r.path("id").asString());
      long readAt = Long.parseLong(r.path("timestamp").asString());
      assertThat(readAt - sentAt.get(r.path("id").asString())).isEqualTo(2);
    }
    assertThat(ids).hasSize(reads.size());
  }

  @Test
  void builder_refusesBadShares() {
    assertThatThrownBy(() -> AudienceProfile.builder().readRate(1.5))
        .hasMessageContaining("share must be from 0 to 1");
    assertThatThrownBy(
            () -> AudienceProfile.builder().failureRate(131026, 0.7).failureRate(131049, 0.4))
        .hasMessageContaining("add up to more than 1");
    assertThatThrownBy(() -> AudienceProfile.builder().failureRate(0, 0.1))
        .hasMessageContaining("errorCode");
  }

  @Test
  void builder_refusesRepliesAndTapsOverOne_andBlankTexts() {
    AudienceProfile.Builder b = AudienceProfile.builder().replyRate(0.7, "Yes");
    assertThatThrownBy(() -> b.buttonTapRate(0.4, "more", "More"))
        .hasMessageContaining("add up to more than 1");
    assertThat(b.buttonTapRate(0.3, "more", "More").build().buttonTapRate()).isEqualTo(0.3);
    assertThatThrownBy(() -> AudienceProfile.builder().replyRate(0.1, " "))
        .hasMessageContaining("text");
    assertThatThrownBy(() -> AudienceProfile.builder().urlClickRate(1.5))
        .hasMessageContaining("share");
    AudienceProfile p = AudienceProfile.builder().replyRate(0.1, "Hi").urlClickRate(0.2).build();
    assertThat(p.replyText()).isEqualTo("Hi");
    assertThat(p.urlClickRate()).isEqualTo(0.2);
    assertThat(p.buttonTapRate()).isZero();
  }
}
