package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.wasdk.client.TestClients.MESSAGES_PATH;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static dev.wasdk.client.TestClients.TO;
import static dev.wasdk.client.TestClients.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.ApiException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.Message;
import dev.wasdk.observe.GraphCallEvent;
import dev.wasdk.observe.GraphCallStart;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.WhatsAppObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client reports each HTTP attempt to its observer, with bounded, non-personal facts. */
class ObserverTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final List<GraphCallStart> starts = new CopyOnWriteArrayList<>();
  private final List<GraphCallEvent> ends = new CopyOnWriteArrayList<>();

  private final WhatsAppObserver recording =
      new WhatsAppObserver() {
        @Override
        public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart start) {
          starts.add(start);
          return ends::add;
        }
      };

  private WhatsAppClient client(WhatsAppObserver observer) {
    return TestClients.builder(wm, new FakeSleeper(), new CapturingLogger("observe"))
        .observer(observer)
        .build();
  }

  @Test
  void send_success_reportsTemplateStatusAndAttempt() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.A1"))));

    client(recording).messages().send(Message.to(TO).text("hello"));

    assertThat(starts).hasSize(1);
    GraphCallStart s = starts.get(0);
    assertThat(s.method()).isEqualTo("POST");
    assertThat(s.pathTemplate()).isEqualTo("{id}/messages");
    assertThat(s.operation()).isEqualTo("send message");
    assertThat(s.serverAddress()).isEqualTo("localhost");
    assertThat(s.serverPort()).isEqualTo(wm.getPort());
    assertThat(s.attempt()).isEqualTo(1);
    assertThat(ends).hasSize(1);
    GraphCallEvent e = ends.get(0);
    assertThat(e.outcome()).isEqualTo(GraphCallEvent.Outcome.SUCCESS);
    assertThat(e.status()).isEqualTo(200);
    assertThat(e.errorCode()).isZero();
    assertThat(e.duration()).isPositive();
    assertThat(e.toString()).doesNotContain(PHONE_ID, TO, TO.substring(1), "wamid", "hello", TOKEN);
  }

  @Test
  void send_graphError_reportsClientErrorWithCode() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(TestClients.graphError(131026, "Undeliverable", "x", "Atrace"))));
    WhatsAppClient wa = client(recording);

    assertThatThrownBy(() -> wa.messages().send(Message.to(TO).text("hello")))
        .isInstanceOf(ApiException.class);

    assertThat(ends)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo(GraphCallEvent.Outcome.CLIENT_ERROR);
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errorCode()).isEqualTo(131026);
              assertThat(e.errorType()).isNotEmpty();
            });
  }

  @Test
  void get_retriedAfter503_reportsEachAttempt() {
    String path = "/v24.0/" + PHONE_ID;
    wm.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("retry")
            .whenScenarioStateIs(STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo(path))
            .inScenario("retry")
            .whenScenarioStateIs("ok")
            .willReturn(
                okJson(
                    "{\"id\":\""
                        + PHONE_ID
                        + "\",\"display_phone_number\":\"+1 555\",\"verified_name\":\"T\"}")));

    client(recording).phoneNumbers().get();

    assertThat(starts).extracting(GraphCallStart::attempt).containsExactly(1, 2);
    assertThat(starts).extracting(GraphCallStart::pathTemplate).containsOnly("{id}");
    assertThat(ends)
        .extracting(GraphCallEvent::outcome)
        .containsExactly(GraphCallEvent.Outcome.SERVER_ERROR, GraphCallEvent.Outcome.SUCCESS);
  }

  @Test
  void sendAsync_reportsTheEndBeforeTheFutureCompletes() throws Exception {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.A2"))));

    client(recording)
        .messages()
        .sendAsync(Message.to(TO).text("hello"))
        .thenRun(() -> assertThat(ends).hasSize(1))
        .get(10, TimeUnit.SECONDS);

    assertThat(ends).singleElement().extracting(GraphCallEvent::status).isEqualTo(200);
  }

  @Test
  void send_observerThatThrows_neverBreaksTheSend() {
    wm.stubFor(post(urlEqualTo(MESSAGES_PATH)).willReturn(okJson(TestClients.sendOk("wamid.A3"))));
    WhatsAppObserver throwing =
        new WhatsAppObserver() {
          @Override
          public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart start) {
            starts.add(start);
            return e -> {
              throw new IllegalStateException("observer bug");
            };
          }
        };
    WhatsAppObserver throwingAtStart =
        new WhatsAppObserver() {
          @Override
          public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart start) {
            throw new IllegalStateException("observer bug");
          }
        };
    WhatsAppClient wa = client(WhatsAppObserver.of(List.of(throwingAtStart, throwing, recording)));

    SendResult r = wa.messages().send(Message.to(TO).text("hello"));

    assertThat(r.wamid()).isEqualTo("wamid.A3");
    assertThat(starts).hasSize(2); // the throwing one's and the recording one's
    assertThat(ends).hasSize(1);
  }

  @Test
  void observer_defaultsToNone() {
    WhatsAppClient wa = TestClients.client(wm, new FakeSleeper());
    assertThat(wa.observer()).isSameAs(WhatsAppObserver.none());
    assertThat(client(recording).observer()).isNotSameAs(WhatsAppObserver.none());
  }
}
