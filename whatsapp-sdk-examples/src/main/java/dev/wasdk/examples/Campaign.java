package dev.wasdk.examples;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.ConsentRegistry;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.RejectReason;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.sender.SubmitOptions;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.SenderFeed;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.DeliveryStatus;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * A marketing campaign with double opt-in: a user who writes {@code JOIN} gets an opt-in request
 * with a confirm button, and a tap on it records the user's consent in the sender's {@link
 * ConsentRegistry}. The campaign then broadcasts a MARKETING template through a {@link
 * MessageSender} paced for the 2K messaging-limit tier, which sends only to users who confirmed and
 * have not since opted out (a {@code STOP} reply or Meta's stop button, both fed to the sender by
 * {@link SenderFeed}). The status webhooks of the broadcast make up its {@link Report}.
 *
 * <p>With no credentials, {@link #main} plays 5,000 simulated users (pass another number as the
 * first argument): most confirm, some decline or never answer, some reply STOP, some cannot be
 * reached. The broadcast goes a day after the opt-ins, so every user it reaches counts against the
 * 2K tier: 2,000 on the first day, the deferred rest on the following days. With {@code
 * WHATSAPP_ACCESS_TOKEN}, {@code WHATSAPP_PHONE_NUMBER_ID}, {@code WHATSAPP_APP_SECRET} and {@code
 * WHATSAPP_VERIFY_TOKEN} set, it listens for Meta's webhooks on {@code WHATSAPP_WEBHOOK_PORT}
 * (default 8080) for {@code WHATSAPP_OPT_IN_MINUTES} (default 5), then broadcasts the approved
 * template {@code WHATSAPP_TEMPLATE} (default {@code spring_sale}, {@code en_US}, one body
 * parameter) to everyone who confirmed.
 *
 * <pre>{@code
 * try (Campaign campaign = Campaign.start(sender, appSecret, verifyToken, address, "spring_sale", "en_US")) {
 *   // ... users write JOIN and confirm ...
 *   Campaign.Report report = campaign.broadcast(campaign.joined(), Duration.ofMinutes(10));
 * }
 * }</pre>
 *
 * <p>Instances are thread-safe. The campaign does not close the sender or its client.
 */
public final class Campaign implements AutoCloseable {
  /** The id of the opt-in request's confirm button. */
  static final String CONFIRM = "optin-confirm";

  /** The id of the opt-in request's decline button. */
  static final String DECLINE = "optin-decline";

  private final MessageSender sender;
  private final String template;
  private final String language;
  private final String tag;
  private final JdkWebhookServer server;
  private final Set<String> joined = ConcurrentHashMap.newKeySet();
  private final ConcurrentLinkedQueue<CompletableFuture<SendOutcome>> replies =
      new ConcurrentLinkedQueue<>();
  private final Map<String, Set<DeliveryStatus>> statuses = new ConcurrentHashMap<>();
  private final Map<String, Integer> failures = new ConcurrentHashMap<>();

  private Campaign(
      MessageSender sender,
      String appSecret,
      String verifyToken,
      InetSocketAddress address,
      String template,
      String language) {
    this.sender = Objects.requireNonNull(sender, "sender");
    this.template = Objects.requireNonNull(template, "template");
    this.language = Objects.requireNonNull(language, "language");
    this.tag = "campaign:" + template;
    WebhookRouter router =
        WebhookRouter.builder()
            // Feeds windows, STOP keywords, Meta's stop button and failures to the sender first.
            .observe(SenderFeed.of(sender))
            .on(TextReceived.class, this::onText)
            .on(ButtonReplyReceived.class, this::onButton)
            .on(MessageStatusChanged.class, this::onStatus)
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
   * Starts the campaign's webhook server, which runs the opt-in conversation.
   *
   * @param sender the paced sender; its consent registry records the opt-ins
   * @param appSecret the app secret that signs Meta's webhooks
   * @param verifyToken the token of the subscription handshake
   * @param address where to listen; port 0 picks a free port
   * @param template the approved MARKETING template, with one body parameter
   * @param language the template's language code
   * @return the running campaign
   */
  public static Campaign start(
      MessageSender sender,
      String appSecret,
      String verifyToken,
      InetSocketAddress address,
      String template,
      String language) {
    return new Campaign(sender, appSecret, verifyToken, address, template, language);
  }

  /** Returns the webhook URL the server listens on. */
  public URI uri() {
    return server.uri();
  }

  /** Returns the WhatsApp ids of the users who asked to join, whether or not they confirmed. */
  public List<String> joined() {
    return List.copyOf(joined);
  }

  private void onText(TextReceived m) {
    Recipient user = m.replyRecipient().orElseThrow();
    String word = m.body().trim().toUpperCase(Locale.ROOT);
    if (word.equals("JOIN")) {
      joined.add(user.value());
      reply(
          Message.replyTo(m)
              .buttons()
              .body(
                  "Would you like our offers on WhatsApp? About two a month; reply STOP at any"
                      + " time to stop them.")
              .button(CONFIRM, "Yes, sign me up")
              .button(DECLINE, "No, thanks")
              .build());
    } else if (ConsentRegistry.DEFAULT_OPT_OUT_KEYWORDS.contains(word)) {
      // SenderFeed has already recorded the opt-out; confirm it.
      reply(Message.to(m).text("You will get no more offers. Write JOIN to sign up again."));
    }
  }

  private void onButton(ButtonReplyReceived m) {
    Recipient user = m.replyRecipient().orElseThrow();
    if (CONFIRM.equals(m.buttonId())) {
      sender
          .consent()
          .optIn(user.value(), TemplateCategory.MARKETING, "whatsapp-double-opt-in", m.timestamp());
      reply(Message.to(m).text("You're in! Reply STOP at any time to stop our offers."));
    } else if (DECLINE.equals(m.buttonId())) {
      reply(Message.to(m).text("No problem, we will not send you offers."));
    }
  }

  private void onStatus(MessageStatusChanged s) {
    if (!s.bizOpaqueCallbackData().filter(tag::equals).isPresent()) {
      return; // not a broadcast message
    }
    statuses.computeIfAbsent(s.messageId(), k -> ConcurrentHashMap.newKeySet()).add(s.status());
    if (s.isFailed()) {
      failures.put(s.messageId(), s.errorCode().orElse(0));
    }
  }

  private void reply(Message message) {
    replies.add(sender.submit(message));
  }

  /**
   * Waits until every answer of the opt-in conversation submitted so far was sent or refused.
   *
   * @param timeout the longest wait
   */
  void awaitReplies(Duration timeout) throws Exception {
    CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Submits the campaign's template to every user of an audience and waits until each one was sent
   * or refused. The sender refuses users without a recorded opt-in and users who opted out, and
   * paces the rest.
   *
   * @param audience the users' WhatsApp ids or phone numbers
   * @param timeout the longest wait for the sends
   * @return what the sender did with each message, by outcome
   * @throws Exception if the sends do not finish in time
   */
  public Broadcast broadcast(List<String> audience, Duration timeout) throws Exception {
    List<Message> messages = new ArrayList<>(audience.size());
    for (String user : audience) {
      messages.add(offer(user));
    }
    return send(messages, SubmitOptions.defaults(), timeout);
  }

  /**
   * Like {@link #broadcast(List, Duration)}, but a message still waiting for a messaging-limit slot
   * at the deadline ends {@link SendOutcome.Deferred deferred}: submit {@link Broadcast#deferred()}
   * again the next day.
   *
   * @param audience the users' WhatsApp ids or phone numbers
   * @param deadline when the day's sending ends
   * @param timeout the longest wait for the sends
   * @return what the sender did with each message, by outcome
   * @throws Exception if the sends do not finish in time
   */
  public Broadcast broadcast(List<String> audience, Instant deadline, Duration timeout)
      throws Exception {
    List<Message> messages = new ArrayList<>(audience.size());
    for (String user : audience) {
      messages.add(offer(user));
    }
    return send(messages, SubmitOptions.defaults().withDeadline(deadline), timeout);
  }

  private Message offer(String user) {
    Recipient to = user.startsWith("+") ? Recipient.phone(user) : Recipient.waId(user);
    return Message.to(to)
        .bizOpaqueCallbackData(tag)
        .template(template, language)
        .category(TemplateCategory.MARKETING)
        .bodyText("20%")
        .build();
  }

  /**
   * Submits messages and waits until each one has its outcome.
   *
   * @param messages the messages
   * @param options the submit options, such as a deadline after which a message still waiting for a
   *     messaging-limit slot ends {@link SendOutcome.Deferred deferred}
   * @param timeout the longest wait for the outcomes
   * @return what the sender did with each message, by outcome
   * @throws Exception if the sends do not finish in time
   */
  Broadcast send(List<Message> messages, SubmitOptions options, Duration timeout) throws Exception {
    List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>(messages.size());
    for (Message m : messages) {
      outcomes.add(sender.submit(m, options));
    }
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new))
        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    int accepted = 0;
    Map<RejectReason, Integer> refused = new EnumMap<>(RejectReason.class);
    List<Message> deferred = new ArrayList<>();
    int other = 0;
    for (CompletableFuture<SendOutcome> f : outcomes) {
      SendOutcome o = f.join();
      if (o.isSent()) {
        accepted++;
      } else if (o instanceof SendOutcome.Rejected r) {
        refused.merge(r.reason(), 1, Integer::sum);
      } else if (o instanceof SendOutcome.Deferred d) {
        deferred.add(d.message());
      } else {
        other++;
      }
    }
    return new Broadcast(messages.size(), accepted, refused, deferred, other);
  }

  /**
   * Returns the delivery report of the broadcast from the status webhooks received so far.
   *
   * @param broadcast what the sender did with the broadcast
   * @return the report
   */
  public Report report(Broadcast broadcast) {
    return report(broadcast, List.of(broadcast.accepted()));
  }

  /**
   * Returns the delivery report of a broadcast sent over several days.
   *
   * @param broadcast what the sender did with the broadcast, all days together
   * @param acceptedByDay how many messages Meta accepted each day
   * @return the report
   */
  Report report(Broadcast broadcast, List<Integer> acceptedByDay) {
    int sent = 0;
    int delivered = 0;
    int read = 0;
    for (Set<DeliveryStatus> s : statuses.values()) {
      sent += s.contains(DeliveryStatus.SENT) ? 1 : 0;
      delivered += s.contains(DeliveryStatus.DELIVERED) ? 1 : 0;
      read += s.contains(DeliveryStatus.READ) ? 1 : 0;
    }
    Map<Integer, Integer> failed = new TreeMap<>();
    failures.values().forEach(code -> failed.merge(code, 1, Integer::sum));
    return new Report(broadcast, acceptedByDay, sent, delivered, read, failed);
  }

  /** Stops the webhook server. The sender stays open. */
  @Override
  public void close() {
    server.close();
  }

  @Override
  public String toString() {
    return "Campaign[" + template + ", " + server.uri() + "]";
  }

  /**
   * What the sender did with a broadcast.
   *
   * @param audience how many users were targeted
   * @param accepted how many messages Meta accepted
   * @param refused how many the sender refused before the network, by reason
   * @param deferred the messages still waiting for a messaging-limit slot at their deadline, to
   *     submit again when slots free up
   * @param other how many ended otherwise (cancelled or unknown)
   */
  public record Broadcast(
      int audience,
      int accepted,
      Map<RejectReason, Integer> refused,
      List<Message> deferred,
      int other) {
    /** Copies the collections. */
    public Broadcast {
      refused = Map.copyOf(refused);
      deferred = List.copyOf(deferred);
    }

    /**
     * Adds a later day's sends of this broadcast's deferred messages.
     *
     * @param later what the sender did with the deferred messages
     * @return the combined broadcast: this audience, both days' outcomes, the later deferrals
     */
    public Broadcast then(Broadcast later) {
      Map<RejectReason, Integer> all = new EnumMap<>(RejectReason.class);
      all.putAll(refused);
      later.refused().forEach((k, v) -> all.merge(k, v, Integer::sum));
      return new Broadcast(
          audience, accepted + later.accepted(), all, later.deferred(), other + later.other());
    }
  }

  /**
   * A broadcast's delivery report: how many messages reached each status, from status webhooks.
   *
   * @param broadcast what the sender did with the broadcast
   * @param sent messages with a {@code sent} status
   * @param delivered messages with a {@code delivered} status
   * @param read messages with a {@code read} status
   * @param failedByCode messages with a {@code failed} status, by error code
   */
  public record Report(
      Broadcast broadcast,
      List<Integer> acceptedByDay,
      int sent,
      int delivered,
      int read,
      Map<Integer, Integer> failedByCode) {
    /** Copies the collections. */
    public Report {
      acceptedByDay = List.copyOf(acceptedByDay);
      failedByCode = Map.copyOf(failedByCode);
    }

    /** Returns a few lines for the console. */
    public String describe() {
      return String.format(
          "Audience %,d: accepted by WhatsApp %,d (by day, as the messaging limit allowed: %s),"
              + " refused before sending %s, still deferred %,d, other %d%n"
              + "Status webhooks: sent %,d, delivered %,d, read %,d, failed %s",
          broadcast.audience(),
          broadcast.accepted(),
          acceptedByDay,
          new TreeMap<>(broadcast.refused()),
          broadcast.deferred().size(),
          broadcast.other(),
          sent,
          delivered,
          read,
          new TreeMap<>(failedByCode));
    }
  }

  // ---- running it ------------------------------------------------------------------------------

  /**
   * Runs the campaign.
   *
   * @param args optionally the number of simulated users (default 5,000)
   * @throws Exception if a step does not finish in time
   */
  public static void main(String[] args) throws Exception {
    String token = System.getenv("WHATSAPP_ACCESS_TOKEN");
    String phoneNumberId = System.getenv("WHATSAPP_PHONE_NUMBER_ID");
    if (token != null && phoneNumberId != null) {
      runLive(token, phoneNumberId);
      return;
    }
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    long start = System.nanoTime();
    Report report = simulate(users, 1_000, MessagingTier.TIER_2K);
    System.out.println(report.describe());
    System.out.printf("Took %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  private static void runLive(String token, String phoneNumberId) throws Exception {
    String appSecret = EchoBot.requireEnv("WHATSAPP_APP_SECRET");
    String verifyToken = EchoBot.requireEnv("WHATSAPP_VERIFY_TOKEN");
    int port = Integer.parseInt(System.getenv().getOrDefault("WHATSAPP_WEBHOOK_PORT", "8080"));
    int minutes = Integer.parseInt(System.getenv().getOrDefault("WHATSAPP_OPT_IN_MINUTES", "5"));
    String template = System.getenv().getOrDefault("WHATSAPP_TEMPLATE", "spring_sale");
    try (WhatsAppClient wa =
            WhatsAppClient.builder().accessToken(token).phoneNumberId(phoneNumberId).build();
        MessageSender sender = MessageSender.builder(wa).tier(MessagingTier.TIER_2K).build();
        Campaign campaign =
            start(sender, appSecret, verifyToken, new InetSocketAddress(port), template, "en_US")) {
      System.out.printf(
          "Listening at %s for %d minutes: write JOIN to the business number.%n",
          campaign.uri(), minutes);
      Thread.sleep(Duration.ofMinutes(minutes).toMillis());
      // What the messaging limit does not allow within 25 minutes ends deferred, to send tomorrow.
      Broadcast b =
          campaign.broadcast(
              campaign.joined(),
              Instant.now().plus(Duration.ofMinutes(25)),
              Duration.ofMinutes(30));
      Thread.sleep(Duration.ofSeconds(30).toMillis()); // let status webhooks arrive
      System.out.println(campaign.report(b).describe());
    }
  }

  /**
   * Plays the campaign with simulated users on a simulator. Of every 40 users, one declines, one
   * never answers, one replies STOP after confirming, one stops marketing with WhatsApp's own
   * button, and one cannot be reached (131026); the rest confirm and read the offer.
   *
   * <p>The opt-in conversation happens on day 0. The broadcast starts a day later, when the users'
   * customer-service windows have closed, so each user it reaches counts against the messaging
   * limit: at the 2K tier, 2,000 unique users a rolling 24 hours. Messages still waiting for a slot
   * when the day's sending is over end {@link SendOutcome.Deferred deferred}, and go again the next
   * day, until none is left. The simulator and the sender share a clock that runs in real time and
   * jumps a day ahead between the days.
   *
   * @param users how many users
   * @param throughputPerSecond the number's throughput, for the simulator and the sender alike
   * @param tier the business's messaging-limit tier
   * @return the delivery report
   * @throws Exception if a step does not finish in time
   */
  static Report simulate(int users, int throughputPerSecond, MessagingTier tier) throws Exception {
    Duration timeout = Duration.ofSeconds(30 + users / Math.max(1, throughputPerSecond) * 4L);
    OffsetClock clock = new OffsetClock();
    try (WhatsAppSimulator sim =
            WhatsAppSimulator.builder()
                .clock(clock)
                .messagingTier(tier)
                .throughputPerSecond(throughputPerSecond)
                .start();
        WhatsAppClient wa = EchoBot.simulatorClient(sim);
        MessageSender sender =
            MessageSender.builder(wa)
                .clock(clock)
                .tier(tier)
                .throughputPerSecond(throughputPerSecond)
                .build();
        Campaign campaign =
            start(
                sender,
                sim.appSecret(),
                "campaign-verify-token",
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                "spring_sale",
                "en_US")) {
      sim.registerTemplate("spring_sale", "en_US", TemplateCategory.MARKETING, 1);
      sim.deliverWebhooksTo(campaign.uri());
      List<String> audience = new ArrayList<>(users);
      for (int i = 0; i < users; i++) {
        audience.add(String.format("+1650%07d", i));
      }
      // 1. Everyone writes JOIN and gets the opt-in request.
      audience.forEach(u -> sim.userSends(u, "JOIN"));
      settle(sim, campaign, timeout);
      // 2. Each user answers the request (or not).
      Map<String, String> requests = new ConcurrentHashMap<>();
      for (SentMessage s : sim.sentMessages()) {
        if (s.message() instanceof ReplyButtonsMessage) {
          requests.put(s.message().envelope().recipient().value(), s.wamid());
        }
      }
      for (int i = 0; i < users; i++) {
        String u = audience.get(i);
        switch (i % 40) {
          case 0 -> sim.userRepliesWithButton(u, requests.get(u), DECLINE, "No, thanks");
          case 1 -> {} // never answers
          default -> sim.userRepliesWithButton(u, requests.get(u), CONFIRM, "Yes, sign me up");
        }
      }
      settle(sim, campaign, timeout);
      // 3. Some change their minds; some cannot be reached.
      for (int i = 0; i < users; i++) {
        String u = audience.get(i);
        switch (i % 40) {
          case 2 -> sim.userSends(u, "STOP");
          case 3 -> sim.userStopsMarketing(u);
          case 4 -> sim.failDeliveriesTo(u, 131026);
          default -> {}
        }
      }
      settle(sim, campaign, timeout);
      // 4. The broadcast, a day later: as many users a day as the tier allows.
      long limit = tier.uniqueUsersPer24Hours().orElse(users);
      // A simulated day's sending lasts twice what the tier's users take at the throughput.
      Duration day = Duration.ofMillis(1_000 + limit * 2_000 / Math.max(1, throughputPerSecond));
      clock.jumpAhead(Duration.ofHours(25));
      Broadcast b = campaign.broadcast(audience, clock.instant().plus(day), timeout.plus(day));
      List<Integer> byDay = new ArrayList<>(List.of(b.accepted()));
      while (!b.deferred().isEmpty()) {
        clock.jumpAhead(Duration.ofHours(24));
        Broadcast next =
            campaign.send(
                b.deferred(),
                SubmitOptions.defaults().withDeadline(clock.instant().plus(day)),
                timeout.plus(day));
        if (next.accepted() == 0) {
          break; // no slot freed: nothing more to gain
        }
        byDay.add(next.accepted());
        b = b.then(next);
      }
      sim.awaitWebhooks(timeout);
      return campaign.report(b, byDay);
    }
  }

  /** A clock that runs in real time and can jump ahead, for the simulated days. */
  static final class OffsetClock extends Clock {
    private volatile Duration offset = Duration.ZERO;

    /** Moves the clock ahead. */
    void jumpAhead(Duration d) {
      offset = offset.plus(d);
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException("UTC only");
    }
  }

  private static void settle(WhatsAppSimulator sim, Campaign campaign, Duration timeout)
      throws Exception {
    if (!sim.awaitWebhooks(timeout)) {
      throw new IllegalStateException(
          "webhooks not all delivered within " + timeout + ": " + sim.stats());
    }
    campaign.awaitReplies(timeout);
    sim.awaitWebhooks(timeout);
  }
}
