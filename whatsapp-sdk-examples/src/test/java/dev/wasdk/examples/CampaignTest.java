package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.wasdk.campaigns.AbDecision;
import dev.wasdk.campaigns.Funnel;
import dev.wasdk.campaigns.Metric;
import dev.wasdk.campaigns.RecipientState;
import dev.wasdk.sender.RejectReason;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CampaignTest {

  @Test
  void simulate_5000Users_funnelMatchesTheSimulatedAudience(@TempDir Path dir) throws Exception {
    Campaign.Result r = Campaign.simulate(5_000, dir);
    System.out.println(r.describe());

    // Of every 10 users, #0 declines and #1 never answers (no consent), #2 and #3 opt out after
    // confirming: exactly 1,000 of each reason, unless one sits in the batch in doubt at the crash.
    long inDoubt = r.count(RecipientState.UNKNOWN);
    assertThat(inDoubt).as("at most one claim batch in doubt").isBetween(0L, (long) Campaign.BATCH);
    Funnel all = r.funnels().values().stream().reduce(Funnel.EMPTY, Funnel::plus);
    assertThat(all.refused().keySet())
        .as("nothing refused by the simulator, such as over the tier")
        .containsOnly(RejectReason.NO_CONSENT, RejectReason.OPTED_OUT);
    assertThat(all.refused().get(RejectReason.NO_CONSENT)).isBetween(1_000 - inDoubt, 1_000L);
    assertThat(all.refused().get(RejectReason.OPTED_OUT)).isBetween(1_000 - inDoubt, 1_000L);
    assertThat(r.count(RecipientState.SKIPPED) + r.count(RecipientState.CANCELLED)).isZero();
    long reached = 3_000 - inDoubt; // six of every ten consented, minus those in doubt
    assertThat(r.count(RecipientState.SENT) + r.count(RecipientState.FAILED))
        .isBetween(reached - inDoubt, 3_000L);

    // The 2K tier: the first day stopped at 2,000 users (plus slots given back by failures);
    // the rest went after the resume. Nobody got the campaign twice.
    assertThat(r.firstDaySends()).isBetween(2_000, 2_000 + 150);
    assertThat(r.firstDaySends() + r.secondDaySends()).isBetween((int) (3_000 - inDoubt), 3_000);
    assertThat(r.campaignSendsPerRecipient().values()).allMatch(n -> n == 1);

    // The simulated audience: 3% fail with 131026, A read by 30%, B by 60% of the sent.
    // (a message that fails delivery was still sent: "sent" counts Meta's acceptances)
    assertThat((double) all.failed().getOrDefault(131026, 0L) / all.sent())
        .isCloseTo(Campaign.UNREACHABLE, within(0.015));
    AbDecision d = r.decision();
    assertThat(d.winner()).contains("B");
    assertThat(d.pValue()).isLessThan(0.01);
    AbDecision.VariantResult a = d.variants().get(0);
    AbDecision.VariantResult b = d.variants().get(1);
    // about 150 sent per variant in the 10% sample: a wide tolerance
    assertThat(a.sent()).isBetween(100L, 200L);
    assertThat(a.rate()).isCloseTo(Campaign.READ_A * (1 - Campaign.UNREACHABLE), within(0.12));
    assertThat(b.rate()).isCloseTo(Campaign.READ_B * (1 - Campaign.UNREACHABLE), within(0.12));
    // B then went to everyone else: thousands of sends, so a tight tolerance
    Funnel fb = r.funnels().get("B");
    assertThat(fb.sent()).isGreaterThan(2_000);
    assertThat(fb.rate(Metric.READ))
        .isCloseTo(Campaign.READ_B * (1 - Campaign.UNREACHABLE), within(0.04));
    assertThat(fb.delivered() + fb.failedTotal()).isEqualTo(fb.sent());

    assertThat(r.report()).exists();
    assertThat(Files.readString(r.report())).contains("<svg", "B");
    assertThat(r.describe()).contains("Campaign spring-sale", "A/B:", "Report:");
  }
}
