package dev.wasdk.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.client.CallConnect;
import dev.wasdk.client.CallPermission;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.internal.json.Json;
import dev.wasdk.message.Recipient;
import dev.wasdk.spec.MessageSchema;
import dev.wasdk.spec.OpenApiSpec;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * The Calling API against Meta's spec: each request example of {@code POST
 * /{Phone-Number-ID}/calls} is produced by {@code wa.calls()} or listed as a spec erratum with its
 * reason, our bodies validate against the spec's schemas, and each response example is read.
 */
class CallingExamplesContractTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String CALLS = "/{Version}/{Phone-Number-ID}/calls";
  static final String PERMISSIONS = "/{Version}/{Phone-Number-ID}/call_permissions";

  /**
   * Examples that are spec errata. Meta's guide, the generated reference's prose and every SDK send
   * {@code call_id} on accept and reject (CALLING-GROUPS.md §A.2); these two examples send the
   * callee's {@code to} instead, which names no call. Our bodies for them are pinned in
   * CallsApiTest.
   */
  static final Map<String, String> ERRATA =
      Map.of(
          "Accept Call",
              "uses 'to' instead of 'call_id' (spec erratum, see CALLING-GROUPS.md §A.2)",
          "Reject Call",
              "uses 'to' instead of 'call_id' (spec erratum, see CALLING-GROUPS.md §A.2)");

  private static WhatsAppClient client() {
    return WhatsAppClient.builder()
        .accessToken("contract-token-0123456789")
        .phoneNumberId("106540352242922")
        .baseUrl(URI.create(wm.baseUrl()))
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private static void serve(String body) {
    wm.resetAll();
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private static JsonNode sentBody() {
    List<com.github.tomakehurst.wiremock.verification.LoggedRequest> sent =
        wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    assertThat(sent).hasSize(1);
    return Json.MAPPER.readTree(sent.get(0).getBody());
  }

  @Test
  void everyRequestExample_isProducedOrAnErratum() {
    Map<String, JsonNode> examples = OpenApiSpec.requestExamples(CALLS, "post");
    assertThat(examples).containsKeys("Connect Call", "Terminate Call", "Accept Call");
    int produced = 0;
    for (Map.Entry<String, JsonNode> e : examples.entrySet()) {
      JsonNode ex = e.getValue();
      if (ERRATA.containsKey(e.getKey())) {
        assertThat(ex.has("call_id")).as(e.getKey() + " is still an erratum").isFalse();
        continue;
      }
      serve(
          "{\"messaging_product\":\"whatsapp\",\"calls\":[{\"id\":\"wacid.X\"}],\"success\":true}");
      try (WhatsAppClient wa = client()) {
        switch (ex.get("action").asString()) {
          case "connect" -> {
            CallConnect c =
                CallConnect.to(
                    Recipient.waId(ex.get("to").asString()), ex.at("/session/sdp").asString());
            if (ex.has("biz_opaque_callback_data")) {
              c = c.withCallbackData(ex.get("biz_opaque_callback_data").asString());
            }
            wa.calls().connect(c);
          }
          case "terminate" -> wa.calls().terminate(ex.get("call_id").asString());
          default -> throw new AssertionError("no producer for " + e.getKey());
        }
      }
      assertThat(sentBody()).as(e.getKey()).isEqualTo(ex);
      produced++;
    }
    assertThat(produced).isEqualTo(examples.size() - ERRATA.size());
  }

  @Test
  void ourConnectAndTerminateBodies_validateAgainstTheSpecSchemas() {
    serve("{\"messaging_product\":\"whatsapp\",\"calls\":[{\"id\":\"wacid.X\"}],\"success\":true}");
    try (WhatsAppClient wa = client()) {
      wa.calls()
          .connect(
              CallConnect.to(Recipient.waId("14085551234"), "v=0\r\ns=-\r\n")
                  .withCallbackData("abc"));
    }
    assertThat(MessageSchema.validate("CallRequestPayload", sentBody())).isEmpty();
    serve("{\"success\":true}");
    try (WhatsAppClient wa = client()) {
      wa.calls().terminate("wacid.HBgLMTIxODU1NTI4MjgVAgARGCAyODRQIAFRoA");
    }
    assertThat(MessageSchema.validate("CallTerminateRequestPayload", sentBody())).isEmpty();
  }

  @Test
  void everyResponseExample_isRead() {
    Map<String, JsonNode> answers = OpenApiSpec.responseExamples(CALLS, "post", "200");
    serve(answers.get("Connect Call Response").toString());
    try (WhatsAppClient wa = client()) {
      assertThat(wa.calls().connect(CallConnect.to(Recipient.waId("14085551234"), "v=0\r\n")))
          .isEqualTo("wacid.ABGGFjFVU2AfAgo6V");
    }
    serve(answers.get("Terminate Call Response").toString());
    try (WhatsAppClient wa = client()) {
      wa.calls().terminate("wacid.ABGGFjFVU2AfAgo6V");
    }
    assertThat(answers).hasSize(2);

    Map<String, JsonNode> permissions = OpenApiSpec.responseExamples(PERMISSIONS, "get", "200");
    assertThat(permissions).hasSize(3);
    for (Map.Entry<String, JsonNode> e : permissions.entrySet()) {
      serve(e.getValue().toString());
      try (WhatsAppClient wa = client()) {
        CallPermission p = wa.calls().permission("14085551234");
        assertThat(p.rawStatus()).isEqualTo(e.getValue().at("/permission/status").asString());
        assertThat(p.status()).isNotEqualTo(CallPermission.Status.UNKNOWN);
        assertThat(p.actions()).hasSize(e.getValue().get("actions").size());
        for (JsonNode a : e.getValue().get("actions")) {
          assertThat(p.canPerform(a.get("action_name").asString()))
              .isEqualTo(a.get("can_perform_action").asBoolean());
        }
      }
    }
    JsonNode granted = permissions.get("Granted Permission");
    serve(granted.toString());
    try (WhatsAppClient wa = client()) {
      CallPermission.Limit l =
          wa.calls().permission("14085551234").action("start_call").get().limits().get(0);
      assertThat(l.timePeriod()).isEqualTo("24h");
      assertThat(l.maxAllowed()).isEqualTo(100);
      assertThat(l.currentUsage()).isEqualTo(5);
    }
  }
}
