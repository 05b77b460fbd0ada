package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.message.TemplateCategory;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Throughput, pair rate, service window, opt-out and messaging limit, driven by a test clock. */
class PlatformRulesTest {
  private static final String USER = "+16505551234";

  private final TestClock clock = TestClock.at(Instant.parse("2026-03-02T10:00:00Z"));
  private WhatsAppSimulator sim;

  private Http start(WhatsAppSimulator.Builder builder) {
    sim = builder.clock(clock).start();
    return new Http(sim);
  }

  @AfterEach
  void close() {
    if (sim != null) {
      sim.close();
    }
  }

  private static String user(int i) {
    return "+1650555" + String.format("%04d", i);
  }

  @Test
  void throughput_overLimitInOneSecond_130429ThenRefills() {
    Http http = start(WhatsAppSimulator.builder().throughputPerSecond(5));
    for (int i = 0; i < 5; i++) {
      sim.userSends(user(i), "hi");
      assertThat(http.send(Http.text(user(i), "x")).status()).isEqualTo(200);
    }
    sim.userSends(user(5), "hi");

    Http.Response over = http.send(Http.text(user(5), "x"));

    assertThat(over.status()).isEqualTo(400);
    assertThat(over.errorCode()).isEqualTo(130429);
    assertThat(over.json().path("error").path("message").asString())
        .isEqualTo("(#130429) Rate limit hit");
    assertThat(over.details()).isEqualTo("Cloud API message throughput has been reached.");
    clock.advance(Duration.ofMillis(200));
    assertThat(http.send(Http.text(user(5), "x")).status()).isEqualTo(200);
  }

  @Test
  void throughput_defaultIs80PerSecond() {
    Http http = start(WhatsAppSimulator.builder().disable(PlatformRule.PAIR_RATE));
    int ok = 0;
    for (int i = 0; i < 85; i++) {
      if (http.send(Http.template(user(i), "hello_world", "en_US")).status() == 200) {
        ok++;
      }
    }
    assertThat(ok).isEqualTo(80);
    assertThat(sim.stats().rejected(130429)).isEqualTo(5);
  }

  @Test
  void throughput_disabled_neverRejects() {
    Http http =
        start(WhatsAppSimulator.builder().throughputPerSecond(1).disable(PlatformRule.THROUGHPUT));
    sim.userSends(USER, "hi");
    for (int i = 0; i < 5; i++) {
      assertThat(http.send(Http.text(USER, "x")).status()).isEqualTo(200);
    }
  }

  @Test
  void upgradeThroughput_raisesLimit() {
    Http http = start(WhatsAppSimulator.builder().throughputPerSecond(1));
    sim.userSends(USER, "hi");
    sim.userSends(user(2), "hi");
    http.send(Http.text(USER, "x"));
    assertThat(http.send(Http.text(user(2), "x")).errorCode()).isEqualTo(130429);

    sim.upgradeThroughput();

    assertThat(http.send(Http.text(user(2), "x")).status()).isEqualTo(200);
  }

  @Test
  void pairRate_46thMessageToOneUser_131056ThenOnePer6Seconds() {
    Http http = start(WhatsAppSimulator.builder().disable(PlatformRule.THROUGHPUT));
    sim.userSends(USER, "hi");
    for (int i = 0; i < 45; i++) {
      assertThat(http.send(Http.text(USER, "m" + i)).status()).isEqualTo(200);
    }

    Http.Response over = http.send(Http.text(USER, "one more"));

    assertThat(over.status()).isEqualTo(400);
    assertThat(over.errorCode()).isEqualTo(131056);
    assertThat(over.json().path("error").path("message").asString())
        .isEqualTo("(#131056) (Business Account, Consumer Account) pair rate limit hit");
    sim.userSends(user(9), "hi");
    assertThat(http.send(Http.text(user(9), "other user")).status()).isEqualTo(200);
    clock.advance(Duration.ofSeconds(5));
    assertThat(http.send(Http.text(USER, "too soon")).errorCode()).isEqualTo(131056);
    clock.advance(Duration.ofSeconds(1));
    assertThat(http.send(Http.text(USER, "after 6 s")).status()).isEqualTo(200);
  }

  @Test
  void pairRate_configurable() {
    Http http = start(WhatsAppSimulator.builder().pairRateLimit(2, Duration.ofMinutes(1)));
    sim.userSends(USER, "hi");
    http.send(Http.text(USER, "1"));
    http.send(Http.text(USER, "2"));

    assertThat(http.send(Http.text(USER, "3")).errorCode()).isEqualTo(131056);
  }

  @Test
  void serviceWindow_noInbound_acceptedThenFailed131047() {
    Http http = start(WhatsAppSimulator.builder());

    Http.Response r = http.send(Http.text(USER, "Hello"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(sim.sentMessages().get(0).failureCode()).hasValue(131047);
    assertThat(sim.stats().failed(131047)).isEqualTo(1);
  }

  @Test
  void serviceWindow_errorResponseMode_131047Synchronously() {
    Http http = start(WhatsAppSimulator.builder().policyFailures(FailureReporting.ERROR_RESPONSE));

    Http.Response r = http.send(Http.text(USER, "Hello"));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo(131047);
    assertThat(r.json().path("error").path("message").asString())
        .isEqualTo("(#131047) Re-engagement message");
    assertThat(sim.sentMessages()).isEmpty();
  }

  @Test
  void serviceWindow_closesAfter24Hours() {
    Http http = start(WhatsAppSimulator.builder().policyFailures(FailureReporting.ERROR_RESPONSE));
    sim.userSends(USER, "hi");
    clock.advance(Duration.ofHours(23).plusMinutes(59));
    assertThat(http.send(Http.text(USER, "still open")).status()).isEqualTo(200);

    clock.advance(Duration.ofMinutes(1));

    assertThat(http.send(Http.text(USER, "closed")).errorCode()).isEqualTo(131047);
    assertThat(http.send(Http.template(USER, "hello_world", "en_US")).status()).isEqualTo(200);
  }

  @Test
  void serviceWindow_newInboundReopens() {
    Http http = start(WhatsAppSimulator.builder().policyFailures(FailureReporting.ERROR_RESPONSE));
    sim.userSends(USER, "hi");
    clock.advance(Duration.ofHours(30));
    sim.userSends(USER, "back again");

    assertThat(http.send(Http.text(USER, "welcome back")).status()).isEqualTo(200);
  }

  @Test
  void serviceWindow_disabled_textWithoutInboundDelivered() {
    Http http = start(WhatsAppSimulator.builder().disable(PlatformRule.SERVICE_WINDOW));

    http.send(Http.text(USER, "Hello"));

    assertThat(sim.sentMessages().get(0).failed()).isFalse();
  }

  @Test
  void optOut_marketingTemplate_failed131050_utilityStillDelivered() {
    Http http = start(WhatsAppSimulator.builder());
    sim.registerTemplate("promo", "en_US", TemplateCategory.MARKETING, 0);
    sim.registerTemplate("receipt", "en_US", TemplateCategory.UTILITY, 0);
    sim.userStopsMarketing(USER);

    http.send(Http.template(USER, "promo", "en_US"));
    http.send(Http.template(USER, "receipt", "en_US"));

    assertThat(sim.sentMessages().get(0).failureCode()).hasValue(131050);
    assertThat(sim.sentMessages().get(1).failed()).isFalse();
  }

  @Test
  void optOut_resume_deliveredAgain() {
    Http http = start(WhatsAppSimulator.builder().policyFailures(FailureReporting.ERROR_RESPONSE));
    sim.registerTemplate("promo", "en_US", TemplateCategory.MARKETING, 0);
    sim.userStopsMarketing(USER);
    assertThat(http.send(Http.template(USER, "promo", "en_US")).errorCode()).isEqualTo(131050);

    sim.userResumesMarketing(USER);

    assertThat(http.send(Http.template(USER, "promo", "en_US")).status()).isEqualTo(200);
  }

  @Test
  void messagingLimit_uniqueUsersBeyondTier_failed131049() {
    Http http =
        start(
            WhatsAppSimulator.builder()
                .messagingTier(MessagingTier.ofLimit(3))
                .disable(PlatformRule.THROUGHPUT));
    for (int i = 0; i < 4; i++) {
      http.send(Http.template(user(i), "hello_world", "en_US"));
    }
    http.send(Http.template(user(0), "hello_world", "en_US"));

    assertThat(sim.sentMessages())
        .extracting(SentMessage::failed)
        .containsExactly(false, false, false, true, false);
    assertThat(sim.sentMessages().get(3).failureCode()).hasValue(131049);
  }

  @Test
  void messagingLimit_openWindowDoesNotCount() {
    Http http = start(WhatsAppSimulator.builder().messagingTier(MessagingTier.ofLimit(1)));
    sim.userSends(user(1), "hi");
    http.send(Http.template(user(1), "hello_world", "en_US"));
    http.send(Http.template(user(2), "hello_world", "en_US"));
    http.send(Http.template(user(3), "hello_world", "en_US"));

    assertThat(sim.sentMessages())
        .extracting(SentMessage::failed)
        .containsExactly(false, false, true);
  }

  @Test
  void messagingLimit_rollingWindow_freesAfter24Hours() {
    Http http =
        start(
            WhatsAppSimulator.builder()
                .messagingTier(MessagingTier.ofLimit(1))
                .policyFailures(FailureReporting.ERROR_RESPONSE));
    assertThat(http.send(Http.template(user(1), "hello_world", "en_US")).status()).isEqualTo(200);
    assertThat(http.send(Http.template(user(2), "hello_world", "en_US")).errorCode())
        .isEqualTo(131049);

    clock.advance(Duration.ofHours(24));

    assertThat(http.send(Http.template(user(2), "hello_world", "en_US")).status()).isEqualTo(200);
  }

  @Test
  void messagingLimit_customCodeAndTierChange() {
    Http http =
        start(
            WhatsAppSimulator.builder()
                .messagingTier(MessagingTier.ofLimit(1))
                .messagingLimitErrorCode(131064)
                .policyFailures(FailureReporting.ERROR_RESPONSE));
    http.send(Http.template(user(1), "hello_world", "en_US"));
    assertThat(http.send(Http.template(user(2), "hello_world", "en_US")).errorCode())
        .isEqualTo(131064);

    sim.changeMessagingTier(MessagingTier.TIER_2K);

    assertThat(http.send(Http.template(user(2), "hello_world", "en_US")).status()).isEqualTo(200);
  }

  @Test
  void failDeliveriesTo_programmedCode_untilResumed() {
    Http http = start(WhatsAppSimulator.builder());
    sim.failDeliveriesTo(USER, 131026);

    http.send(Http.template(USER, "hello_world", "en_US"));
    sim.resumeDeliveriesTo(USER);
    http.send(Http.template(USER, "hello_world", "en_US"));

    assertThat(sim.sentMessages().get(0).failureCode()).hasValue(131026);
    assertThat(sim.sentMessages().get(1).failed()).isFalse();
  }
}
