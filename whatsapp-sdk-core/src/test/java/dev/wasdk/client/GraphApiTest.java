package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static dev.wasdk.client.TestClients.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.InvalidRequestException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.ServerException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String WABA = "102290129340398";
  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.client(wm, sleeper);
  }

  private static ResponseDefinitionBuilder error(int status, int code) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(TestClients.graphError(code, "Something went wrong", "details", "TRACE42"));
  }

  @Test
  void get_withQuery_sendsTheTokenAndReturnsAPlainTreeAndTheUsage() {
    wm.stubFor(
        get(urlPathEqualTo("/v24.0/" + PHONE_ID))
            .willReturn(
                okJson(
                        "{\"id\":\"106540352242922\",\"conversational_automation\":"
                            + "{\"enable_welcome_message\":true,\"prompts\":[\"Hours?\",\"Menu\"],"
                            + "\"commands\":[]},\"count\":42,\"big\":123456789012345678901234567890,"
                            + "\"ratio\":0.25,\"gone\":null}")
                    .withHeader("X-App-Usage", "{\"call_count\":7,\"total_time\":3}")
                    .withHeader(
                        "X-Business-Use-Case-Usage",
                        "{\"" + WABA + "\":[{\"type\":\"whatsapp\",\"call_count\":12}]}")));
    Map<String, String> query = new LinkedHashMap<>();
    query.put("fields", "conversational_automation,id");
    GraphResult r;
    try (WhatsAppClient wa = client()) {
      r = wa.graph().get(PHONE_ID, query);
    }
    wm.verify(
        1,
        getRequestedFor(urlEqualTo("/v24.0/" + PHONE_ID + "?fields=conversational_automation%2Cid"))
            .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    assertThat(r.status()).isEqualTo(200);
    Map<String, Object> body = r.asMap();
    assertThat(body.keySet())
        .containsExactly("id", "conversational_automation", "count", "big", "ratio", "gone");
    assertThat(body.get("id")).isEqualTo("106540352242922");
    assertThat(body.get("count")).isEqualTo(42L);
    assertThat(body.get("big")).isEqualTo(new BigInteger("123456789012345678901234567890"));
    assertThat(body.get("ratio")).isEqualTo(0.25);
    assertThat(body).containsEntry("gone", null);
    @SuppressWarnings("unchecked")
    Map<String, Object> automation = (Map<String, Object>) body.get("conversational_automation");
    assertThat(automation.get("enable_welcome_message")).isEqualTo(true);
    assertThat(automation.get("prompts")).isEqualTo(List.of("Hours?", "Menu"));
    assertThat(automation.get("commands")).isEqualTo(List.of());
    assertThatThrownBy(() -> body.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(r.appUsage()).contains("{\"call_count\":7,\"total_time\":3}");
    assertThat(r.header("x-business-use-case-usage")).isEqualTo(r.businessUseCaseUsage());
    assertThat(r.usage()).hasValueSatisfying(u -> assertThat(u.highestPercent()).isEqualTo(12));
    assertThat(r.toString()).doesNotContain("Hours?");
  }

  @Test
  void post_mapBody_sendsExactJsonAndIsNotRetriedAfterA5xx() {
    String path = "/v24.0/" + PHONE_ID + "/conversational_automation";
    wm.stubFor(post(urlEqualTo(path)).willReturn(error(500, 131000)));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("enable_welcome_message", true);
    body.put("prompts", List.of("Book a table", "Opening hours"));
    body.put(
        "commands",
        List.of(Map.of("command_name", "menu", "command_description", "Show the menu")));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.graph().post(PHONE_ID + "/conversational_automation", body))
          .isInstanceOfSatisfying(
              ServerException.class,
              e -> {
                assertThat(e.error().code()).isEqualTo(131000);
                assertThat(e.error().fbtraceId()).contains("TRACE42");
                assertThat(e.getMessage()).doesNotContain(TOKEN);
              });
    }
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(path))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    "{\"enable_welcome_message\":true,\"prompts\":[\"Book a table\","
                        + "\"Opening hours\"],\"commands\":[{\"command_name\":\"menu\","
                        + "\"command_description\":\"Show the menu\"}]}")));
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void send_postDeclaredIdempotent_isRetriedAfterA5xx() {
    String path = "/v24.0/" + WABA + "/migrate_message_templates?source_waba_id=104996122399160";
    wm.stubFor(
        post(urlEqualTo(path))
            .inScenario("m")
            .whenScenarioStateIs(STARTED)
            .willReturn(error(503, 2))
            .willSetStateTo("ok"));
    wm.stubFor(
        post(urlEqualTo(path))
            .inScenario("m")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"migrated_templates\":[\"1\"],\"failed_templates\":{}}")));
    GraphResult r;
    try (WhatsAppClient wa = client()) {
      r =
          wa.graph()
              .send(
                  GraphCall.post(WABA + "/migrate_message_templates")
                      .query("source_waba_id", "104996122399160")
                      .jsonBody("{\"page_number\":0}")
                      .idempotent(true)
                      .build());
    }
    assertThat(r.asMap().get("migrated_templates")).isEqualTo(List.of("1"));
    wm.verify(
        2, postRequestedFor(urlEqualTo(path)).withRequestBody(equalTo("{\"page_number\":0}")));
    assertThat(sleeper.waits()).hasSize(1);
  }

  @Test
  void delete_serverErrorThenSuccess_isRetriedBecauseDeleteIsIdempotent() {
    String path = "/v24.0/" + PHONE_ID + "/assigned_users?user=1";
    wm.stubFor(
        delete(urlEqualTo(path))
            .inScenario("d")
            .whenScenarioStateIs(STARTED)
            .willReturn(error(500, 131000))
            .willSetStateTo("ok"));
    wm.stubFor(
        delete(urlEqualTo(path))
            .inScenario("d")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      GraphResult r =
          wa.graph()
              .send(GraphCall.delete(PHONE_ID + "/assigned_users").query("user", "1").build());
      assertThat(r.asMap()).containsEntry("success", true);
    }
    wm.verify(2, deleteRequestedFor(urlEqualTo(path)));
  }

  @Test
  void get_withAppSecret_carriesTheProof() {
    wm.stubFor(get(urlPathEqualTo("/v24.0/" + PHONE_ID)).willReturn(okJson("{\"id\":\"1\"}")));
    try (WhatsAppClient wa =
        TestClients.builder(wm, sleeper, new CapturingLogger("g"))
            .appSecret("app-secret-4f2a9c")
            .build()) {
      wa.graph().get(PHONE_ID);
    }
    // echo -n EAAG-test-token-0123456789abcdefXYZ | openssl dgst -sha256 -hmac app-secret-4f2a9c
    wm.verify(
        getRequestedFor(
            urlEqualTo(
                "/v24.0/"
                    + PHONE_ID
                    + "?appsecret_proof="
                    + "438f01ff923498c96536ca8b3de63e94503022acd8c5f7766c3106bdf693213e")));
  }

  @Test
  void sendAsync_errorAnswer_failsTheFutureWithTheSameUnwrappedException() throws Exception {
    wm.stubFor(get(urlPathEqualTo("/v24.0/" + PHONE_ID)).willReturn(error(400, 100)));
    wm.stubFor(get(urlPathEqualTo("/v24.0/" + WABA)).willReturn(okJson("{\"name\":\"Acme\"}")));
    try (WhatsAppClient wa = client()) {
      AtomicReference<Throwable> seen = new AtomicReference<>();
      CompletableFuture<GraphResult> failed =
          wa.graph().getAsync(PHONE_ID).whenComplete((r, e) -> seen.set(e));
      assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS))
          .isInstanceOf(ExecutionException.class)
          .hasCauseInstanceOf(InvalidRequestException.class);
      assertThat(seen.get()).isInstanceOf(InvalidRequestException.class);

      assertThat(wa.graph().getAsync(WABA).get(10, TimeUnit.SECONDS).asMap())
          .containsEntry("name", "Acme");
    }
  }

  @Test
  void get_answerThatIsNotJson_failsClearly_andPostSaysMaybeDone() {
    wm.stubFor(
        get(urlPathEqualTo("/v24.0/" + PHONE_ID))
            .willReturn(aResponse().withStatus(200).withBody("<html>oops</html>")));
    wm.stubFor(
        post(urlPathEqualTo("/v24.0/" + PHONE_ID))
            .willReturn(aResponse().withStatus(200).withBody("<html>oops</html>")));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.graph().get(PHONE_ID))
          .isExactlyInstanceOf(WhatsAppException.class)
          .hasMessageContaining("graph call GET " + PHONE_ID + " returned HTTP 200")
          .hasMessageContaining("not JSON");
      assertThatThrownBy(() -> wa.graph().post(PHONE_ID, Map.of("pin", "123456")))
          .isInstanceOfSatisfying(
              RequestMaybeSentException.class,
              e -> assertThat(e.failure()).isEqualTo(TransportFailure.UNREADABLE_RESPONSE));
    }
  }

  @Test
  void graphCall_malformedParts_areRefusedBeforeTheNetwork() {
    assertThatThrownBy(() -> GraphCall.get("/" + PHONE_ID).build())
        .hasMessageContaining("without a leading slash");
    assertThatThrownBy(() -> GraphCall.get(PHONE_ID + "/../" + WABA).build())
        .hasMessageContaining("'..'");
    assertThatThrownBy(() -> GraphCall.get(PHONE_ID + "?fields=id").build())
        .hasMessageContaining("query(...)");
    assertThatThrownBy(() -> GraphCall.get("https://evil.example/x").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GraphCall.get(PHONE_ID + "//x").build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GraphCall.get(PHONE_ID).query("access_token", "x"))
        .hasMessageContaining("Authorization header");
    assertThatThrownBy(() -> GraphCall.get(PHONE_ID).query("appsecret_proof", "x"))
        .hasMessageContaining("appSecret");
    assertThatThrownBy(() -> GraphCall.get(PHONE_ID).jsonBody("{}").build())
        .hasMessageContaining("GET cannot carry a body");
    assertThatThrownBy(() -> GraphCall.post(PHONE_ID).jsonBody("{\"a\":"))
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(
            () -> GraphCall.post(PHONE_ID).jsonBody(Map.of("a", List.of(1, new Object()))))
        .hasMessageContaining("$.a[1] is a java.lang.Object");
    assertThatThrownBy(() -> GraphCall.of("post", PHONE_ID).build())
        .hasMessageContaining("upper-case");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void graphCall_defaultsAndToString() {
    assertThat(GraphCall.get(PHONE_ID).build().idempotent()).isTrue();
    assertThat(GraphCall.delete(PHONE_ID).build().idempotent()).isTrue();
    assertThat(GraphCall.post(PHONE_ID).build().idempotent()).isFalse();
    assertThat(GraphCall.of("PUT", PHONE_ID).build().idempotent()).isFalse();
    GraphCall call =
        GraphCall.post(PHONE_ID + "/register")
            .query("note", "secret-value")
            .jsonBody(Map.of("pin", "123456"))
            .build();
    assertThat(call.body()).isEqualTo("{\"pin\":\"123456\"}");
    assertThat(call.toString())
        .contains("POST " + PHONE_ID + "/register", "[note]")
        .doesNotContain("secret-value", "pin");
    assertThat(Arrays.asList(call.query().keySet().toArray())).containsExactly("note");
  }
}
