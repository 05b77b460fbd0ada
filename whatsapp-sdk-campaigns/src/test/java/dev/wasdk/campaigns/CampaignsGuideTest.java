package dev.wasdk.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.sender.SendOutcome;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The snippets of {@code docs/campaigns.md}, run against the simulator. */
class CampaignsGuideTest {
  @TempDir Path dir;
  private WhatsAppSimulator sim;
  private MessageSender sender;
  private final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() {
    sim =
        WhatsAppSimulator.builder()
            .throughputPerSecond(1000)
            .messagingTier(MessagingTier.TIER_10K)
            .start();
    sim.registerTemplate("order_receipt", "en_US", TemplateCategory.UTILITY, 1);
    sim.registerTemplate("spring_a", "en_US", TemplateCategory.UTILITY, 1);
    sim.registerTemplate("spring_b", "en_US", TemplateCategory.UTILITY, 1);
    WhatsAppClient wa =
        WhatsAppClient.builder()
            .accessToken(sim.accessToken())
            .phoneNumberId(sim.phoneNumberId())
            .baseUrl(sim.baseUrl())
            .build();
    sender =
        MessageSender.builder(wa).throughputPerSecond(500).tier(MessagingTier.TIER_10K).build();
  }

  @AfterEach
  void stop() {
    sender.close(Duration.ZERO);
    sim.close();
  }

  @Test
  void tracker() {
    // tag::tracker[]
    List<DeliveryFailure> retryTomorrow = new CopyOnWriteArrayList<>();
    DeliveryTracker tracker =
        DeliveryTracker.builder()
            .onFailure(
                f -> {
                  if (f.advice() == FailureAdvice.LATER) { // 131049
                    retryTomorrow.add(f);
                  }
                })
            .build();
    Message receipt =
        Message.to("+16505551234")
            .bizOpaqueCallbackData(TrackingTag.of("receipts", "v1", 1042).encode())
            .template("order_receipt", "en_US")
            .category(TemplateCategory.UTILITY)
            .bodyText("1042")
            .build();
    SendOutcome outcome = tracker.submit(sender, receipt).join();
    // router.on(WebhookEvent.class, tracker::accept);  feeds statuses and replies
    // end::tracker[]

    String wamid = outcome.wamid().orElseThrow();
    tracker.accept(
        Hooks.failed(
            wamid,
            "16505551234",
            TrackingTag.of("receipts", "v1", 1042).encode(),
            java.time.Instant.now(),
            131049));
    assertThat(retryTomorrow)
        .singleElement()
        .satisfies(f -> assertThat(f.original()).contains(receipt));
    assertThat(tracker.funnel("receipts", "v1").failed()).containsEntry(131049, 1L);
  }

  @Test
  void campaignAndReport() throws Exception {
    Path optIns = dir.resolve("optins.csv");
    List<String> lines = new ArrayList<>(List.of("phone,name,zone"));
    for (int i = 0; i < 200; i++) {
      lines.add("+1650557" + String.format("%04d", i) + ",Name " + i + ",");
    }
    Files.write(optIns, lines);

    // tag::campaign[]
    CampaignStore store = CampaignStore.inMemory(); // JdbcCampaignStore in production
    Campaign campaign =
        Campaign.builder("spring-sale", sender, store)
            .audience(Audience.csv(optIns, "phone", "zone"))
            .variant(
                "A",
                (to, m) ->
                    to.template("spring_a", "en_US")
                        .category(TemplateCategory.UTILITY)
                        .bodyText(m.param("name"))
                        .build())
            .variant(
                "B",
                (to, m) ->
                    to.template("spring_b", "en_US")
                        .category(TemplateCategory.UTILITY)
                        .bodyText(m.param("name"))
                        .build())
            .abTest(
                AbTest.builder()
                    .sampleShare(0.2)
                    .metric(Metric.READ)
                    .decisionWait(Duration.ZERO) // hours, in a real campaign
                    .minimumSample(10)
                    .noWinner(AbTest.NoWinnerRule.KEEP_CONTROL)
                    .build())
            .quietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))
            .listener(e -> log.add(e.type() + ": " + e.detail()))
            .build()
            .start();
    CampaignSnapshot done = campaign.completion().get(1, TimeUnit.MINUTES);
    // end::campaign[]

    assertThat(done.count(RecipientState.SENT)).isEqualTo(200);
    assertThat(sim.sentMessages()).hasSize(200);
    assertThat(log).anyMatch(l -> l.startsWith("DECIDED: No significant winner"));

    // tag::report[]
    CampaignReport report =
        CampaignReport.builder(store, "spring-sale").throughputLimit(80).tierLimit(2_000).build();
    report.writeHtml(dir.resolve("spring-sale.html"));
    try (Writer w = Files.newBufferedWriter(dir.resolve("spring-sale-recipients.csv"))) {
      report.writeRecipientsCsv(w);
    }
    // end::report[]
    campaign.close();

    assertThat(Files.readAllLines(dir.resolve("spring-sale-recipients.csv"))).hasSize(201);
    assertThat(Jsoup.parse(Files.readString(dir.resolve("spring-sale.html"))).select("svg"))
        .hasSize(3);
  }
}
