package dev.wasdk.examples;

import dev.wasdk.client.TypingIndicator;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.conversations.BusinessHours;
import dev.wasdk.conversations.ConversationStore;
import dev.wasdk.conversations.Conversations;
import dev.wasdk.conversations.Filter;
import dev.wasdk.conversations.Filters;
import dev.wasdk.conversations.Replier;
import dev.wasdk.conversations.Turn;
import dev.wasdk.conversations.TurnHandler;
import dev.wasdk.message.ListRow;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.SimulatedUser;
import dev.wasdk.testkit.TestClock;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.SenderFeed;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.ListReplyReceived;
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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A coffee-ordering bot on the conversation toolkit: the menu as a list, a quantity for each drink
 * as buttons, a cart the user can add to, a confirmation step, and the order confirmed with the
 * UTILITY template {@code order_confirmation}. Outside business hours the first message gets an
 * out-of-office note naming the next opening (orders are still taken). Later status updates ({@link
 * #updateStatus}) go as free-form text while the user's 24-hour window is open, and as the UTILITY
 * template {@code order_status} once it has closed.
 *
 * <p>Each exchange is a named step of {@link Conversations}: the state (drink, cart) lives in a
 * {@link ConversationStore}, in memory by default, or in Redis or a database so that several
 * instances share it and a restart loses nothing. Replies go through the pacing sender.
 *
 * <p>With no credentials, {@link #main} plays an order with a simulated user and prints the bot's
 * messages. With {@code WHATSAPP_ACCESS_TOKEN}, {@code WHATSAPP_PHONE_NUMBER_ID}, {@code
 * WHATSAPP_APP_SECRET} and {@code WHATSAPP_VERIFY_TOKEN} set, it serves Meta's webhooks on {@code
 * WHATSAPP_WEBHOOK_PORT} (default 8080) until stopped; the two templates must be approved in your
 * account ({@link #CONFIRMATION_TEMPLATE} takes the cart and the order number, {@link
 * #STATUS_TEMPLATE} the order number and the status).
 *
 * <pre>{@code
 * try (OrderBot bot = OrderBot.start(wa, appSecret, verifyToken, address, clock,
 *     ConversationStore.inMemory(clock), OrderBot.HOURS)) {
 *   ...
 *   bot.updateStatus("A1001", "ready for pickup");
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe. Placed orders are kept in this instance's memory, for the example's
 * sake.
 */
public final class OrderBot implements AutoCloseable {
  /** The confirmation template: body parameters cart and order number. */
  static final String CONFIRMATION_TEMPLATE = "order_confirmation";

  /** The status template: body parameters order number and status. */
  static final String STATUS_TEMPLATE = "order_status";

  static final String LANGUAGE = "en_US";

  /** The bar's opening hours: every day 07:00 to 22:00, London time. */
  public static final BusinessHours HOURS =
      BusinessHours.builder(ZoneId.of("Europe/London"))
          .open(DayOfWeek.MONDAY, DayOfWeek.SUNDAY, LocalTime.of(7, 0), LocalTime.of(22, 0))
          .build();

  private static final Duration ANSWER_TIME = Duration.ofMinutes(10);
  private static final Map<String, Integer> QUANTITIES = Map.of("q1", 1, "q2", 2, "q3", 3);

  /**
   * A placed order.
   *
   * @param id the order number
   * @param user who ordered
   * @param cart what, such as {@code "2 x Latte, 1 x Chai latte"}
   */
  public record Order(String id, Recipient user, String cart) {}

  /** How a status update went out. */
  public enum Delivery {
    /** As free-form text, inside the customer-service window. */
    TEXT,
    /** As the status template, outside the window. */
    TEMPLATE
  }

  private final Clock clock;
  private final MessageSender sender;
  private final Replier replier;
  private final Conversations bot;
  private final JdkWebhookServer server;
  private final Map<String, Order> orders = new ConcurrentHashMap<>();
  private final AtomicInteger nextOrder = new AtomicInteger(1001);

  private OrderBot(
      WhatsAppClient wa,
      String appSecret,
      String verifyToken,
      InetSocketAddress address,
      Clock clock,
      ConversationStore store,
      BusinessHours hours) {
    this.clock = Objects.requireNonNull(clock, "clock");
    // The sender paces on the system clock (its token buckets refill as real time passes); the
    // conversations, windows and hours follow the given clock, which a test may move.
    this.sender = MessageSender.builder(wa).build();
    this.replier = Replier.of(sender, wa);
    this.bot =
        Conversations.builder(replier)
            .store(store)
            .clock(clock)
            .interrupt(
                MessageReceived.class,
                Filters.keyword("cancel"),
                read(
                    turn -> {
                      turn.end();
                      turn.reply("Order cancelled. Type MENU to start again.");
                    }))
            // Any message while nothing waits shows the menu: "hi", "menu", or a word we do not
            // know.
            .on(MessageReceived.class, Filter.any(), read(this::menu))
            .step("item", read(this::item))
            .step("quantity", read(this::quantity))
            .step("cart", read(this::cart))
            .step("confirm", read(this::confirm))
            .step(
                "timeout",
                turn -> {
                  turn.end();
                  turn.reply("No answer, so I stopped here. Type MENU to start again.");
                })
            .outOfOffice(
                hours,
                Locale.UK,
                opening ->
                    "We are closed now and open again "
                        + opening
                        + ". Order now and we will have it ready.")
            .build();
    WebhookRouter router =
        WebhookRouter.builder()
            .observe(SenderFeed.of(sender))
            .on(MessageReceived.class, bot::handle)
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
   * @param clock the time source of conversations, windows and business hours
   * @param store where conversations live; share a Redis or JDBC store between instances
   * @param hours the opening hours, such as {@link #HOURS}
   * @return the running bot
   */
  public static OrderBot start(
      WhatsAppClient wa,
      String appSecret,
      String verifyToken,
      InetSocketAddress address,
      Clock clock,
      ConversationStore store,
      BusinessHours hours) {
    return new OrderBot(wa, appSecret, verifyToken, address, clock, store, hours);
  }

  /** Marks the user's message read, with the typing indicator, before the step runs. */
  private static TurnHandler read(TurnHandler step) {
    return turn -> {
      if (!turn.isTimeout()) {
        turn.context().markRead(TypingIndicator.TEXT);
      }
      step.handle(turn);
    };
  }

  private void menu(Turn turn) {
    turn.send(
        to ->
            to.list()
                .header("Blue Bottle Bar")
                .body("What can we make for you?")
                .button("See the menu")
                .section(
                    "Coffee",
                    ListRow.of("latte", "Latte", "Espresso with steamed milk"),
                    ListRow.of("flat-white", "Flat white"))
                .section("Tea", ListRow.of("chai", "Chai latte", "Spiced, with milk"))
                .build());
    turn.ask("item", ANSWER_TIME, "timeout");
  }

  private void item(Turn turn) {
    if (!(turn.message() instanceof ListReplyReceived row)) {
      turn.reply("Please pick a drink from the list.");
      menu(turn);
      return;
    }
    turn.put("item", row.title());
    askQuantity(turn);
  }

  private void askQuantity(Turn turn) {
    String item = turn.get("item").orElse("");
    turn.send(
        to ->
            to.buttons()
                .body("How many " + item + "?")
                .button("q1", "1")
                .button("q2", "2")
                .button("q3", "3")
                .build());
    turn.ask("quantity", ANSWER_TIME, "timeout");
  }

  private void quantity(Turn turn) {
    Integer n =
        turn.message() instanceof ButtonReplyReceived b ? QUANTITIES.get(b.buttonId()) : null;
    if (n == null) {
      turn.reply("Please tap one of the buttons.");
      askQuantity(turn);
      return;
    }
    String line = n + " x " + turn.get("item").orElse("?");
    String cart = turn.get("cart").map(c -> c + ", " + line).orElse(line);
    turn.put("cart", cart);
    turn.remove("item");
    askCart(turn);
  }

  private void askCart(Turn turn) {
    String cart = turn.get("cart").orElse("");
    turn.send(
        to ->
            to.buttons()
                .body("Your cart: " + cart + ".")
                .button("more", "Add more")
                .button("checkout", "Checkout")
                .build());
    turn.ask("cart", ANSWER_TIME, "timeout");
  }

  private void cart(Turn turn) {
    String choice = turn.message() instanceof ButtonReplyReceived b ? b.buttonId() : "";
    if (choice.equals("more")) {
      menu(turn);
    } else if (choice.equals("checkout")) {
      turn.send(
          to ->
              to.buttons()
                  .body("Confirm your order: " + turn.get("cart").orElse("") + "?")
                  .button("confirm", "Confirm")
                  .button("cancel", "Cancel")
                  .build());
      turn.ask("confirm", ANSWER_TIME, "timeout");
    } else {
      turn.reply("Please tap Add more or Checkout.");
      askCart(turn);
    }
  }

  private void confirm(Turn turn) {
    String choice = turn.message() instanceof ButtonReplyReceived b ? b.buttonId() : "";
    if (choice.equals("confirm")) {
      Order order =
          new Order(
              "A" + nextOrder.getAndIncrement(), turn.recipient(), turn.get("cart").orElse(""));
      orders.put(order.id(), order);
      turn.send(
          to ->
              to.template(CONFIRMATION_TEMPLATE, LANGUAGE)
                  .category(TemplateCategory.UTILITY)
                  .bodyText(order.cart(), order.id())
                  .build());
      turn.end();
    } else if (choice.equals("cancel")) {
      turn.end();
      turn.reply("Order cancelled. Type MENU to start again.");
    } else {
      turn.reply("Please tap Confirm or Cancel.");
      turn.ask("confirm", ANSWER_TIME, "timeout");
    }
  }

  /** Returns the webhook URL the server listens on. */
  public URI uri() {
    return server.uri();
  }

  /**
   * Returns an order placed on this instance.
   *
   * @param id the order number
   * @return the order, if there is one
   */
  public Optional<Order> order(String id) {
    return Optional.ofNullable(orders.get(id));
  }

  /**
   * Runs the timeouts that are due by the clock; the bot's scheduler does this on its own, tests on
   * a moved clock call it.
   *
   * @return how many conversations timed out
   */
  public int runDueTimeouts() {
    return bot.runDueTimeouts().orTimeout(30, TimeUnit.SECONDS).join();
  }

  /**
   * Tells the user how an order is going: as text while the customer-service window is open, as the
   * status template once it has closed. Either goes through the pacing sender.
   *
   * @param orderId the order number
   * @param status the status, such as {@code "ready for pickup"}
   * @return how the update went out
   * @throws IllegalArgumentException if there is no such order
   */
  public Delivery updateStatus(String orderId, String status) {
    Order o = order(orderId).orElseThrow(() -> new IllegalArgumentException("no order " + orderId));
    if (replier.windowOpen(o.user(), clock.instant())) {
      sender.submit(
          Message.to(o.user()).text("Order " + o.id() + ": your order is " + status + "."));
      return Delivery.TEXT;
    }
    sender.submit(
        Message.to(o.user())
            .template(STATUS_TEMPLATE, LANGUAGE)
            .category(TemplateCategory.UTILITY)
            .bodyText(o.id(), status)
            .build());
    return Delivery.TEMPLATE;
  }

  /** Stops the webhook server, the conversations and the sender. The client stays open. */
  @Override
  public void close() {
    server.close();
    bot.close();
    sender.close();
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
              start(
                  wa,
                  appSecret,
                  verifyToken,
                  new InetSocketAddress(port),
                  Clock.systemUTC(),
                  ConversationStore.inMemory(),
                  HOURS)) {
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
                clock,
                ConversationStore.inMemory(clock),
                HOURS)) {
      sim.deliverWebhooksTo(bot.uri());
      SimulatedUser user = sim.user("+16505551234");
      user.says("menu").expectReply(m -> {});
      user.picksRow("Latte").expectReply(m -> {});
      user.tapsButton("2").expectReply(m -> {});
      user.tapsButton("Checkout").expectReply(m -> {});
      user.tapsButton("Confirm").expectReply(m -> {});
      System.out.println("Update inside the window:  " + bot.updateStatus("A1001", "being made"));
      clock.advance(Duration.ofHours(25));
      System.out.println("Update after the window:   " + bot.updateStatus("A1001", "ready"));
      user.expectReply(m -> {}).expectReply(m -> {});
      for (SentMessage s : sim.sentMessages()) {
        System.out.println("bot > " + s.json() + (s.failed() ? " FAILED " + s.failureCode() : ""));
      }
    }
  }

  /** Starts a simulator on a clock, with the bot's two templates. */
  static WhatsAppSimulator simulator(Clock clock) {
    WhatsAppSimulator sim = WhatsAppSimulator.builder().clock(clock).start();
    sim.registerTemplate(CONFIRMATION_TEMPLATE, LANGUAGE, TemplateCategory.UTILITY, 2);
    sim.registerTemplate(STATUS_TEMPLATE, LANGUAGE, TemplateCategory.UTILITY, 2);
    return sim;
  }
}
