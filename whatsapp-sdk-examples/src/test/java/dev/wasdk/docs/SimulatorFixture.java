package dev.wasdk.docs;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.testkit.SentMessage;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.event.TextReceived;
import java.nio.charset.StandardCharsets;
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

  /**
   * Returns the event the user's first message arrives as, parsed from the webhook body Meta sends
   * for it.
   */
  TextReceived inboundText() {
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\""
            + sim.wabaId()
            + "\",\"changes\":[{\"field\":\"messages\",\"value\":{"
            + "\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\""
            + sim.displayPhoneNumber()
            + "\",\"phone_number_id\":\""
            + sim.phoneNumberId()
            + "\"},\"contacts\":[{\"profile\":{\"name\":\"Sheena\"},\"wa_id\":\"16505551234\"}],"
            + "\"messages\":[{\"from\":\"16505551234\",\"id\":\""
            + inboundWamid
            + "\",\"timestamp\":\"1750090702\",\"type\":\"text\",\"text\":{\"body\":\"Hi!\"}}]}}]}]}";
    return (TextReceived)
        WebhookParser.create().parse(json.getBytes(StandardCharsets.UTF_8)).get(0);
  }

  /** Returns the JSON of the last message the simulator accepted. */
  String lastJson() {
    List<SentMessage> sent = sim.sentMessages();
    return sent.get(sent.size() - 1).json();
  }
}
