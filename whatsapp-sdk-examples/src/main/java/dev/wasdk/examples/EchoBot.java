package dev.wasdk.examples;

import dev.wasdk.client.TypingIndicator;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.ListMessage;
import dev.wasdk.message.ListRow;
import dev.wasdk.message.Message;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.ListReplyReceived;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * A chat bot on a webhook server: it answers a text with an echo, reply buttons and a list, and
 * acknowledges a tapped button or a picked list row. It marks each message it handles as read and
 * shows a typing indicator while it answers.
 *
 * <p>With no credentials, {@link #main} runs it against {@link WhatsAppSimulator}, plays a short
 * conversation and prints the bot's replies. With {@code WHATSAPP_ACCESS_TOKEN}, {@code
 * WHATSAPP_PHONE_NUMBER_ID}, {@code WHATSAPP_APP_SECRET} and {@code WHATSAPP_VERIFY_TOKEN} set, it
 * listens on {@code WHATSAPP_WEBHOOK_PORT} (default 8080) at {@code /webhook} for Meta's webhooks
 * until stopped; expose that port over HTTPS and subscribe your app to the {@code messages} field.
 *
 * <pre>{@code
 * try (EchoBot bot = EchoBot.start(wa, appSecret, verifyToken, new InetSocketAddress(8080))) {
 *   System.out.println("Webhook URL: " + bot.uri());
 *   ...
 * }
 * }</pre>
 *
 * <p>The handlers answer on the webhook's request thread (the endpoint's synchronous mode), so a
 * failed answer is retried with Meta's redelivery. Instances are thread-safe.
 */
public final class EchoBot implements AutoCloseable {
  /** The id of the reply button that asks for more. */
  static final String BUTTON_MORE = "echo-more";

  /** The id of the reply button that ends the chat. */
  static final String BUTTON_DONE = "echo-done";

  private final JdkWebhookServer server;

  private EchoBot(JdkWebhookServer server) {
    this.server = server;
  }

  /**
   * Starts the bot's webhook server.
   *
   * @param wa the client that sends the answers; not closed by the bot
   * @param appSecret the app secret that signs Meta's webhooks
   * @param verifyToken the token of the subscription handshake
   * @param address where to listen; port 0 picks a free port
   * @return the running bot
   */
  public static EchoBot start(
      WhatsAppClient wa, String appSecret, String verifyToken, InetSocketAddress address) {
    Objects.requireNonNull(wa, "wa");
    Replies replies = new Replies(wa);
    WebhookRouter router =
        WebhookRouter.builder()
            .on(TextReceived.class, replies::onText)
            .on(ButtonReplyReceived.class, replies::onButton)
            .on(ListReplyReceived.class, replies::onListRow)
            .build();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(appSecret)
            .verifyToken(verifyToken)
            .router(router)
            .build();
    JdkWebhookServer server =
        JdkWebhookServer.builder(endpoint).address(address).path("/webhook").start();
    return new EchoBot(server);
  }

  /** Returns the webhook URL the server listens on. */
  public URI uri() {
    return server.uri();
  }

  /** Stops the webhook server. The client stays open. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "EchoBot[" + server.uri() + "]";
  }

  /** The bot's answers; each handler marks the message read, then answers it. */
  private record Replies(WhatsAppClient wa) {
    void onText(TextReceived m) {
      readAndType(m);
      wa.messages().send(Message.replyTo(m).text("You said: " + m.body()));
      wa.messages()
          .send(
              Message.to(m)
                  .buttons()
                  .body("Shall I keep echoing?")
                  .button(BUTTON_MORE, "Yes, more")
                  .button(BUTTON_DONE, "No, thanks")
                  .build());
      wa.messages()
          .send(
              Message.to(m)
                  .list()
                  .header("Menu")
                  .body("Or pick something from the menu.")
                  .button("Open menu")
                  .section(
                      "Drinks",
                      ListRow.of("latte", "Latte", "Milk and espresso"),
                      ListRow.of("tea", "Tea"))
                  .section("Food", ListRow.of("bagel", "Bagel", "With cream cheese"))
                  .build());
    }

    void onButton(ButtonReplyReceived m) {
      readAndType(m);
      String answer =
          BUTTON_DONE.equals(m.buttonId())
              ? "Thanks for chatting. Bye!"
              : "Great, send me anything and I will echo it.";
      wa.messages().send(Message.replyTo(m).text(answer));
    }

    void onListRow(ListReplyReceived m) {
      readAndType(m);
      wa.messages().send(Message.replyTo(m).text("Good choice: " + m.title() + "."));
    }

    /** Marks the message read with a typing indicator. */
    private void readAndType(MessageReceived m) {
      wa.messages().markRead(m.id(), TypingIndicator.TEXT);
    }
  }

  /**
   * Runs the bot.
   *
   * @param args unused
   * @throws Exception if the server cannot start
   */
  public static void main(String[] args) throws Exception {
    String token = System.getenv("WHATSAPP_ACCESS_TOKEN");
    String phoneNumberId = System.getenv("WHATSAPP_PHONE_NUMBER_ID");
    if (token != null && phoneNumberId != null) {
      runLive(token, phoneNumberId);
    } else {
      runSimulated();
    }
  }

  private static void runLive(String token, String phoneNumberId) throws InterruptedException {
    String appSecret = requireEnv("WHATSAPP_APP_SECRET");
    String verifyToken = requireEnv("WHATSAPP_VERIFY_TOKEN");
    int port = Integer.parseInt(System.getenv().getOrDefault("WHATSAPP_WEBHOOK_PORT", "8080"));
    try (WhatsAppClient wa =
            WhatsAppClient.builder().accessToken(token).phoneNumberId(phoneNumberId).build();
        EchoBot bot = start(wa, appSecret, verifyToken, new InetSocketAddress(port))) {
      System.out.println("Echo bot listening at " + bot.uri() + "; stop it with Ctrl+C.");
      new CountDownLatch(1).await();
    }
  }

  /** Plays a conversation with a simulated user and prints what the bot answered. */
  private static void runSimulated() {
    String user = "+16505551234";
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = simulatorClient(sim);
        EchoBot bot =
            start(
                wa,
                sim.appSecret(),
                "echo-verify-token",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
      sim.deliverWebhooksTo(bot.uri());
      System.out.println("Echo bot at " + bot.uri() + ", talking to the simulator");
      Conversation c = converse(sim, user, Duration.ofSeconds(10));
      for (SentMessage s : sim.sentMessages()) {
        System.out.println("bot > " + s.json());
      }
      System.out.printf(
          "%nThe user sent 3 messages; the bot sent %d and marked %d read.%n",
          sim.sentMessages().size(), sim.messagesMarkedRead().size());
      System.out.println("Inbound ids: " + c);
    }
  }

  /** The ids of a simulated conversation's inbound messages. */
  record Conversation(String text, String button, String listRow) {}

  /**
   * Plays a conversation: the user writes, taps "Yes, more" on the bot's buttons, and picks the
   * latte from its list; each step waits for the bot's answer.
   */
  static Conversation converse(WhatsAppSimulator sim, String user, Duration timeout) {
    String text = sim.userSends(user, "Hello bot");
    awaitWebhooks(sim, timeout);
    String buttons = lastSent(sim, ReplyButtonsMessage.class);
    String list = lastSent(sim, ListMessage.class);
    String button = sim.userRepliesWithButton(user, buttons, BUTTON_MORE, "Yes, more");
    awaitWebhooks(sim, timeout);
    String row = sim.userRepliesWithListRow(user, list, "latte", "Latte", "Milk and espresso");
    awaitWebhooks(sim, timeout);
    return new Conversation(text, button, row);
  }

  private static void awaitWebhooks(WhatsAppSimulator sim, Duration timeout) {
    if (!sim.awaitWebhooks(timeout)) {
      throw new IllegalStateException(
          "webhooks not all delivered within " + timeout + ": " + sim.stats());
    }
  }

  private static String lastSent(WhatsAppSimulator sim, Class<? extends Message> kind) {
    return sim.sentMessages().stream()
        .filter(s -> kind.isInstance(s.message()))
        .reduce((a, b) -> b)
        .map(SentMessage::wamid)
        .orElseThrow(() -> new IllegalStateException("the bot sent no " + kind.getSimpleName()));
  }

  static WhatsAppClient simulatorClient(WhatsAppSimulator sim) {
    return WhatsAppClient.builder()
        .accessToken(sim.accessToken())
        .phoneNumberId(sim.phoneNumberId())
        .baseUrl(sim.baseUrl())
        .build();
  }

  static String requireEnv(String name) {
    String value = System.getenv(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(name + " must be set to run against Meta");
    }
    return value;
  }
}
