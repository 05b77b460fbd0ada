package dev.wasdk.jdbc.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.campaigns.Audience;
import dev.wasdk.campaigns.AudienceMember;
import dev.wasdk.campaigns.Campaign;
import dev.wasdk.campaigns.CampaignEvent;
import dev.wasdk.campaigns.CampaignSnapshot;
import dev.wasdk.campaigns.CampaignStore;
import dev.wasdk.campaigns.RecipientState;
import dev.wasdk.campaigns.VariantMessage;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.jdbc.testing.LocalPostgres;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.TestClock;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Campaigns on a real PostgreSQL and a real sender against the simulator: a crashed instance, two
 * instances at once, and the database restarting mid-campaign.
 */
class PostgresCampaignFaultTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final VariantMessage PROMO =
      (to, m) ->
          to.template("promo", "en")
              .category(TemplateCategory.UTILITY)
              .bodyText(m.param("name"))
              .build();

  private WhatsAppSimulator sim;
  private final List<AutoCloseable> closing = new ArrayList<>();
  private final BlockingQueue<CampaignEvent> events = new LinkedBlockingQueue<>();

  @BeforeEach
  void simulator() {
    sim =
        WhatsAppSimulator.builder()
            .throughputPerSecond(1000)
            .messagingTier(MessagingTier.TIER_10K)
            .start();
    sim.registerTemplate("promo", "en", TemplateCategory.UTILITY, 1);
  }

  @AfterEach
  void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
    sim.close();
  }

  private MessageSender sender(int perSecond) {
    WhatsAppClient wa =
        WhatsAppClient.builder()
            .accessToken(sim.accessToken())
            .phoneNumberId(sim.phoneNumberId())
            .baseUrl(sim.baseUrl())
            .build();
    MessageSender s =
        MessageSender.builder(wa)
            .throughputPerSecond(perSecond)
            .tier(MessagingTier.TIER_10K)
            .build();
    closing.add(() -> s.close(Duration.ZERO));
    return s;
  }

  private static Audience audience(int n) {
    List<AudienceMember> members =
        IntStream.range(0, n)
            .mapToObj(
                i ->
                    AudienceMember.of(
                        "+1650556" + String.format("%04d", i), Map.of("name", "U" + i)))
            .collect(Collectors.toList());
    return Audience.of(members);
  }

  private Campaign start(Campaign.Builder b) {
    Campaign c = b.pollInterval(Duration.ofMillis(10)).listener(events::add).build();
    closing.add(c);
    return c.start();
  }

  private static DataSource database(LocalPostgres pg) {
    String db = ((PGSimpleDataSource) pg.createDatabase()).getDatabaseName();
    return pg.dataSource(db);
  }

  private static void until(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      LockSupport.parkNanos(5_000_000);
    }
  }

  private void awaitEvent(CampaignEvent.Type type) throws InterruptedException {
    while (true) {
      CampaignEvent e = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(e).as("waiting for " + type).isNotNull();
      if (e.type() == type) {
        return;
      }
    }
  }

  private Map<String, Integer> sendsPerRecipient() {
    Map<String, Integer> out = new HashMap<>();
    for (SentMessage m : sim.sentMessages()) {
      out.merge(m.message().recipient().value(), 1, Integer::sum);
    }
    return out;
  }

  private static long sent(CampaignStore store, String id) {
    return store.counts(id, false).getOrDefault(RecipientState.SENT, 0L);
  }

  private static void assertEveryRowFinalWithUniqueWamids(CampaignStore store, String id, int n) {
    Set<String> wamids = new HashSet<>();
    long[] rows = {0};
    store.forEachRecipient(
        id,
        r -> {
          rows[0]++;
          assertThat(r.state().isFinal()).as("row " + r.entry().index()).isTrue();
          r.wamid().ifPresent(w -> assertThat(wamids.add(w)).as("unique wamid " + w).isTrue());
        });
    assertThat(rows[0]).isEqualTo(n);
  }

  @Test
  void killMidway_restart_eachRecipientOneFinalState_noneSentTwice() throws Exception {
    DataSource ds = database(LocalPostgres.shared());
    CampaignStore store = JdbcCampaignStore.builder(ds).build();
    TestClock clock = TestClock.at(Instant.parse("2026-03-02T12:00:00Z"));
    MessageSender first = sender(400);
    Campaign c1 =
        start(
            Campaign.builder("kill", first, store)
                .audience(audience(600))
                .variant("A", PROMO)
                .clock(clock)
                .workerId("w1")
                .batchSize(50)
                .maxInFlight(100));
    until("150 sent", () -> sent(store, "kill") >= 150);
    // the instance dies: its worker stops, its sender drops what it still queued
    c1.close();
    first.close(Duration.ZERO);
    long sentBefore = sent(store, "kill");

    clock.advance(Duration.ofMinutes(10)); // past the lease of what it had claimed
    Campaign c2 =
        start(
            Campaign.builder("kill", sender(400), JdbcCampaignStore.builder(ds).build())
                .audience(audience(600))
                .variant("A", PROMO)
                .clock(clock)
                .workerId("w2"));
    CampaignSnapshot done = c2.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(done.remaining()).isZero();
    long unknown = done.count(RecipientState.UNKNOWN);
    assertThat(done.count(RecipientState.SENT) + unknown).isEqualTo(600);
    assertThat(unknown).as("in doubt: at most what the first instance held").isBetween(0L, 100L);
    assertThat(done.count(RecipientState.SENT)).isGreaterThanOrEqualTo(sentBefore);
    Map<String, Integer> sends = sendsPerRecipient();
    assertThat(sends.values()).as("no recipient got two messages").allMatch(n -> n == 1);
    assertThat((long) sends.size()).isBetween(600 - unknown, 600L);
    assertEveryRowFinalWithUniqueWamids(store, "kill", 600);
    Set<String> simWamids =
        sim.sentMessages().stream().map(SentMessage::wamid).collect(Collectors.toSet());
    store.forEachRecipient(
        "kill", r -> r.wamid().ifPresent(w -> assertThat(simWamids).contains(w)));
  }

  @Test
  void twoWorkers_coverTheAudienceExactlyOnce() throws Exception {
    LocalPostgres pg = LocalPostgres.shared();
    DataSource ds = database(pg);
    CampaignStore a = JdbcCampaignStore.builder(ds).build();
    String db = ((PGSimpleDataSource) ds).getDatabaseName();
    CampaignStore b = JdbcCampaignStore.builder(pg.dataSource(db)).build();
    MessageSender senderA = sender(300);
    MessageSender senderB = sender(300);
    Campaign ca =
        start(
            Campaign.builder("two", senderA, a)
                .audience(audience(1000))
                .variant("A", PROMO)
                .workerId("wa")
                .batchSize(20)
                .maxInFlight(20));
    Campaign cb =
        start(
            Campaign.builder("two", senderB, b)
                .audience(audience(1000))
                .variant("A", PROMO)
                .workerId("wb")
                .batchSize(20)
                .maxInFlight(20));
    CampaignSnapshot doneA = ca.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    cb.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(doneA.count(RecipientState.SENT)).isEqualTo(1000);
    Map<String, Integer> sends = sendsPerRecipient();
    assertThat(sends).hasSize(1000);
    assertThat(sends.values()).allMatch(n -> n == 1);
    // each sender is capped at 300/s and 20 in flight, so neither can finish 1,000 alone before
    // the other starts claiming
    assertThat(senderA.stats().sent()).isPositive();
    assertThat(senderB.stats().sent()).isPositive();
    assertThat(senderA.stats().sent() + senderB.stats().sent()).isEqualTo(1000);
    assertEveryRowFinalWithUniqueWamids(a, "two", 1000);
  }

  @Test
  void postgresRestartedMidCampaign_pausesAndResumes_nothingLost() throws Exception {
    try (LocalPostgres pg = LocalPostgres.start()) {
      DataSource ds = database(pg);
      CampaignStore store = JdbcCampaignStore.builder(ds).build();
      Campaign c =
          start(
              Campaign.builder("restart", sender(200), store)
                  .audience(audience(800))
                  .variant("A", PROMO)
                  .batchSize(50)
                  .maxInFlight(100));
      until("100 sent", () -> sent(store, "restart") >= 100);
      pg.stop();
      awaitEvent(CampaignEvent.Type.STORE_UNAVAILABLE);
      assertThat(c.completion()).isNotDone();
      pg.restart();
      awaitEvent(CampaignEvent.Type.STORE_RECOVERED);
      CampaignSnapshot done = c.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);

      assertThat(done.count(RecipientState.SENT)).isEqualTo(800);
      Map<String, Integer> sends = sendsPerRecipient();
      assertThat(sends).hasSize(800);
      assertThat(sends.values()).allMatch(n -> n == 1);
      assertEveryRowFinalWithUniqueWamids(store, "restart", 800);
      c.close();
    }
  }
}
