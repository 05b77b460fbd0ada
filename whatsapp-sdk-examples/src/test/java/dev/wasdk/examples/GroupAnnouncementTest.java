package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class GroupAnnouncementTest {
  @Test
  void createShareJoinAnnounce_onTheSimulator() throws Exception {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = EchoBot.simulatorClient(sim)) {
      GroupAnnouncement.Result r =
          GroupAnnouncement.runOnSimulator(sim, wa, Duration.ofSeconds(10));
      assertThat(r.inviteLink()).startsWith("https://chat.whatsapp.com/");
      assertThat(sim.groups().participants(r.groupId())).hasSize(2);
      assertThat(sim.sentMessages()).hasSize(1);
      assertThat(sim.sentMessages().get(0).json())
          .contains("\"recipient_type\":\"group\"")
          .contains(r.groupId());
      assertThat(r.announcementWamid()).startsWith("wamid.");
    }
  }
}
