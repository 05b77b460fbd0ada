package dev.wasdk.examples;

import dev.wasdk.client.TypingIndicator;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.ListMessage;
import dev.wasdk.message.ListRow;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.sender.ServiceWindowTracker;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.TestClock;
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
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A coffee-ordering bot: a user who writes gets the menu as a list, a picked drink gets size
 * buttons, and a chosen size places the order, confirmed with the UTILITY template {@code
 * order_confirmation}. Later status updates ({@link #updateStatus}) go as free-form text while the
 * user's 24-hour customer-service window is open, and as the UTILITY template {@code order_status}
 * once it has closed, since WhatsApp refuses free-form messages then (131047).
 *
 * <p>With no credentials, {@link #main} plays an order with a simulated user, moves the simulator's
 * clock past the window, and prints the bot's messages. With {@code WHATSAPP_ACCESS_TOKEN}, {@code
 * WHATSAPP_PHONE_NUMBER_ID}, {@code WHATSAPP_APP_SECRET} and {@code WHATSAPP_VERIFY_TOKEN} set, it
 * serves Meta's webhooks on {@code WHATSAPP_WEBHOOK_PORT} (default 8080) until stopped; the two
 * templates must be approved in your account ({@link #CONFIRMATION_TEMPLATE} takes the drink, the
 * size and the order number; {@link #STATUS_TEMPLATE} the order number and the status).
 *
 * <pre>{@code
 * try (OrderBot bot = OrderBot.start(wa, appSecret, verifyToken, address, Clock.systemUTC())) {
 *   ...
 *   bot.updateStatus("A1001", "ready for pickup");
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe. Orders are kept in memory, for the example's sake.
 */
public final class OrderBot implements AutoCloseable {
  /** The confirmation template: body parameters drink, size and order number. */
  static final String CONFIRMATION_TEMPLATE = "order_confirmation";

  /** The status template: body parameters order number and status. */
  static final String STATUS_TEMPLATE = "order_status";

  static final String LANGUAGE = "en_US";

  private static final Map<String, String> SIZES =
      Map.of("size-s", "small", "size-m", "medium", "size-l", "large");

  /**
   * An order.
   *
   * @param id the order number
   * @param user who ordered, as webhooks name the user
   * @param drink the drink
   * @param size the size
   */
  public record Order(String id, Recipient user, String drink, String size) {}

  /** How a status update went out. */
  public enum Delivery {
    /** As free-form text, inside the customer-service window. */
    TEXT,
    /** As the status template, outside the window. */
    TEMPLATE
  }

  private final WhatsAppClient wa;
  private final Clock clock;
  private final ServiceWindowTracker windows = ServiceWindowTracker.create();
  private final Map<String, String> pendingDrink = new ConcurrentHashMap<>();
  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final AtomicInteger nextOrder = new AtomicInteger(1001);
  private final JdkWebhookServer server;

  private OrderBot(
      WhatsAppClient wa,
      String appSecret,
      String verifyToken,
      InetSocketAddress address,
      Clock clock) {
    this.wa = Objects.requireNonNull(wa, "wa");
    this.clock = Objects.requireNonNull(clock, "clock");
    WebhookRouter router =
        WebhookRouter.builder()
            .observe(
                e -> {
                  if (e instanceof MessageReceived m) {
                    windows.recordInbound(m.replyRecipient().orElseThrow().value(), m.timestamp());
                  }
                })
            .on(TextReceived.class, this::onText)
            .on(ListReplyReceived.class, this::onDrink)
            .on(ButtonReplyReceived.class, this::onSize)
            .build();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(appSecret)
            .verifyToken(verifyToken)
            .router(router)
            .build();
    this.server = JdkWebhookServer.builder(endpoint).address(address).path("/webhook").start();
  }

  /**
   * Starts the bot's webhook server.
   *
   * @param wa the client that sends the bot's messages; not closed by the bot
   * @param appSecret the app secret that signs Meta's webhooks
   * @param verifyToken the token of the subscription handshake
   * @param address where to listen; port 0 picks a free port
   * @param clock the time source of the customer-service windows
   * @return the running bot
   */
  public static OrderBot start(
      WhatsAppClient wa,
      String appSecret,
      String verifyToken,
      InetSocketAddress address,
      Clock clock) {
    return new OrderBot(wa, appSecret, verifyToken, address, clock);
  }

  /** Returns the webhook URL the server listens on. */
  public URI uri() {
    return server.uri();
  }

  /**
   * Returns an order by number.
   *
   * @param id the order number
   * @return the order, if there is one
   */
  public Optional<Order> order(String id) {
    return Optional.ofNullable(orders.get(id));
  }

  /**
   * Tells the user how an order is going: as text while the customer-service window is open, as the
   * status template once it has closed.
   *
   * @param orderId the order number
   * @param status the status, such as {@code "ready for pickup"}
   * @return how the update went out
   * @throws IllegalArgumentException if there is no such order
   */
  public Delivery updateStatus(String orderId, String status) {
    Order o = order(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
    if (windows.isOpen(o.user().value(), clock.instant())) {
      wa.messages()
          .send(
              Message.to(o.user())
                  .text("Order " + o.id() + ": your " + o.drink() + " is " + status + "."));
      return Delivery.TEXT;
    }
    wa.messages()
        .send(
            Message.to(o.user())
                .template(STATUS_TEMPLATE, LANGUAGE)
                .category(TemplateCategory.UTILITY)
                .bodyText(o.id(), status)
                .build());
    return Delivery.TEMPLATE;
  }

  private void onText(TextReceived m) {
    readAndType(m);
    wa.messages()
        .send(
            Message.to(m)
                .list()
                .header("Blue Bottle Bar")
                .body("Hi! What can we make for you?")
                .button("See the menu")
                .section(
                    "Coffee",
                    ListRow.of("latte", "Latte", "Espresso with steamed milk"),
                    ListRow.of("flat-white", "Flat white"))
                .section("Tea", ListRow.of("chai", "Chai latte", "Spiced, with milk"))
                .build());
  }

  private void onDrink(ListReplyReceived m) {
    Recipient user = readAndType(m);
    pendingDrink.put(user.value(), m.title());
    wa.messages()
        .send(
            Message.to(m)
                .buttons()
                .body("What size of " + m.title() + "?")
                .button("size-s", "Small")
                .button("size-m", "Medium")
                .button("size-l", "Large")
                .build());
  }

  private void onSize(ButtonReplyReceived m) {
    Recipient user = readAndType(m);
    String size = SIZES.get(m.buttonId());
    String drink = pendingDrink.remove(user.value());
    if (size == null || drink == null) {
      wa.messages()
          .send(Message.replyTo(m).text("Sorry, I lost track. Write anything to start again."));
      return;
    }
    Order order = new Order("A" + nextOrder.getAndIncrement(), user, drink, size);
    orders.put(order.id(), order);
    wa.messages()
        .send(
            Message.to(user)
                .template(CONFIRMATION_TEMPLATE, LANGUAGE)
                .category(TemplateCategory.UTILITY)
                .bodyText(drink, size, order.id())
                .build());
  }

  private Recipient readAndType(MessageReceived m) {
    wa.messages().markRead(m.id(), TypingIndicator.TEXT);
    return m.replyRecipient().orElseThrow();
  }

  /** Stops the webhook server. The client stays open. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "OrderBot[" + server.uri() + ", " + orders.size() + " orders]";
  }

  // ---- running it ------------------------------------------------------------------------------

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
      String appSecret = EchoBot.requireEnv("WHATSAPP_APP_SECRET");
      String verifyToken = EchoBot.requireEnv("WHATSAPP_VERIFY_TOKEN");
      int port = Integer.parseInt(System.getenv().getOrDefault("WHATSAPP_WEBHOOK_PORT", "8080"));
      try (WhatsAppClient wa =
              WhatsAppClient.builder().accessToken(token).phoneNumberId(phoneNumberId).build();
          OrderBot bot =
              start(wa, appSecret, verifyToken, new InetSocketAddress(port), Clock.systemUTC())) {
        System.out.println("Order bot listening at " + bot.uri() + "; stop it with Ctrl+C.");
        new CountDownLatch(1).await();
      }
      return;
    }
    TestClock clock = TestClock.now();
    try (WhatsAppSimulator sim = simulator(clock);
        WhatsAppClient wa = EchoBot.simulatorClient(sim);
        OrderBot bot =
            start(
                wa,
                sim.appSecret(),
                "order-verify-token",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                clock)) {
      sim.deliverWebhooksTo(bot.uri());
      String orderId = order(sim, "+16505551234", Duration.ofSeconds(10));
      System.out.println("Order " + bot.order(orderId).orElseThrow());
      System.out.println("Update inside the window:  " + bot.updateStatus(orderId, "being made"));
      clock.advance(Duration.ofHours(25));
      System.out.println("Update after the window:   " + bot.updateStatus(orderId, "ready"));
      sim.awaitWebhooks(Duration.ofSeconds(10));
      for (SentMessage s : sim.sentMessages()) {
        System.out.println("bot > " + s.json() + (s.failed() ? " FAILED " + s.failureCode() : ""));
      }
    }
  }

  /** Starts a simulator on a clock, with the bot's two templates. */
  static WhatsAppSimulator simulator(Clock clock) {
    WhatsAppSimulator sim = WhatsAppSimulator.builder().clock(clock).start();
    sim.registerTemplate(CONFIRMATION_TEMPLATE, LANGUAGE, TemplateCategory.UTILITY, 3);
    sim.registerTemplate(STATUS_TEMPLATE, LANGUAGE, TemplateCategory.UTILITY, 2);
    return sim;
  }

  /**
   * Plays an order: the user says hello, picks a latte from the menu and taps Medium.
   *
   * @return the order number the bot confirmed
   */
  static String order(WhatsAppSimulator sim, String user, Duration timeout) {
    sim.userSends(user, "Hello!");
    await(sim, timeout);
    String menu = lastSent(sim, ListMessage.class);
    sim.userRepliesWithListRow(user, menu, "latte", "Latte", "Espresso with steamed milk");
    await(sim, timeout);
    String sizes = lastSent(sim, ReplyButtonsMessage.class);
    sim.userRepliesWithButton(user, sizes, "size-m", "Medium");
    await(sim, timeout);
    SentMessage confirmation = sim.sentMessages().get(sim.sentMessages().size() - 1);
    String json = confirmation.json();
    int at = json.indexOf("\"A1");
    if (!(confirmation.message() instanceof TemplateMessage) || at < 0) {
      throw new IllegalStateException("the bot confirmed no order");
    }
    return json.substring(at + 1, json.indexOf('"', at + 1));
  }

  private static void await(WhatsAppSimulator sim, Duration timeout) {
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
}
