package dev.wasdk.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.wasdk.client.GroupCreate;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.internal.json.Json;
import dev.wasdk.spec.OpenApiSpec;
import dev.wasdk.spec.RequestSchema;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The Groups API against Meta's spec. The spec has no request examples for the group paths, so each
 * body {@code wa.groups()} sends is validated against the operation's request schema instead. Left
 * out: {@code POST /{group_id}/participants} (adding participants; Meta's guide says a business
 * cannot, they join by invite link) and {@code DELETE /{group_id}/invite_link} (only in the spec;
 * the guide resets a link with POST), see CALLING-GROUPS.md §B.2.
 */
class GroupsSchemaContractTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String G = "Y2FwaV9ncm91cDoxNjUwNTU1MTIzNDoxMjAzNjM0MDk1NTg5NjA3NjU";

  private static WhatsAppClient client() {
    return WhatsAppClient.builder()
        .accessToken("contract-token-0123456789")
        .phoneNumberId("106540352242922")
        .baseUrl(URI.create(wm.baseUrl()))
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  static Stream<Arguments> bodies() {
    return Stream.of(
        Arguments.of(
            "/{Version}/{Phone-Number-ID}/groups",
            "post",
            (Consumer<WhatsAppClient>)
                wa ->
                    wa.groups()
                        .create(
                            GroupCreate.of("Subject")
                                .description("About")
                                .joinApprovalMode(GroupCreate.JoinApprovalMode.AUTO_APPROVE))),
        Arguments.of(
            "/{Version}/{group_id}",
            "post",
            (Consumer<WhatsAppClient>) wa -> wa.groups().updateSubject(G, "New subject")),
        Arguments.of(
            "/{Version}/{group_id}",
            "post",
            (Consumer<WhatsAppClient>) wa -> wa.groups().updateDescription(G, "New description")),
        Arguments.of(
            "/{Version}/{group_id}/invite_link",
            "post",
            (Consumer<WhatsAppClient>) wa -> wa.groups().resetInviteLink(G)),
        Arguments.of(
            "/{Version}/{group_id}/join_requests",
            "post",
            (Consumer<WhatsAppClient>)
                wa -> wa.groups().approveJoinRequests(G, List.of("j1", "j2"))),
        Arguments.of(
            "/{Version}/{group_id}/join_requests",
            "delete",
            (Consumer<WhatsAppClient>) wa -> wa.groups().rejectJoinRequests(G, List.of("j1"))),
        Arguments.of(
            "/{Version}/{group_id}/participants",
            "delete",
            (Consumer<WhatsAppClient>)
                wa -> wa.groups().removeParticipants(G, List.of("16505551234", "US.77"))));
  }

  @ParameterizedTest(name = "{1} {0}")
  @MethodSource("bodies")
  void ourBody_validatesAgainstTheSpecRequestSchema(
      String path, String method, Consumer<WhatsAppClient> call) {
    wm.resetAll();
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"request_id\":\"r\",\"invite_link\":\"https://chat.whatsapp.com/X\"}")));
    try (WhatsAppClient wa = client()) {
      call.accept(wa);
    }
    List<LoggedRequest> sent = wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getMethod().getName()).isEqualToIgnoringCase(method);
    JsonNode body = Json.MAPPER.readTree(sent.get(0).getBody());
    assertThat(RequestSchema.validate(path, method, body)).isEmpty();
  }

  @Test
  void theSchemaCheck_rejectsABadBody() {
    JsonNode bad = Json.MAPPER.readTree("{\"messaging_product\":\"whatsapp\",\"subject\":7}");
    assertThat(RequestSchema.validate("/{Version}/{Phone-Number-ID}/groups", "post", bad))
        .isNotEmpty();
    JsonNode tooMany =
        Json.MAPPER.readTree(
            "{\"messaging_product\":\"whatsapp\",\"participants\":[{\"user\":\"1\"},{\"user\":\"2\"},"
                + "{\"user\":\"3\"},{\"user\":\"4\"},{\"user\":\"5\"},{\"user\":\"6\"},"
                + "{\"user\":\"7\"},{\"user\":\"8\"},{\"user\":\"9\"}]}");
    assertThat(RequestSchema.validate("/{Version}/{group_id}/participants", "delete", tooMany))
        .isNotEmpty();
    assertThat(OpenApiSpec.operation("/{Version}/{group_id}/participants", "post")).isNotNull();
  }
}
