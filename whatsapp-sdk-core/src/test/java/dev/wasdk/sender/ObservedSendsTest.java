package dev.wasdk.sender;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.observe.CapturedContext;
import dev.wasdk.observe.GraphCallEvent;
import dev.wasdk.observe.GraphCallStart;
import dev.wasdk.observe.LimiterDecisionEvent;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.SendOutcomeEvent;
import dev.wasdk.observe.StoreCallEvent;
import dev.wasdk.observe.WhatsAppObserver;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A sender built on an observed client reports outcomes, limiter decisions and store calls. */
class ObservedSendsTest {
  private static final String PHONE_ID = "106540352242922";
  private static final String PATH = "/v24.0/" + PHONE_ID + "/messages";

  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final List<SendOutcomeEvent> outcomes = new CopyOnWriteArrayList<>();
  private final List<LimiterDecisionEvent> decisions = new CopyOnWriteArrayList<>();
  private final List<StoreCallEvent> storeCalls = new CopyOnWriteArrayList<>();

  private final WhatsAppObserver recording =
      new WhatsAppObserver() {
        @Override
        public void onSendOutcome(SendOutcomeEvent e) {
          outcomes.add(e);
        }

        @Override
        public void onLimiterDecision(LimiterDecisionEvent e) {
          decisions.add(e);
        }

        @Override
        public void onStoreCall(StoreCallEvent e) {
          storeCalls.add(e);
        }
      };

  private WhatsAppClient client(WhatsAppObserver observer) {
    return WhatsAppClient.builder()
        .accessToken("EAAG-test-token-0123456789abcdef")
        .phoneNumberId(PHONE_ID)
        .baseUrl(URI.create(wm.baseUrl()))
        .retryPolicy(RetryPolicy.none())
        .observer(observer)
        .build();
  }

  private static String ok(String wamid) {
    return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505550001\","
        + "\"wa_id\":\"16505550001\"}],\"messages\":[{\"id\":\""
        + wamid
        + "\"}]}";
  }

  @Test
  void submit_sentAndRejected_reportsBoundedFacts() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ok("wamid.OK1"))));
    wm.stubFor(
        post(urlEqualTo(PATH))
            .withRequestBody(containing("16505550002"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"(#131026) Message Undeliverable\","
                            + "\"type\":\"OAuthException\",\"code\":131026,"
                            + "\"fbtrace_id\":\"Atrace\"}}")));
    try (WhatsAppClient wa = client(recording);
        MessageSender sender = MessageSender.builder(wa).enforceServiceWindow(false).build()) {
      SendOutcome sent =
          sender.submit(Message.to("+16505550001").text("hi")).get(10, TimeUnit.SECONDS);
      SendOutcome rejected =
          sender.submit(Message.to("+16505550002").text("hi")).get(10, TimeUnit.SECONDS);
      assertThat(sent).isInstanceOf(SendOutcome.Sent.class);
      assertThat(rejected).isInstanceOf(SendOutcome.Rejected.class);
    }

    assertThat(outcomes)
        .extracting(
            SendOutcomeEvent::kind, SendOutcomeEvent::rejectReason, SendOutcomeEvent::errorCode)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(SendOutcomeEvent.Kind.SENT, "", 0),
            org.assertj.core.groups.Tuple.tuple(
                SendOutcomeEvent.Kind.REJECTED, "UNDELIVERABLE", 131026));
    assertThat(outcomes).allSatisfy(e -> assertThat(e.phoneNumberId()).isEqualTo(PHONE_ID));
    assertThat(decisions)
        .filteredOn(d -> d.decision() == LimiterDecisionEvent.Decision.SEND)
        .hasSize(2);
    assertThat(storeCalls).extracting(StoreCallEvent::store).contains("limiter", "recipient_id");
    assertThat(storeCalls)
        .allSatisfy(
            c -> {
              assertThat(c.result()).isEqualTo(StoreCallEvent.Result.SUCCESS);
              assertThat(c.duration().isNegative()).isFalse();
            });
    assertThat(outcomes + "" + decisions + storeCalls)
        .doesNotContain("16505550001", "16505550002", "wamid", "hi\"");
  }

  @Test
  void submit_capturedContext_isCurrentAroundTheRequestAndTheOutcome() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ok("wamid.CTX"))));
    ThreadLocal<String> current = new ThreadLocal<>();
    List<String> atStart = new CopyOnWriteArrayList<>();
    List<String> atOutcome = new CopyOnWriteArrayList<>();
    WhatsAppObserver carrying =
        new WhatsAppObserver() {
          @Override
          public CapturedContext capture() {
            String taken = current.get();
            return () -> {
              String before = current.get();
              current.set(taken);
              return () -> current.set(before);
            };
          }

          @Override
          public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart start) {
            atStart.add(String.valueOf(current.get()));
            return Observation.none();
          }

          @Override
          public void onSendOutcome(SendOutcomeEvent e) {
            atOutcome.add(String.valueOf(current.get()));
          }
        };
    try (WhatsAppClient wa = client(carrying);
        MessageSender sender = MessageSender.builder(wa).enforceServiceWindow(false).build()) {
      current.set("caller-1");
      var first = sender.submit(Message.to("+16505550001").text("hi"));
      current.set("caller-2");
      var second = sender.submit(Message.to("+16505550003").text("hi"));
      current.remove();
      first.get(10, TimeUnit.SECONDS);
      second.get(10, TimeUnit.SECONDS);
    }

    assertThat(atStart).containsExactlyInAnyOrder("caller-1", "caller-2");
    assertThat(atOutcome).containsExactlyInAnyOrder("caller-1", "caller-2");
  }

  @Test
  void submit_observerThatThrowsEverywhere_stillSends() throws Exception {
    wm.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(ok("wamid.OK2"))));
    WhatsAppObserver throwing =
        new WhatsAppObserver() {
          @Override
          public void onSendOutcome(SendOutcomeEvent e) {
            throw new IllegalStateException("bug");
          }

          @Override
          public void onLimiterDecision(LimiterDecisionEvent e) {
            throw new IllegalStateException("bug");
          }

          @Override
          public void onStoreCall(StoreCallEvent e) {
            throw new IllegalStateException("bug");
          }
        };
    try (WhatsAppClient wa = client(throwing);
        MessageSender sender = MessageSender.builder(wa).enforceServiceWindow(false).build()) {
      SendOutcome o =
          sender.submit(Message.to("+16505550003").text("hi")).get(10, TimeUnit.SECONDS);
      assertThat(o).isInstanceOf(SendOutcome.Sent.class);
    }
  }

  @Test
  void limitOf_mapsEachVerdict() {
    java.time.Instant t = java.time.Instant.EPOCH;
    assertThat(ObservedSends.limitOf(Verdict.SEND)).isEqualTo(LimiterDecisionEvent.Limit.NONE);
    assertThat(ObservedSends.limitOf(Verdict.sleep(t, "a messaging-limit slot (TIER_2K)")))
        .isEqualTo(LimiterDecisionEvent.Limit.TIER);
    assertThat(ObservedSends.limitOf(Verdict.sleep(t, "the pair rate (45 messages)")))
        .isEqualTo(LimiterDecisionEvent.Limit.PAIR_RATE);
    assertThat(ObservedSends.limitOf(Verdict.waitAll(t, ThroughputPacer.WAITING)))
        .isEqualTo(LimiterDecisionEvent.Limit.THROUGHPUT);
    assertThat(ObservedSends.limitOf(Verdict.waitAll(t, "the limiter store failed")))
        .isEqualTo(LimiterDecisionEvent.Limit.STORE);
  }
}
