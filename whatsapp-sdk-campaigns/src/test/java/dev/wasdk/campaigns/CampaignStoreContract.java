package dev.wasdk.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.campaigns.CampaignStore.Claim;
import dev.wasdk.campaigns.CampaignStore.Entry;
import dev.wasdk.campaigns.CampaignStore.Outcome;
import dev.wasdk.campaigns.CampaignStore.Progress;
import dev.wasdk.sender.RejectReason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link CampaignStore} must have. Extend it and return a store; each test uses
 * a campaign id of its own, so one store may serve every test.
 */
public abstract class CampaignStoreContract {
  /** A time with whole milliseconds, as every backend keeps them. */
  protected static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");

  /**
   * Returns the store under test.
   *
   * @return the store
   */
  protected abstract CampaignStore store();

  /**
   * Returns a second handle on the same data, as another app instance would have it; by default the
   * same store.
   *
   * @return the store
   */
  protected CampaignStore secondInstance() {
    return store();
  }

  private static String campaign() {
    return "c" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static List<Entry> entries(long from, int n, String variant, boolean sample) {
    List<Entry> out = new ArrayList<>();
    for (long i = from; i < from + n; i++) {
      out.add(
          new Entry(
              i,
              "+1650555" + String.format("%04d", i),
              Map.of("name", "N" + i, "x", "a=b&c"),
              i % 2 == 0 ? Optional.of(ZoneId.of("Asia/Tokyo")) : Optional.empty(),
              variant,
              sample));
    }
    return out;
  }

  private static Claim claim(String worker, int limit) {
    return new Claim(worker, limit, T0, T0.plusSeconds(300), true, null);
  }

  @Test
  void appendAudience_movesCursor_onlyFromExpectedPosition() {
    CampaignStore s = store();
    String c = campaign();
    assertThat(s.audienceCursor(c)).isZero();
    assertThat(s.appendAudience(c, 0, entries(0, 10, "A", false))).isTrue();
    assertThat(s.audienceCursor(c)).isEqualTo(10);
    assertThat(secondInstance().appendAudience(c, 0, entries(0, 10, "A", false))).isFalse();
    assertThat(s.appendAudience(c, 10, entries(10, 5, "A", false))).isTrue();
    assertThat(s.audienceCursor(c)).isEqualTo(15);
    Entry e = s.recipient(c, 12).orElseThrow().entry();
    assertThat(e).isEqualTo(entries(12, 1, "A", false).get(0));
    assertThat(e.params()).containsEntry("x", "a=b&c");
    assertThat(e.zone()).contains(ZoneId.of("Asia/Tokyo"));
    assertThat(s.recipient(c, 15)).isEmpty();
  }

  @Test
  void claim_lowestPendingFirst_respectsLimitNotBeforeAndVariants() {
    CampaignStore s = store();
    String c = campaign();
    s.appendAudience(c, 0, entries(0, 4, "A", true));
    s.appendAudience(c, 4, entries(4, 4, null, false));
    List<Entry> first = s.claim(c, new Claim("w", 3, T0, T0.plusSeconds(60), false, null));
    assertThat(first).extracting(Entry::index).containsExactly(0L, 1L, 2L);
    s.release(c, "w", List.of(1L), T0.plusSeconds(3600));
    List<Entry> second = s.claim(c, new Claim("w", 10, T0, T0.plusSeconds(60), false, null));
    assertThat(second).extracting(Entry::index).containsExactly(3L);
    List<Entry> assigned = s.claim(c, new Claim("w", 2, T0, T0.plusSeconds(60), true, "B"));
    assertThat(assigned).extracting(Entry::index).containsExactly(4L, 5L);
    assertThat(assigned).extracting(Entry::variant).containsOnly("B");
    assertThat(s.recipient(c, 5).orElseThrow().entry().variant()).isEqualTo("B");
    List<Entry> later =
        s.claim(c, new Claim("w", 10, T0.plusSeconds(3600), T0.plusSeconds(4000), true, null));
    assertThat(later).extracting(Entry::index).containsExactly(1L, 6L, 7L);
    assertThat(later.get(1).variant()).isNull();
    assertThat(s.counts(c, false)).isEqualTo(Map.of(RecipientState.CLAIMED, 8L));
    assertThat(s.counts(c, true)).isEqualTo(Map.of(RecipientState.CLAIMED, 4L));
  }

  @Test
  void claim_twoWorkersAtOnce_disjoint_coverEverything() throws Exception {
    String c = campaign();
    CampaignStore a = store();
    CampaignStore b = secondInstance();
    for (int i = 0; i < 2000; i += 500) {
      a.appendAudience(c, i, entries(i, 500, "A", false));
    }
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Callable<List<Long>>> workers = new ArrayList<>();
      for (CampaignStore st : List.of(a, b)) {
        String w = st == a ? "wa" : "wb";
        workers.add(
            () -> {
              List<Long> got = new ArrayList<>();
              while (true) {
                List<Entry> batch = st.claim(c, claim(w, 37));
                if (batch.isEmpty()) {
                  return got;
                }
                batch.forEach(e -> got.add(e.index()));
              }
            });
      }
      List<Future<List<Long>>> results = pool.invokeAll(workers, 60, TimeUnit.SECONDS);
      Set<Long> all = new HashSet<>();
      long total = 0;
      for (Future<List<Long>> f : results) {
        List<Long> got = f.get();
        total += got.size();
        all.addAll(got);
      }
      assertThat(total).isEqualTo(2000);
      assertThat(all).hasSize(2000);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void outcomes_applyOnlyToOwnClaims_andNeverOverwriteFinalStates() {
    CampaignStore s = store();
    String c = campaign();
    s.appendAudience(c, 0, entries(0, 4, "A", false));
    s.claim(c, claim("w1", 4));
    s.recordOutcomes(c, "w2", List.of(new Outcome(0, RecipientState.SENT, "wamid.x", null, T0)));
    assertThat(s.recipient(c, 0).orElseThrow().state()).isEqualTo(RecipientState.CLAIMED);
    s.recordOutcomes(
        c,
        "w1",
        List.of(
            new Outcome(0, RecipientState.SENT, "wamid.0", null, T0),
            new Outcome(1, RecipientState.REFUSED, null, RejectReason.OPTED_OUT, T0),
            new Outcome(2, RecipientState.PENDING, null, null, T0)));
    s.recordOutcomes(
        c, "w1", List.of(new Outcome(0, RecipientState.REFUSED, null, RejectReason.API_ERROR, T0)));
    CampaignStore.Row r0 = s.recipient(c, 0).orElseThrow();
    assertThat(r0.state()).isEqualTo(RecipientState.SENT);
    assertThat(r0.wamid()).contains("wamid.0");
    assertThat(s.recipient(c, 1).orElseThrow().reason()).contains(RejectReason.OPTED_OUT);
    assertThat(s.recipient(c, 2).orElseThrow().state()).isEqualTo(RecipientState.PENDING);
    assertThat(s.findByWamid("wamid.0")).contains(TrackingTag.of(c, "A", 0));
  }

  @Test
  void expiredClaims_becomeUnknown_thenASentOutcomeOrStatusProvesThem() {
    CampaignStore s = store();
    String c = campaign();
    s.appendAudience(c, 0, entries(0, 3, "A", false));
    s.claim(c, new Claim("w1", 3, T0, T0.plusSeconds(60), true, null));
    assertThat(s.renewClaims(c, "w1", T0.plusSeconds(120))).isEqualTo(3);
    assertThat(s.expireClaims(c, T0.plusSeconds(100))).isZero();
    assertThat(s.expireClaims(c, T0.plusSeconds(121))).isEqualTo(3);
    assertThat(s.counts(c, false)).isEqualTo(Map.of(RecipientState.UNKNOWN, 3L));
    // never claimable again
    assertThat(s.claim(c, claim("w2", 10))).isEmpty();
    s.recordOutcomes(c, "w1", List.of(new Outcome(0, RecipientState.SENT, "wamid.a", null, T0)));
    s.recordOutcomes(
        c, "w1", List.of(new Outcome(1, RecipientState.REFUSED, null, RejectReason.API_ERROR, T0)));
    s.recordProgress(c, List.of(new Progress(2, "wamid.c", 2, 0, false, "marketing", T0)));
    assertThat(s.recipient(c, 0).orElseThrow().state()).isEqualTo(RecipientState.SENT);
    assertThat(s.recipient(c, 1).orElseThrow().state()).isEqualTo(RecipientState.UNKNOWN);
    CampaignStore.Row r2 = s.recipient(c, 2).orElseThrow();
    assertThat(r2.state()).isEqualTo(RecipientState.SENT);
    assertThat(r2.wamid()).contains("wamid.c");
    assertThat(s.findByWamid("wamid.c")).contains(TrackingTag.of(c, "A", 2));
  }

  @Test
  void progress_keepsHighestRank_failureRepliesAndPricing_inFunnels() {
    CampaignStore s = store();
    String c = campaign();
    s.appendAudience(c, 0, entries(0, 2, "A", true));
    s.appendAudience(c, 2, entries(2, 2, "B", false));
    s.claim(c, claim("w", 4));
    s.recordOutcomes(
        c,
        "w",
        List.of(
            new Outcome(0, RecipientState.SENT, "w0", null, T0),
            new Outcome(1, RecipientState.SENT, "w1", null, T0),
            new Outcome(2, RecipientState.SENT, "w2", null, T0),
            new Outcome(3, RecipientState.REFUSED, null, RejectReason.NO_CONSENT, T0)));
    s.recordProgress(
        c,
        List.of(
            new Progress(0, "w0", 3, 0, false, "marketing", T0.plusSeconds(60)),
            new Progress(0, "w0", 2, 0, false, null, T0.plusSeconds(90)),
            new Progress(0, "w0", 0, 0, true, null, T0),
            new Progress(1, "w1", 0, 131026, false, null, T0),
            new Progress(2, "w2", 2, 0, false, "marketing", T0)));
    s.putValue(c, "clicks.A", "7");
    Funnel a = s.funnels(c, false).get("A");
    assertThat(a.submitted()).isEqualTo(2);
    assertThat(a.sent()).isEqualTo(2);
    assertThat(a.delivered()).isEqualTo(1);
    assertThat(a.read()).isEqualTo(1);
    assertThat(a.replied()).isEqualTo(1);
    assertThat(a.clicked()).isEqualTo(7);
    assertThat(a.failed()).isEqualTo(Map.of(131026, 1L));
    assertThat(a.charged()).isEqualTo(Map.of("marketing", 1L));
    Funnel b = s.funnels(c, false).get("B");
    assertThat(b.refused()).isEqualTo(Map.of(RejectReason.NO_CONSENT, 1L));
    assertThat(b.delivered()).isEqualTo(1);
    assertThat(s.funnels(c, true)).containsOnlyKeys("A");
    CampaignStore.Row r0 = s.recipient(c, 0).orElseThrow();
    assertThat(r0.rank()).isEqualTo(3);
    assertThat(r0.deliveredAt()).contains(T0.plusSeconds(60));
    assertThat(r0.changedAt()).isEqualTo(T0);
    assertThat(s.recipient(c, 1).orElseThrow().deliveredAt()).isEmpty();
    assertThat(s.recipient(c, 1).orElseThrow().state()).isEqualTo(RecipientState.FAILED);
  }

  @Test
  void values_firstWriterWins_putReplaces() {
    CampaignStore s = store();
    String c = campaign();
    assertThat(s.value(c, "k")).isEmpty();
    assertThat(s.putValueIfAbsent(c, "k", "one")).isEqualTo("one");
    assertThat(secondInstance().putValueIfAbsent(c, "k", "two")).isEqualTo("one");
    s.putValue(c, "k", "three");
    assertThat(s.value(c, "k")).contains("three");
  }

  @Test
  void forEachRecipient_passesEveryRowInOrder() {
    CampaignStore s = store();
    String c = campaign();
    for (int i = 0; i < 2500; i += 500) {
      s.appendAudience(c, i, entries(i, 500, "A", false));
    }
    List<Long> seen = new ArrayList<>();
    s.forEachRecipient(c, r -> seen.add(r.entry().index()));
    assertThat(seen).hasSize(2500);
    assertThat(seen).isSorted();
  }
}
