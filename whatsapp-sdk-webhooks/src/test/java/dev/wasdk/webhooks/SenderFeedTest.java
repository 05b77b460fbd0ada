package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.Throughput;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.ConsentRecord;
import dev.wasdk.sender.ConsentSource;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SenderFeedTest {
  private static final String USER = "16505551234";
  private static final String PHONE_NUMBER_ID = "106540352242922";
  private static final Instant NOW = Instant.ofEpochSecond(1_750_264_400L + 3_600);

  /** An hour after the text fixture's timestamp, 1750090702. */
  private static final Instant AFTER_TEXT = Instant.ofEpochSecond(1_750_090_702L + 3_600);

  private final WebhookParser parser = WebhookParser.create();
  private final List<TextReceived> handled = new ArrayList<>();
  private WhatsAppClient wa;
  private MessageSender sender;
  private WebhookRouter router;

  @BeforeEach
  void setUp() {
    // The client is never called: these tests only feed the sender.
    wa =
        WhatsAppClient.builder()
            .accessToken("test-token")
            .phoneNumberId(PHONE_NUMBER_ID)
            .baseUrl(URI.create("http://127.0.0.1:9"))
            .build();
    sender = MessageSender.builder(wa).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    router =
        WebhookRouter.builder()
            .observe(SenderFeed.of(sender))
            .on(TextReceived.class, handled::add)
            .build();
  }

  @AfterEach
  void tearDown() {
    sender.close();
    wa.close();
  }

  @Test
  void inboundText_opensTheServiceWindow_andStillReachesTheHandler() {
    assertThat(sender.serviceWindows().isOpen(USER, AFTER_TEXT)).isFalse();

    dispatch(fixture("messages/text.json"));

    assertThat(sender.serviceWindows().isOpen(USER, AFTER_TEXT)).isTrue();
    assertThat(sender.serviceWindows().isOpen(USER, AFTER_TEXT.plusSeconds(86_400))).isFalse();
    assertThat(handled).hasSize(1);
  }

  @Test
  void inboundText_forAnotherPhoneNumber_isIgnored() {
    dispatch(fixture("messages/text.json").replace(PHONE_NUMBER_ID, "999999999999999"));

    assertThat(sender.serviceWindows().isOpen(USER, AFTER_TEXT)).isFalse();
    assertThat(handled).hasSize(1);
  }

  @Test
  void userPreferencesStop_optsTheUserOutOfMarketing() {
    sender.consent().optIn(USER, TemplateCategory.MARKETING, "web form", NOW.minusSeconds(86_400));
    assertThat(sender.consent().mayReceiveMarketing(USER, NOW)).isTrue();

    dispatch(fixture("fields/user_preferences_stop.json"));

    assertThat(sender.consent().mayReceiveMarketing(USER, NOW)).isFalse();
  }

  @Test
  void failedStatusWith131049_holdsMarketingForTheUser() {
    sender.consent().optIn(USER, TemplateCategory.MARKETING, "web form", NOW.minusSeconds(86_400));

    dispatch(fixture("statuses/failed.json"));

    assertThat(sender.consent().mayReceiveMarketing(USER, NOW)).isFalse();
  }

  @Test
  void businessCapabilityUpdate_updatesTheTier() {
    assertThat(sender.stats().tier()).isNotEqualTo(MessagingTier.TIER_2K);

    dispatch(fixture("fields/business_capability_update_tier.json"));

    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_2K);
  }

  @Test
  void businessCapabilityUpdate_olderThanTheLastApplied_isIgnored() {
    String newer = fixture("fields/business_capability_update_tier.json");
    String older =
        newer
            .replace("TIER_2K", "TIER_250")
            .replace("\"time\": 1750264300", "\"time\": 1750264200");
    String later =
        newer
            .replace("TIER_2K", "TIER_10K")
            .replace("\"time\": 1750264300", "\"time\": 1750264400");

    dispatch(newer);
    dispatch(older); // a late retry of an earlier change
    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_2K);

    dispatch(later);
    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_10K);
  }

  @Test
  void phoneNumberQualityDowngrade_olderThanTheLastApplied_isIgnored() {
    String downgrade = fixture("fields/phone_number_quality_legacy_downgrade.json");
    String replayedUpgrade =
        downgrade
            .replace("\"DOWNGRADE\"", "\"UPGRADE\"")
            .replace("\"current_limit\": \"TIER_250\"", "\"current_limit\": \"TIER_10K\"")
            .replace("\"time\": 1750264300", "\"time\": 1750264200");
    assertThat(sender.updateTier(MessagingTier.TIER_1K, Instant.ofEpochSecond(1_750_264_000L)))
        .isTrue();

    dispatch(downgrade);
    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_250);

    dispatch(replayedUpgrade); // an older quality report, delivered late
    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_250);

    dispatch(replayedUpgrade.replace("\"time\": 1750264200", "\"time\": 1750264400"));
    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_10K); // a newer one applies
  }

  @Test
  void throughputUpgrade_appliesAtTheEntryTime_soAReplayCannotUndoALaterChange() {
    String upgrade = fixture("fields/phone_number_quality_throughput_upgrade.json");
    dispatch(upgrade);
    assertThat(sender.stats().throughputPerSecond()).isEqualTo(1_000);

    Instant afterTheUpgrade = Instant.ofEpochSecond(1_750_264_300L + 60);
    assertThat(sender.updateThroughput(Throughput.STANDARD, afterTheUpgrade)).isTrue();
    dispatch(upgrade); // replayed

    assertThat(sender.stats().throughputPerSecond()).isEqualTo(80);
  }

  @Test
  void inboundStop_recordsTheOptOutWithTheMessageIdAsEvidence() {
    sender.consent().optIn(USER, TemplateCategory.MARKETING, "web form", NOW.minusSeconds(86_400));

    dispatch(fixture("messages/text.json").replace("Hi, is the store open today?", "STOP"));

    List<ConsentRecord> history = sender.consent().history(USER);
    assertThat(history).hasSize(2);
    assertThat(history.get(1).kind()).isEqualTo(ConsentRecord.Kind.OPT_OUT);
    assertThat(history.get(1).source()).isEqualTo(ConsentSource.KEYWORD);
    assertThat(history.get(1).evidence())
        .contains("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUZBOTkyNkQ3RTg5OTE5NTM3OQA=");
  }

  private void dispatch(String body) {
    List<WebhookEvent> events = parser.parse(body.getBytes(StandardCharsets.UTF_8));
    assertThat(events).isNotEmpty();
    events.forEach(e -> assertThat(router.dispatch(e)).isTrue());
  }

  private static String fixture(String name) {
    try (InputStream in = SenderFeedTest.class.getResourceAsStream("/webhooks/" + name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
