package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.sender.RejectReason;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CampaignTest {

  @Test
  void simulate_200UsersAt50PerDay_sendsOnlyToConfirmedUsersOverFourDays() throws Exception {
    // Of every 40 users: #0 declines, #1 never answers, #2 replies STOP, #3 stops marketing in
    // WhatsApp, #4 cannot be reached; 200 users make 5 of each, and leave 180 who may receive it.
    Campaign.Report report = Campaign.simulate(200, 1_000, MessagingTier.TIER_50);

    Campaign.Broadcast b = report.broadcast();
    assertThat(b.audience()).isEqualTo(200);
    assertThat(b.refused())
        .isEqualTo(Map.of(RejectReason.NO_CONSENT, 10, RejectReason.OPTED_OUT, 10));
    // The windows had closed, so each day took the tier's 50 unique users, plus the slots given
    // back by the day's failed deliveries (131026) whose status came back in time.
    List<Integer> days = report.acceptedByDay();
    assertThat(days).hasSize(4);
    assertThat(days.subList(0, 3)).allSatisfy(d -> assertThat(d).isBetween(50, 55));
    assertThat(days.stream().mapToInt(Integer::intValue).sum()).isEqualTo(180);
    assertThat(b.accepted()).isEqualTo(180);
    assertThat(b.deferred()).isEmpty();
    assertThat(b.other()).isZero();
    assertThat(report.failedByCode()).isEqualTo(Map.of(131026, 5));
    assertThat(report.delivered()).isEqualTo(175);
    assertThat(report.read()).isEqualTo(175);
    // A message that fails delivery has no sent status.
    assertThat(report.sent()).isEqualTo(175);
  }
}
