package dev.wasdk.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.message.Message;
import dev.wasdk.sender.RejectReason;
import dev.wasdk.testkit.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CampaignTest {
  private static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final List<Campaign> open = new ArrayList<>();
  private final BlockingQueue<CampaignEvent> events = new LinkedBlockingQueue<>();

  @AfterEach
  void closeAll() {
    open.forEach(Campaign::close);
  }

  private static List<AudienceMember> audience(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> AudienceMember.of(phone(i), Map.of("name", "User" + i)))
        .collect(Collectors.toList());
  }

  private static String phone(long i) {
    return "+1650555" + String.format("%04d", i);
  }

  private static VariantMessage template(String name) {
    return (to, m) -> to.template(name, "en").bodyText(m.param("name")).build();
  }

  private Campaign.Builder campaign(
      String id, FakeSubmitter sender, CampaignStore store, List<AudienceMember> members) {
    return Campaign.builder(id, sender, store)
        .audience(Audience.of(members))
        .pollInterval(Duration.ofMillis(5))
        .listener(events::add);
  }

  private Campaign started(Campaign.Builder b) {
    Campaign c = b.build();
    open.add(c);
    return c.start();
  }

  private CampaignEvent awaitEvent(CampaignEvent.Type type) throws InterruptedException {
    while (true) {
      CampaignEvent e = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
      assertThat(e).as("waiting for " + type).isNotNull();
      if (e.type() == type) {
        return e;
      }
    }
  }

  @Test
  void run_sendsEachRecipientOnce_withTagsAndParameters() throws Exception {
    FakeSubmitter sender = new FakeSubmitter();
    sender.refuse = m -> m.recipient().value().endsWith("7");
    CampaignStore store = CampaignStore.inMemory();
    Campaign c =
        started(
            campaign("basic", sender, store, audience(250))
                .variant("A", template("promo"))
                .batchSize(40));

    CampaignSnapshot done = c.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    assertThat(sender.received).hasSize(250);
    Set<Long> indexes = new HashSet<>();
    for (Message m : sender.received) {
      TrackingTag tag = FakeSubmitter.tag(m);
      assertThat(tag.campaignId()).isEqualTo("basic");
      assertThat(indexes.add(tag.index())).as("sent once: " + tag.index()).isTrue();
      assertThat(m.recipient().value()).isEqualTo(phone(tag.index()));
    }
    assertThat(done.status()).isEqualTo(CampaignSnapshot.Status.COMPLETED);
    assertThat(done.count(RecipientState.SENT)).isEqualTo(225);
    assertThat(done.count(RecipientState.REFUSED)).isEqualTo(25);
    Funnel f = c.funnels().get("A");
    assertThat(f.submitted()).isEqualTo(250);
    assertThat(f.sent()).isEqualTo(225);
    assertThat(f.refused()).isEqualTo(Map.of(RejectReason.NO_CONSENT, 25L));
  }

  @Test
  void pauseResume_nothingClaimedWhilePaused() throws Exception {
    FakeSubmitter sender = new FakeSubmitter();
    CampaignStore store = CampaignStore.inMemory();
    Campaign c =
        campaign("pausing", sender, store, audience(100)).variant("A", template("p")).build();
    open.add(c);
    c.pause();
    c.start();
    awaitEvent(CampaignEvent.Type.PAUSED);
    assertThat(sender.received).isEmpty();
    assertThat(c.snapshot().status()).isEqualTo(CampaignSnapshot.Status.PAUSED);
    c.resume();
    awaitEvent(CampaignEvent.Type.RESUMED);
    assertThat(c.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS).count(RecipientState.SENT))
        .isEqualTo(100);
  }

  @Test
  void cancel_restEndsCancelled_inFlightStillRecorded() throws Exception {
    FakeSubmitter sender = new FakeSubmitter();
    sender.hold = true;
    CampaignStore store = CampaignStore.inMemory();
    Campaign c =
        started(
            campaign("cancelling", sender, store, audience(300))
                .variant("A", template("p"))
                .batchSize(50)
                .maxInFlight(50));
    Poll.until("the first claim is held", () -> sender.held.size() == 50);
    c.cancel();
    Poll.until("the rest is cancelled", () -> c.snapshot().count(RecipientState.CANCELLED) == 250);
    assertThat(c.completion()).isNotDone();
    sender.releaseAll();
    CampaignSnapshot done = c.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(done.count(RecipientState.SENT)).isEqualTo(50);
    assertThat(done.count(RecipientState.CANCELLED)).isEqualTo(250);
    assertThat(sender.received).hasSize(50);
    awaitEvent(CampaignEvent.Type.CANCELLED);
  }

  @Test
  void crash_restartAfterLease_eachRecipientOneFinalState_noneSentTwice() throws Exception {
    TestClock clock = TestClock.at(T0);
    CampaignStore store = CampaignStore.inMemory();
    FakeSubmitter first = new FakeSubmitter();
    first.hold = true;
    Campaign c1 =
        started(
            campaign("crash", first, store, audience(300))
                .variant("A", template("p"))
                .clock(clock)
                .workerId("w1")
                .batchSize(50)
                .maxInFlight(50));
    Poll.until("the first claim is held", () -> first.held.size() == 50);
    // 30 answers come back and are recorded; then the instance dies with 20 unanswered
    List<Message> answered =
        first.held.keySet().stream()
            .filter(m -> FakeSubmitter.tag(m).index() < 30)
            .collect(Collectors.toList());
    answered.forEach(m -> first.held.remove(m).complete(first.answer(m)));
    Poll.until(
        "30 recorded",
        () -> store.counts("crash", false).getOrDefault(RecipientState.SENT, 0L) == 30);
    c1.close();

    clock.advance(Duration.ofMinutes(10)); // past the 5-minute lease
    FakeSubmitter second = new FakeSubmitter();
    Campaign c2 =
        started(
            campaign("crash", second, store, audience(300))
                .variant("A", template("p"))
                .clock(clock)
                .workerId("w2")
                .batchSize(50));
    CampaignSnapshot done = c2.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    // everything the first instance handed over but never heard back about is in doubt
    long inDoubt = first.received.size() - 30;
    assertThat(inDoubt).isBetween(20L, 50L);
    assertThat(done.count(RecipientState.UNKNOWN)).isEqualTo(inDoubt);
    assertThat(done.count(RecipientState.SENT)).isEqualTo(300 - inDoubt);
    assertThat(done.remaining()).isZero();
    Map<Long, Integer> sends = new HashMap<>();
    for (Message m : first.received) {
      sends.merge(FakeSubmitter.tag(m).index(), 1, Integer::sum);
    }
    for (Message m : second.received) {
      sends.merge(FakeSubmitter.tag(m).index(), 1, Integer::sum);
    }
    assertThat(sends).hasSize(300);
    assertThat(sends.values()).allMatch(n -> n == 1);
    Set<Long> firstIndexes =
        first.received.stream().map(m -> FakeSubmitter.tag(m).index()).collect(Collectors.toSet());
    assertThat(second.received).noneMatch(m -> firstIndexes.contains(FakeSubmitter.tag(m).index()));
    Set<String> wamids = new HashSet<>();
    store.forEachRecipient(
        "crash",
        r -> {
          assertThat(r.state().isFinal()).isTrue();
          r.wamid().ifPresent(w -> assertThat(wamids.add(w)).as("unique wamid").isTrue());
        });
  }

  @Test
  void abTest_readRateTwice_challengerWins_restGetsWinner_reproducible() throws Exception {
    TestClock clock = TestClock.at(T0);
    CampaignStore store = CampaignStore.inMemory();
    FakeSubmitter sender = new FakeSubmitter();
    AbTest test =
        AbTest.builder()
            .sampleShare(0.2)
            .metric(Metric.READ)
            .decisionWait(Duration.ofHours(1))
            .minimumSample(100)
            .significance(0.01)
            .build();
    Campaign c =
        started(
            campaign("ab", sender, store, audience(2000))
                .variant("A", template("promo_a"))
                .variant("B", template("promo_b"))
                .abTest(test)
                .clock(clock)
                .batchSize(200));
    awaitEvent(CampaignEvent.Type.SAMPLE_DONE);
    List<Message> sample = List.copyOf(sender.received);
    assertThat(sample.size()).isBetween(300, 500);
    for (Message m : sample) {
      TrackingTag t = FakeSubmitter.tag(m);
      long digit = t.index() % 10;
      boolean read = t.variant().equals("A") ? digit < 2 : digit < 4; // 20% vs 40%
      String wamid = sender.wamidByIndex.get(t.index());
      c.accept(Hooks.status(wamid, "delivered", "1650555", t.encode(), clock.instant(), null));
      if (read) {
        c.accept(Hooks.status(wamid, "read", "1650555", t.encode(), clock.instant(), null));
      }
    }
    assertThat(c.decision()).isEmpty();
    clock.advance(Duration.ofHours(2));
    CampaignEvent decided = awaitEvent(CampaignEvent.Type.DECIDED);
    CampaignSnapshot done = c.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);

    AbDecision d = c.decision().orElseThrow();
    assertThat(d.winner()).contains("B");
    assertThat(d.pValue()).isLessThan(0.01);
    assertThat(d.ciLow()).isPositive();
    assertThat(decided.detail()).isEqualTo(d.explanation()).startsWith("B wins");
    assertThat(done.count(RecipientState.SENT)).isEqualTo(2000);
    List<Message> rest = sender.received.subList(sample.size(), sender.received.size());
    assertThat(rest).hasSize(2000 - sample.size());
    assertThat(rest).allMatch(m -> FakeSubmitter.tag(m).variant().equals("B"));
    // the decision is a pure function of the stored sample
    AbDecision again =
        AbDecision.decide(test, List.of("A", "B"), store.funnels("ab", true), d.decidedAt());
    assertThat(again).isEqualTo(d);
    assertThat(store.funnels("ab", false).get("B").sent()).isGreaterThan(1500);
  }

  @Test
  void quietHours_recipientsInQuietZoneWaitUntilMorning() throws Exception {
    TestClock clock = TestClock.at(T0); // 12:00 UTC = 21:00 in Tokyo
    CampaignStore store = CampaignStore.inMemory();
    FakeSubmitter sender = new FakeSubmitter();
    List<AudienceMember> members = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      AudienceMember m = AudienceMember.of(phone(i), Map.of("name", "U" + i));
      members.add(m.withZone(ZoneId.of(i % 2 == 0 ? "Asia/Tokyo" : "Europe/London")));
    }
    Campaign c =
        started(
            campaign("quiet", sender, store, members)
                .variant("A", template("p"))
                .quietHours(LocalTime.of(21, 0), LocalTime.of(8, 0))
                .clock(clock));
    Poll.until(
        "London sent",
        () -> store.counts("quiet", false).getOrDefault(RecipientState.SENT, 0L) == 20);
    assertThat(sender.received).allMatch(m -> FakeSubmitter.tag(m).index() % 2 == 1);
    assertThat(c.completion()).isNotDone();
    clock.advance(Duration.ofHours(11)); // 08:00 in Tokyo
    CampaignSnapshot done = c.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    assertThat(done.count(RecipientState.SENT)).isEqualTo(40);
  }

  @Test
  void failedStatus_hoursLaterOnNewInstance_callsBackWithRebuiltMessage() throws Exception {
    TestClock clock = TestClock.at(T0);
    CampaignStore store = CampaignStore.inMemory();
    FakeSubmitter sender = new FakeSubmitter();
    Campaign c1 =
        started(
            campaign("late", sender, store, audience(10)).variant("A", template("p")).clock(clock));
    c1.completion().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    c1.close();
    Message sent = sender.received.get(3);
    TrackingTag tag = FakeSubmitter.tag(sent);
    String wamid = sender.wamidByIndex.get(tag.index());

    clock.advance(Duration.ofHours(6));
    List<DeliveryFailure> failures = new CopyOnWriteArrayList<>();
    Campaign c2 =
        started(
            campaign("late", new FakeSubmitter(), store, audience(10))
                .variant("A", template("p"))
                .clock(clock)
                .onFailure(failures::add));
    c2.accept(Hooks.failed(wamid, "1650555" + tag.index(), tag.encode(), clock.instant(), 131049));

    assertThat(failures)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.tag()).contains(tag);
              assertThat(f.original()).contains(sent);
              assertThat(f.advice()).isEqualTo(FailureAdvice.LATER);
              assertThat(f.at()).isEqualTo(T0.plus(Duration.ofHours(6)));
            });
    Poll.until(
        "the failure is stored",
        () -> store.recipient("late", tag.index()).orElseThrow().state() == RecipientState.FAILED);
    assertThat(store.recipient("late", tag.index()).orElseThrow().errorCode()).isEqualTo(131049);
    assertThat(c2.funnels().get("A").failed()).isEqualTo(Map.of(131049, 1L));
  }

  @Test
  void snapshot_estimatesFinishFromThroughputWhileSending() throws Exception {
    TestClock clock = TestClock.at(T0);
    FakeSubmitter sender = new FakeSubmitter();
    sender.hold = true;
    CampaignStore store = CampaignStore.inMemory();
    Campaign c =
        started(
            campaign("eta", sender, store, audience(1000))
                .variant("A", template("p"))
                .clock(clock)
                .batchSize(100)
                .maxInFlight(100));
    Poll.until("the first claim is held", () -> sender.held.size() == 100);
    awaitEvent(CampaignEvent.Type.AUDIENCE_LOADED);
    CampaignSnapshot s = c.snapshot();
    assertThat(s.status()).isEqualTo(CampaignSnapshot.Status.RUNNING);
    assertThat(s.audienceComplete()).isTrue();
    assertThat(s.remaining()).isEqualTo(1000);
    assertThat(s.inFlight()).isEqualTo(100);
    // no outcome yet: the estimate assumes 80 messages a second, so 1,000 take 12.5 s
    assertThat(s.sendRatePerSecond()).isEqualTo(80.0);
    assertThat(s.estimatedFinish()).contains(T0.plusMillis(12_500));
    sender.hold = false;
    // a message handed over while hold was being switched off may still be held: release until done
    Poll.until(
        "the campaign completes",
        () -> {
          sender.releaseAll();
          return c.completion().isDone();
        });
    assertThat(c.completion().get().remaining()).isZero();
  }
}
