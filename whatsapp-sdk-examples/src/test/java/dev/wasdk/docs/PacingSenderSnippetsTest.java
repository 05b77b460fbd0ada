package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.PhoneNumber;
import dev.wasdk.client.Throughput;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.ConsentRegistry;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.Priority;
import dev.wasdk.sender.QueueFullPolicy;
import dev.wasdk.sender.RejectReason;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.sender.SenderListener;
import dev.wasdk.sender.SenderStats;
import dev.wasdk.sender.SubmitOptions;
import dev.wasdk.sender.TierExhaustedPolicy;
import dev.wasdk.sender.UserData;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.SenderFeed;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/pacing-sender.md}, sending through the simulator. */
class PacingSenderSnippetsTest extends SimulatorFixture {
  private final List<String> log = new CopyOnWriteArrayList<>();

  @Override
  WhatsAppSimulator.Builder simulatorBuilder() {
    return WhatsAppSimulator.builder().messagingTier(MessagingTier.TIER_2K);
  }

  private static SendOutcome await(CompletableFuture<SendOutcome> f) throws Exception {
    return f.get(10, TimeUnit.SECONDS);
  }

  private static Message springSale(String to) {
    return Message.to(to)
        .template("spring_sale", "en_US")
        .category(TemplateCategory.MARKETING)
        .bodyText("20%")
        .build();
  }

  @Test
  void build_submitAndOutcome_sendsWithinTheLimits() throws Exception {
    Message message = Message.to(USER).template("hello_world", "en_US").build();
    // tag::build[]
    MessageSender sender =
        MessageSender.builder(wa) // one sender per business phone number; share it
            .throughput(Throughput.STANDARD) // 80/s; COEXISTENCE is 20, HIGH 1,000
            .tier(MessagingTier.TIER_2K) // your portfolio's messaging limit
            .tierExhaustedPolicy(TierExhaustedPolicy.DEFER) // wait for a free slot (the default)
            .maxQueued(100_000)
            .queueFullPolicy(QueueFullPolicy.block(Duration.ofSeconds(5))) // slow the producer
            .build();
    // end::build[]
    // hello_world is a marketing template: the user must have opted in.
    sender.consent().optIn(USER, TemplateCategory.MARKETING, "test", Instant.now());

    // tag::outcome[]
    CompletableFuture<SendOutcome> future = sender.submit(message);
    CompletableFuture<Void> logged =
        future.thenAccept(
            outcome -> {
              switch (outcome.status()) {
                case SENT -> log.add("sent " + outcome.wamid().orElseThrow());
                case REJECTED -> log.add("not sent: " + outcome.rejectReason().orElseThrow());
                case DEFERRED -> log.add("deadline passed, not sent");
                case CANCELLED -> log.add("cancelled, not sent");
                case UNKNOWN -> log.add("may have been sent: check the status webhooks");
              }
            });
    // end::outcome[]

    SendOutcome outcome = await(future);
    logged.get(10, TimeUnit.SECONDS); // the log is filled by the dependent stage: await it too
    sender.close(Duration.ofSeconds(5));
    assertThat(outcome).isInstanceOf(SendOutcome.Sent.class);
    assertThat(log).singleElement().asString().startsWith("sent wamid.");
    assertThat(sim.sentMessages()).hasSize(1);
  }

  @Test
  void priorityAndDeadline_areHonoured() throws Exception {
    MessageSender sender = MessageSender.builder(wa).build();
    sender.onInbound(USER, Instant.now());
    Message otp =
        Message.to(USER)
            .template("login_code", "en_US")
            .category(TemplateCategory.AUTHENTICATION)
            .bodyText("493021")
            .otpButton("493021")
            .build();
    Message reminder = Message.to(USER).text("Your table is booked for 8 pm.");
    sim.registerTemplate(
        "{\"name\":\"login_code\",\"language\":\"en_US\",\"category\":\"AUTHENTICATION\","
            + "\"components\":[{\"type\":\"BODY\",\"add_security_recommendation\":true},"
            + "{\"type\":\"BUTTONS\",\"buttons\":[{\"type\":\"OTP\","
            + "\"otp_type\":\"COPY_CODE\",\"text\":\"Copy code\"}]}]}");

    // tag::submit-options[]
    // Authentication templates are HIGH, marketing LOW, everything else NORMAL; override per
    // message
    sender.submit(reminder, SubmitOptions.defaults().withPriority(Priority.LOW));

    // A one-time code is useless after a minute: give it a deadline
    CompletableFuture<SendOutcome> code =
        sender.submit(otp, SubmitOptions.defaults().withDeadline(Instant.now().plusSeconds(60)));
    // end::submit-options[]

    assertThat(await(code)).isInstanceOf(SendOutcome.Sent.class);
    assertThat(sender.close(Duration.ofSeconds(5))).isEmpty();
    assertThat(sim.sentMessages()).hasSize(2);
  }

  @Test
  void serviceWindow_closed_rejectsFreeFormBeforeTheNetwork() throws Exception {
    MessageSender sender = MessageSender.builder(wa).build();
    Instant lastMessageAt = Instant.now();

    // tag::window[]
    SendOutcome before = await(sender.submit(Message.to("+16505551234").text("Still there?")));
    // Rejected with WINDOW_CLOSED: no inbound message is known, so only a template may go

    sender.onInbound("16505551234", lastMessageAt); // what SenderFeed does for each inbound message
    SendOutcome after = await(sender.submit(Message.to("+16505551234").text("Still there?")));
    // Sent: the window is open for 24 hours after the user's last message
    // end::window[]

    assertThat(before)
        .isInstanceOfSatisfying(
            SendOutcome.Rejected.class,
            r -> assertThat(r.reason()).isEqualTo(RejectReason.WINDOW_CLOSED));
    assertThat(after).isInstanceOf(SendOutcome.Sent.class);
    assertThat(sim.sentMessages()).hasSize(1);
    sender.close(Duration.ofSeconds(5));
  }

  @Test
  void consent_marketingNeedsOptInAndHonoursStop() throws Exception {
    sim.registerTemplate("spring_sale", "en_US", TemplateCategory.MARKETING, 1);
    MessageSender sender = MessageSender.builder(wa).build();
    Instant now = Instant.now();

    // tag::consent[]
    ConsentRegistry consent = sender.consent();
    consent.optIn("16505550001", TemplateCategory.MARKETING, "checkout-checkbox", now);

    SendOutcome optedIn = await(sender.submit(springSale("+16505550001"))); // Sent
    SendOutcome never = await(sender.submit(springSale("+16505550002"))); // Rejected NO_CONSENT

    consent.onInboundText("16505550001", "STOP", now); // SenderFeed does this for every text
    SendOutcome stopped = await(sender.submit(springSale("+16505550001"))); // Rejected OPTED_OUT
    // end::consent[]

    assertThat(optedIn).isInstanceOf(SendOutcome.Sent.class);
    assertThat(((SendOutcome.Rejected) never).reason()).isEqualTo(RejectReason.NO_CONSENT);
    assertThat(((SendOutcome.Rejected) stopped).reason()).isEqualTo(RejectReason.OPTED_OUT);
    assertThat(sim.sentMessages()).hasSize(1);
    sender.close(Duration.ofSeconds(5));
  }

  @Test
  void gdpr_exportAndErase() {
    MessageSender sender = MessageSender.builder(wa).build();
    sender.consent().optIn("16505551234", TemplateCategory.MARKETING, "web-form", Instant.now());
    sender.onInbound("16505551234", Instant.now());

    // tag::gdpr[]
    UserData data = sender.exportUser("16505551234"); // window, consent, queue, pair backoff
    System.out.println(data.consent().map(c -> c.optIns()).orElse(List.of()));

    sender.eraseUser("16505551234"); // forgets the window, consent records and backoff
    // end::gdpr[]

    assertThat(data.lastInbound()).isPresent();
    assertThat(data.consent()).isPresent();
    assertThat(sender.exportUser("16505551234").consent()).isEmpty();
    assertThat(sender.exportUser("16505551234").lastInbound()).isEmpty();
    sender.close(Duration.ofSeconds(5));
  }

  @Test
  void feedAndLiveUpdates_followTheWebhooksAndThePhoneNumber() throws Exception {
    MessageSender sender = MessageSender.builder(wa).build();
    String appSecret = sim.appSecret();
    String verifyToken = "t";

    // tag::feed[]
    WebhookRouter router =
        WebhookRouter.builder()
            .observe(SenderFeed.of(sender)) // sees every event first, takes none away
            .on(TextReceived.class, text -> log.add(text.body()))
            .build();
    // end::feed[]
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(appSecret)
            .verifyToken(verifyToken)
            .router(router)
            .build();

    try (JdkWebhookServer server =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .start()) {
      sim.deliverWebhooksTo(server.uri());
      sim.userSends("+16505550003", "Hello?");
      sim.changeMessagingTier(MessagingTier.TIER_10K);
      assertThat(sim.awaitWebhooks(Duration.ofSeconds(10))).isTrue();
    }
    assertThat(sender.serviceWindows().isOpen("16505550003", Instant.now())).isTrue();
    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_10K);

    // tag::live-updates[]
    PhoneNumber number = wa.phoneNumbers().get(); // at start, and now and then
    sender.updateFrom(number); // its messaging limit and throughput level
    // end::live-updates[]

    assertThat(sender.stats().tier()).isEqualTo(MessagingTier.TIER_10K);
    assertThat(log).containsExactly("Hello?");
    sender.close(Duration.ofSeconds(5));
  }

  @Test
  void statsListenersAndClose_reportEverything() throws Exception {
    // tag::listener[]
    SenderListener metrics =
        new SenderListener() {
          @Override
          public void onOutcome(SendOutcome outcome) {
            log.add(outcome.status().name()); // count by status, reason, error code...
          }

          @Override
          public void onThroughputReduced(double messagesPerSecond) {
            log.add("slowed to " + messagesPerSecond + "/s after a 130429");
          }

          @Override
          public void onPairBackoff(String maskedUser, Duration backoff) {
            log.add("backing off " + maskedUser + " for " + backoff);
          }
        };
    MessageSender sender = MessageSender.builder(wa).listener(metrics).build();
    // end::listener[]
    sender.onInbound(USER, Instant.now());
    List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      outcomes.add(sender.submit(Message.to(USER).text("Update " + i)));
    }

    // tag::close[]
    List<Message> notSent = sender.close(Duration.ofSeconds(30)); // drain for up to 30 s
    notSent.forEach(m -> log.add("to resubmit later: " + m.recipient()));

    SenderStats stats = sender.stats();
    System.out.printf(
        "sent %d, rejected %d, queued %d, throttled %d, tier %s (%d users used)%n",
        stats.sent(),
        stats.rejectedTotal(),
        stats.queued(),
        stats.throttled(),
        stats.tier(),
        stats.tierUsed().orElse(0)); // empty when the store cannot tell
    System.out.println(stats); // SenderStats[queued=0, inFlight=0, sent=5, unknown=0, ...]
    // end::close[]

    assertThat(stats.toString())
        .startsWith("SenderStats[queued=0, inFlight=0, sent=5, unknown=0,")
        .doesNotContain("Optional");

    for (CompletableFuture<SendOutcome> f : outcomes) {
      assertThat(await(f)).isInstanceOf(SendOutcome.Sent.class);
    }
    assertThat(notSent).isEmpty();
    assertThat(stats.sent()).isEqualTo(5);
    assertThat(log).containsExactly("SENT", "SENT", "SENT", "SENT", "SENT");
  }

  @Test
  void campaign_wroteFirstGetTextOthersTemplate_summaryCountsEveryOutcome() throws Exception {
    sim.registerTemplate("order_update", "en_US", TemplateCategory.UTILITY, 1);
    List<String> customers =
        List.of("+16505551234", "+16505550001", "+16505550002", "+16505550003");
    sim.userSends("+16505550001", "Where is my order?");
    MessageSender sender = MessageSender.builder(wa).tier(MessagingTier.TIER_2K).build();
    // A webhook feed (SenderFeed) records each inbound message; here, the two users who wrote.
    sender.onInbound("+16505551234", Instant.now());
    sender.onInbound("+16505550001", Instant.now());

    // tag::campaign[]
    List<CompletableFuture<SendOutcome>> outcomes = new ArrayList<>();
    for (String customer : customers) {
      Message message =
          sender.serviceWindows().isOpen(customer, Instant.now()) // wrote in the last 24 h
              ? Message.to(customer).text("Your order A-1 has shipped.")
              : Message.to(customer)
                  .template("order_update", "en_US") // an approved template for the rest
                  .category(TemplateCategory.UTILITY)
                  .bodyText("A-1")
                  .build();
      outcomes.add(sender.submit(message));
    }
    CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).join();

    Map<String, Long> summary = new TreeMap<>();
    for (CompletableFuture<SendOutcome> f : outcomes) {
      SendOutcome outcome = f.join();
      String key =
          outcome.isSent()
              ? "sent"
              : outcome.status() + outcome.rejectReason().map(r -> " " + r).orElse("");
      summary.merge(key, 1L, Long::sum);
    }
    System.out.println(summary); // {sent=4}
    sender.close();
    // end::campaign[]

    assertThat(summary).containsExactly(Map.entry("sent", 4L));
    assertThat(sim.sentMessages()).hasSize(4);
    assertThat(sim.sentMessages().stream().filter(m -> m.json().contains("\"template\"")))
        .hasSize(2);
  }
}
