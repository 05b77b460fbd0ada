package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/getting-started.md}. */
class GettingStartedSnippetsTest {

  // tag::simulator[]
  static String helloOnTheSimulator() {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start(); // a local Cloud API, no credentials
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .baseUrl(sim.baseUrl())
                .build()) {
      sim.userSends("+16505551234", "Hi!"); // the user writes first: the 24-hour window opens

      SendResult sent = wa.messages().send(Message.to("+16505551234").text("Hello from wasdk"));
      System.out.println("accepted as " + sent.wamid());
      System.out.println("on the wire: " + sim.sentMessages().get(0).json());
      return sent.wamid();
    }
  }

  // end::simulator[]

  @Test
  void hello_mainOfTheGuide_printsTheAcceptedMessage() {
    java.io.PrintStream original = System.out;
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      com.example.Hello.main(new String[0]);
    } finally {
      System.setOut(original);
    }
    assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
        .contains("accepted as wamid.")
        .contains("\"body\":\"Hello from wasdk\"");
  }

  @Test
  void helloOnTheSimulator_isAccepted() {
    assertThat(helloOnTheSimulator()).startsWith("wamid.");
  }

  // tag::either[]
  static WhatsAppClient client(WhatsAppSimulator sim) {
    String token = System.getenv("WHATSAPP_ACCESS_TOKEN");
    String phoneNumberId = System.getenv("WHATSAPP_PHONE_NUMBER_ID");
    if (token == null || phoneNumberId == null) {
      return WhatsAppClient.builder() // no credentials: the simulator
          .accessToken(sim.accessToken())
          .phoneNumberId(sim.phoneNumberId())
          .baseUrl(sim.baseUrl())
          .build();
    }
    WhatsAppClient.Builder meta = // Meta's Cloud API at https://graph.facebook.com
        WhatsAppClient.builder().accessToken(token).phoneNumberId(phoneNumberId);
    String wabaId = System.getenv("WHATSAPP_WABA_ID"); // needed for templates and account calls
    if (wabaId != null) {
      meta.wabaId(wabaId);
    }
    return meta.build();
  }

  // end::either[]

  @Test
  void client_withoutCredentials_usesTheSimulator() {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = client(sim)) {
      if (System.getenv("WHATSAPP_ACCESS_TOKEN") == null
          || System.getenv("WHATSAPP_PHONE_NUMBER_ID") == null) {
        assertThat(wa.baseUrl()).isEqualTo(sim.baseUrl());
      } else {
        assertThat(wa.baseUrl()).isEqualTo(WhatsAppClient.DEFAULT_BASE_URL);
      }
    }
  }

  @Test
  void firstWebhook_isVerifiedParsedAndRouted() {
    List<String> seen = new CopyOnWriteArrayList<>();
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = client(sim)) {
      String appSecret = sim.appSecret(); // on Meta: System.getenv("WHATSAPP_APP_SECRET")
      String verifyToken = "my-verify-token";
      // tag::first-webhook[]
      WebhookRouter router =
          WebhookRouter.builder()
              .on(
                  TextReceived.class,
                  text -> {
                    seen.add(text.body());
                    wa.messages().markRead(text.id()); // blue ticks
                  })
              .on(MessageStatusChanged.class, status -> seen.add(status.rawStatus()))
              .build();

      WebhookEndpoint endpoint =
          WebhookEndpoint.builder()
              .appSecret(appSecret) // checks X-Hub-Signature-256 on every POST
              .verifyToken(verifyToken) // answers Meta's GET handshake
              .router(router)
              .build();

      JdkWebhookServer server =
          JdkWebhookServer.builder(endpoint)
              .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .start(); // serves http://127.0.0.1:<port>/webhook
      // end::first-webhook[]
      try (server) {
        // tag::first-webhook-simulator[]
        sim.deliverWebhooksTo(server.uri()); // the simulator posts signed webhooks here
        sim.userSends("+16505551234", "Hi there!");
        // end::first-webhook-simulator[]
        assertThat(sim.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
        assertThat(sim.messagesMarkedRead()).hasSize(1);
      }
    }
    assertThat(seen).containsExactly("Hi there!");
  }
}
