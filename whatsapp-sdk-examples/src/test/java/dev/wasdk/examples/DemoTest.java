package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.sender.RejectReason;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoTest {

  @Test
  void run_quickStartAndCampaign_endEveryMessageAndPrintTheSummary() throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    Demo.Summary s = Demo.run(new PrintStream(console, true, StandardCharsets.UTF_8));

    assertThat(s.quickStart().sent())
        .hasSize(QuickStart.everyKind(QuickStart.SIMULATED_USER).size() + 1);
    Demo.CampaignResult c = s.campaign();
    // 300 opted in, 6 opted out since; the 250 tier takes 250 of the other 294 today.
    assertThat(c.refused()).isEqualTo(Map.of(RejectReason.OPTED_OUT, Demo.OPTED_OUT));
    assertThat(c.sent()).isEqualTo(250);
    assertThat(c.deferred()).isEqualTo(Demo.AUDIENCE - Demo.OPTED_OUT - 250);
    assertThat(c.other()).isZero();
    assertThat(c.stats().tierUsed()).hasValue(250);
    // Paced: 250 sends at no more than 80 per second take at least 3 seconds.
    assertThat(c.seconds()).isGreaterThan(3.0);
    assertThat(c.ratePerSecond()).isLessThanOrEqualTo(80.0);
    int accepted = s.quickStart().sent().size() + 250;
    assertThat(s.simulatorAccepted()).isEqualTo(accepted);
    assertThat(s.webhooks())
        .containsEntry("inbound message", 1)
        .containsEntry("status sent", accepted)
        .containsEntry("status delivered", accepted)
        .doesNotContainKey("other");
    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("Summary", "tier usage", "250 of 250", "achieved rate", "webhooks");
  }
}
