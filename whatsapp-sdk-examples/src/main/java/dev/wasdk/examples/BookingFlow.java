package dev.wasdk.examples;

import dev.wasdk.client.FlowCategory;
import dev.wasdk.client.FlowCreated;
import dev.wasdk.client.FlowDefinition;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.flows.FlowCipher;
import dev.wasdk.flows.FlowEndpoint;
import dev.wasdk.flows.FlowRequest;
import dev.wasdk.flows.FlowResponse;
import dev.wasdk.flows.FlowRouter;
import dev.wasdk.flows.jdk.JdkFlowServer;
import dev.wasdk.flows.json.Action;
import dev.wasdk.flows.json.Component;
import dev.wasdk.flows.json.FlowJson;
import dev.wasdk.flows.json.Option;
import dev.wasdk.flows.json.Ref;
import dev.wasdk.flows.json.Screen;
import dev.wasdk.flows.json.ScreenData;
import dev.wasdk.message.Message;
import dev.wasdk.testkit.FlowUser;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.FlowReplyReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A table-booking WhatsApp Flow end to end: its Flow JSON built in Java, its data endpoint (which
 * offers the free times, shows a summary and closes the Flow with a booking number), and the
 * webhook handler that confirms the booking with a message when the completion arrives.
 *
 * <p>{@link #main} runs the whole journey against {@link WhatsAppSimulator}: the business uploads
 * its public key, creates, uploads and publishes the Flow, sends the Flow message, a simulated user
 * ({@link FlowUser}) opens it, picks a date, time and party size, confirms, and the completion
 * webhook brings the confirmation message.
 *
 * <p>Thread-safe; {@link #close()} stops both servers.
 */
public final class BookingFlow implements AutoCloseable {
  /** The path of the data endpoint. */
  public static final String FLOW_PATH = "/flows/booking";

  private final JdkFlowServer flowServer;
  private final FlowEndpoint flowEndpoint;
  private final JdkWebhookServer webhookServer;
  private final Map<String, String> bookings;

  private BookingFlow(
      JdkFlowServer flowServer,
      FlowEndpoint flowEndpoint,
      JdkWebhookServer webhookServer,
      Map<String, String> bookings) {
    this.flowServer = flowServer;
    this.flowEndpoint = flowEndpoint;
    this.webhookServer = webhookServer;
    this.bookings = bookings;
  }

  /** Returns the Flow JSON: a details screen that calls the endpoint, and a confirm screen. */
  public static FlowJson flowJson() {
    // tag::flow-json[]
    Screen details =
        Screen.builder("DETAILS")
            .title("Book a table")
            .data("slots", ScreenData.options(List.of(Option.of("1900", "19:00"))))
            .add(Component.heading("When would you like to come?"))
            .add(Component.datePicker("date", "Date").required(true))
            .add(Component.dropdown("slot", "Time").options(Ref.data("slots")).required(true))
            .add(
                Component.radioButtons("party", "Guests")
                    .options(List.of(Option.of("2", "Two"), Option.of("4", "Four")))
                    .required(true))
            .add(
                Component.footer(
                    "Continue",
                    Action.dataExchange(
                        Map.of(
                            "date", Ref.form("date"),
                            "slot", Ref.form("slot"),
                            "party", Ref.form("party")))))
            .build();
    Screen confirm =
        Screen.builder("CONFIRM")
            .title("Confirm")
            .terminal(true)
            .success(true)
            .data("summary", ScreenData.string("Table for 2 on 2026-12-24 at 19:00"))
            .add(Component.body("${data.summary}"))
            .add(Component.footer("Book", Action.dataExchange(Map.of("confirmed", true))))
            .build();
    FlowJson flow =
        FlowJson.builder()
            .dataApiVersion("3.0")
            .route("DETAILS", "CONFIRM")
            .route("CONFIRM")
            .screen(details)
            .screen(confirm)
            .build();
    // end::flow-json[]
    return flow;
  }

  /**
   * Returns the data endpoint's router, the same under the JDK server and under Spring.
   *
   * @param bookings where each confirmed booking's number is put, by flow token
   */
  public static FlowRouter router(Map<String, String> bookings) {
    AtomicInteger sequence = new AtomicInteger(1041);
    // tag::router[]
    FlowRouter router =
        FlowRouter.builder()
            .onInit(
                init ->
                    FlowResponse.nextScreen("DETAILS")
                        .put(
                            "slots",
                            List.of(
                                Map.of("id", "1900", "title", "19:00"),
                                Map.of("id", "2030", "title", "20:30")))
                        .build())
            .onDataExchange(
                "DETAILS",
                x -> FlowResponse.nextScreen("CONFIRM").put("summary", summary(x)).build())
            .onDataExchange(
                "CONFIRM",
                x -> {
                  String token = x.flowToken().orElse("");
                  String booking = "B-" + sequence.incrementAndGet();
                  bookings.put(token, booking);
                  return FlowResponse.close(token).put("booking_id", booking).build();
                })
            .build();
    // end::router[]
    return router;
  }

  private static String summary(FlowRequest.DataExchange x) {
    return "Table for "
        + x.data().string("party").orElse("?")
        + " on "
        + x.data().string("date").orElse("?")
        + " at "
        + x.data().string("slot").map(s -> s.substring(0, 2) + ":" + s.substring(2)).orElse("?");
  }

  /**
   * Starts the data endpoint and the webhook server.
   *
   * @param wa the client that sends the confirmation; not closed here
   * @param cipher holds the business private key
   * @param appSecret the app secret that signs Flow requests and webhooks
   * @param verifyToken the webhook handshake token
   * @param host the address to listen on; both servers take a free port
   */
  public static BookingFlow start(
      WhatsAppClient wa,
      FlowCipher cipher,
      String appSecret,
      String verifyToken,
      InetAddress host) {
    Objects.requireNonNull(wa, "wa");
    Map<String, String> bookings = new ConcurrentHashMap<>();
    // tag::endpoint[]
    FlowEndpoint endpoint =
        FlowEndpoint.builder()
            .flowName("booking")
            .cipher(cipher)
            .appSecret(appSecret)
            .handler(router(bookings))
            .handlerBudget(Duration.ofSeconds(5))
            .build();
    JdkFlowServer flowServer =
        JdkFlowServer.builder()
            .address(new InetSocketAddress(host, 0))
            .endpoint(FLOW_PATH, endpoint)
            .start();
    // end::endpoint[]
    // tag::completion[]
    WebhookRouter webhooks =
        WebhookRouter.builder()
            .on(
                FlowReplyReceived.class,
                reply -> confirmation(reply).ifPresent(wa.messages()::send))
            .build();
    // end::completion[]
    JdkWebhookServer webhookServer =
        JdkWebhookServer.builder(
                WebhookEndpoint.builder()
                    .appSecret(appSecret)
                    .verifyToken(verifyToken)
                    .router(webhooks)
                    .build())
            .address(new InetSocketAddress(host, 0))
            .path("/webhook")
            .start();
    return new BookingFlow(flowServer, endpoint, webhookServer, bookings);
  }

  /**
   * Returns the message that confirms a completed booking Flow, replying to the completion; empty
   * for any other Flow reply. Shared by the JDK and the Spring hosting of the example.
   *
   * @param reply the Flow reply webhook
   */
  // tag::confirmation[]
  public static Optional<Message> confirmation(FlowReplyReceived reply) {
    if (!reply.isFlowCompletion()) {
      return Optional.empty();
    }
    Object booking = reply.response().get("booking_id");
    return Optional.of(
        Message.replyTo(reply).text("You are booked in. Your booking number is " + booking + "."));
  }

  // end::confirmation[]

  /** Returns the data endpoint's URL. */
  public URI flowUri() {
    return flowServer.uri(FLOW_PATH);
  }

  /** Returns the webhook URL. */
  public URI webhookUri() {
    return webhookServer.uri();
  }

  /** Returns the bookings made, by flow token. */
  Map<String, String> bookings() {
    return Map.copyOf(bookings);
  }

  @Override
  public void close() {
    webhookServer.close();
    flowServer.close();
    flowEndpoint.close();
  }

  @Override
  public String toString() {
    return "BookingFlow[" + flowUri() + "]";
  }

  /**
   * What the simulated journey saw, for the smoke tests.
   *
   * @param flowId the published Flow
   * @param flowMessageWamid the Flow message sent
   * @param ping the health check's answer
   * @param init the answer to opening the Flow
   * @param details the answer to the details screen
   * @param confirm the closing answer
   * @param wrongKey the answer to a request for another key
   * @param completionWamid the completion webhook's message id
   */
  public record Journey(
      String flowId,
      String flowMessageWamid,
      FlowUser.Reply ping,
      FlowUser.Reply init,
      FlowUser.Reply details,
      FlowUser.Reply confirm,
      FlowUser.Reply wrongKey,
      String completionWamid) {}

  /** Makes a fresh RSA-2048 key pair, as {@code openssl genrsa 2048} would. */
  public static KeyPair keyPair() {
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      return g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("RSA is not available", e);
    }
  }

  /**
   * Returns a public key as PEM text, the form uploaded to Meta.
   *
   * @param pair the key pair
   */
  public static String publicPem(KeyPair pair) {
    return "-----BEGIN PUBLIC KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(pair.getPublic().getEncoded())
        + "\n-----END PUBLIC KEY-----\n";
  }

  /**
   * Returns a private key as unencrypted PKCS#8 PEM text, a form {@link FlowCipher#fromPem} and
   * {@code wasdk.flows.private-key} read.
   *
   * @param pair the key pair
   */
  public static String privatePem(KeyPair pair) {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'})
            .encodeToString(pair.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /**
   * Plays the journey: sends the Flow message, lets the simulated user go through the screens,
   * finishes with the completion webhook and waits for it to be handled.
   *
   * @param sim the simulator, which delivers its webhooks to the app
   * @param wa a client of the simulator, with its WABA
   * @param flowUri where the app serves the data endpoint
   * @param publicPem the business public key matching the app's private key
   * @param user the simulated user
   */
  public static Journey play(
      WhatsAppSimulator sim, WhatsAppClient wa, URI flowUri, String publicPem, String user) {
    String token = "booking-" + user.replaceAll("\\D", "");
    // The user writes first, which opens the 24-hour window a Flow message needs.
    sim.userSends(user, "I would like to book a table");
    // tag::publish[]
    wa.phoneNumbers().uploadBusinessPublicKey(publicPem);
    FlowCreated created =
        wa.flows()
            .create(
                FlowDefinition.builder()
                    .name("table booking")
                    .category(FlowCategory.APPOINTMENT_BOOKING)
                    .endpointUri(URI.create("https://booking.example.com" + FLOW_PATH))
                    .build());
    FlowCreated uploaded = wa.flows().uploadFlowJson(created.id(), flowJson().toJson());
    if (!uploaded.isValid()) {
      throw new IllegalStateException("Meta refused the Flow JSON: " + uploaded.validationErrors());
    }
    wa.flows().publish(created.id());
    String flowId = created.id();
    // end::publish[]
    // tag::send[]
    String wamid =
        wa.messages()
            .send(
                Message.to(user)
                    .flow()
                    .body("Book a table in two taps.")
                    .flowId(flowId)
                    .flowCta("Book now")
                    .flowToken(token)
                    .dataExchange()
                    .build())
            .wamid();
    // end::send[]
    // tag::user[]
    FlowUser phone = FlowUser.builder(flowUri, publicPem).appSecret(sim.appSecret()).build();
    FlowUser.Reply ping = phone.ping();
    FlowUser.Reply init = phone.init(token);
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("date", "2026-12-24");
    form.put("slot", "2030");
    form.put("party", "4");
    FlowUser.Reply details = phone.dataExchange("DETAILS", form, token);
    FlowUser.Reply confirm = phone.dataExchange("CONFIRM", Map.of("confirmed", true), token);
    String completion =
        sim.userCompletesFlow(user, wamid, confirm.completionParams().orElseThrow());
    // end::user[]
    FlowUser.Reply wrongKey = phone.initWithWrongKey(token);
    if (!sim.awaitWebhooks(Duration.ofSeconds(10))) {
      throw new IllegalStateException("the completion webhook is still pending");
    }
    return new Journey(flowId, wamid, ping, init, details, confirm, wrongKey, completion);
  }

  /**
   * Returns a client for the simulator, with its WABA for the Flows API.
   *
   * @param sim the simulator
   */
  public static WhatsAppClient simulatorClient(WhatsAppSimulator sim) {
    return WhatsAppClient.builder()
        .accessToken(sim.accessToken())
        .phoneNumberId(sim.phoneNumberId())
        .wabaId(sim.wabaId())
        .baseUrl(sim.baseUrl())
        .build();
  }

  /**
   * Runs the journey on the simulator and prints what happened.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    KeyPair keys = keyPair();
    String user = "+16505551234";
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = simulatorClient(sim);
        BookingFlow app =
            start(
                wa,
                FlowCipher.of(keys.getPrivate()),
                sim.appSecret(),
                "booking-verify",
                InetAddress.getLoopbackAddress())) {
      sim.deliverWebhooksTo(app.webhookUri());
      System.out.println("Flow JSON: " + flowJson().toJson());
      Journey j = play(sim, wa, app.flowUri(), publicPem(keys), user);
      System.out.println("ping      -> " + j.ping().json().orElse(""));
      System.out.println("INIT      -> " + j.init().json().orElse(""));
      System.out.println("DETAILS   -> " + j.details().json().orElse(""));
      System.out.println("CONFIRM   -> " + j.confirm().json().orElse(""));
      System.out.println("wrong key -> HTTP " + j.wrongKey().status());
      sim.sentMessages().forEach(s -> System.out.println("business > " + s.json()));
    }
  }
}
