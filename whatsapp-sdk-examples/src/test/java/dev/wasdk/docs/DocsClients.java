package dev.wasdk.docs;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.testkit.WhatsAppSimulator;

/** Builds clients pointed at a simulator, for snippets that show only what follows. */
final class DocsClients {
  private DocsClients() {}

  static WhatsAppClient clientFor(WhatsAppSimulator sim) {
    return SimulatorFixture.clientFor(sim);
  }
}
