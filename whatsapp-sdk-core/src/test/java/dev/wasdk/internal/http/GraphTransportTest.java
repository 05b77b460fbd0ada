package dev.wasdk.internal.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.error.ApiError;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.InvalidRequestException;
import dev.wasdk.error.ServerException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class GraphTransportTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private final FakeSleeper sleeper = new FakeSleeper();

  private GraphTransport transport() {
    return TestTransports.create(URI.create(wm.baseUrl()), sleeper, RetryPolicy.defaults());
  }

  @Test
  void uri_pathAndQuery_areUnderTheVersionRootAndEncoded() {
    try (GraphTransport t =
        TestTransports.create(
            URI.create("https://graph.facebook.com/"), sleeper, RetryPolicy.defaults())) {
      Map<String, String> q = new LinkedHashMap<>();
      q.put("name", "order update & co");
      q.put("limit", "25");

      assertThat(t.uri("102290129340398/message_templates", q))
          .hasToString(
              "https://graph.facebook.com/v24.0/102290129340398/message_templates"
                  + "?name=order+update+%26+co&limit=25");
      assertThat(t.uri("1/messages")).hasToString("https://graph.facebook.com/v24.0/1/messages");
      assertThatThrownBy(() -> t.uri("/1/messages")).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void segment_unsafeCharacters_arePercentEncoded() {
    assertThat(GraphTransport.segment("106540352242922")).isEqualTo("106540352242922");
    assertThat(GraphTransport.segment("a/b?c#d é")).isEqualTo("a%2Fb%3Fc%23d%20%C3%A9");
    assertThatThrownBy(() -> GraphTransport.segment(".."))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> GraphTransport.segment(""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void execute_get_sendsBearerAndUserAgentAndSurfacesUsageHeaders() {
    wm.stubFor(
        get(urlPathEqualTo("/v24.0/106540352242922"))
            .willReturn(
                okJson("{\"quality_rating\":\"GREEN\"}")
                    .withHeader("X-App-Usage", "{\"call_count\":3}")
                    .withHeader("X-Business-Use-Case-Usage", "{\"1\":[{\"call_count\":4}]}")));
    try (GraphTransport t = transport()) {
      GraphResponse r =
          t.execute(
              GraphRequest.get(
                  t.uri("106540352242922", Map.of("fields", "quality_rating")),
                  "read phone number"));

      assertThat(r.json().path("quality_rating").asString()).isEqualTo("GREEN");
      assertThat(r.appUsage()).contains("{\"call_count\":3}");
      assertThat(r.businessUseCaseUsage()).contains("{\"1\":[{\"call_count\":4}]}");
    }
    wm.verify(
        getRequestedFor(urlEqualTo("/v24.0/106540352242922?fields=quality_rating"))
            .withHeader("Authorization", equalTo("Bearer " + TestTransports.TOKEN))
            .withHeader("User-Agent", equalTo("wasdk/test")));
  }

  @Test
  void execute_deleteWithServerErrorThenSuccess_retriesBecauseDeleteIsIdempotent() {
    wm.stubFor(
        delete(urlEqualTo("/v24.0/MEDIA1"))
            .inScenario("d")
            .whenScenarioStateIs("Started")
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"(#131000) Something went wrong\","
                            + "\"code\":131000,\"fbtrace_id\":\"T\"}}"))
            .willSetStateTo("ok"));
    wm.stubFor(
        delete(urlEqualTo("/v24.0/MEDIA1"))
            .inScenario("d")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"success\":true}")));
    try (GraphTransport t = transport()) {
      assertThat(t.execute(GraphRequest.delete(t.uri("MEDIA1"), "delete media")).status())
          .isEqualTo(200);
    }
    wm.verify(2, deleteRequestedFor(urlEqualTo("/v24.0/MEDIA1")));
  }

  @Test
  void execute_acceptedErrorStatus_returnsTheBodyInsteadOfThrowing() {
    String partial =
        "{\"messaging_product\":\"whatsapp\",\"block_users\":{\"added_users\":[],"
            + "\"failed_users\":[{\"input\":\"+1\"}]}}";
    wm.stubFor(
        get(urlEqualTo("/v24.0/1/block_users"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(partial)));
    try (GraphTransport t = transport()) {
      GraphRequest request =
          GraphRequest.get(t.uri("1/block_users"), "list").acceptingStatus(s -> s == 400);

      assertThat(new String(t.execute(request).body())).isEqualTo(partial);
      assertThatThrownBy(() -> t.execute(GraphRequest.get(t.uri("1/block_users"), "list")))
          .isExactlyInstanceOf(ApiException.class)
          .isInstanceOfSatisfying(
              ApiException.class, e -> assertThat(e.error().code()).isEqualTo(ApiError.NO_CODE));
    }
  }

  @Test
  void execute_tokenForAnotherHost_isRefusedBeforeAnyRequest() {
    try (GraphTransport t = transport()) {
      assertThatThrownBy(
              () -> t.execute(GraphRequest.get(URI.create("https://evil.example/x"), "leak")))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("refusing to send the access token to https://evil.example")
          .hasMessageNotContaining(TestTransports.TOKEN);
      assertThatThrownBy(
              () ->
                  t.execute(
                      GraphRequest.get(URI.create("http://lookaside.fbsbx.com/x"), "plain http")))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void executeAsync_serverErrorOnNonIdempotentCall_failsWithTheUnwrappedFamily() {
    wm.stubFor(
        get(urlEqualTo("/v24.0/x"))
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"code\":133004,\"message\":\"unavailable\"}}")));
    try (GraphTransport t = transport()) {
      GraphRequest nonIdempotent =
          new GraphRequest("GET", t.uri("x"), null, null, false, "probe", null, null);

      assertThat(t.executeAsync(nonIdempotent))
          .failsWithin(java.time.Duration.ofSeconds(10))
          .withThrowableOfType(java.util.concurrent.ExecutionException.class)
          .havingCause()
          .isInstanceOf(ServerException.class);
    }
    assertThat(wm.getAllServeEvents()).hasSize(1);
  }

  @Test
  void execute_invalidRequest_isNotRetriedEvenWhenIdempotent() {
    wm.stubFor(
        get(urlEqualTo("/v24.0/y"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"error\":{\"code\":100,\"message\":\"(#100) Invalid\"}}")));
    try (GraphTransport t = transport()) {
      assertThatThrownBy(() -> t.execute(GraphRequest.get(t.uri("y"), "read")))
          .isInstanceOf(InvalidRequestException.class);
    }
    assertThat(wm.getAllServeEvents()).hasSize(1);
    assertThat(sleeper.waits()).isEmpty();
  }
}
