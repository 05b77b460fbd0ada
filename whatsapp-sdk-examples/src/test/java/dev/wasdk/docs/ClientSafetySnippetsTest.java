package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.BusinessProfile;
import dev.wasdk.client.GraphCall;
import dev.wasdk.client.GraphResult;
import dev.wasdk.client.PhoneNumber;
import dev.wasdk.client.WhatsAppClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The snippets of {@code docs/management.md} about raw Graph calls, asynchronous management calls
 * and the client's transport settings. The reads run against the simulator; the conversational
 * automation write is compiled only, since the simulator does not serve that endpoint.
 */
class ClientSafetySnippetsTest extends SimulatorFixture {

  @Test
  void graph_readFieldsTheTypedApiDoesNotExpose() {
    String phoneNumberId = sim.phoneNumberId();
    // tag::graph-get[]
    GraphResult number =
        wa.graph().get(phoneNumberId, Map.of("fields", "verified_name,quality_rating"));
    Map<String, Object> fields = number.asMap(); // plain JDK types: Map, List, String, Long...
    System.out.println(fields.get("verified_name") + " " + fields.get("quality_rating"));
    number.usage().ifPresent(u -> System.out.println(u.highestPercent() + "% of the budget"));
    // end::graph-get[]

    assertThat(fields.get("verified_name")).isEqualTo(wa.phoneNumbers().get().verifiedName().get());
    assertThat(number.status()).isEqualTo(200);
  }

  /** Compiled only: the simulator does not serve conversational automation. */
  static GraphResult graphPost(WhatsAppClient wa, String phoneNumberId) {
    // tag::graph-post[]
    GraphResult done =
        wa.graph()
            .send(
                GraphCall.post(phoneNumberId + "/conversational_automation")
                    .jsonBody(
                        Map.of(
                            "enable_welcome_message",
                            true,
                            "prompts",
                            List.of("Opening hours?", "Book a table")))
                    .build());
    // end::graph-post[]
    return done;
  }

  @Test
  void graphCall_post_isBuiltAsDocumented() {
    GraphCall call =
        GraphCall.post("106540352242922/conversational_automation")
            .jsonBody(Map.of("enable_welcome_message", true))
            .build();
    assertThat(call.idempotent()).isFalse();
    assertThat(call.body()).isEqualTo("{\"enable_welcome_message\":true}");
  }

  @Test
  void async_managementCallsCompose() {
    // tag::async[]
    CompletableFuture<PhoneNumber> number = wa.phoneNumbers().getAsync();
    CompletableFuture<BusinessProfile> profile = wa.businessProfile().getAsync();
    String line =
        number
            .thenCombine(
                profile, (n, p) -> n.verifiedName().orElse("?") + ": " + p.about().orElse(""))
            .join(); // or keep composing; failures are the blocking forms' exceptions
    // end::async[]

    assertThat(line).startsWith(wa.phoneNumbers().get().verifiedName().orElse("?") + ": ");
  }

  @Test
  void client_transportSettings() {
    String token = sim.accessToken();
    String appSecret = "0123456789abcdef0123456789abcdef";
    // tag::transport[]
    WhatsAppClient client =
        WhatsAppClient.builder()
            .accessToken(token)
            .appSecret(appSecret) // every request then carries appsecret_proof
            .phoneNumberId("106540352242922")
            .requestTimeout(Duration.ofSeconds(30)) // per attempt, response body included
            .downloadTimeout(Duration.ofMinutes(10)) // per media download attempt
            .maxResponseBytes(1024 * 1024) // the cap on an answer read into memory
            .baseUrl(sim.baseUrl()) // left out against Meta; plain http only on loopback
            .build();
    // end::transport[]
    try (client) {
      assertThat(client.phoneNumbers().get().id()).isEqualTo("106540352242922");
      assertThat(client.toString()).doesNotContain(appSecret);
    }
  }
}
