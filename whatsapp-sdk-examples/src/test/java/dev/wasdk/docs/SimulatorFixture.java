package dev.wasdk.docs;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A simulator and a client pointed at it, fresh for each test, so that the guides' snippets run
 * against a Cloud API that checks them as Meta does. The user has written first, so the 24-hour
 * window is open.
 */
abstract class SimulatorFixture {
  static final String USER = "+16505551234";

  WhatsAppSimulator sim;
  WhatsAppClient wa;

  /** The id of the user's first message, which opened the window. */
  String inboundWamid;

  @BeforeEach
  void startSimulator() {
    sim = simulatorBuilder().start();
    wa = clientFor(sim);
    inboundWamid = sim.userSends(USER, "Hi!");
  }

  @AfterEach
  void stopSimulator() {
    wa.close();
    sim.close();
  }

  /** Returns the builder of this class's simulator; override to change its settings. */
  WhatsAppSimulator.Builder simulatorBuilder() {
    return WhatsAppSimulator.builder();
  }

  static WhatsAppClient clientFor(WhatsAppSimulator sim) {
    return WhatsAppClient.builder()
        .accessToken(sim.accessToken())
        .phoneNumberId(sim.phoneNumberId())
        .wabaId(sim.wabaId())
        .baseUrl(sim.baseUrl())
        .build();
  }

  /** Returns the JSON of the last message the simulator accepted. */
  String lastJson() {
    List<SentMessage> sent = sim.sentMessages();
    return sent.get(sent.size() - 1).json();
  }
}
