package dev.wasdk.jdbc.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.campaigns.Audience;
import dev.wasdk.campaigns.AudienceMember;
import dev.wasdk.campaigns.Campaign;
import dev.wasdk.campaigns.CampaignSnapshot;
import dev.wasdk.campaigns.CampaignStore;
import dev.wasdk.campaigns.RecipientState;
import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.jdbc.testing.LocalPostgres;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.redis.RedisLimiterStore;
import dev.wasdk.redis.testing.LocalRedisServer;
import dev.wasdk.sender.LimiterStore;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two campaign workers on one PostgreSQL store, each with its own sender, the senders sharing one
 * Redis limiter store: together they cover the audience exactly once at one throughput, although
 * each sender alone would be allowed all of it. That no span of 1.01 s holds more than the
 * throughput of their departures, with late wake-ups, is shown on a fake clock by {@code
 * SharedStorePacingTest} (core) and {@code RedisTwoSendersTest} (Redis); here the clock is real, so
 * only what a loaded machine cannot shift is asserted: the pace is one budget, not two.
 */
class SharedLimitsCampaignTest {
  private static final int THROUGHPUT = 50;
  private static final int USERS = 400;

  private final List<AutoCloseable> closing = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    for (int i = closing.size() - 1; i >= 0; i--) {
      closing.get(i).close();
    }
  }

  @Test
  void twoWorkersSharingRedisLimits_coverTheAudienceOnceAtOneThroughput() throws Exception {
    WhatsAppSimulator sim =
        WhatsAppSimulator.builder()
            .throughputPerSecond(1000) // the simulator counts; the senders must keep to 50
            .messagingTier(MessagingTier.TIER_10K)
            .start();
    closing.add(sim);
    sim.registerTemplate("promo", "en", TemplateCategory.UTILITY, 1);
    String prefix = "camp-limits:" + UUID.randomUUID() + ":";
    LocalPostgres pg = LocalPostgres.shared();
    String db = ((PGSimpleDataSource) pg.createDatabase()).getDatabaseName();
    DataSource dsA = pg.dataSource(db);
    DataSource dsB = pg.dataSource(db);

    MessageSender senderA = sender(sim, limiter(prefix));
    MessageSender senderB = sender(sim, limiter(prefix));
    Campaign a = campaign(senderA, JdbcCampaignStore.builder(dsA).build(), "wa");
    Campaign b = campaign(senderB, JdbcCampaignStore.builder(dsB).build(), "wb");
    a.start();
    b.start();
    CampaignSnapshot doneA = a.completion().get(60, TimeUnit.SECONDS);
    b.completion().get(60, TimeUnit.SECONDS);

    assertThat(doneA.count(RecipientState.SENT)).isEqualTo(USERS);
    // both workers took a real share of the audience
    assertThat(senderA.stats().sent()).as("worker A's sends").isGreaterThan(USERS / 5);
    assertThat(senderB.stats().sent()).as("worker B's sends").isGreaterThan(USERS / 5);
    assertThat(senderA.stats().sent() + senderB.stats().sent()).isEqualTo(USERS);

    // each recipient reached exactly once, by one of the two workers
    Map<String, Long> perRecipient =
        sim.sentMessages().stream()
            .collect(
                Collectors.groupingBy(m -> m.message().recipient().value(), Collectors.counting()));
    assertThat(perRecipient).hasSize(USERS);
    assertThat(perRecipient.values()).containsOnly(1L);

    List<Instant> arrivals =
        sim.sentMessages().stream().map(SentMessage::time).sorted().collect(Collectors.toList());
    // Paced together at 49 per second, the sends after the first tenth (past the first
    // connections and the warm-up) take 359 / 49 = 7.3 s to arrive; two budgets would let them
    // through in half that. A loaded machine can only make it longer; 1 s is left for the one
    // answer that may lag behind.
    int k = USERS / 10;
    double seconds = Duration.between(arrivals.get(k), arrivals.get(USERS - 1)).toMillis() / 1e3;
    double paced = THROUGHPUT * 0.98;
    assertThat(seconds)
        .as("seconds from arrival %d to the last", k)
        .isGreaterThan((USERS - 1 - k) / paced - 1);
  }

  private LimiterStore limiter(String prefix) {
    RedisLimiterStore store =
        RedisLimiterStore.builder()
            .redisUri(LocalRedisServer.shared().uri())
            .keyPrefix(prefix)
            .build();
    closing.add(store);
    return store;
  }

  private MessageSender sender(WhatsAppSimulator sim, LimiterStore limits) {
    WhatsAppClient wa =
        WhatsAppClient.builder()
            .accessToken(sim.accessToken())
            .phoneNumberId(sim.phoneNumberId())
            .baseUrl(sim.baseUrl())
            .build();
    MessageSender s =
        MessageSender.builder(wa)
            .throughputPerSecond(THROUGHPUT)
            // a loaded machine can stall Redis calls past the default budget; this test is about
            // the shared rate, not about a slow store
            .storeCallBudget(Duration.ofSeconds(2))
            .tier(MessagingTier.TIER_10K)
            .store(limits)
            .build();
    closing.add(() -> s.close(Duration.ZERO));
    return s;
  }

  private Campaign campaign(MessageSender sender, CampaignStore store, String worker) {
    List<AudienceMember> members =
        IntStream.range(0, USERS)
            .mapToObj(
                i ->
                    AudienceMember.of(
                        "+1650557" + String.format("%04d", i), Map.of("name", "U" + i)))
            .collect(Collectors.toList());
    Campaign c =
        Campaign.builder("shared-limits", sender, store)
            .audience(Audience.of(members))
            .variant(
                "A",
                (to, m) ->
                    to.template("promo", "en")
                        .category(TemplateCategory.UTILITY)
                        .bodyText(m.param("name"))
                        .build())
            .workerId(worker)
            .batchSize(20)
            .maxInFlight(20)
            .pollInterval(Duration.ofMillis(10))
            .build();
    closing.add(c);
    return c;
  }
}
