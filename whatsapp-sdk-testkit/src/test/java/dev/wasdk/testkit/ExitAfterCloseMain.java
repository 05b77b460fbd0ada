package dev.wasdk.testkit;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.webhooks.DispatchMode;
import dev.wasdk.webhooks.QueuedHandoff;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A small program, run in a JVM of its own by {@link ExitAfterCloseTest}: it uses the simulator, a
 * client, a pacing sender, a webhook server and a queued hand-off, closes them, then lists the
 * threads that could keep the JVM alive and returns from {@code main}.
 */
public final class ExitAfterCloseMain {
  private ExitAfterCloseMain() {}

  /**
   * Runs the program.
   *
   * @param args unused
   * @throws Exception on any failure, which the test sees as a non-zero exit
   */
  public static void main(String[] args) throws Exception {
    CountDownLatch statuses = new CountDownLatch(3); // sent, delivered, read
    WhatsAppSimulator sim = WhatsAppSimulator.start();
    WebhookRouter router =
        WebhookRouter.builder().on(MessageStatusChanged.class, s -> statuses.countDown()).build();
    QueuedHandoff handoff = QueuedHandoff.builder(router).build();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("verify")
            .dispatch(DispatchMode.asynchronous(handoff))
            .build();
    JdkWebhookServer server =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .path("/webhook")
            .start();
    sim.deliverWebhooksTo(server.uri());
    WhatsAppClient wa =
        WhatsAppClient.builder()
            .accessToken(sim.accessToken())
            .phoneNumberId(sim.phoneNumberId())
            .baseUrl(sim.baseUrl())
            .build();
    MessageSender sender = MessageSender.builder(wa).build();

    try {
      sim.userSends("+16505551234", "Hi");
      sender.onInbound("+16505551234", Instant.now());
      wa.messages().send(Message.to("+16505551234").text("direct"));
      SendOutcome outcome =
          sender.submit(Message.to("+16505551234").text("paced")).get(60, TimeUnit.SECONDS);
      if (!outcome.isSent() || !statuses.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("not sent or no statuses: " + outcome);
      }
    } finally {
      sender.close();
      wa.close();
      server.close();
      handoff.close();
      sim.close();
    }

    System.out.println("LINGERING " + lingering(Duration.ofSeconds(20)));
  }

  /**
   * Returns the live non-daemon threads other than this one, after giving each up to the timeout to
   * end (threads that were told to stop may still be unwinding).
   */
  static List<String> lingering(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> out = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t == Thread.currentThread() || t.isDaemon() || t.getName().equals("DestroyJavaVM")) {
        continue;
      }
      t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      if (t.isAlive()) {
        out.add(t.getName());
      }
    }
    return out;
  }
}
