package dev.wasdk.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.ImageMessage;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.template.Template;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  private static final String USER = QuickStart.SIMULATED_USER;

  @Test
  void everyKind_coversEveryMessageType() {
    Set<Class<?>> kinds =
        QuickStart.everyKind(USER).values().stream()
            .map(Object::getClass)
            .collect(Collectors.toSet());

    Set<Class<?>> expected =
        Set.of(Message.class.getPermittedSubclasses()).stream()
            .flatMap(
                c ->
                    c.isSealed() ? Set.of(c.getPermittedSubclasses()).stream() : Set.of(c).stream())
            .collect(Collectors.toSet());
    // The address message is for India-only businesses and the call-permission request for
    // calling; neither fits the quick start's coffee shop.
    expected.removeIf(
        c -> Set.of("AddressMessage", "CallPermissionRequestMessage").contains(c.getSimpleName()));
    assertThat(kinds).containsAll(expected);
  }

  @Test
  void run_onTheSimulator_uploadsSendsEveryKindAndListsTemplates() {
    Map<String, Integer> received = new ConcurrentSkipListMap<>();
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    try (WhatsAppSimulator sim = QuickStart.simulator();
        JdkWebhookServer webhooks = Demo.webhookServer(sim, received, Optional.empty());
        WhatsAppClient wa = QuickStart.client(sim)) {
      String inbound = sim.userSends(USER, "hello");

      QuickStart.Result r =
          QuickStart.run(
              wa,
              USER,
              Optional.of(inbound),
              new PrintStream(console, true, StandardCharsets.UTF_8));

      int kinds = QuickStart.everyKind(USER).size() + 1; // and the uploaded image
      assertThat(r.sent()).hasSize(kinds);
      assertThat(r.sent().values()).allSatisfy(w -> assertThat(w).startsWith("wamid."));
      assertThat(sim.sentMessages()).hasSize(kinds);
      assertThat(sim.sentMessages()).allSatisfy(s -> assertThat(s.failureCode()).isEmpty());
      assertThat(sim.stats().rejected()).isZero();
      // The uploaded image went by the id the upload returned.
      assertThat(sim.sentMessages().get(0).message())
          .isInstanceOfSatisfying(
              ImageMessage.class,
              m -> assertThat(m.image()).isEqualTo(MediaRef.id(r.uploadedMediaId())));
      assertThat(r.templates())
          .extracting(Template::name)
          .contains("order_update", "login_code", "spring_sale");
      assertThat(sim.messagesMarkedRead()).containsExactly(inbound);
      assertThat(console.toString(StandardCharsets.UTF_8)).contains("upload image", "templates");
      assertThat(sim.awaitWebhooks(Duration.ofSeconds(30))).isTrue();
      // Every status webhook was signed by the simulator, verified, parsed and routed by type.
      assertThat(received)
          .containsEntry("inbound message", 1)
          .containsEntry("status sent", kinds)
          .containsEntry("status delivered", kinds)
          .containsEntry("status read", kinds)
          .doesNotContainKey("other");
    }
  }
}
