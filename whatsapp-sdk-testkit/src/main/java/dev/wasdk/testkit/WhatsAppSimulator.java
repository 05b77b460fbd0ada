package dev.wasdk.testkit;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.QualityRating;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.testkit.internal.MediaStore;
import dev.wasdk.testkit.internal.Settings;
import dev.wasdk.testkit.internal.Simulator;
import dev.wasdk.testkit.internal.UserMessages;
import dev.wasdk.testkit.internal.WireMockEngine;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import tools.jackson.core.JsonGenerator;

/**
 * A local WhatsApp Cloud API for tests. It answers the endpoints the SDK calls, checks every
 * request the way Meta does, enforces the platform's limits with Meta's error codes, records what
 * was sent, and posts signed webhooks to a callback URL.
 *
 * <pre>{@code
 * try (WhatsAppSimulator sim = WhatsAppSimulator.start()) {
 *   WhatsAppClient wa = WhatsAppClient.builder()
 *       .accessToken(sim.accessToken())
 *       .phoneNumberId(sim.phoneNumberId())
 *       .baseUrl(sim.baseUrl())
 *       .build();
 *   sim.userSends("+16505551234", "Hi!");               // opens the 24-hour window
 *   wa.messages().send(Message.to("+16505551234").text("Hello"));
 *   assertThat(sim.sentMessages()).hasSize(1);
 * }
 * }</pre>
 *
 * <h2>What it checks</h2>
 *
 * <ul>
 *   <li>The bearer token: a missing token gets error 104, a wrong one 190, an expired or rotated
 *       one 190 with subcode 463 (HTTP 401).
 *   <li>Message bodies: each body is read back into the typed {@link dev.wasdk.message.Message}
 *       model with its builders, so every documented limit applies to hand-written JSON too. A
 *       missing field gets 131008, a value breaking a rule 131009, a malformed body 100; the {@code
 *       details} name the field path, such as {@code interactive.action.buttons[3]}.
 *   <li>Templates ({@link PlatformRule#TEMPLATES}): unknown or unapproved 132001 (HTTP 404), paused
 *       132015, disabled 132016, wrong parameter count 132000, named and positional parameters
 *       confused 132012. {@code hello_world} (en_US) is registered at start.
 *   <li>Throughput ({@link PlatformRule#THROUGHPUT}): 80 messages per second per number by default,
 *       with a burst of one second's worth; over it, 130429 (HTTP 400). Messages from simulated
 *       users do not count.
 *   <li>Pair rate ({@link PlatformRule#PAIR_RATE}): a burst of 45 messages to one user, then one
 *       per 6 seconds; over it, 131056.
 *   <li>Customer-service window ({@link PlatformRule#SERVICE_WINDOW}): a non-template message to a
 *       user who has not written in 24 hours fails with 131047.
 *   <li>Marketing opt-out ({@link PlatformRule#MARKETING_OPT_OUT}): a marketing template to a user
 *       who stopped marketing messages fails with 131050.
 *   <li>Messaging limit ({@link PlatformRule#MESSAGING_LIMIT}): business-initiated messages
 *       (outside the window) may reach at most the tier's number of unique users in a rolling 24
 *       hours ({@link MessagingTier#TIER_250} by default). Meta documents no error code for this;
 *       the simulator accepts the send and then fails delivery with 131049 ("not delivered to
 *       maintain healthy ecosystem engagement"), configurable with {@link
 *       Builder#messagingLimitErrorCode(int)}.
 * </ul>
 *
 * <p>The last three are delivery failures: as Meta does, the send is answered with 200 and a
 * message id, and a {@code failed} status webhook carries the code. {@link
 * Builder#policyFailures(FailureReporting)} can make them synchronous errors instead.
 *
 * <h2>Webhooks</h2>
 *
 * <p>With a callback URL ({@link Builder#webhookUrl(URI)} or {@link #deliverWebhooksTo(URI)}),
 * every accepted message gets {@code sent}, {@code delivered} and {@code read} status webhooks (or
 * one {@code failed} with its error), and simulated users' messages, opt-outs and the platform
 * events of this class get theirs. Bodies use Meta's envelope and carry {@code X-Hub-Signature-256:
 * sha256=<hex>}, the HMAC-SHA256 of the exact body with the {@link #appSecret() app secret}. One
 * thread posts them, in order; a failed post is retried, then recorded in {@link
 * #webhookDeliveries()}.
 *
 * <h2>Time</h2>
 *
 * <p>Every window and limit runs on the {@link Builder#clock(Clock) clock}; with a {@link
 * TestClock}, tests move time instead of waiting. Webhook delays use real time.
 *
 * <h2>Lifecycle and threads</h2>
 *
 * <p>{@link #start()} binds a free loopback port; {@link #close()} stops the server and the webhook
 * threads. All methods are thread-safe. The records (sent messages, requests, webhook deliveries)
 * keep the newest 10,000 entries each by default.
 */
public final class WhatsAppSimulator implements AutoCloseable {
  /** The default business phone number id. */
  public static final String DEFAULT_PHONE_NUMBER_ID = "106540352242922";

  /** The default business phone number, as webhooks show it. */
  public static final String DEFAULT_DISPLAY_PHONE_NUMBER = "15550783881";

  /** The default WhatsApp Business Account id. */
  public static final String DEFAULT_WABA_ID = "102290129340398";

  /** The default access token. */
  public static final String DEFAULT_ACCESS_TOKEN = "simulator-access-token";

  /** The default app secret that webhooks are signed with. */
  public static final String DEFAULT_APP_SECRET = "simulator-app-secret";

  private static final String PROFILE_NAME = "Simulated User";

  private final Simulator simulator;
  private final WireMockEngine engine;
  private final Settings settings;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong failedWebhooksSeen = new AtomicLong();
  private final int port;
  private final URI baseUrl;

  private WhatsAppSimulator(Settings settings, int requestedPort, int serverThreads) {
    this.settings = settings;
    this.simulator = new Simulator(settings);
    WireMockEngine started;
    try {
      started = new WireMockEngine(simulator, requestedPort, serverThreads);
    } catch (RuntimeException e) {
      simulator.close();
      throw e;
    }
    this.engine = started;
    this.port = started.port();
    this.baseUrl = URI.create("http://127.0.0.1:" + this.port);
  }

  /**
   * Starts a simulator with the defaults on a free loopback port.
   *
   * @return the running simulator
   */
  public static WhatsAppSimulator start() {
    return builder().start();
  }

  /**
   * Returns a builder for a simulator with non-default settings.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---- addresses and credentials ---------------------------------------------------------------

  /** Returns the base URL to give the client, such as {@code http://127.0.0.1:53124}. */
  public URI baseUrl() {
    return baseUrl;
  }

  /** Returns the port the simulator listens on (or listened on, once closed). */
  public int port() {
    return port;
  }

  /** Returns the access token the simulator accepts now. */
  public String accessToken() {
    return simulator.tokens().current();
  }

  /** Returns the app secret that webhooks are signed with. */
  public String appSecret() {
    return settings.appSecret();
  }

  /** Returns the users' side of calls: calling the business, answering, hanging up, permissions. */
  public SimulatedCalls calls() {
    return new SimulatedCalls(simulator.products().calling(), phoneNumberId());
  }

  /**
   * Makes the next upload-session transfer stop after this many bytes and fail with HTTP 500, as a
   * broken connection would; the session keeps what it received, so the upload can resume.
   *
   * @param bytes how many bytes to keep
   */
  public void breakNextUploadAfter(long bytes) {
    simulator.products().admin().breakNextUploadAfter(bytes);
  }

  /** Returns the users' side of groups: joining, leaving and writing to a group. */
  public SimulatedGroups groups() {
    return new SimulatedGroups(simulator.products().groups(), phoneNumberId());
  }

  /** Returns the default business phone number id. */
  public String phoneNumberId() {
    return settings.phoneNumbers().get(0).id();
  }

  /** Returns the default business phone number as webhooks show it, such as {@code 15550783881}. */
  public String displayPhoneNumber() {
    return settings.phoneNumbers().get(0).displayNumber();
  }

  /** Returns the WhatsApp Business Account id. */
  public String wabaId() {
    return settings.wabaId();
  }

  /** Returns the clock the simulator's windows and limits run on. */
  public Clock clock() {
    return settings.clock();
  }

  // ---- simulated users -------------------------------------------------------------------------

  /**
   * Returns a scripted user for conversation tests: {@code sim.user("+5511987654321").says("menu")
   * .expectReply(...)}. See {@link SimulatedUser}.
   *
   * @param phoneNumber the user's phone number with country code
   * @return a new scripted user; its checks start after the answers already sent to that number
   */
  public SimulatedUser user(String phoneNumber) {
    return new SimulatedUser(this, phoneNumber);
  }

  /**
   * Makes a user send a text message to the default phone number. It opens (or refreshes) the
   * user's 24-hour customer-service window and posts the inbound webhook.
   *
   * @param from the user's phone number with country code, such as {@code +16505551234}
   * @param text the message text
   * @return the inbound message id, which can be marked as read
   */
  public String userSends(String from, String text) {
    Objects.requireNonNull(text, "text");
    return fromUser(from, "text", null, UserMessages.text(text));
  }

  /**
   * Makes a user tap a reply button of an interactive message.
   *
   * @param from the user's phone number
   * @param contextWamid the id of the message with the buttons
   * @param buttonId the button's id
   * @param buttonTitle the button's title
   * @return the inbound message id
   */
  public String userRepliesWithButton(
      String from, String contextWamid, String buttonId, String buttonTitle) {
    Objects.requireNonNull(contextWamid, "contextWamid");
    Objects.requireNonNull(buttonId, "buttonId");
    Objects.requireNonNull(buttonTitle, "buttonTitle");
    return fromUser(
        from, "interactive", contextWamid, UserMessages.buttonReply(buttonId, buttonTitle));
  }

  /**
   * Makes a user pick a row of a list message.
   *
   * @param from the user's phone number
   * @param contextWamid the id of the list message
   * @param rowId the row's id
   * @param rowTitle the row's title
   * @param rowDescription the row's description, or null
   * @return the inbound message id
   */
  public String userRepliesWithListRow(
      String from, String contextWamid, String rowId, String rowTitle, String rowDescription) {
    Objects.requireNonNull(contextWamid, "contextWamid");
    Objects.requireNonNull(rowId, "rowId");
    Objects.requireNonNull(rowTitle, "rowTitle");
    return fromUser(
        from, "interactive", contextWamid, UserMessages.listReply(rowId, rowTitle, rowDescription));
  }

  /**
   * Makes a user tap a quick-reply button of a template message (an inbound {@code button}
   * message).
   *
   * @param from the user's phone number
   * @param contextWamid the id of the template message
   * @param payload the button's payload
   * @param text the button's text
   * @return the inbound message id
   */
  public String userTapsQuickReply(String from, String contextWamid, String payload, String text) {
    Objects.requireNonNull(contextWamid, "contextWamid");
    Objects.requireNonNull(payload, "payload");
    Objects.requireNonNull(text, "text");
    return fromUser(from, "button", contextWamid, UserMessages.quickReply(payload, text));
  }

  /**
   * Makes a user finish a WhatsApp Flow: posts the signed completion webhook ({@code interactive}
   * of type {@code nfm_reply}, name {@code flow}) whose {@code response_json} carries what the
   * Flow's last answer or {@code complete} action returned. Pair it with {@link FlowUser}, which
   * plays the screens against the data endpoint first.
   *
   * @param from the user's phone number
   * @param contextWamid the id of the Flow message
   * @param responseJson the JSON object text, such as {@code {"flow_token":"t","booking":"B-1"}}
   * @return the inbound message id
   */
  public String userCompletesFlow(String from, String contextWamid, String responseJson) {
    Objects.requireNonNull(contextWamid, "contextWamid");
    Objects.requireNonNull(responseJson, "responseJson");
    return fromUser(from, "interactive", contextWamid, UserMessages.flowCompletion(responseJson));
  }

  /**
   * Makes a user send a small PNG image. The media can be looked up and downloaded through the
   * media endpoints with the id in the webhook.
   *
   * @param from the user's phone number
   * @param caption the caption, or null
   * @return the inbound message id
   */
  public String userSendsImage(String from, String caption) {
    return userSendsImage(from, UserMessages.TINY_PNG, "image/png", caption);
  }

  /**
   * Makes a user send an image.
   *
   * @param from the user's phone number
   * @param image the image bytes
   * @param mimeType the image's MIME type, such as {@code image/jpeg}
   * @param caption the caption, or null
   * @return the inbound message id
   */
  public String userSendsImage(String from, byte[] image, String mimeType, String caption) {
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(mimeType, "mimeType");
    MediaStore.Media m = simulator.events().storeInboundMedia(null, image, mimeType);
    return fromUser(from, "image", null, UserMessages.image(m, caption));
  }

  /**
   * Makes a user share a location.
   *
   * @param from the user's phone number
   * @param latitude the latitude
   * @param longitude the longitude
   * @param name the place's name, or null
   * @param address the place's address, or null
   * @return the inbound message id
   */
  public String userSendsLocation(
      String from, double latitude, double longitude, String name, String address) {
    return fromUser(
        from, "location", null, UserMessages.location(latitude, longitude, name, address));
  }

  /**
   * Makes a user stop marketing messages from the business: later marketing templates to the user
   * fail with 131050, and a {@code user_preferences} webhook with {@code stop} is posted.
   *
   * @param from the user's phone number
   */
  public void userStopsMarketing(String from) {
    simulator.events().marketingPreference(null, from, true);
  }

  /**
   * Makes a user resume marketing messages, with a {@code user_preferences} webhook ({@code
   * resume}).
   *
   * @param from the user's phone number
   */
  public void userResumesMarketing(String from) {
    simulator.events().marketingPreference(null, from, false);
  }

  // ---- platform events -------------------------------------------------------------------------

  /**
   * Changes the default number's quality rating, as {@code GET /{phone-number-id}} reports it. A
   * drop to RED posts a {@code phone_number_quality_update} webhook with the legacy event {@code
   * FLAGGED}, and a rise from RED one with {@code UNFLAGGED}.
   *
   * @param rating the new rating
   */
  public void changeQualityRating(QualityRating rating) {
    simulator.events().quality(null, Objects.requireNonNull(rating, "rating"));
  }

  /**
   * Changes the portfolio's messaging limit, enforced from now on, and posts a {@code
   * business_capability_update} webhook.
   *
   * @param tier the new tier
   */
  public void changeMessagingTier(MessagingTier tier) {
    simulator.events().tier(Objects.requireNonNull(tier, "tier"));
  }

  /**
   * Upgrades the default number to 1,000 messages per second and posts a {@code
   * phone_number_quality_update} webhook with the event {@code THROUGHPUT_UPGRADE}.
   */
  public void upgradeThroughput() {
    simulator.events().throughput(null, 1000, true);
  }

  /**
   * Registers an approved template that takes positional body parameters ({@code {{1}}}, …) and no
   * header parameter.
   *
   * @param name the template name: lowercase letters, digits and underscores
   * @param language the language code, such as {@code en_US}
   * @param category MARKETING, UTILITY or AUTHENTICATION
   * @param bodyParameters how many body parameters a send must supply
   * @return the template id
   */
  public String registerTemplate(
      String name, String language, TemplateCategory category, int bodyParameters) {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(category, "category");
    if (category == TemplateCategory.UNKNOWN) {
      throw new IllegalArgumentException("category must be MARKETING, UTILITY or AUTHENTICATION");
    }
    if (bodyParameters < 0) {
      throw new IllegalArgumentException("bodyParameters must not be negative");
    }
    return registerTemplate(
        UserMessages.simpleTemplate(name, language, category.name(), bodyParameters));
  }

  /**
   * Registers an approved template from the JSON of a template-creation request ({@code POST
   * /{waba-id}/message_templates}), for headers, named parameters or buttons. The parameters a send
   * must supply are read from the components: placeholders in the body text, and a header that is
   * media or has a placeholder.
   *
   * <pre>{@code
   * sim.registerTemplate("""
   *     {"name":"order_update","language":"en_US","category":"UTILITY",
   *      "parameter_format":"named",
   *      "components":[{"type":"HEADER","format":"IMAGE"},
   *                    {"type":"BODY","text":"Hi {{first_name}}, order {{order_id}} shipped."}]}
   *     """);
   * }</pre>
   *
   * @param creationJson the creation request body
   * @return the template id
   * @throws IllegalArgumentException if the JSON is not a valid creation request
   */
  public String registerTemplate(String creationJson) {
    Objects.requireNonNull(creationJson, "creationJson");
    try {
      return simulator.events().createTemplate(creationJson);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid template: " + e.getMessage(), e);
    }
  }

  /**
   * Sets a template's status, such as {@code PAUSED} or {@code DISABLED}, and posts a {@code
   * message_template_status_update} webhook.
   *
   * @param name the template name
   * @param language the language code
   * @param status the new status
   * @throws IllegalArgumentException if no such template exists
   */
  public void setTemplateStatus(String name, String language, String status) {
    Objects.requireNonNull(status, "status");
    if (!simulator.events().templateStatus(name, language, status.toUpperCase(Locale.ROOT))) {
      throw new IllegalArgumentException("no template " + name + " in " + language);
    }
  }

  /**
   * Sets how the simulated users who get a template behave: delivery failures by error code, and
   * who reads it and when (see {@link AudienceProfile}). Replaces an earlier profile.
   *
   * @param templateName the template's name
   * @param profile the behaviour
   */
  public void audience(String templateName, AudienceProfile profile) {
    simulator
        .events()
        .audience(
            Objects.requireNonNull(templateName, "templateName"),
            Objects.requireNonNull(profile, "profile"));
  }

  /**
   * Makes every later message to a user fail delivery with an error code, such as 131026
   * (undeliverable) or 131049: the send is accepted, then a {@code failed} status is posted (with
   * {@link FailureReporting#ERROR_RESPONSE}, the send is refused with the code instead).
   *
   * @param to the user's phone number
   * @param errorCode the error code
   */
  public void failDeliveriesTo(String to, int errorCode) {
    if (errorCode == 0) {
      throw new IllegalArgumentException("errorCode must not be 0");
    }
    simulator.events().failDeliveryTo(to, errorCode);
  }

  /**
   * Ends {@link #failDeliveriesTo(String, int)} for a user.
   *
   * @param to the user's phone number
   */
  public void resumeDeliveriesTo(String to) {
    simulator.events().failDeliveryTo(to, 0);
  }

  /** Expires the current access token: later requests get error 190 with subcode 463. */
  public void expireAccessToken() {
    simulator.tokens().expire();
  }

  /**
   * Replaces the access token, as a token refresh would. The old token is answered as expired (190,
   * subcode 463) from now on.
   *
   * @param newToken the new token
   */
  public void rotateAccessToken(String newToken) {
    Objects.requireNonNull(newToken, "newToken");
    if (newToken.isBlank()) {
      throw new IllegalArgumentException("newToken must not be blank");
    }
    simulator.tokens().rotate(newToken);
  }

  /**
   * Sets where webhooks are posted from now on; null stops posting.
   *
   * @param callbackUrl the receiver's URL
   */
  public void deliverWebhooksTo(URI callbackUrl) {
    simulator.webhookUrl(callbackUrl);
  }

  // ---- faults ----------------------------------------------------------------------------------

  /**
   * Injects a fault into the next requests; see {@link Fault}.
   *
   * @param fault the fault
   */
  public void injectFault(Fault fault) {
    Objects.requireNonNull(fault, "fault").addTo(simulator.faults());
  }

  /** Removes every injected fault. */
  public void clearFaults() {
    simulator.faults().clear();
  }

  // ---- inspection ------------------------------------------------------------------------------

  /** Returns the accepted messages, oldest first (the newest 10,000 by default). */
  public List<SentMessage> sentMessages() {
    return simulator.sentMessages();
  }

  /** Returns the received requests with their answers, oldest first. */
  public List<RecordedRequest> receivedRequests() {
    return simulator.requests();
  }

  /** Returns the webhook deliveries that finished, oldest first. */
  public List<WebhookDelivery> webhookDeliveries() {
    return simulator.deliveries();
  }

  /** Returns the ids of the messages marked as read, oldest first. */
  public List<String> messagesMarkedRead() {
    return simulator.markedRead();
  }

  /**
   * Returns the status of a Flow created through the Flows API ({@code DRAFT}, {@code PUBLISHED},
   * {@code DEPRECATED}, or one a test set), or empty if there is no such Flow.
   *
   * @param flowId the Flow's id
   */
  public Optional<String> flowStatus(String flowId) {
    return simulator.flows().status(Objects.requireNonNull(flowId, "flowId"));
  }

  /**
   * Sets a Flow's status as Meta's health monitoring would, such as {@code THROTTLED} or {@code
   * BLOCKED}.
   *
   * @param flowId the Flow's id
   * @param status the new status
   * @throws IllegalArgumentException if there is no such Flow
   */
  public void setFlowStatus(String flowId, String status) {
    simulator.flows().setStatus(flowId, Objects.requireNonNull(status, "status"));
  }

  /**
   * Returns the Flow JSON last uploaded for a Flow (or given on creation), if any.
   *
   * @param flowId the Flow's id
   */
  public Optional<String> uploadedFlowJson(String flowId) {
    return simulator.flows().flowJson(Objects.requireNonNull(flowId, "flowId"));
  }

  /** Returns the controls of the simulated Flows: endpoint metrics and other WABAs' Flows. */
  public SimulatedFlows flows() {
    return new SimulatedFlows(simulator.flows(), clock());
  }

  /** Returns the business public key uploaded for the default phone number, if any. */
  public Optional<String> businessPublicKey() {
    return simulator.flows().publicKey(phoneNumberId());
  }

  /** Returns the counters. */
  public SimulatorStats stats() {
    return simulator.stats();
  }

  /**
   * Waits until every webhook scheduled so far has been delivered or has failed, and tells whether
   * all of them reached the receiver.
   *
   * <pre>{@code
   * assertThat(sim.awaitWebhooks(Duration.ofSeconds(10)))
   *     .as("webhooks delivered: %s", sim.webhookDeliveries())
   *     .isTrue();
   * }</pre>
   *
   * @param timeout the longest wait
   * @return true when none was still pending at the timeout and none failed since the previous call
   *     (or since the start or {@link #reset()}); false otherwise, with the failures in {@link
   *     #webhookDeliveries()} and {@link SimulatorStats#webhooksFailed()}
   */
  public boolean awaitWebhooks(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (simulator.pendingWebhooks() > 0) {
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    long failed = simulator.stats().webhooksFailed();
    long before = failedWebhooksSeen.getAndSet(failed);
    return failed <= before;
  }

  /**
   * Forgets what happened, for reuse between tests: records, counters, rate-limit buckets, open
   * windows, opt-outs, blocked users, faults and programmed delivery failures. Registered
   * templates, stored media, the tier, quality rating, throughput and token stay.
   */
  public void reset() {
    simulator.reset();
    failedWebhooksSeen.set(0);
  }

  /**
   * Stops the server and the webhook threads; webhooks still waiting are dropped. Calling it again
   * does nothing.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      engine.close();
    } finally {
      simulator.close();
    }
  }

  /** Returns the address; never the token or secret. */
  @Override
  public String toString() {
    return "WhatsAppSimulator[" + baseUrl() + "]";
  }

  private String fromUser(
      String from, String type, String contextWamid, Consumer<JsonGenerator> content) {
    return simulator.events().inbound(null, from, PROFILE_NAME, type, contextWamid, content);
  }

  /**
   * Configures a simulator. Every option has a default that matches a new WhatsApp Business
   * Account; change only what a test needs. Not thread-safe.
   */
  public static final class Builder {
    private static final Pattern DIGITS = Pattern.compile("[1-9]\\d{6,14}");

    private int port;
    private int serverThreads = 16;
    private Clock clock = Clock.systemUTC();
    private String accessToken = DEFAULT_ACCESS_TOKEN;
    private Instant accessTokenExpiresAt;
    private String appSecret = DEFAULT_APP_SECRET;
    private String wabaId = DEFAULT_WABA_ID;
    private String phoneNumberId = DEFAULT_PHONE_NUMBER_ID;
    private String displayPhoneNumber = DEFAULT_DISPLAY_PHONE_NUMBER;
    private String verifiedName = "Simulated Business";
    private final List<Settings.PhoneNumber> extraNumbers = new ArrayList<>();
    private int throughputPerSecond = 80;
    private int pairBurst = 45;
    private Duration pairRefill = Duration.ofSeconds(6);
    private MessagingTier tier = MessagingTier.TIER_250;
    private final Set<PlatformRule> disabled = EnumSet.noneOf(PlatformRule.class);
    private FailureReporting policyFailures = FailureReporting.STATUS_WEBHOOK;
    private int messagingLimitCode = 131049;
    private URI webhookUrl;
    private Duration sentDelay = Duration.ZERO;
    private Duration deliveredDelay = Duration.ZERO;
    private Duration readDelay = Duration.ZERO;
    private boolean readReceipts = true;
    private double duplicateRate;
    private Long seed;
    private int webhookAttempts = 3;
    private Duration webhookBackoff = Duration.ofMillis(100);
    private int recordLimit = 10_000;

    private Builder() {}

    /**
     * Sets the port. Default 0: a free port.
     *
     * @param port the port, 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, was " + port);
      }
      this.port = port;
      return this;
    }

    /**
     * Sets how many threads serve requests. Default 16; raise it for load tests with many
     * concurrent clients.
     *
     * @param threads at least 4
     * @return this builder
     */
    public Builder serverThreads(int threads) {
      if (threads < 4) {
        throw new IllegalArgumentException("threads must be at least 4, was " + threads);
      }
      this.serverThreads = threads;
      return this;
    }

    /**
     * Sets the clock that windows, limits and timestamps run on. Default: the system clock in UTC.
     * Use a {@link TestClock} to test time windows without waiting.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets the access token the simulator accepts. Default {@value #DEFAULT_ACCESS_TOKEN}.
     *
     * @param token the token
     * @return this builder
     */
    public Builder accessToken(String token) {
      Objects.requireNonNull(token, "token");
      if (token.isBlank()) {
        throw new IllegalArgumentException("token must not be blank");
      }
      this.accessToken = token;
      return this;
    }

    /**
     * Sets when the access token expires, on the simulator's clock. Default: never.
     *
     * @param expiresAt the expiry
     * @return this builder
     */
    public Builder accessTokenExpiresAt(Instant expiresAt) {
      this.accessTokenExpiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
      return this;
    }

    /**
     * Sets the app secret that webhooks are signed with. Default {@value #DEFAULT_APP_SECRET}.
     *
     * @param secret the secret
     * @return this builder
     */
    public Builder appSecret(String secret) {
      Objects.requireNonNull(secret, "secret");
      if (secret.isEmpty()) {
        throw new IllegalArgumentException("secret must not be empty");
      }
      this.appSecret = secret;
      return this;
    }

    /**
     * Sets the WhatsApp Business Account id. Default {@value #DEFAULT_WABA_ID}.
     *
     * @param id the id, digits
     * @return this builder
     */
    public Builder wabaId(String id) {
      this.wabaId = numericId(id, "wabaId");
      return this;
    }

    /**
     * Sets the default business phone number. Default {@value #DEFAULT_PHONE_NUMBER_ID}, showing as
     * {@value #DEFAULT_DISPLAY_PHONE_NUMBER}.
     *
     * @param id the phone number id, digits
     * @param displayNumber the number with country code, such as {@code 15550783881}
     * @return this builder
     */
    public Builder phoneNumber(String id, String displayNumber) {
      this.phoneNumberId = numericId(id, "id");
      this.displayPhoneNumber = display(displayNumber);
      return this;
    }

    /**
     * Adds another business phone number to the account. It answers the same endpoints and is
     * listed by {@code GET /{waba-id}/phone_numbers}; simulated users always write to the default
     * number.
     *
     * @param id the phone number id, digits
     * @param displayNumber the number with country code
     * @return this builder
     */
    public Builder addPhoneNumber(String id, String displayNumber) {
      extraNumbers.add(
          new Settings.PhoneNumber(numericId(id, "id"), display(displayNumber), verifiedName));
      return this;
    }

    /**
     * Sets the business's verified name. Default "Simulated Business".
     *
     * @param name the name
     * @return this builder
     */
    public Builder verifiedName(String name) {
      this.verifiedName = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Sets the messages per second each phone number may send. Default 80, Meta's default; 20
     * models a Coexistence number and 1,000 an upgraded one.
     *
     * @param mps messages per second, at least 1
     * @return this builder
     */
    public Builder throughputPerSecond(int mps) {
      if (mps < 1) {
        throw new IllegalArgumentException("mps must be at least 1, was " + mps);
      }
      this.throughputPerSecond = mps;
      return this;
    }

    /**
     * Sets the pair rate limit: how many messages to one user may go at once, and how long each one
     * takes to come back. Default 45 and 6 seconds.
     *
     * @param burst the burst, at least 1
     * @param refillEvery the time per message, positive
     * @return this builder
     */
    public Builder pairRateLimit(int burst, Duration refillEvery) {
      Objects.requireNonNull(refillEvery, "refillEvery");
      if (burst < 1 || refillEvery.toMillis() < 1) {
        throw new IllegalArgumentException("burst and refillEvery must be positive");
      }
      this.pairBurst = burst;
      this.pairRefill = refillEvery;
      return this;
    }

    /**
     * Sets the portfolio's messaging limit. Default {@link MessagingTier#TIER_250}, a new
     * portfolio's.
     *
     * @param tier the tier
     * @return this builder
     */
    public Builder messagingTier(MessagingTier tier) {
      this.tier = Objects.requireNonNull(tier, "tier");
      return this;
    }

    /**
     * Turns platform rules off. Request validation and tokens are always checked.
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder disable(PlatformRule... rules) {
      for (PlatformRule r : rules) {
        disabled.add(Objects.requireNonNull(r, "rule"));
      }
      return this;
    }

    /**
     * Sets how policy failures (131047, 131050, messaging limit) are reported. Default {@link
     * FailureReporting#STATUS_WEBHOOK}, as Meta does.
     *
     * @param reporting the reporting
     * @return this builder
     */
    public Builder policyFailures(FailureReporting reporting) {
      this.policyFailures = Objects.requireNonNull(reporting, "reporting");
      return this;
    }

    /**
     * Sets the error code for a message beyond the messaging limit, for which Meta documents none.
     * Default 131049.
     *
     * @param code the error code
     * @return this builder
     */
    public Builder messagingLimitErrorCode(int code) {
      if (code <= 0) {
        throw new IllegalArgumentException("code must be positive, was " + code);
      }
      this.messagingLimitCode = code;
      return this;
    }

    /**
     * Sets the callback URL webhooks are posted to. Default: none, so no webhooks are posted until
     * {@link WhatsAppSimulator#deliverWebhooksTo(URI)}.
     *
     * @param url the receiver's URL
     * @return this builder
     */
    public Builder webhookUrl(URI url) {
      this.webhookUrl = Objects.requireNonNull(url, "url");
      return this;
    }

    /**
     * Sets when each status webhook follows an accepted message. Default: all at once, still in
     * order sent, delivered, read.
     *
     * @param sent the delay of {@code sent}
     * @param delivered the delay of {@code delivered}, counted from acceptance
     * @param read the delay of {@code read}, counted from acceptance
     * @return this builder
     */
    public Builder statusDelays(Duration sent, Duration delivered, Duration read) {
      this.sentDelay = nonNegative(sent, "sent");
      this.deliveredDelay = nonNegative(delivered, "delivered");
      this.readDelay = nonNegative(read, "read");
      return this;
    }

    /**
     * Sets whether users read messages, so {@code read} statuses are posted. Default true.
     *
     * @param enabled whether to post {@code read}
     * @return this builder
     */
    public Builder readReceipts(boolean enabled) {
      this.readReceipts = enabled;
      return this;
    }

    /**
     * Makes delivered webhooks arrive twice, as Meta's at-least-once delivery can. Default 0.
     *
     * @param probability from 0 to 1: the chance that each delivered webhook is posted again
     * @return this builder
     */
    public Builder duplicateWebhooks(double probability) {
      if (!(probability >= 0 && probability <= 1)) {
        throw new IllegalArgumentException("probability must be 0 to 1, was " + probability);
      }
      this.duplicateRate = probability;
      return this;
    }

    /**
     * Sets how often a webhook is posted before it counts as failed, and the pause before the
     * second attempt (doubled for each later one). Default 3 attempts, 100 ms.
     *
     * @param attempts at least 1
     * @param backoff the first pause, not negative
     * @return this builder
     */
    public Builder webhookRetries(int attempts, Duration backoff) {
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1, was " + attempts);
      }
      this.webhookAttempts = attempts;
      this.webhookBackoff = nonNegative(backoff, "backoff");
      return this;
    }

    /**
     * Seeds the random choices (duplicate webhooks, fractional faults), for repeatable tests.
     * Default: a random seed.
     *
     * @param seed the seed
     * @return this builder
     */
    public Builder randomSeed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Sets how many sent messages, requests and webhook deliveries are kept (each). Default 10,000;
     * 0 keeps none, for load tests.
     *
     * @param limit the number of entries, not negative
     * @return this builder
     */
    public Builder recordLimit(int limit) {
      if (limit < 0) {
        throw new IllegalArgumentException("limit must not be negative, was " + limit);
      }
      this.recordLimit = limit;
      return this;
    }

    /**
     * Starts the simulator.
     *
     * @return the running simulator
     */
    public WhatsAppSimulator start() {
      List<Settings.PhoneNumber> numbers = new ArrayList<>();
      numbers.add(new Settings.PhoneNumber(phoneNumberId, displayPhoneNumber, verifiedName));
      numbers.addAll(extraNumbers);
      Settings settings =
          new Settings(
              clock,
              accessToken,
              appSecret,
              wabaId,
              numbers,
              throughputPerSecond,
              pairBurst,
              pairRefill,
              tier,
              disabled,
              policyFailures,
              messagingLimitCode,
              webhookUrl,
              sentDelay,
              deliveredDelay,
              readDelay,
              readReceipts,
              duplicateRate,
              seed,
              webhookAttempts,
              webhookBackoff,
              recordLimit);
      WhatsAppSimulator sim = new WhatsAppSimulator(settings, port, serverThreads);
      if (accessTokenExpiresAt != null) {
        sim.simulator.tokens().expiresAt(accessTokenExpiresAt);
      }
      return sim;
    }

    private static String numericId(String id, String name) {
      Objects.requireNonNull(id, name);
      if (!id.matches("\\d{1,20}")) {
        throw new IllegalArgumentException(name + " must be digits");
      }
      return id;
    }

    private static String display(String number) {
      Objects.requireNonNull(number, "displayNumber");
      String digits = number.replaceAll("[^0-9]", "");
      if (!DIGITS.matcher(digits).matches()) {
        throw new IllegalArgumentException(
            "displayNumber must be 7 to 15 digits with country code, such as 15550783881");
      }
      return digits;
    }

    private static Duration nonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, was " + d);
      }
      return d;
    }
  }
}
