package dev.wasdk.examples;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.ConsentRegistry;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.RejectReason;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.sender.SenderStats;
import dev.wasdk.sender.SubmitOptions;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.SenderFeed;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The README's demo, offline and with no credentials: the {@link QuickStart} (one message of every
 * kind, a media upload, the template list) and a short marketing campaign through the pacing {@link
 * MessageSender}, against {@link WhatsAppSimulator}, whose signed webhooks a local {@link
 * JdkWebhookServer} verifies, parses and counts. It ends with a summary: messages by kind,
 * outcomes, webhooks, tier usage and the achieved rate.
 *
 * <p>The campaign plays a number at the standard 80 messages per second whose business is at the
 * 250 tier (250 unique users in a rolling 24 hours). Of its {@value #AUDIENCE} users, all opted in
 * on the business's website and {@value #OPTED_OUT} have since opted out: the sender refuses those
 * before the network, sends 250 at 80 per second, and defers the rest, whose slots free up
 * tomorrow.
 */
public final class Demo {
  /** How many users the demo's campaign targets. */
  static final int AUDIENCE = 300;

  /** How many of them opted out after opting in. */
  static final int OPTED_OUT = 6;

  /** How long a campaign message may wait for its turn before it ends deferred. */
  static final Duration CAMPAIGN_DEADLINE = Duration.ofSeconds(5);

  private Demo() {}

  /**
   * Runs the demo.
   *
   * @param args unused
   * @throws Exception if a step does not finish in time
   */
  public static void main(String[] args) throws Exception {
    run(System.out);
  }

  /**
   * What the demo did.
   *
   * @param quickStart what the quick start sent, uploaded and listed
   * @param campaign the campaign's outcomes
   * @param webhooks the webhooks received, verified and parsed, by kind
   * @param simulatorAccepted messages the simulator accepted
   * @param simulatorRejected requests the simulator refused
   */
  record Summary(
      QuickStart.Result quickStart,
      CampaignResult campaign,
      Map<String, Integer> webhooks,
      long simulatorAccepted,
      long simulatorRejected) {}

  /**
   * The campaign's outcomes.
   *
   * @param sent messages WhatsApp accepted
   * @param refused messages the sender refused before the network, by reason
   * @param deferred messages still waiting for a tier slot at their deadline
   * @param other messages that ended otherwise (cancelled or unknown)
   * @param stats the sender's stats at the end
   * @param seconds from the first submit to the last accepted send
   */
  record CampaignResult(
      int sent,
      Map<RejectReason, Integer> refused,
      int deferred,
      int other,
      SenderStats stats,
      double seconds) {
    /** Returns the achieved rate: the intervals between accepted sends per second. */
    double ratePerSecond() {
      return seconds > 0 && sent > 1 ? (sent - 1) / seconds : 0;
    }
  }

  static Summary run(PrintStream out) throws Exception {
    Map<String, Integer> received = new ConcurrentSkipListMap<>();
    try (WhatsAppSimulator sim =
            QuickStart.registerTemplates(
                WhatsAppSimulator.builder()
                    .messagingTier(MessagingTier.TIER_250)
                    .throughputPerSecond(80)
                    .start());
        WhatsAppClient wa = QuickStart.client(sim);
        MessageSender sender =
            MessageSender.builder(wa).tier(MessagingTier.TIER_250).throughputPerSecond(80).build();
        JdkWebhookServer webhooks = webhookServer(sim, received, Optional.of(sender))) {
      out.println("wasdk demo: the local simulator at " + sim.baseUrl());
      out.println("webhooks are signed by it and verified at " + webhooks.uri());
      out.println();
      out.println("1. Quick start: one message of every kind");
      // Free-form messages need an open 24-hour service window: the user writes first.
      String inbound = sim.userSends(QuickStart.SIMULATED_USER, "Hi! What's on the menu today?");
      QuickStart.Result quick =
          QuickStart.run(wa, QuickStart.SIMULATED_USER, Optional.of(inbound), out);
      out.println();
      out.println("   The first request as it went on the wire:");
      SentMessage first = sim.sentMessages().get(0);
      out.println("   > " + first.json());
      out.println();
      out.printf(
          "2. Campaign: %d users, MARKETING template, 80 msg/s, tier %s%n",
          AUDIENCE, MessagingTier.TIER_250);
      CampaignResult campaign = campaign(sender, sim.clock(), out);
      sim.awaitWebhooks(Duration.ofSeconds(30));
      Summary summary =
          new Summary(
              quick,
              campaign,
              new TreeMap<>(received),
              sim.stats().accepted(),
              sim.stats().rejected());
      out.println();
      printSummary(summary, out);
      return summary;
    }
  }

  /**
   * Sends the campaign's template to {@value #AUDIENCE} users through the sender, printing a
   * progress line until each message has its outcome.
   */
  static CampaignResult campaign(MessageSender sender, Clock clock, PrintStream out)
      throws Exception {
    Instant now = clock.instant();
    List<String> audience = new ArrayList<>(AUDIENCE);
    for (int i = 0; i < AUDIENCE; i++) {
      String user = String.format("+1415%07d", i);
      audience.add(user);
      sender.consent().optIn(user, TemplateCategory.MARKETING, "website-signup", now);
      if (i % (AUDIENCE / OPTED_OUT) == 7) {
        sender.consent().optOut(user, ConsentRegistry.OptOutSource.BUSINESS, now);
      }
    }
    SubmitOptions options = SubmitOptions.defaults().withDeadline(now.plus(CAMPAIGN_DEADLINE));
    long start = System.nanoTime();
    AtomicLong lastSent = new AtomicLong(start);
    List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>(AUDIENCE);
    for (String user : audience) {
      CompletableFuture<SendOutcome> f =
          sender.submit(
              Message.to(user)
                  .template("spring_sale", "en_US")
                  .category(TemplateCategory.MARKETING)
                  .bodyText("20%")
                  .build(),
              options);
      f.thenAccept(
          o -> {
            if (o.isSent()) {
              lastSent.accumulateAndGet(System.nanoTime(), Math::max);
            }
          });
      outcomes.add(f);
    }
    CompletableFuture<Void> all =
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new));
    // On a terminal the progress line redraws itself; in a log it is printed once a second.
    boolean terminal = System.console() != null && out == System.out;
    long printed = 0;
    while (!all.isDone()) {
      SenderStats s = sender.stats();
      long elapsed = System.nanoTime() - start;
      if (!terminal && elapsed - printed < 1_000_000_000L && printed > 0) {
        sleepOrDone(all);
        continue;
      }
      printed = Math.max(elapsed, 1);
      out.printf(
          (terminal ? "\r" : "")
              + "   sent %3d, refused %d, queued %3d, tier %d/%d used, %.1f s"
              + (terminal ? " " : "%n"),
          s.sent(),
          s.rejectedTotal(),
          s.queued(),
          s.tierUsed().orElse(0),
          s.tier().uniqueUsersPer24Hours().orElse(0),
          elapsed / 1e9);
      sleepOrDone(all);
    }
    if (terminal) {
      out.println();
    }
    int sent = 0;
    int deferred = 0;
    int other = 0;
    Map<RejectReason, Integer> refused = new TreeMap<>();
    for (CompletableFuture<SendOutcome> f : outcomes) {
      SendOutcome o = f.join();
      if (o.isSent()) {
        sent++;
      } else if (o instanceof SendOutcome.Rejected r) {
        refused.merge(r.reason(), 1, Integer::sum);
      } else if (o instanceof SendOutcome.Deferred) {
        deferred++;
      } else {
        other++;
      }
    }
    double seconds = (lastSent.get() - start) / 1e9;
    return new CampaignResult(sent, refused, deferred, other, sender.stats(), seconds);
  }

  /** Waits a quarter of a second, or less if everything is done. */
  private static void sleepOrDone(CompletableFuture<Void> all) throws Exception {
    try {
      all.get(250, TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException stillRunning) {
      // the caller prints the next progress line
    }
  }

  private static void printSummary(Summary s, PrintStream out) {
    CampaignResult c = s.campaign();
    SenderStats st = c.stats();
    out.println("Summary");
    out.printf(
        "  quick start    %d messages sent, one of each kind; 1 image uploaded; %d templates listed%n",
        s.quickStart().sent().size(), s.quickStart().templates().size());
    out.printf(
        "  campaign       %d sent, %d refused %s, %d deferred past the deadline, %d other%n",
        c.sent(),
        c.refused().values().stream().mapToInt(Integer::intValue).sum(),
        c.refused(),
        c.deferred(),
        c.other());
    out.printf(
        "  tier usage     %d of %d unique users in the rolling 24 hours (%s)%n",
        st.tierUsed().orElse(0), st.tier().uniqueUsersPer24Hours().orElse(0), st.tier());
    out.printf(
        "  achieved rate  %.1f msg/s over %.2f s (the limit: 80 msg/s), %d throttled (130429)%n",
        c.ratePerSecond(), c.seconds(), st.throttled());
    out.printf(
        "  simulator      %d accepted, %d refused%n", s.simulatorAccepted(), s.simulatorRejected());
    int total = s.webhooks().values().stream().mapToInt(Integer::intValue).sum();
    out.printf(
        "  webhooks       %d received, signature verified and parsed: %s%n", total, s.webhooks());
  }

  /**
   * Starts a webhook receiver that verifies each delivery's signature, parses it and counts the
   * events by kind, feeds the sender when there is one, and points the simulator's webhooks at it.
   */
  static JdkWebhookServer webhookServer(
      WhatsAppSimulator sim, Map<String, Integer> seen, Optional<MessageSender> sender) {
    WebhookRouter.Builder router = WebhookRouter.builder();
    sender.ifPresent(s -> router.observe(SenderFeed.of(s)));
    router
        .on(MessageStatusChanged.class, e -> seen.merge("status " + e.rawStatus(), 1, Integer::sum))
        .on(MessageReceived.class, e -> seen.merge("inbound message", 1, Integer::sum))
        .onUnhandled(e -> seen.merge("other", 1, Integer::sum));
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("demo-verify-token")
            .router(router.build())
            .build();
    JdkWebhookServer server =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .start();
    sim.deliverWebhooksTo(server.uri());
    return server;
  }
}
