package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.message.Message;
import dev.wasdk.testkit.WebhookDelivery;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.DispatchMode;
import dev.wasdk.webhooks.InvalidSignatureException;
import dev.wasdk.webhooks.QueuedHandoff;
import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookResponse;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.DeliveryStatus;
import dev.wasdk.webhooks.event.MediaMessageReceived;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.TemplateStatusChanged;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.event.UnknownEvent;
import dev.wasdk.webhooks.event.UserPreferenceChanged;
import dev.wasdk.webhooks.event.WebhookEvent;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/webhooks.md}, fed with the simulator's signed webhooks. */
class WebhooksSnippetsTest extends SimulatorFixture {
  private final List<String> log = new CopyOnWriteArrayList<>();

  /** Starts a receiver that accepts everything, so the simulator's deliveries can be replayed. */
  private WebhookDelivery deliveredText(String text) {
    WebhookEndpoint accepting =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("t")
            .router(WebhookRouter.builder().onUnhandled(e -> {}).build())
            .build();
    try (JdkWebhookServer server =
        JdkWebhookServer.builder(accepting)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .start()) {
      sim.deliverWebhooksTo(server.uri());
      sim.userSends(USER, text);
      assertThat(sim.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
      sim.deliverWebhooksTo(null);
    }
    List<WebhookDelivery> all = sim.webhookDeliveries();
    return all.get(all.size() - 1);
  }

  @Test
  void endpointOnJdkServer_receivesTheSimulatorsWebhooks() {
    String appSecret = sim.appSecret();
    String verifyToken = "my-verify-token";
    int port = 0; // 8080 or any port; 0 picks a free one
    // tag::endpoint[]
    WebhookRouter router =
        WebhookRouter.builder()
            .on(TextReceived.class, text -> log.add("text " + text.body()))
            .on(MessageStatusChanged.class, status -> log.add("status " + status.rawStatus()))
            .onUnhandled(other -> log.add("other " + other.context().field()))
            .build();

    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(appSecret) // App Dashboard > App settings > Basic > App secret
            .verifyToken(verifyToken) // the string you type next to the callback URL
            .router(router)
            .build();
    // end::endpoint[]

    // tag::jdk-server[]
    JdkWebhookServer server =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(port))
            .path("/webhook") // the default
            .start();
    System.out.println("serving " + server.uri()); // put it behind HTTPS for Meta
    // end::jdk-server[]
    try (server) {
      sim.deliverWebhooksTo(server.uri());
      String wamid = wa.messages().send(Message.to(USER).text("Hello")).wamid();
      sim.userSends(USER, "Thanks!");
      assertThat(sim.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
      assertThat(wamid).isNotBlank();
    }

    assertThat(log).contains("text Thanks!", "status sent", "status delivered", "status read");
    assertThat(sim.webhookDeliveries()).allMatch(WebhookDelivery::delivered);
  }

  @Test
  void handshakeAndOtherFrameworks_throughWebhookRequest() {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("my-verify-token")
            .router(WebhookRouter.builder().on(TextReceived.class, t -> log.add(t.body())).build())
            .build();
    WebhookDelivery delivery = deliveredText("Hello there");
    byte[] rawBody = delivery.body().getBytes(StandardCharsets.UTF_8);
    Map<String, List<String>> headers =
        Map.of("X-Hub-Signature-256", List.of(delivery.signature()));

    // tag::framework[]
    // Meta's GET handshake: answer 200 with hub.challenge when the token matches, else 403
    WebhookResponse handshake =
        endpoint.handle(
            WebhookRequest.builder()
                .method("GET")
                .queryParameter("hub.mode", "subscribe")
                .queryParameter("hub.verify_token", "my-verify-token")
                .queryParameter("hub.challenge", "1158201444")
                .build());

    // A POST: copy the method, headers and the raw body bytes from your framework's request
    WebhookResponse response =
        endpoint.handle(
            WebhookRequest.builder().method("POST").headers(headers).body(rawBody).build());
    // ...then copy status, content type, headers and body back to your framework's response
    System.out.println(response.status() + " " + response.contentType() + " " + response.body());
    // end::framework[]

    assertThat(handshake.status()).isEqualTo(200);
    assertThat(handshake.body()).isEqualTo("1158201444");
    assertThat(response.status()).isEqualTo(200);
    assertThat(log).containsExactly("Hello there");
  }

  private static final String APP_SECRET = WhatsAppSimulator.DEFAULT_APP_SECRET;

  // tag::verify-parse[]
  private final SignatureVerifier verifier = SignatureVerifier.of(APP_SECRET); // build once, share
  private final WebhookParser parser = WebhookParser.create();

  int onPost(byte[] rawBody, String signatureHeader) {
    try {
      verifier.verify(rawBody, signatureHeader); // the exact bytes received, never re-serialized
    } catch (InvalidSignatureException e) {
      log.add("refused: " + e.reason()); // MISSING_HEADER, MISMATCH, ...
      return 403;
    }
    for (WebhookEvent event : parser.parse(rawBody)) {
      if (event instanceof TextReceived text) {
        log.add(text.from().orElse("?") + " wrote " + text.body());
      } else if (event instanceof MessageStatusChanged status && status.isFailed()) {
        log.add(status.messageId() + " failed with " + status.errorCode());
      }
    }
    return 200;
  }

  // end::verify-parse[]

  @Test
  void verifyAndParse_byHand() {
    WebhookDelivery delivery = deliveredText("Where is my order?");
    byte[] rawBody = delivery.body().getBytes(StandardCharsets.UTF_8);

    assertThat(onPost(rawBody, delivery.signature())).isEqualTo(200);
    assertThat(onPost(rawBody, "sha256=" + "0".repeat(64))).isEqualTo(403);
    assertThat(log).containsExactly("16505551234 wrote Where is my order?", "refused: MISMATCH");

    // tag::rotation[]
    SignatureVerifier duringRotation = SignatureVerifier.of("new-app-secret", "old-app-secret");
    // end::rotation[]
    assertThat(duringRotation.isValid(rawBody, delivery.signature())).isFalse();
    assertThat(
            SignatureVerifier.of("new-app-secret", APP_SECRET)
                .isValid(rawBody, delivery.signature()))
        .isTrue();
  }

  @Test
  void router_mostSpecificHandlerWins_andHooksSeeTheRest() {
    Consumer<String> inbox = log::add;
    // tag::router[]
    WebhookRouter router =
        WebhookRouter.builder()
            .on(TextReceived.class, t -> inbox.accept(t.body()))
            .on(ButtonReplyReceived.class, b -> inbox.accept("tapped " + b.buttonId()))
            .on(MediaMessageReceived.class, m -> inbox.accept("media " + m.media().id()))
            .on(MessageReceived.class, m -> inbox.accept("other message " + m.type()))
            .on(
                MessageStatusChanged.class,
                s -> {
                  if (s.status() == DeliveryStatus.FAILED && s.hasErrorCode(131047)) {
                    inbox.accept("window closed: send a template");
                  }
                })
            .on(UserPreferenceChanged.class, p -> inbox.accept("marketing stop " + p.isStop()))
            .on(TemplateStatusChanged.class, t -> inbox.accept(t.templateName() + " " + t.status()))
            .on(UnknownEvent.class, u -> inbox.accept("new field " + u.context().field()))
            .onError((event, error) -> inbox.accept("handler failed: " + error))
            .build();
    // end::router[]

    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("t")
            .router(router)
            .build();
    try (JdkWebhookServer server =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .start()) {
      sim.deliverWebhooksTo(server.uri());
      String buttons =
          wa.messages()
              .send(Message.to(USER).buttons().body("Ok?").button("yes", "Yes").build())
              .wamid();
      sim.userRepliesWithButton(USER, buttons, "yes", "Yes");
      sim.userSendsImage(USER, "a photo");
      sim.userSendsLocation(USER, 1.0, 2.0, null, null);
      sim.userStopsMarketing(USER);
      assertThat(sim.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
    }

    assertThat(log)
        .contains("tapped yes", "other message location", "marketing stop true")
        .anyMatch(s -> s.startsWith("media "));
  }

  @Test
  void asyncHandoffAndDedupe_acknowledgeOnceAndHandleOnce() {
    WebhookRouter router =
        WebhookRouter.builder().on(TextReceived.class, t -> log.add(t.body())).build();
    String appSecret = sim.appSecret();
    String verifyToken = "t";
    WebhookDelivery delivery = deliveredText("Once only");

    // tag::async[]
    QueuedHandoff handoff =
        QueuedHandoff.builder(router)
            .capacity(10_000) // events; beyond it the endpoint answers 503 and Meta retries
            .workers(4)
            .build();

    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(appSecret)
            .verifyToken(verifyToken)
            .dispatch(DispatchMode.asynchronous(handoff)) // 200 as soon as the events are queued
            .deduplicator(Deduplicator.inMemory(500_000, Duration.ofDays(7)))
            .build();

    // ... and when the application stops:
    List<WebhookEvent> unhandled = handoff.shutdown(Duration.ofSeconds(30));
    // end::async[]
    assertThat(unhandled).isEmpty();

    QueuedHandoff live = QueuedHandoff.builder(router).build();
    WebhookEndpoint asyncEndpoint =
        WebhookEndpoint.builder()
            .appSecret(appSecret)
            .verifyToken(verifyToken)
            .dispatch(DispatchMode.asynchronous(live))
            .build();
    WebhookRequest replay =
        WebhookRequest.builder()
            .method("POST")
            .header("X-Hub-Signature-256", delivery.signature())
            .body(delivery.body().getBytes(StandardCharsets.UTF_8))
            .build();
    assertThat(asyncEndpoint.handle(replay).status()).isEqualTo(200);
    assertThat(asyncEndpoint.handle(replay).status()).isEqualTo(200); // a duplicate, acknowledged
    assertThat(live.shutdown(Duration.ofSeconds(10))).isEmpty();
    assertThat(log).containsExactly("Once only");
    assertThat(endpoint.maxBodyBytes()).isEqualTo(WebhookEndpoint.DEFAULT_MAX_BODY_BYTES);
  }

  @Test
  void badSignatureOrOversizeBody_isRefusedAndNoHandlerRuns() {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("t")
            .maxBodyBytes(1024)
            .router(WebhookRouter.builder().on(TextReceived.class, t -> log.add(t.body())).build())
            .build();
    byte[] body = "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes();

    WebhookResponse unsigned =
        endpoint.handle(WebhookRequest.builder().method("POST").body(body).build());
    WebhookResponse forged =
        endpoint.handle(
            WebhookRequest.builder()
                .method("POST")
                .header("X-Hub-Signature-256", "sha256=" + "0".repeat(64))
                .body(body)
                .build());
    WebhookResponse oversize =
        endpoint.handle(WebhookRequest.builder().method("POST").body(new byte[2048]).build());

    assertThat(unsigned.status()).isEqualTo(401);
    assertThat(forged.status()).isEqualTo(403);
    assertThat(oversize.status()).isEqualTo(413);
    assertThat(log).isEmpty();
  }
}
