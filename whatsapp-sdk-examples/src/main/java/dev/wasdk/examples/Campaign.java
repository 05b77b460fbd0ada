package dev.wasdk.examples;

import dev.wasdk.campaigns.AbDecision;
import dev.wasdk.campaigns.AbTest;
import dev.wasdk.campaigns.Audience;
import dev.wasdk.campaigns.AudienceMember;
import dev.wasdk.campaigns.CampaignEvent;
import dev.wasdk.campaigns.CampaignReport;
import dev.wasdk.campaigns.CampaignSnapshot;
import dev.wasdk.campaigns.CampaignStore;
import dev.wasdk.campaigns.Funnel;
import dev.wasdk.campaigns.Metric;
import dev.wasdk.campaigns.RecipientState;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.sender.ConsentStore;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.RecipientIdStore;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.sender.ServiceWindowStore;
import dev.wasdk.testkit.AudienceProfile;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.SenderFeed;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A marketing campaign run on the campaigns API: double opt-in, an A/B test on a sample, the winner
 * broadcast over the 2K messaging-limit tier, a crash in the middle and a resume on the next day,
 * and an HTML report.
 *
 * <ol>
 *   <li><b>Double opt-in.</b> A user who writes {@code JOIN} gets an opt-in request with a confirm
 *       button; the tap records the user's MARKETING consent in the sender's consent registry.
 *       {@code STOP} and Meta's stop button record opt-outs ({@link SenderFeed}).
 *   <li><b>A/B test.</b> A {@link dev.wasdk.campaigns.Campaign} sends one of two templates to a
 *       seeded 10% sample, waits an hour, compares read rates with a two-proportion test and sends
 *       the winner to the rest. The sender refuses everyone without consent or who opted out.
 *   <li><b>Crash and resume.</b> The 2K tier lets 2,000 users through a day. When the first day's
 *       2,000 are used up, the app dies. The next day a new instance, with a new sender and a new
 *       campaign object on the same {@link CampaignStore}, finishes the campaign. Recipients the
 *       dead instance had claimed but not recorded end {@link RecipientState#UNKNOWN}: reported,
 *       never sent twice.
 *   <li><b>Report.</b> The funnel per variant, the decision and the sends over time, written to
 *       {@code target/} as a self-contained HTML page.
 * </ol>
 *
 * <p>{@link #main} plays it against the simulator with 5,000 users (pass another number as the
 * first argument). Of every 10 users, one declines, one never answers, one replies STOP after
 * confirming, one stops marketing with Meta's button, and six stay in; the simulated audience fails
 * 3% of deliveries with 131026 and reads variant B twice as often as variant A. In production the
 * stores would be {@code JdbcCampaignStore} and the JDBC or Redis stores of the sender, shared by
 * every instance; here in-memory stores play the database that outlives the crashed instance.
 *
 * <pre>{@code
 * Campaign.Result r = Campaign.simulate(5_000, Path.of("target"));
 * System.out.println(r.describe());
 * }</pre>
 */
public final class Campaign {
  /** The id of the opt-in request's confirm button. */
  static final String CONFIRM = "optin-confirm";

  /** The id of the opt-in request's decline button. */
  static final String DECLINE = "optin-decline";

  /** The campaign's id in the store. */
  static final String CAMPAIGN_ID = "spring-sale";

  /** The share of users in the A/B sample. */
  static final double SAMPLE_SHARE = 0.10;

  /** The simulated read rates of variant A's and variant B's templates. */
  static final double READ_A = 0.30;

  static final double READ_B = 0.60;

  /** The simulated share of deliveries failing with 131026 (not on WhatsApp). */
  static final double UNREACHABLE = 0.03;

  /** The campaign's claim batch and in-flight bound: at most this many end in doubt at a crash. */
  static final int BATCH = 100;

  /** The 2K tier: unique users a rolling 24 hours. */
  static final long TIER_LIMIT = MessagingTier.TIER_2K.uniqueUsersPer24Hours().orElseThrow();

  /** The throughput of the simulated number, for the simulator and the sender alike. */
  static final int THROUGHPUT = 1_000;

  private Campaign() {}

  /**
   * Runs the campaign against the simulator with 5,000 users, or the number given.
   *
   * @param args optionally the number of simulated users
   * @throws Exception if a step does not finish in time
   */
  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    long start = System.nanoTime();
    Result r = simulate(users, Path.of("target"));
    System.out.println(r.describe());
    System.out.printf("Took %.1f s%n", (System.nanoTime() - start) / 1e9);
  }

  /**
   * What the campaign did.
   *
   * @param users the audience
   * @param counts recipients by final state, from the store
   * @param funnels the funnel per variant, from the store
   * @param decision the A/B decision
   * @param campaignSendsPerRecipient how many campaign templates the simulator accepted per
   *     recipient (never more than one)
   * @param firstDaySends the campaign templates accepted on the first day, before the crash
   * @param secondDaySends the campaign templates accepted after the resume
   * @param report the HTML report
   */
  public record Result(
      int users,
      Map<RecipientState, Long> counts,
      Map<String, Funnel> funnels,
      AbDecision decision,
      Map<String, Integer> campaignSendsPerRecipient,
      int firstDaySends,
      int secondDaySends,
      Path report) {
    /** Copies the collections. */
    public Result {
      counts = Map.copyOf(counts);
      funnels = Map.copyOf(funnels);
      campaignSendsPerRecipient = Map.copyOf(campaignSendsPerRecipient);
    }

    /** Returns the count of recipients in a state. */
    public long count(RecipientState state) {
      return counts.getOrDefault(state, 0L);
    }

    /** Returns a few lines for the console. */
    public String describe() {
      StringBuilder b = new StringBuilder();
      b.append(
          String.format(
              "Campaign %s: %,d users; sent %,d (day 1 %,d, after the crash %,d), refused %,d,"
                  + " failed %,d, in doubt after the crash %,d%n",
              CAMPAIGN_ID,
              users,
              count(RecipientState.SENT),
              firstDaySends,
              secondDaySends,
              count(RecipientState.REFUSED),
              count(RecipientState.FAILED),
              count(RecipientState.UNKNOWN)));
      b.append("A/B: ").append(decision.explanation()).append(System.lineSeparator());
      new java.util.TreeMap<>(funnels)
          .forEach(
              (v, f) ->
                  b.append(
                      String.format(
                          "Variant %s: submitted %,d, refused %s, sent %,d, delivered %,d,"
                              + " read %,d (%.0f%%), failed %s%n",
                          v,
                          f.submitted(),
                          new java.util.TreeMap<>(f.refused()),
                          f.sent(),
                          f.delivered(),
                          f.read(),
                          100 * f.rate(Metric.READ),
                          new java.util.TreeMap<>(f.failed()))));
      b.append("Report: ").append(report.toAbsolutePath());
      return b.toString();
    }
  }

  /**
   * Plays the campaign with simulated users and writes the report into a directory.
   *
   * @param users how many users
   * @param reportDir where the HTML report goes
   * @return what the campaign did
   * @throws Exception if a step does not finish in time
   */
  static Result simulate(int users, Path reportDir) throws Exception {
    Duration timeout = Duration.ofSeconds(60 + users / 100);
    OffsetClock clock = new OffsetClock();
    // What outlives an instance: in production, PostgreSQL or Redis behind these same interfaces.
    CampaignStore store = CampaignStore.inMemory();
    SharedState state = new SharedState();
    List<String> audience = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      audience.add(String.format("+1650%07d", i));
    }
    try (WhatsAppSimulator sim =
        WhatsAppSimulator.builder()
            .clock(clock)
            .messagingTier(MessagingTier.TIER_2K)
            .throughputPerSecond(THROUGHPUT)
            .statusDelays(Duration.ZERO, Duration.ZERO, Duration.ZERO)
            .webhookRetries(10, Duration.ofMillis(50))
            .start()) {
      sim.registerTemplate("spring_sale_a", "en_US", TemplateCategory.MARKETING, 1);
      sim.registerTemplate("spring_sale_b", "en_US", TemplateCategory.MARKETING, 1);
      sim.audience(
          "spring_sale_a",
          AudienceProfile.builder()
              .seed(17)
              .failureRate(131026, UNREACHABLE)
              .readRate(READ_A)
              .build());
      sim.audience(
          "spring_sale_b",
          AudienceProfile.builder()
              .seed(17)
              .failureRate(131026, UNREACHABLE)
              .readRate(READ_B)
              .build());

      // Day 0 and day 1: the first instance runs the opt-in, then the campaign until it dies.
      Instance first = new Instance(sim, clock, state, store, users, "instance-1");
      sim.deliverWebhooksTo(first.uri());
      optIn(sim, first, audience, timeout);
      clock.jumpAhead(Duration.ofHours(25)); // the opt-in windows have closed
      first.campaign.start();
      first.await(CampaignEvent.Type.SAMPLE_DONE, timeout);
      settle(sim, timeout);
      clock.jumpAhead(Duration.ofHours(1)); // the decision wait
      first.await(CampaignEvent.Type.DECIDED, timeout);
      // The tier's 2,000 users of the day are used up: the rest wait in the sender for a slot.
      waitFor(
          () -> first.sender.stats().tierUsed().orElse(0) >= TIER_LIMIT,
          timeout,
          "the first day's tier to fill");
      settle(sim, timeout);
      first.crash();
      int firstDay = campaignSends(sim).size();

      // Day 2: a new instance on the same store resumes; the dead instance's claims expire.
      clock.jumpAhead(Duration.ofHours(24));
      Instance second = new Instance(sim, clock, state, store, users, "instance-2");
      sim.deliverWebhooksTo(second.uri());
      CampaignSnapshot done;
      try {
        second.campaign.start();
        done = second.campaign.completion().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        settle(sim, timeout);
      } finally {
        second.close(); // writes the statuses it received last
      }
      List<SentMessage> sends = campaignSends(sim);
      Map<String, Integer> perRecipient = new HashMap<>();
      for (SentMessage s : sends) {
        perRecipient.merge(s.message().envelope().recipient().value(), 1, Integer::sum);
      }
      Files.createDirectories(reportDir);
      Path report = reportDir.resolve(CAMPAIGN_ID + ".html");
      CampaignReport.builder(store, CAMPAIGN_ID)
          .clock(clock)
          .throughputLimit(THROUGHPUT)
          .tierLimit(TIER_LIMIT)
          .build()
          .writeHtml(report);
      return new Result(
          users,
          done.counts(),
          second.campaign.funnels(),
          second.campaign.decision().orElseThrow(),
          perRecipient,
          firstDay,
          sends.size() - firstDay,
          report);
    }
  }

  private static List<SentMessage> campaignSends(WhatsAppSimulator sim) {
    List<SentMessage> out = new ArrayList<>();
    for (SentMessage s : sim.sentMessages()) {
      if (s.message() instanceof TemplateMessage t && t.name().startsWith("spring_sale_")) {
        out.add(s);
      }
    }
    return out;
  }

  /** Everyone writes JOIN; most confirm; some decline, never answer or change their minds. */
  private static void optIn(
      WhatsAppSimulator sim, Instance app, List<String> audience, Duration timeout)
      throws Exception {
    audience.forEach(u -> sim.userSends(u, "JOIN"));
    settle(sim, app, timeout);
    Map<String, String> requests = new HashMap<>();
    for (SentMessage s : sim.sentMessages()) {
      if (s.message() instanceof ReplyButtonsMessage) {
        requests.put(s.message().envelope().recipient().value(), s.wamid());
      }
    }
    for (int i = 0; i < audience.size(); i++) {
      String u = audience.get(i);
      switch (i % 10) {
        case 0 -> sim.userRepliesWithButton(u, requests.get(u), DECLINE, "No, thanks");
        case 1 -> {} // never answers
        default -> sim.userRepliesWithButton(u, requests.get(u), CONFIRM, "Yes, sign me up");
      }
    }
    settle(sim, app, timeout);
    for (int i = 0; i < audience.size(); i++) {
      String u = audience.get(i);
      switch (i % 10) {
        case 2 -> sim.userSends(u, "STOP");
        case 3 -> sim.userStopsMarketing(u);
        default -> {}
      }
    }
    settle(sim, app, timeout);
  }

  /** The stores every instance shares: the database of a real deployment. */
  static final class SharedState {
    final LimiterStore limits = LimiterStore.inMemory();
    final ConsentStore consent = ConsentStore.inMemory();
    final ServiceWindowStore windows = ServiceWindowStore.inMemory();
    final RecipientIdStore ids = RecipientIdStore.inMemory();
  }

  /** One running instance of the shop's app: a sender, its webhook server and the campaign. */
  static final class Instance implements AutoCloseable {
    final WhatsAppClient wa;
    final MessageSender sender;
    final dev.wasdk.campaigns.Campaign campaign;
    final JdkWebhookServer server;
    final BlockingQueue<CampaignEvent> events = new LinkedBlockingQueue<>();
    private final ConcurrentLinkedQueue<CompletableFuture<SendOutcome>> replies =
        new ConcurrentLinkedQueue<>();

    Instance(
        WhatsAppSimulator sim,
        Clock clock,
        SharedState state,
        CampaignStore store,
        int users,
        String workerId) {
      this.wa = EchoBot.simulatorClient(sim);
      this.sender =
          MessageSender.builder(wa)
              .clock(clock)
              .tier(MessagingTier.TIER_2K)
              .throughputPerSecond(THROUGHPUT)
              .store(state.limits)
              .consentStore(state.consent)
              .serviceWindowStore(state.windows)
              .recipientIdStore(state.ids)
              .build();
      this.campaign =
          dev.wasdk.campaigns.Campaign.builder(CAMPAIGN_ID, sender, store)
              .audience(Audience.of(members(users)))
              .variant("A", (to, m) -> offer(to, "spring_sale_a", m))
              .variant("B", (to, m) -> offer(to, "spring_sale_b", m))
              .abTest(
                  AbTest.builder()
                      .sampleShare(SAMPLE_SHARE)
                      .metric(Metric.READ)
                      .decisionWait(Duration.ofHours(1))
                      .minimumSample(100)
                      .significance(0.01)
                      .noWinner(AbTest.NoWinnerRule.KEEP_CONTROL)
                      .build())
              .clock(clock)
              .batchSize(BATCH)
              .maxInFlight(BATCH)
              .pollInterval(Duration.ofMillis(10))
              .workerId(workerId)
              .listener(events::add)
              .build();
      WebhookRouter router =
          WebhookRouter.builder()
              // windows, STOP keywords, Meta's stop button and failures go to the sender first
              .observe(SenderFeed.of(sender))
              // statuses and replies of campaign messages go to the campaign
              .observe(campaign::accept)
              .on(TextReceived.class, this::onText)
              .on(ButtonReplyReceived.class, this::onButton)
              .build();
      WebhookEndpoint endpoint =
          WebhookEndpoint.builder()
              .appSecret(sim.appSecret())
              .verifyToken("campaign-verify-token")
              .router(router)
              .build();
      this.server =
          JdkWebhookServer.builder(endpoint)
              .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
              .path("/webhook")
              .threads(4)
              .queue(20_000)
              .start();
    }

    java.net.URI uri() {
      return server.uri();
    }

    private void onText(TextReceived m) {
      String word = m.body().trim().toUpperCase(Locale.ROOT);
      if (word.equals("JOIN")) {
        reply(
            Message.replyTo(m)
                .buttons()
                .body(
                    "Would you like our offers on WhatsApp? About two a month; reply STOP at any"
                        + " time to stop them.")
                .button(CONFIRM, "Yes, sign me up")
                .button(DECLINE, "No, thanks")
                .build());
      }
    }

    private void onButton(ButtonReplyReceived m) {
      Recipient user = m.replyRecipient().orElseThrow();
      if (CONFIRM.equals(m.buttonId())) {
        sender
            .consent()
            .optIn(
                user.value(), TemplateCategory.MARKETING, "whatsapp-double-opt-in", m.timestamp());
      }
    }

    private void reply(Message message) {
      replies.add(sender.submit(message));
    }

    void awaitReplies(Duration timeout) throws Exception {
      CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void await(CampaignEvent.Type type, Duration timeout) throws InterruptedException {
      long end = System.nanoTime() + timeout.toNanos();
      while (true) {
        CampaignEvent e = events.poll(end - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (e == null) {
          throw new IllegalStateException("no " + type + " event within " + timeout);
        }
        if (e.type() == type) {
          return;
        }
      }
    }

    /** Dies: the worker stops where it is and the sender drops what it still holds. */
    void crash() {
      campaign.close();
      sender.close(Duration.ZERO);
      server.close();
    }

    @Override
    public void close() {
      campaign.close();
      sender.close();
      server.close();
    }
  }

  private static Message offer(Message.Builder to, String template, AudienceMember m) {
    return to.template(template, "en_US")
        .category(TemplateCategory.MARKETING)
        .bodyText(m.param("name"))
        .build();
  }

  private static void settle(WhatsAppSimulator sim, Duration timeout) {
    if (!sim.awaitWebhooks(timeout)) {
      throw new IllegalStateException(
          "webhooks not all delivered within " + timeout + ": " + sim.stats());
    }
  }

  private static void settle(WhatsAppSimulator sim, Instance app, Duration timeout)
      throws Exception {
    settle(sim, timeout);
    app.awaitReplies(timeout);
    settle(sim, timeout);
  }

  private static void waitFor(BooleanSupplier condition, Duration timeout, String what)
      throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("timed out waiting for " + what);
      }
      Thread.sleep(10);
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

  private static List<AudienceMember> members(int users) {
    List<AudienceMember> out = new ArrayList<>(users);
    for (int i = 0; i < users; i++) {
      out.add(AudienceMember.of(String.format("+1650%07d", i), Map.of("name", "U" + i)));
    }
    return out;
  }
}
