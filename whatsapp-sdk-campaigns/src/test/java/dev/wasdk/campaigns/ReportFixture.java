package dev.wasdk.campaigns;

import dev.wasdk.campaigns.CampaignStore.Claim;
import dev.wasdk.campaigns.CampaignStore.Entry;
import dev.wasdk.campaigns.CampaignStore.Outcome;
import dev.wasdk.campaigns.CampaignStore.Progress;
import dev.wasdk.sender.RejectReason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign of 20 recipients written straight into a store, with known numbers: even indexes get
 * variant A, odd ones B, all in the sample. Index i is sent at T0 + 20 i seconds (0 to 17), 18 is
 * refused (no consent), 19 ends UNKNOWN; i &lt; 15 is delivered 30 seconds after its send, read
 * when i % 3 == 0; 16 fails with 131049; 0 replies.
 */
final class ReportFixture {
  static final Instant T0 = Instant.parse("2026-03-02T12:00:00Z");
  static final String ID = "report";

  private ReportFixture() {}

  static CampaignStore store() {
    CampaignStore s = CampaignStore.inMemory();
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      entries.add(
          new Entry(
              i,
              "+1650555" + (1000 + i),
              Map.of("name", "N" + i),
              Optional.empty(),
              i % 2 == 0 ? "A" : "B",
              true));
    }
    s.appendAudience(ID, 0, entries);
    s.claim(ID, new Claim("w", 20, T0, T0.plusSeconds(600), true, null));
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < 18; i++) {
      outcomes.add(
          new Outcome(i, RecipientState.SENT, "wamid.r" + i, null, T0.plusSeconds(20L * i)));
    }
    outcomes.add(new Outcome(18, RecipientState.REFUSED, null, RejectReason.NO_CONSENT, T0));
    outcomes.add(new Outcome(19, RecipientState.UNKNOWN, null, null, T0));
    s.recordOutcomes(ID, "w", outcomes);
    List<Progress> progress = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      Instant at = T0.plusSeconds(20L * i + 30);
      progress.add(new Progress(i, "wamid.r" + i, i % 3 == 0 ? 3 : 2, 0, false, "marketing", at));
    }
    progress.add(new Progress(16, "wamid.r16", 0, 131049, false, null, T0.plusSeconds(400)));
    progress.add(new Progress(0, "wamid.r0", 0, 0, true, null, T0.plusSeconds(500)));
    s.recordProgress(ID, progress);
    AbDecision d =
        AbDecision.decide(
            AbTest.builder().minimumSample(5).build(),
            List.of("A", "B"),
            s.funnels(ID, true),
            T0.plusSeconds(3600));
    s.putValueIfAbsent(ID, "ab.decision", d.encode());
    return s;
  }
}
