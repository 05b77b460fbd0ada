package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CallDeskTest {
  @Test
  void permissionThenBusinessCallThenUserCall_onTheSimulator() {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = EchoBot.simulatorClient(sim)) {
      List<String> journal = CallDesk.playOnSimulator(sim, wa, Duration.ofSeconds(10));
      assertThat(journal).hasSize(6);
      assertThat(journal.get(0)).isEqualTo("permission ACCEPT");
      assertThat(journal.get(1)).startsWith("placed wacid.");
      String callId = journal.get(1).substring("placed ".length());
      assertThat(journal.get(2)).isEqualTo("ringing " + callId);
      // The user picked up, so the call has a duration (whole seconds on the simulator's clock).
      assertThat(journal.get(3))
          .matches("ended " + java.util.regex.Pattern.quote(callId) + " after \\d+s");
      assertThat(journal.get(4)).startsWith("accepted wacid.");
      assertThat(journal.get(5))
          .startsWith("ended " + journal.get(4).substring("accepted ".length()));
      assertThat(sim.calls().businessSdp(callId))
          .hasValueSatisfying(s -> assertThat(s).contains("desk offer"));
    }
  }
}
