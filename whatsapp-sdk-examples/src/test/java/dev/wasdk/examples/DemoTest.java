package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DemoTest {
  private static final String USER = "+16505551234";

  @Test
  void everyKind_coversEveryMessageType() {
    Set<Class<?>> kinds =
        Demo.everyKind(USER).values().stream().map(Object::getClass).collect(Collectors.toSet());

    Set<Class<?>> expected =
        Set.of(Message.class.getPermittedSubclasses()).stream()
            .flatMap(
                c ->
                    c.isSealed() ? Set.of(c.getPermittedSubclasses()).stream() : Set.of(c).stream())
            .collect(Collectors.toSet());
    // The address message is for India-only businesses and the call-permission request for
    // calling; neither fits the demo's coffee shop.
    expected.removeIf(
        c -> Set.of("AddressMessage", "CallPermissionRequestMessage").contains(c.getSimpleName()));
    assertThat(kinds).containsAll(expected);
  }

  @Test
  void everyKind_sentThroughTheSimulator_isAcceptedWithNoFailure() {
    Map<String, Integer> received = new ConcurrentSkipListMap<>();
    try (WhatsAppSimulator sim = Demo.simulator();
        JdkWebhookServer webhooks = Demo.webhookServer(sim, received);
        WhatsAppClient wa =
            WhatsAppClient.builder()
                .accessToken(sim.accessToken())
                .phoneNumberId(sim.phoneNumberId())
                .baseUrl(sim.baseUrl())
                .build()) {
      sim.userSends(USER, "hello");
      Map<String, Message> messages = Demo.everyKind(USER);

      messages
          .values()
          .forEach(m -> assertThat(wa.messages().send(m).wamid()).startsWith("wamid."));

      assertThat(sim.sentMessages()).hasSize(messages.size());
      assertThat(sim.sentMessages()).allSatisfy(s -> assertThat(s.failureCode()).isEmpty());
      assertThat(sim.stats().rejected()).isZero();
      assertThat(sim.awaitWebhooks(Duration.ofSeconds(30))).isTrue();
      // Every status webhook was signed by the simulator, verified, parsed and routed by type.
      assertThat(received)
          .containsEntry("inbound message", 1)
          .containsEntry("status sent", messages.size())
          .containsEntry("status delivered", messages.size())
          .containsEntry("status read", messages.size())
          .doesNotContainKey("other");
    }
  }
}
