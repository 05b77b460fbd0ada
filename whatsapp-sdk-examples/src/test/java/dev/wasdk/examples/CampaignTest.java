package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.sender.RejectReason;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignTest {

  @Test
  void simulate_200Users_sendsOnlyToConfirmedUsersAndReportsEachOutcome() throws Exception {
    // Of every 40 users: #0 declines, #1 never answers, #2 replies STOP, #3 stops marketing in
    // WhatsApp, #4 cannot be reached; 200 users make 5 of each.
    Campaign.Report report = Campaign.simulate(200, 1_000);

    Campaign.Broadcast b = report.broadcast();
    assertThat(b.audience()).isEqualTo(200);
    assertThat(b.refused())
        .isEqualTo(Map.of(RejectReason.NO_CONSENT, 10, RejectReason.OPTED_OUT, 10));
    assertThat(b.accepted()).isEqualTo(180);
    assertThat(b.other()).isZero();
    assertThat(report.failedByCode()).isEqualTo(Map.of(131026, 5));
    assertThat(report.delivered()).isEqualTo(175);
    assertThat(report.read()).isEqualTo(175);
    // A message that fails delivery has no sent status.
    assertThat(report.sent()).isEqualTo(175);
  }
}
