package dev.wasdk.examples;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.conversations.AutoReply;
import dev.wasdk.conversations.BusinessHours;
import dev.wasdk.conversations.ConversationStore;
import dev.wasdk.conversations.Conversations;
import dev.wasdk.conversations.Filters;
import dev.wasdk.conversations.HandoverEvent;
import dev.wasdk.conversations.Replier;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.testkit.SimulatedUser;
import dev.wasdk.testkit.TestClock;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.SenderFeed;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * An auto-reply and out-of-office bot for a shop: keyword answers (HOURS, ADDRESS), a default reply
 * with a cool-down so nobody gets it twice in ten minutes, an out-of-office note once per
 * conversation outside business hours naming the next opening, and AGENT to hand the conversation
 * to a person, after which the bot stays silent until {@link #release}.
 *
 * <p>With no credentials, {@link #main} plays a short exchange on the simulator. With {@code
 * WHATSAPP_ACCESS_TOKEN}, {@code WHATSAPP_PHONE_NUMBER_ID}, {@code WHATSAPP_APP_SECRET} and {@code
 * WHATSAPP_VERIFY_TOKEN} set, it serves Meta's webhooks on {@code WHATSAPP_WEBHOOK_PORT} (default
 * 8080).
 *
 * <pre>{@code
 * try (AutoReplyBot bot = AutoReplyBot.start(wa, appSecret, verifyToken, address, clock,
 *     ConversationStore.inMemory(), AutoReplyBot.HOURS, inbox::publish)) { ... }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class AutoReplyBot implements AutoCloseable {
  /** The shop's hours: Monday to Friday 09:00–12:30 and 13:30–18:00, Saturday 10:00–14:00. */
  public static final BusinessHours HOURS =
      BusinessHours.builder(ZoneId.of("Europe/Lisbon"))
          .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(12, 30))
          .open(DayOfWeek.MONDAY, DayOfWeek.FRIDAY, LocalTime.of(13, 30), LocalTime.of(18, 0))
          .open(DayOfWeek.SATURDAY, LocalTime.of(10, 0), LocalTime.of(14, 0))
          .build();

  static final String HOURS_TEXT =
      "We are open Monday to Friday 9:00-12:30 and 13:30-18:00, Saturday 10:00-14:00.";
  static final String ADDRESS_TEXT = "Rua Augusta 100, Lisbon.";
  static final String DEFAULT_TEXT = "Thanks for your message! Type HOURS, ADDRESS or AGENT.";
  static final String AGENT_TEXT = "A colleague will answer you here shortly.";

  private final MessageSender sender;
  private final Conversations bot;
  private final JdkWebhookServer server;

  private AutoReplyBot(
      WhatsAppClient wa,
      String appSecret,
      String verifyToken,
      InetSocketAddress address,
      Clock clock,
      ConversationStore store,
      BusinessHours hours,
      Consumer<HandoverEvent> inbox) {
    Objects.requireNonNull(inbox, "inbox");
    this.sender = MessageSender.builder(wa).build();
    this.bot =
        Conversations.builder(Replier.of(sender, wa))
            .store(store)
            .clock(clock)
            .interrupt(
                MessageReceived.class,
                Filters.keyword("agent", "human"),
                turn -> {
                  turn.reply(AGENT_TEXT);
                  turn.handOver("asked for an agent");
                })
            .autoReply(
                AutoReply.builder()
                    .keyword("hours", HOURS_TEXT)
                    .keyword("address", ADDRESS_TEXT)
                    .defaultReply(DEFAULT_TEXT)
                    .coolDown(Duration.ofMinutes(10))
                    .build())
            .outOfOffice(
                hours, Locale.UK, opening -> "We are closed now; we open again " + opening + ".")
            .onHandover(inbox)
            .build();
    WebhookRouter router =
        WebhookRouter.builder()
            .observe(SenderFeed.of(sender))
            .on(MessageReceived.class, bot::handle)
            .build();
    this.server =
        JdkWebhookServer.builder(
                WebhookEndpoint.builder()
                    .appSecret(appSecret)
                    .verifyToken(verifyToken)
                    .router(router)
                    .build())
            .address(address)
            .path("/webhook")
            .start();
  }

  /**
   * Starts the bot's webhook server.
   *
   * @param wa the client; not closed by the bot
   * @param appSecret the app secret that signs Meta's webhooks
   * @param verifyToken the token of the subscription handshake
   * @param address where to listen; port 0 picks a free port
   * @param clock the time source of conversations, cool-downs and business hours
   * @param store where conversations live
   * @param hours the opening hours, such as {@link #HOURS}
   * @param inbox gets the hand-over events, for the people who answer
   * @return the running bot
   */
  public static AutoReplyBot start(
      WhatsAppClient wa,
      String appSecret,
      String verifyToken,
      InetSocketAddress address,
      Clock clock,
      ConversationStore store,
      BusinessHours hours,
      Consumer<HandoverEvent> inbox) {
    return new AutoReplyBot(wa, appSecret, verifyToken, address, clock, store, hours, inbox);
  }

  /** Returns the webhook URL the server listens on. */
  public URI uri() {
    return server.uri();
  }

  /**
   * Gives a conversation back to the bot after a person handled it.
   *
   * @param conversation the user's WhatsApp id, as in the hand-over event
   * @return completes with true once saved
   */
  public CompletableFuture<Boolean> release(String conversation) {
    return bot.release(conversation);
  }

  /** Stops the server, the conversations and the sender. */
  @Override
  public void close() {
    server.close();
    bot.close();
    sender.close();
  }

  @Override
  public String toString() {
    return "AutoReplyBot[" + server.uri() + "]";
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
      try (WhatsAppClient wa =
              WhatsAppClient.builder().accessToken(token).phoneNumberId(phoneNumberId).build();
          AutoReplyBot bot =
              start(
                  wa,
                  EchoBot.requireEnv("WHATSAPP_APP_SECRET"),
                  EchoBot.requireEnv("WHATSAPP_VERIFY_TOKEN"),
                  new InetSocketAddress(
                      Integer.parseInt(
                          System.getenv().getOrDefault("WHATSAPP_WEBHOOK_PORT", "8080"))),
                  Clock.systemUTC(),
                  ConversationStore.inMemory(),
                  HOURS,
                  e -> System.out.println("inbox: " + e))) {
        System.out.println("Auto-reply bot listening at " + bot.uri() + "; stop it with Ctrl+C.");
        new CountDownLatch(1).await();
      }
      return;
    }
    TestClock clock = TestClock.now();
    try (WhatsAppSimulator sim = WhatsAppSimulator.builder().clock(clock).start();
        WhatsAppClient wa = EchoBot.simulatorClient(sim);
        AutoReplyBot bot =
            start(
                wa,
                sim.appSecret(),
                "auto-reply-verify-token",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                clock,
                ConversationStore.inMemory(clock),
                HOURS,
                e -> System.out.println("inbox: " + e.kind()))) {
      sim.deliverWebhooksTo(bot.uri());
      SimulatedUser user = sim.user("+351912345678");
      user.says("hello").expectReply(m -> System.out.println("bot > " + m));
      user.says("hours").expectReply(m -> System.out.println("bot > " + m));
    }
  }
}
