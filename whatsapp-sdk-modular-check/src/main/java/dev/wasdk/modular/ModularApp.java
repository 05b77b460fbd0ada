package dev.wasdk.modular;

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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends a message to the simulator and receives its signed webhooks on a JDK server, all on the
 * module path. It prints one line that the test checks, and exits with status 0 only when the whole
 * round trip worked.
 */
public final class ModularApp {
  private ModularApp() {}

  /**
   * Runs the round trip.
   *
   * @param args unused
   * @throws Exception when the round trip fails
   */
  public static void main(String[] args) throws Exception {
    CountDownLatch inbound = new CountDownLatch(1);
    AtomicInteger statuses = new AtomicInteger();
    try (WhatsAppSimulator sim = WhatsAppSimulator.start()) {
      WebhookRouter router =
          WebhookRouter.builder()
              .on(TextReceived.class, text -> inbound.countDown())
              .on(MessageStatusChanged.class, status -> statuses.incrementAndGet())
              .build();
      WebhookEndpoint endpoint =
          WebhookEndpoint.builder()
              .appSecret(sim.appSecret())
              .verifyToken("modular-check")
              .router(router)
              .build();
      try (JdkWebhookServer server =
              JdkWebhookServer.builder(endpoint)
                  .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                  .path("/webhook")
                  .start();
          WhatsAppClient wa =
              WhatsAppClient.builder()
                  .accessToken(sim.accessToken())
                  .phoneNumberId(sim.phoneNumberId())
                  .baseUrl(sim.baseUrl())
                  .build()) {
        sim.deliverWebhooksTo(server.uri());
        SendResult sent = wa.messages().send(Message.to("+16505551234").text("Hello, modules"));
        sim.userSends("16505551234", "Hi back");
        if (!inbound.await(30, TimeUnit.SECONDS) || !sim.awaitWebhooks(Duration.ofSeconds(30))) {
          throw new IllegalStateException("the webhooks did not arrive");
        }
        boolean named = ModularApp.class.getModule().isNamed();
        System.out.println(
            "modular app ok: named="
                + named
                + " sent="
                + sent.wamid().startsWith("wamid.")
                + " statuses="
                + statuses.get());
      }
    }
  }
}
