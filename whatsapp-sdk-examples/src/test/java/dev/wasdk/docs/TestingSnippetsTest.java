package dev.wasdk.docs;

import static dev.wasdk.docs.DocsClients.clientFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.QualityRating;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.AuthException;
import dev.wasdk.error.RateLimitException;
import dev.wasdk.error.RecipientException;
import dev.wasdk.error.RecipientReason;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TextMessage;
import dev.wasdk.testkit.FailureReporting;
import dev.wasdk.testkit.Fault;
import dev.wasdk.testkit.PlatformRule;
import dev.wasdk.testkit.RecordedRequest;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.SimulatorStats;
import dev.wasdk.testkit.TestClock;
import dev.wasdk.testkit.WebhookDelivery;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.testkit.junit.WhatsAppSimulatorExtension;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The snippets of {@code docs/testing.md}: the simulator as a test double for your own code. */
class TestingSnippetsTest {

  @Test
  void startAndClose_sendsAndRecords() {
    // tag::start[]
    try (WhatsAppSimulator sim = WhatsAppSimulator.start(); // a free port on 127.0.0.1
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .wabaId(sim.wabaId())
                .baseUrl(sim.baseUrl())
                .build()) {
      sim.userSends("+16505551234", "Hi!"); // opens the 24-hour window

      wa.messages().send(Message.to("+16505551234").text("Hello"));

      assertThat(sim.sentMessages())
          .singleElement()
          .satisfies(sent -> assertThat(sent.message()).isInstanceOf(TextMessage.class))
          .satisfies(sent -> assertThat(sent.json()).contains("\"body\":\"Hello\""));
    }
    // end::start[]
  }

  @Nested
  // tag::junit[]
  @ExtendWith(WhatsAppSimulatorExtension.class)
  class CheckoutTest {
    @Test
    void confirmation_isSentAsText(WhatsAppSimulator sim) { // a fresh simulator for each test
      try (WhatsAppClient wa = clientFor(sim)) {
        sim.userSends("+16505551234", "I'd like to pay");

        new Checkout(wa).confirm("+16505551234", "A1001"); // your code under test

        assertThat(sim.sentMessages()).singleElement().matches(sent -> !sent.failed());
      }
    }
  }

  // end::junit[]

  @Nested
  class ConfiguredTest {
    // tag::junit-configured[]
    @RegisterExtension
    final WhatsAppSimulatorExtension simulator =
        WhatsAppSimulatorExtension.using(
            () ->
                WhatsAppSimulator.builder()
                    .throughputPerSecond(20) // a Coexistence number
                    .messagingTier(MessagingTier.TIER_2K)
                    .disable(PlatformRule.PAIR_RATE));

    // end::junit-configured[]

    @Test
    void configuredSimulator_isInjected(WhatsAppSimulator sim) {
      try (WhatsAppClient wa = clientFor(sim)) {
        sim.userSends("+16505551234", "Hi");
        for (int i = 0; i < 50; i++) { // beyond the pair-rate burst of 45: the rule is off
          wa.messages().send(Message.to("+16505551234").text("n" + i));
        }
      }
      assertThat(sim.stats().accepted()).isEqualTo(50);
    }
  }

  /** A stand-in for the application code a reader tests. */
  static final class Checkout {
    private final WhatsAppClient wa;

    Checkout(WhatsAppClient wa) {
      this.wa = wa;
    }

    void confirm(String to, String orderId) {
      wa.messages().send(Message.to(to).text("Order " + orderId + " is confirmed."));
    }
  }

  @Test
  void policyFailures_asWebhookOrAsError() {
    // tag::policy-failures[]
    // By default, as Meta does: the send is accepted, then a "failed" status webhook says why
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = clientFor(sim)) {
      wa.messages().send(Message.to("+16505551234").text("Hello")); // no window is open
      assertThat(sim.sentMessages().get(0).failureCode()).hasValue(131047);
    }

    // Or as an error answer, which is simpler to assert
    try (WhatsAppSimulator sim =
            WhatsAppSimulator.builder().policyFailures(FailureReporting.ERROR_RESPONSE).start();
        WhatsAppClient wa = clientFor(sim)) {
      assertThatThrownBy(() -> wa.messages().send(Message.to("+16505551234").text("Hello")))
          .isInstanceOfSatisfying(
              RecipientException.class,
              e -> assertThat(e.reason()).isEqualTo(RecipientReason.WINDOW_CLOSED));
    }
    // end::policy-failures[]
  }

  @Test
  void faults_areInjectedIntoTheNextRequests() {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = clientFor(sim)) {
      sim.userSends("+16505551234", "Hi");
      // tag::faults[]
      sim.injectFault(Fault.error(400, 131048)); // the next request: spam rate limit
      assertThatThrownBy(() -> wa.messages().send(Message.to("+16505551234").text("a")))
          .isInstanceOf(RateLimitException.class);

      sim.injectFault(Fault.connectionReset().onlyMessages()); // accepted, then the answer is lost
      assertThatThrownBy(() -> wa.messages().send(Message.to("+16505551234").text("b")))
          .isInstanceOf(RequestMaybeSentException.class);
      assertThat(sim.sentMessages()).hasSize(1); // "b" did reach WhatsApp

      sim.injectFault(Fault.latency(Duration.ofMillis(200)).fraction(0.1)); // until clearFaults()
      sim.clearFaults();
      // end::faults[]
    }
  }

  @Test
  void testClock_movesTimeInsteadOfWaiting() {
    // tag::clock[]
    TestClock clock = TestClock.at(Instant.parse("2026-03-02T09:00:00Z"));
    try (WhatsAppSimulator sim = WhatsAppSimulator.builder().clock(clock).start();
        WhatsAppClient wa = clientFor(sim)) {
      sim.userSends("+16505551234", "Hi");
      wa.messages().send(Message.to("+16505551234").text("Within the window"));

      clock.advance(Duration.ofHours(25));
      wa.messages().send(Message.to("+16505551234").text("Too late for free-form"));

      assertThat(sim.sentMessages())
          .extracting(SentMessage::failed)
          .containsExactly(false, true); // the second failed with 131047
    }
    // end::clock[]
  }

  @Test
  void webhooks_arePostedSignedToTheCallback() {
    List<String> received = new CopyOnWriteArrayList<>();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(WhatsAppSimulator.DEFAULT_APP_SECRET)
            .verifyToken("t")
            .router(
                WebhookRouter.builder()
                    .on(TextReceived.class, t -> received.add(t.body()))
                    .onUnhandled(e -> received.add(e.getClass().getSimpleName()))
                    .build())
            .build();
    try (JdkWebhookServer yourApp =
            JdkWebhookServer.builder(endpoint)
                .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                .start();
        WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = clientFor(sim)) {
      // tag::webhooks[]
      sim.deliverWebhooksTo(yourApp.uri()); // or WhatsAppSimulator.builder().webhookUrl(...)

      String inbound = sim.userSends("+16505551234", "Where is my order?");
      wa.messages().send(Message.to("+16505551234").replyTo(inbound).text("On its way!"));

      assertThat(sim.awaitWebhooks(Duration.ofSeconds(5))).isTrue(); // all posted, none failed
      List<WebhookDelivery> deliveries = sim.webhookDeliveries(); // inbound, sent, delivered, read
      assertThat(deliveries).allMatch(WebhookDelivery::delivered);
      // end::webhooks[]
      assertThat(deliveries).hasSize(4);
    }
    assertThat(received)
        .containsExactly(
            "Where is my order?",
            "MessageStatusChanged",
            "MessageStatusChanged",
            "MessageStatusChanged");
  }

  @Test
  void signer_signsBodiesForYourOwnEndpointTests() {
    List<String> received = new CopyOnWriteArrayList<>();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret("test-secret")
            .verifyToken("t")
            .router(WebhookRouter.builder().onUnhandled(e -> received.add("event")).build())
            .build();
    // tag::signer[]
    byte[] body =
        ("{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
                + "\"changes\":[{\"field\":\"account_review_update\","
                + "\"value\":{\"decision\":\"APPROVED\"}}]}]}")
            .getBytes(StandardCharsets.UTF_8);
    String signature = WebhookSigner.of("test-secret").sign(body); // sha256=<hex>

    int status =
        endpoint
            .handle(
                WebhookRequest.builder()
                    .method("POST")
                    .header("X-Hub-Signature-256", signature)
                    .body(body)
                    .build())
            .status();
    // end::signer[]

    assertThat(status).isEqualTo(200);
    assertThat(received).containsExactly("event");
  }

  @Test
  void simulatedUsersAndPlatformEvents_driveYourApp() {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = clientFor(sim)) {
      String menu =
          wa.messages()
              .send(Message.to("+16505551234").template("hello_world", "en_US").build())
              .wamid();
      // tag::users[]
      sim.userSends("+16505551234", "Hi!");
      sim.userRepliesWithButton("+16505551234", menu, "yes", "Yes please");
      sim.userRepliesWithListRow("+16505551234", menu, "latte", "Latte", "Milk and espresso");
      sim.userTapsQuickReply("+16505551234", menu, "STOP_PROMOS", "Stop promotions");
      sim.userSendsImage("+16505551234", "my receipt"); // downloadable through wa.media()
      sim.userSendsLocation("+16505551234", 37.4847, -122.1477, "Home", null);
      sim.userStopsMarketing("+16505551234"); // user_preferences "stop"; marketing gets 131050
      // end::users[]

      // tag::platform[]
      sim.registerTemplate("spring_sale", "en_US", TemplateCategory.MARKETING, 1); // {{1}}
      sim.setTemplateStatus("spring_sale", "en_US", "PAUSED"); // sends now get 132015
      sim.failDeliveriesTo("+16505550000", 131026); // accepted, then "failed" as undeliverable
      sim.changeQualityRating(QualityRating.RED);
      sim.changeMessagingTier(MessagingTier.TIER_10K);
      sim.upgradeThroughput(); // 1,000 messages per second, THROUGHPUT_UPGRADE webhook
      sim.rotateAccessToken("fresh-token"); // the old token now gets 190 (subcode 463)
      // end::platform[]

      assertThatThrownBy(() -> wa.messages().send(Message.to("+16505551234").text("x")))
          .isInstanceOf(AuthException.class);

      // tag::inspect[]
      List<SentMessage> sent = sim.sentMessages(); // typed message, exact JSON, wamid, failure
      List<RecordedRequest> requests = sim.receivedRequests(); // every call with its answer
      List<String> read = sim.messagesMarkedRead();
      SimulatorStats stats = sim.stats(); // accepted, rejected(code), failed(code), webhooks
      System.out.println(stats.rejected(190) + " requests had a stale token");
      sim.reset(); // forget records, limits and windows between tests; keep templates and media
      // end::inspect[]

      assertThat(sent).hasSize(1);
      assertThat(requests).isNotEmpty();
      assertThat(read).isEmpty();
      assertThat(stats.rejected(190)).isEqualTo(1);
      assertThat(sim.sentMessages()).isEmpty();
    }
  }
}
