package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.QualityRating;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.spec.OpenApiSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Signed webhooks to a JDK HttpServer receiver that checks each signature with its own HMAC. Waits
 * are bounded waits for real deliveries, never fixed sleeps.
 */
class WebhooksTest {
  private static final String USER = "+16505551234";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final TestClock clock = TestClock.at(Instant.parse("2026-03-02T10:00:00Z"));
  private final WebhookReceiver receiver = new WebhookReceiver("webhook-secret");
  private WhatsAppSimulator sim;

  private Http start(WhatsAppSimulator.Builder b) {
    sim = b.clock(clock).appSecret("webhook-secret").webhookUrl(receiver.url()).start();
    return new Http(sim);
  }

  @AfterEach
  void close() {
    if (sim != null) {
      sim.close();
    }
    receiver.close();
  }

  private static JsonNode status(WebhookReceiver.Received r) {
    return r.value().path("statuses").path(0);
  }

  @Test
  void accepted_sentDeliveredRead_signedAndInOrder() {
    Http http = start(WhatsAppSimulator.builder());
    sim.userSends(USER, "hi");
    receiver.await(1, WAIT);

    String wamid =
        http.send(Http.text(USER, "Hello")).json().path("messages").path(0).path("id").asString();
    List<WebhookReceiver.Received> got = receiver.await(3, WAIT);

    assertThat(got).allMatch(WebhookReceiver.Received::signatureValid);
    assertThat(got)
        .extracting(r -> status(r).path("status").asString())
        .containsExactly("sent", "delivered", "read");
    assertThat(got).allMatch(r -> status(r).path("id").asString().equals(wamid));
    WebhookReceiver.Received sent = got.get(0);
    assertThat(sent.json().path("object").asString()).isEqualTo("whatsapp_business_account");
    assertThat(sent.json().path("entry").path(0).path("id").asString()).isEqualTo(sim.wabaId());
    assertThat(sent.field()).isEqualTo("messages");
    assertThat(sent.value().path("messaging_product").asString()).isEqualTo("whatsapp");
    assertThat(sent.value().path("metadata").path("phone_number_id").asString())
        .isEqualTo(sim.phoneNumberId());
    assertThat(sent.value().path("metadata").path("display_phone_number").asString())
        .isEqualTo(sim.displayPhoneNumber());
    JsonNode s = status(sent);
    assertThat(s.path("recipient_id").asString()).isEqualTo("16505551234");
    assertThat(s.path("timestamp").isString()).isTrue();
    assertThat(s.path("timestamp").asString())
        .isEqualTo(Long.toString(clock.instant().getEpochSecond()));
    assertThat(s.path("pricing").path("type").asString()).isEqualTo("free_customer_service");
    assertThat(s.path("pricing").path("category").asString()).isEqualTo("service");
    assertThat(s.path("pricing").path("pricing_model").asString()).isEqualTo("PMP");
    assertThat(status(got.get(2)).has("pricing")).isFalse();
    assertThat(sim.awaitWebhooks(WAIT)).isTrue();
    assertThat(sim.stats().webhooksDelivered()).isEqualTo(4);
  }

  @Test
  void marketingTemplate_pricingRegularMarketing_andCallbackDataEchoed() {
    Http http = start(WhatsAppSimulator.builder().readReceipts(false));
    sim.registerTemplate("promo", "en_US", TemplateCategory.MARKETING, 0);

    http.send(
        "{\"messaging_product\":\"whatsapp\",\"to\":\"16505551234\",\"type\":\"template\","
            + "\"biz_opaque_callback_data\":\"campaign-7\",\"template\":{\"name\":\"promo\","
            + "\"language\":{\"code\":\"en_US\"}}}");
    List<WebhookReceiver.Received> statuses = receiver.await(2, WAIT);

    assertThat(statuses)
        .extracting(r -> status(r).path("status").asString())
        .containsExactly("sent", "delivered");
    assertThat(status(statuses.get(0)).path("pricing").path("type").asString())
        .isEqualTo("regular");
    assertThat(status(statuses.get(0)).path("pricing").path("category").asString())
        .isEqualTo("marketing");
    assertThat(status(statuses.get(0)).path("biz_opaque_callback_data").asString())
        .isEqualTo("campaign-7");
  }

  @Test
  void windowClosed_failedStatusWith131047Error() {
    Http http = start(WhatsAppSimulator.builder());

    http.send(Http.text(USER, "Hello"));
    WebhookReceiver.Received r = receiver.await(1, WAIT).get(0);

    assertThat(r.signatureValid()).isTrue();
    JsonNode s = status(r);
    assertThat(s.path("status").asString()).isEqualTo("failed");
    JsonNode error = s.path("errors").path(0);
    assertThat(error.path("code").asInt()).isEqualTo(131047);
    assertThat(error.path("title").asString()).isEqualTo("Re-engagement message");
    assertThat(error.path("message").asString()).isEqualTo("Re-engagement message");
    assertThat(error.path("error_data").path("details").asString()).contains("24 hours");
    assertThat(error.path("href").asString()).startsWith("https://developers.facebook.com/");
    assertThat(sim.awaitWebhooks(WAIT)).isTrue();
    assertThat(receiver.drain()).isEmpty();
  }

  @Test
  void inboundText_matchesSpecExampleShape() {
    start(WhatsAppSimulator.builder());

    String wamid = sim.userSends(USER, "Does it come in another color?");
    WebhookReceiver.Received r = receiver.await(1, WAIT).get(0);

    assertThat(r.signatureValid()).isTrue();
    Map<String, JsonNode> examples = OpenApiSpec.requestExamples(OpenApiSpec.WEBHOOKS_PATH, "post");
    assertThat(Shapes.missingFrom(r.json(), examples.get("Text Message"))).isEmpty();
    JsonNode m = r.value().path("messages").path(0);
    assertThat(m.path("id").asString()).isEqualTo(wamid);
    assertThat(m.path("from").asString()).isEqualTo("16505551234");
    assertThat(m.path("text").path("body").asString()).isEqualTo("Does it come in another color?");
    assertThat(r.value().path("contacts").path(0).path("wa_id").asString())
        .isEqualTo("16505551234");
  }

  @Test
  void inboundButtonAndListReplies_matchSpecExampleShapes() {
    start(WhatsAppSimulator.builder());
    Map<String, JsonNode> examples = OpenApiSpec.requestExamples(OpenApiSpec.WEBHOOKS_PATH, "post");

    sim.userRepliesWithButton(USER, "wamid.CTX", "cancel-button", "Cancel");
    sim.userRepliesWithListRow(USER, "wamid.CTX", "priority_express", "Priority", "Next day");
    sim.userTapsQuickReply(USER, "wamid.CTX", "Unsubscribe", "Unsubscribe");
    List<WebhookReceiver.Received> got = receiver.await(3, WAIT);

    assertThat(
            Shapes.missingFrom(got.get(0).json(), examples.get("Interactive Button Reply Message")))
        .isEmpty();
    assertThat(
            Shapes.missingFrom(got.get(1).json(), examples.get("Interactive List Reply Message")))
        .isEmpty();
    assertThat(Shapes.missingFrom(got.get(2).json(), examples.get("Button Message"))).isEmpty();
    assertThat(got.get(0).value().path("messages").path(0).path("context").path("id").asString())
        .isEqualTo("wamid.CTX");
    assertThat(got).allMatch(WebhookReceiver.Received::signatureValid);
  }

  @Test
  void inboundImageAndLocation_matchSpecExampleShapes_mediaDownloadable() {
    start(WhatsAppSimulator.builder());
    Map<String, JsonNode> examples = OpenApiSpec.requestExamples(OpenApiSpec.WEBHOOKS_PATH, "post");

    sim.userSendsImage(USER, "Taj Mahal");
    sim.userSendsLocation(USER, 37.44, -122.16, "Philz Coffee", "101 Forest Ave");
    List<WebhookReceiver.Received> got = receiver.await(2, WAIT);

    assertThat(Shapes.missingFrom(got.get(0).json(), examples.get("Image Message"))).isEmpty();
    JsonNode location = examples.get("Location Message").deepCopy();
    // The example carries the place's url, which a shared pin has only sometimes.
    ((tools.jackson.databind.node.ObjectNode)
            location
                .path("entry")
                .path(0)
                .path("changes")
                .path(0)
                .path("value")
                .path("messages")
                .path(0)
                .path("location"))
        .remove("url");
    assertThat(Shapes.missingFrom(got.get(1).json(), location)).isEmpty();
    String mediaId =
        got.get(0).value().path("messages").path(0).path("image").path("id").asString();
    Http http = new Http(sim);
    Http.Response info = http.get(Http.V + mediaId);
    assertThat(info.json().path("mime_type").asString()).isEqualTo("image/png");
    Http.Response download = http.getAbsolute(info.json().path("url").asString(), true);
    assertThat(download.status()).isEqualTo(200);
    assertThat(download.bytes()).startsWith((byte) 0x89, (byte) 'P', (byte) 'N', (byte) 'G');
  }

  @Test
  void userPreferences_stopAndResume() {
    start(WhatsAppSimulator.builder());

    sim.userStopsMarketing(USER);
    sim.userResumesMarketing(USER);
    List<WebhookReceiver.Received> got = receiver.await(2, WAIT);

    assertThat(got)
        .extracting(WebhookReceiver.Received::field)
        .containsExactly("user_preferences", "user_preferences");
    JsonNode pref = got.get(0).value().path("user_preferences").path(0);
    assertThat(pref.path("value").asString()).isEqualTo("stop");
    assertThat(pref.path("category").asString()).isEqualTo("marketing_messages");
    assertThat(pref.path("wa_id").asString()).isEqualTo("16505551234");
    assertThat(got.get(1).value().path("user_preferences").path(0).path("value").asString())
        .isEqualTo("resume");
  }

  @Test
  void qualityTierThroughputAndTemplateEvents() {
    start(WhatsAppSimulator.builder());
    sim.registerTemplate("promo", "en_US", TemplateCategory.MARKETING, 0);

    sim.changeQualityRating(QualityRating.YELLOW);
    sim.changeQualityRating(QualityRating.RED);
    sim.changeQualityRating(QualityRating.GREEN);
    sim.changeMessagingTier(MessagingTier.TIER_10K);
    sim.upgradeThroughput();
    sim.setTemplateStatus("promo", "en_US", "PAUSED");
    List<WebhookReceiver.Received> got = receiver.await(5, WAIT);

    assertThat(got).allMatch(WebhookReceiver.Received::signatureValid);
    assertThat(got)
        .extracting(WebhookReceiver.Received::field)
        .containsExactly(
            "phone_number_quality_update",
            "phone_number_quality_update",
            "business_capability_update",
            "phone_number_quality_update",
            "message_template_status_update");
    assertThat(got.get(0).value().path("event").asString()).isEqualTo("FLAGGED");
    assertThat(got.get(1).value().path("event").asString()).isEqualTo("UNFLAGGED");
    assertThat(got.get(2).value().path("max_daily_conversations_per_business").asString())
        .isEqualTo("TIER_10K");
    assertThat(got.get(2).value().path("max_daily_conversation_per_phone").asLong())
        .isEqualTo(10_000);
    assertThat(got.get(3).value().path("event").asString()).isEqualTo("THROUGHPUT_UPGRADE");
    assertThat(got.get(4).value().path("event").asString()).isEqualTo("PAUSED");
    assertThat(got.get(4).value().path("message_template_name").asString()).isEqualTo("promo");
    assertThat(got.get(0).json().path("entry").path(0).path("time").asLong())
        .isEqualTo(clock.instant().getEpochSecond());
  }

  @Test
  void duplicates_everyDeliveredWebhookPostedTwice() {
    start(WhatsAppSimulator.builder().duplicateWebhooks(1.0));

    String wamid = sim.userSends(USER, "hi");
    List<WebhookReceiver.Received> got = receiver.await(2, WAIT);

    assertThat(got.get(0).text()).isEqualTo(got.get(1).text());
    assertThat(got.get(1).value().path("messages").path(0).path("id").asString()).isEqualTo(wamid);
    assertThat(sim.awaitWebhooks(WAIT)).isTrue();
    assertThat(sim.webhookDeliveries())
        .extracting(WebhookDelivery::duplicate)
        .containsExactly(false, true);
  }

  @Test
  void duplicates_seededFraction_repeatable() {
    int first = duplicatesWithSeed(42);
    receiver.drain();
    sim.close();
    int second = duplicatesWithSeed(42);

    assertThat(first).isEqualTo(second);
    assertThat(first).isBetween(1, 19);
  }

  private int duplicatesWithSeed(long seed) {
    start(WhatsAppSimulator.builder().duplicateWebhooks(0.5).randomSeed(seed));
    for (int i = 0; i < 20; i++) {
      sim.userSends(USER, "m" + i);
      assertThat(sim.awaitWebhooks(WAIT)).isTrue();
    }
    return (int) sim.webhookDeliveries().stream().filter(WebhookDelivery::duplicate).count();
  }

  @Test
  void receiverFails_retriedThenDelivered() {
    start(WhatsAppSimulator.builder().webhookRetries(3, Duration.ofMillis(10)));
    receiver.failNext(2);

    sim.userSends(USER, "hi");
    receiver.await(1, WAIT);

    assertThat(sim.awaitWebhooks(WAIT)).isTrue();
    WebhookDelivery d = sim.webhookDeliveries().get(0);
    assertThat(d.delivered()).isTrue();
    assertThat(d.attempts()).isEqualTo(3);
    assertThat(d.statusCode()).hasValue(200);
    assertThat(d.signature()).startsWith("sha256=");
  }

  @Test
  void receiverKeepsFailing_recordedAsFailed() {
    start(WhatsAppSimulator.builder().webhookRetries(2, Duration.ofMillis(10)));
    receiver.failNext(5);

    sim.userSends(USER, "hi");

    assertThat(sim.awaitWebhooks(WAIT)).as("a delivery failed").isFalse();
    assertThat(sim.awaitWebhooks(WAIT)).as("no new failure since").isTrue();
    WebhookDelivery d = sim.webhookDeliveries().get(0);
    assertThat(d.delivered()).isFalse();
    assertThat(d.attempts()).isEqualTo(2);
    assertThat(d.statusCode()).hasValue(500);
    assertThat(d.error()).contains("HTTP 500");
    assertThat(sim.stats().webhooksFailed()).isEqualTo(1);
  }

  @Test
  void receiverUnreachable_recordedAsFailed() {
    receiver.close();
    sim =
        WhatsAppSimulator.builder()
            .webhookUrl(java.net.URI.create("http://127.0.0.1:9/unreachable"))
            .webhookRetries(2, Duration.ofMillis(1))
            .start();

    sim.userSends(USER, "hi");

    assertThat(sim.awaitWebhooks(WAIT)).as("every delivery failed").isFalse();
    assertThat(sim.webhookDeliveries()).isNotEmpty().noneMatch(WebhookDelivery::delivered);
    assertThat(sim.webhookDeliveries().get(0).statusCode()).isEmpty();
    assertThat(sim.webhookDeliveries().get(0).error()).isPresent();
  }

  @Test
  void noWebhookUrl_nothingPostedUntilSet() {
    sim = WhatsAppSimulator.builder().appSecret("webhook-secret").start();
    sim.userSends(USER, "before");
    assertThat(sim.webhookDeliveries()).isEmpty();

    sim.deliverWebhooksTo(receiver.url());
    sim.userSends(USER, "after");

    WebhookReceiver.Received r = receiver.await(1, WAIT).get(0);
    assertThat(r.value().path("messages").path(0).path("text").path("body").asString())
        .isEqualTo("after");
  }

  @Test
  void statusDelays_stillInOrder() {
    Http http =
        start(
            WhatsAppSimulator.builder()
                .statusDelays(Duration.ofMillis(30), Duration.ofMillis(20), Duration.ofMillis(60)));
    sim.userSends(USER, "hi");
    receiver.await(1, WAIT);

    http.send(Http.text(USER, "Hello"));
    List<WebhookReceiver.Received> got = receiver.await(3, WAIT);

    assertThat(got)
        .extracting(r -> status(r).path("status").asString())
        .containsExactly("sent", "delivered", "read");
  }
}
