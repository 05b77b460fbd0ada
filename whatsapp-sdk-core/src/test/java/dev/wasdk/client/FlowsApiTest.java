package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
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
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.ErrorCode;
import dev.wasdk.error.ServerException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.internal.json.Json;
import dev.wasdk.spec.OpenApiSpec;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** The Flows management API over HTTP, against Meta's OpenAPI examples where it has them. */
class FlowsApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String WABA = "102290129340398";
  static final String FLOW = "/v24.0/flow-1";
  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("t")).wabaId(WABA).build();
  }

  private static String example(String path, String method, String name) {
    JsonNode e = OpenApiSpec.responseExamples(path, method, "200").get(name);
    assertThat(e).as(name).isNotNull();
    return Json.MAPPER.writeValueAsString(e);
  }

  @Test
  void create_postsExactJsonAndReadsId() {
    wm.stubFor(
        post(urlEqualTo("/v24.0/" + WABA + "/flows"))
            .willReturn(okJson(example("/{Version}/{WABA-ID}/flows", "post", "Create Flow"))));
    try (WhatsAppClient wa = client()) {
      FlowCreated created =
          wa.flows()
              .create(
                  FlowDefinition.builder()
                      .name("booking")
                      .category(FlowCategory.APPOINTMENT_BOOKING)
                      .category(FlowCategory.OTHER)
                      .cloneFlowId("flow-0")
                      .endpointUri(URI.create("https://flows.example.com/booking"))
                      .build());
      assertThat(created.id()).isEqualTo("flow-1");
      assertThat(created.isValid()).isTrue();
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/v24.0/" + WABA + "/flows"))
            .withHeader("Authorization", equalTo("Bearer " + TestClients.TOKEN))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"booking\",\"categories\":[\"APPOINTMENT_BOOKING\",\"OTHER\"],"
                        + "\"clone_flow_id\":\"flow-0\","
                        + "\"endpoint_uri\":\"https://flows.example.com/booking\"}")));
  }

  @Test
  void create_withFlowJsonAndPublish_sendsBothAndReadsValidationErrors() {
    wm.stubFor(
        post(urlEqualTo("/v24.0/" + WABA + "/flows"))
            .willReturn(
                okJson(
                    "{\"id\":\"flow-9\",\"success\":true,\"validation_errors\":[{\"error\":"
                        + "\"INVALID_PROPERTY\",\"error_type\":\"JSON_SCHEMA_ERROR\",\"message\":"
                        + "\"bad\",\"line_start\":4,\"line_end\":4,\"column_start\":1,"
                        + "\"column_end\":9}]}")));
    try (WhatsAppClient wa = client()) {
      FlowCreated created =
          wa.flows()
              .create(
                  FlowDefinition.builder()
                      .name("n")
                      .category(FlowCategory.SURVEY)
                      .flowJson("{\"version\":\"7.3\",\"screens\":[]}")
                      .publish(true)
                      .build());
      assertThat(created.isValid()).isFalse();
      assertThat(created.validationErrors().get(0).lineStart()).contains(4L);
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/v24.0/" + WABA + "/flows"))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"n\",\"categories\":[\"SURVEY\"],"
                        + "\"flow_json\":\"{\\\"version\\\":\\\"7.3\\\",\\\"screens\\\":[]}\","
                        + "\"publish\":true}")));
  }

  @Test
  void create_invalidDefinitions_failBeforeAnyRequest() {
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(
              () -> wa.flows().create(FlowDefinition.builder().name("no category").build()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  wa.flows()
                      .create(
                          FlowDefinition.builder()
                              .name("n")
                              .category(FlowCategory.OTHER)
                              .applicationId("app")
                              .build()))
          .hasMessageContaining("update");
      assertThatThrownBy(() -> FlowDefinition.builder().publish(true).build())
          .isInstanceOf(IllegalStateException.class);
      assertThatThrownBy(
              () -> FlowDefinition.builder().endpointUri(URI.create("http://plain.example.com")))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> FlowDefinition.builder().category(FlowCategory.UNKNOWN))
          .isInstanceOf(IllegalArgumentException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void create_withoutWaba_saysSo() {
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      assertThatThrownBy(
              () ->
                  wa.flows()
                      .create(
                          FlowDefinition.builder().name("n").category(FlowCategory.OTHER).build()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("wabaId");
    }
  }

  @Test
  void list_readsSpecExample() {
    wm.stubFor(
        get(urlPathEqualTo("/v24.0/" + WABA + "/flows"))
            .willReturn(okJson(example("/{Version}/{WABA-ID}/flows", "get", "List Flows"))));
    try (WhatsAppClient wa = client()) {
      Page<FlowInfo> page = wa.flows().list(Optional.empty());
      assertThat(page.items())
          .extracting(FlowInfo::id)
          .containsExactly("flow-1", "flow-2", "flow-3");
      FlowInfo second = page.items().get(1);
      assertThat(second.categories()).containsExactly(FlowCategory.SIGN_UP, FlowCategory.SIGN_IN);
      assertThat(second.status()).isEqualTo(FlowStatus.DRAFT);
      assertThat(second.validationErrors())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.error()).isEqualTo("INVALID_PROPERTY");
                assertThat(e.errorType()).isEqualTo("JSON_SCHEMA_ERROR");
                assertThat(e.columnStart()).contains(17L);
                assertThat(e.columnEnd()).contains(30L);
              });
      assertThat(page.items().get(2).status()).isEqualTo(FlowStatus.PUBLISHED);
      assertThat(page.after()).contains("QVFIUnZAWV...");
    }
    wm.verify(
        getRequestedFor(
            urlEqualTo(
                "/v24.0/"
                    + WABA
                    + "/flows?fields=id%2Cname%2Ccategories%2Cstatus%2Cvalidation_errors")));
  }

  @Test
  void get_readsSpecExampleWithHealthAndPreview() {
    wm.stubFor(
        get(urlPathEqualTo(FLOW))
            .willReturn(okJson(example("/{Version}/{Flow-ID}", "get", "Get Flow"))));
    try (WhatsAppClient wa = client()) {
      FlowInfo f = wa.flows().get("flow-1");
      assertThat(f.name()).contains("my first flow");
      assertThat(f.status()).isEqualTo(FlowStatus.DRAFT);
      assertThat(f.jsonVersion()).contains("2.1");
      assertThat(f.dataApiVersion()).contains("3.0");
      assertThat(f.endpointUri()).contains("https://example.com");
      assertThat(f.applicationId()).contains("app-1");
      assertThat(f.preview().orElseThrow().expiresAt())
          .contains(Instant.parse("2023-05-21T11:18:09Z"));
      FlowHealth h = f.healthStatus().orElseThrow();
      assertThat(h.canSendMessage()).isEqualTo(FlowHealth.Availability.BLOCKED);
      assertThat(h.entities()).hasSize(4);
      assertThat(h.entities().get(1).errors())
          .extracting(FlowHealth.Problem::errorCode)
          .containsExactly(141006L, 141014L);
      assertThat(h.entities().get(2).canSendMessage()).isEqualTo(FlowHealth.Availability.LIMITED);
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo(FLOW))
            .withQueryParam("fields", equalTo(FlowsApi.DEFAULT_FIELDS)));
  }

  @Test
  void preview_readsSpecExample() {
    wm.stubFor(
        get(urlPathEqualTo(FLOW))
            .willReturn(okJson(example("/{Version}/{Flow-ID}", "get", "Get Preview URL"))));
    try (WhatsAppClient wa = client()) {
      FlowPreview p = wa.flows().preview("flow-1", true);
      assertThat(p.previewUrl().toString()).startsWith("https://business.facebook.com/wa/manage");
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo(FLOW))
            .withQueryParam("fields", equalTo("preview.invalidate(true)")));
  }

  @Test
  void metric_readsEverySpecMetricExample() {
    Map<String, FlowMetricName> examples =
        Map.of(
            "Get Endpoint Availability Metric", FlowMetricName.ENDPOINT_AVAILABILITY,
            "Get Endpoint Request Count Metric", FlowMetricName.ENDPOINT_REQUEST_COUNT,
            "Get Endpoint Request Error Metric", FlowMetricName.ENDPOINT_REQUEST_ERROR,
            "Get Endpoint Request Error Rate Metric", FlowMetricName.ENDPOINT_REQUEST_ERROR_RATE,
            "Get Endpoint Request Latencies Metric",
                FlowMetricName.ENDPOINT_REQUEST_LATENCY_SECONDS_CEIL);
    try (WhatsAppClient wa = client()) {
      for (Map.Entry<String, FlowMetricName> e : examples.entrySet()) {
        wm.stubFor(
            get(urlPathEqualTo(FLOW))
                .willReturn(okJson(example("/{Version}/{Flow-ID}", "get", e.getKey()))));
        FlowMetric m =
            wa.flows()
                .metric(
                    "flow-1",
                    e.getValue(),
                    FlowGranularity.DAY,
                    Optional.of(LocalDate.parse("2024-01-28")),
                    Optional.of(LocalDate.parse("2024-01-29")));
        assertThat(m.name()).isEqualTo(e.getValue().name());
        assertThat(m.dataPoints()).isNotEmpty();
        assertThat(m.dataPoints().get(0).timestamp())
            .contains(Instant.parse("2024-01-28T08:00:00Z"));
      }
      wm.stubFor(
          get(urlPathEqualTo(FLOW))
              .willReturn(
                  okJson(
                      example("/{Version}/{Flow-ID}", "get", "Get Endpoint Availability Metric"))));
      FlowMetric availability =
          wa.flows()
              .metric(
                  "flow-1",
                  FlowMetricName.ENDPOINT_AVAILABILITY,
                  FlowGranularity.DAY,
                  Optional.empty(),
                  Optional.empty());
      assertThat(availability.dataPoints().get(0).values())
          .containsExactly(
              Map.entry("succeeded", new BigDecimal("713")),
              Map.entry("failed", new BigDecimal("335")));
    }
    wm.verify(
        getRequestedFor(urlPathEqualTo(FLOW))
            .withQueryParam(
                "fields",
                equalTo(
                    "metric.name(ENDPOINT_REQUEST_COUNT).granularity(DAY)"
                        + ".since(2024-01-28).until(2024-01-29)")));
    wm.verify(
        getRequestedFor(urlPathEqualTo(FLOW))
            .withQueryParam(
                "fields", equalTo("metric.name(ENDPOINT_AVAILABILITY).granularity(DAY)")));
  }

  @Test
  void update_postsOnlyGivenMetadata() {
    wm.stubFor(post(urlEqualTo(FLOW)).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      wa.flows()
          .update(
              "flow-1",
              FlowDefinition.builder()
                  .name("renamed")
                  .endpointUri(URI.create("https://flows.example.com/v2"))
                  .applicationId("app-7")
                  .build());
      assertThatThrownBy(
              () -> wa.flows().update("flow-1", FlowDefinition.builder().flowJson("{}").build()))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> wa.flows().update("flow-1", FlowDefinition.builder().build()))
          .hasMessageContaining("nothing to update");
    }
    wm.verify(
        1,
        postRequestedFor(urlEqualTo(FLOW))
            .withRequestBody(
                equalToJson(
                    "{\"name\":\"renamed\",\"endpoint_uri\":\"https://flows.example.com/v2\","
                        + "\"application_id\":\"app-7\"}")));
  }

  @Test
  void uploadFlowJson_sendsMultipartAssetAndReadsSpecExample() {
    wm.stubFor(
        post(urlEqualTo(FLOW + "/assets"))
            .willReturn(
                okJson(example("/{Version}/{Flow-ID}/assets", "post", "Upload Flow JSON Asset"))));
    String flowJson = "{\"version\":\"7.3\",\"screens\":[]}";
    try (WhatsAppClient wa = client()) {
      FlowCreated r = wa.flows().uploadFlowJson("flow-1", flowJson);
      assertThat(r.id()).isEqualTo("flow-1");
      assertThat(r.validationErrors()).hasSize(1);
      assertThat(r.validationErrors().get(0).lineStart()).contains(46L);
    }
    wm.verify(
        postRequestedFor(urlEqualTo(FLOW + "/assets"))
            .withHeader("Content-Type", containing("multipart/form-data"))
            .withRequestBodyPart(
                aMultipart().withName("name").withBody(equalTo("flow.json")).build())
            .withRequestBodyPart(
                aMultipart().withName("asset_type").withBody(equalTo("FLOW_JSON")).build())
            .withRequestBodyPart(
                aMultipart()
                    .withName("file")
                    .withHeader("Content-Type", equalTo("application/json"))
                    .withHeader("Content-Disposition", containing("filename=\"flow.json\""))
                    .withBody(equalToJson(flowJson))
                    .build()));
  }

  @Test
  void publishDeprecateDelete_callTheirEdges() {
    wm.stubFor(post(urlEqualTo(FLOW + "/publish")).willReturn(okJson("{\"success\":true}")));
    wm.stubFor(post(urlEqualTo(FLOW + "/deprecate")).willReturn(okJson("{\"success\":true}")));
    wm.stubFor(delete(urlEqualTo(FLOW)).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      wa.flows().publish("flow-1");
      wa.flows().deprecate("flow-1");
      wa.flows().delete("flow-1");
    }
    wm.verify(1, postRequestedFor(urlEqualTo(FLOW + "/publish")));
    wm.verify(1, postRequestedFor(urlEqualTo(FLOW + "/deprecate")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(FLOW)));
  }

  @Test
  void deleteOfPublishedFlow_surfaces139004() {
    wm.stubFor(
        delete(urlEqualTo(FLOW))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        TestClients.graphError(
                            139004, "Flow can't be deleted", "published", "trace-1"))));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.flows().delete("flow-1"))
          .isInstanceOfSatisfying(
              ApiException.class,
              e -> {
                assertThat(e.errorCode().code()).isEqualTo(139004);
                assertThat(e.errorCode().meaning()).contains("delete");
              });
    }
  }

  @Test
  void migrate_postsSourceAndNamesAndReadsSpecExample() {
    wm.stubFor(
        post(urlEqualTo("/v24.0/" + WABA + "/migrate_flows"))
            .willReturn(
                okJson(example("/{Version}/{WABA-ID}/migrate_flows", "post", "Migrate Flows"))));
    try (WhatsAppClient wa = client()) {
      FlowMigration m = wa.flows().migrate("source-waba", List.of("appointment", "leadgen"));
      assertThat(m.migrated())
          .containsExactly(
              new FlowMigration.Migrated("appointment", "source-flow-1", "dest-flow-1"));
      assertThat(m.failed())
          .singleElement()
          .satisfies(f -> assertThat(f.errorCode()).isEqualTo("4233041"));
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/v24.0/" + WABA + "/migrate_flows"))
            .withRequestBody(
                equalToJson(
                    "{\"source_waba_id\":\"source-waba\","
                        + "\"source_flow_names\":[\"appointment\",\"leadgen\"]}")));
  }

  @Test
  void businessPublicKey_uploadAndRead() {
    String path = "/v24.0/" + PHONE_ID + "/whatsapp_business_encryption";
    wm.stubFor(post(urlEqualTo(path)).willReturn(okJson("{\"success\":true}")));
    wm.stubFor(
        get(urlEqualTo(path))
            .willReturn(
                okJson(
                    "{\"data\":[{\"business_public_key\":\"-----BEGIN PUBLIC KEY-----\\nAB\\n"
                        + "-----END PUBLIC KEY-----\","
                        + "\"business_public_key_signature_status\":\"MISMATCH\"}]}")));
    String pem = "-----BEGIN PUBLIC KEY-----\nAB+/\n-----END PUBLIC KEY-----\n";
    try (WhatsAppClient wa = client()) {
      wa.phoneNumbers().uploadBusinessPublicKey(pem);
      BusinessPublicKey key = wa.phoneNumbers().businessPublicKey();
      assertThat(key.signatureStatus()).isEqualTo(BusinessPublicKey.SignatureStatus.MISMATCH);
      assertThat(key.pem()).hasValueSatisfying(p -> assertThat(p).startsWith("-----BEGIN"));
      assertThatThrownBy(() -> wa.phoneNumbers().uploadBusinessPublicKey("-----BEGIN PRIVATE"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    wm.verify(
        postRequestedFor(urlEqualTo(path))
            .withHeader("Content-Type", equalTo("application/x-www-form-urlencoded"))
            .withRequestBody(
                equalTo(
                    "business_public_key=-----BEGIN+PUBLIC+KEY-----%0AAB%2B%2F%0A"
                        + "-----END+PUBLIC+KEY-----")));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder serverError() {
    return aResponse()
        .withStatus(500)
        .withHeader("Content-Type", "application/json")
        .withBody(TestClients.graphError(131000, "boom", "x", "T"));
  }

  @Test
  void serverError_createPublishDeprecateMigrate_areSentOnce_readsAndUpdatesAreRetried()
      throws Exception {
    String flows = "/v24.0/" + WABA + "/flows";
    String migrate = "/v24.0/" + WABA + "/migrate_flows";
    wm.stubFor(post(urlEqualTo(flows)).willReturn(serverError()));
    wm.stubFor(post(urlEqualTo(migrate)).willReturn(serverError()));
    wm.stubFor(post(urlEqualTo(FLOW + "/publish")).willReturn(serverError()));
    wm.stubFor(post(urlEqualTo(FLOW + "/deprecate")).willReturn(serverError()));
    wm.stubFor(
        get(urlPathEqualTo(FLOW))
            .inScenario("get")
            .whenScenarioStateIs(STARTED)
            .willReturn(serverError())
            .willSetStateTo("ok"));
    wm.stubFor(
        get(urlPathEqualTo(FLOW))
            .inScenario("get")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"id\":\"flow-1\",\"status\":\"PUBLISHED\"}")));
    wm.stubFor(
        post(urlEqualTo(FLOW))
            .inScenario("update")
            .whenScenarioStateIs(STARTED)
            .willReturn(serverError())
            .willSetStateTo("ok"));
    wm.stubFor(
        post(urlEqualTo(FLOW))
            .inScenario("update")
            .whenScenarioStateIs("ok")
            .willReturn(okJson("{\"success\":true}")));
    FlowDefinition def = FlowDefinition.builder().name("n").category(FlowCategory.SURVEY).build();
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.flows().create(def)).isInstanceOf(ServerException.class);
      assertThatThrownBy(() -> wa.flows().createAsync(def).get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ServerException.class);
      assertThatThrownBy(() -> wa.flows().publishAsync("flow-1").get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ServerException.class);
      assertThatThrownBy(() -> wa.flows().deprecateAsync("flow-1").get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ServerException.class);
      assertThatThrownBy(
              () -> wa.flows().migrateAsync("source-waba", List.of()).get(20, TimeUnit.SECONDS))
          .hasCauseInstanceOf(ServerException.class);

      FlowInfo f = wa.flows().getAsync("flow-1", "id,status").get(20, TimeUnit.SECONDS);
      assertThat(f.status()).isEqualTo(FlowStatus.PUBLISHED);
      assertThat(
              wa.flows()
                  .updateAsync("flow-1", FlowDefinition.builder().name("renamed").build())
                  .get(20, TimeUnit.SECONDS))
          .isNull();
    }
    wm.verify(2, postRequestedFor(urlEqualTo(flows)));
    wm.verify(1, postRequestedFor(urlEqualTo(FLOW + "/publish")));
    wm.verify(1, postRequestedFor(urlEqualTo(FLOW + "/deprecate")));
    wm.verify(1, postRequestedFor(urlEqualTo(migrate)));
    wm.verify(2, getRequestedFor(urlPathEqualTo(FLOW)));
    wm.verify(
        2,
        postRequestedFor(urlEqualTo(FLOW)).withRequestBody(equalToJson("{\"name\":\"renamed\"}")));
  }

  @Test
  void asyncTwins_sendTheSameRequestsAndReadTheSameAnswers() throws Exception {
    wm.stubFor(
        post(urlEqualTo("/v24.0/" + WABA + "/flows"))
            .willReturn(okJson(example("/{Version}/{WABA-ID}/flows", "post", "Create Flow"))));
    wm.stubFor(
        post(urlEqualTo(FLOW + "/assets"))
            .willReturn(
                okJson(example("/{Version}/{Flow-ID}/assets", "post", "Upload Flow JSON Asset"))));
    wm.stubFor(
        get(urlPathEqualTo(FLOW))
            .willReturn(okJson(example("/{Version}/{Flow-ID}", "get", "Get Preview URL"))));
    wm.stubFor(delete(urlEqualTo(FLOW)).willReturn(okJson("{\"success\":true}")));
    String keyPath = "/v24.0/" + PHONE_ID + "/whatsapp_business_encryption";
    wm.stubFor(post(urlEqualTo(keyPath)).willReturn(okJson("{\"success\":true}")));
    wm.stubFor(
        get(urlEqualTo(keyPath))
            .willReturn(
                okJson(
                    "{\"data\":[{\"business_public_key\":\"-----BEGIN PUBLIC KEY-----\\nAB\\n"
                        + "-----END PUBLIC KEY-----\","
                        + "\"business_public_key_signature_status\":\"VALID\"}]}")));
    String flowJson = "{\"version\":\"7.3\",\"screens\":[]}";
    try (WhatsAppClient wa = client()) {
      FlowCreated created =
          wa.flows()
              .createAsync(
                  FlowDefinition.builder().name("booking").category(FlowCategory.OTHER).build())
              .get(20, TimeUnit.SECONDS);
      assertThat(created.id()).isEqualTo("flow-1");

      FlowCreated uploaded =
          wa.flows().uploadFlowJsonAsync("flow-1", flowJson).get(20, TimeUnit.SECONDS);
      assertThat(uploaded).isEqualTo(wa.flows().uploadFlowJson("flow-1", flowJson));
      assertThat(uploaded.validationErrors().get(0).lineStart()).contains(46L);

      FlowPreview p = wa.flows().previewAsync("flow-1", false).get(20, TimeUnit.SECONDS);
      assertThat(p).isEqualTo(wa.flows().preview("flow-1", false));

      assertThat(wa.flows().deleteAsync("flow-1").get(20, TimeUnit.SECONDS)).isNull();

      wa.phoneNumbers()
          .uploadBusinessPublicKeyAsync("-----BEGIN PUBLIC KEY-----\nAB\n-----END PUBLIC KEY-----")
          .get(20, TimeUnit.SECONDS);
      assertThat(wa.phoneNumbers().businessPublicKeyAsync().get(20, TimeUnit.SECONDS))
          .isEqualTo(wa.phoneNumbers().businessPublicKey())
          .satisfies(
              k ->
                  assertThat(k.signatureStatus())
                      .isEqualTo(BusinessPublicKey.SignatureStatus.VALID));
    }
    wm.verify(
        postRequestedFor(urlEqualTo("/v24.0/" + WABA + "/flows"))
            .withRequestBody(equalToJson("{\"name\":\"booking\",\"categories\":[\"OTHER\"]}")));
    wm.verify(
        2,
        postRequestedFor(urlEqualTo(FLOW + "/assets"))
            .withRequestBodyPart(
                aMultipart().withName("file").withBody(equalToJson(flowJson)).build()));
    wm.verify(
        2,
        getRequestedFor(urlPathEqualTo(FLOW))
            .withQueryParam("fields", equalTo("preview.invalidate(false)")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(FLOW)));
    wm.verify(
        postRequestedFor(urlEqualTo(keyPath))
            .withRequestBody(
                equalTo(
                    "business_public_key=-----BEGIN+PUBLIC+KEY-----%0AAB%0A"
                        + "-----END+PUBLIC+KEY-----")));
  }

  @Test
  void asyncTwins_badArguments_areThrownAtOnce() {
    try (WhatsAppClient wa = TestClients.client(wm, sleeper)) {
      assertThatThrownBy(
              () ->
                  wa.flows()
                      .createAsync(
                          FlowDefinition.builder().name("n").category(FlowCategory.OTHER).build()))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("wabaId");
      assertThatThrownBy(() -> wa.flows().uploadFlowJsonAsync("flow-1", " "))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> wa.flows().publishAsync(" "))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(
              () ->
                  wa.flows()
                      .metricAsync(
                          "flow-1",
                          FlowMetricName.ENDPOINT_REQUEST_COUNT,
                          FlowGranularity.DAY,
                          Optional.of(LocalDate.of(2024, 2, 2)),
                          Optional.of(LocalDate.of(2024, 2, 1))))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> wa.phoneNumbers().uploadBusinessPublicKeyAsync("not a key"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }

  @Test
  void enums_readUnknownValuesTolerantly() {
    assertThat(FlowStatus.of("throttled")).isEqualTo(FlowStatus.THROTTLED);
    assertThat(FlowStatus.of("ARCHIVED")).isEqualTo(FlowStatus.UNKNOWN);
    assertThat(FlowCategory.of(null)).isEqualTo(FlowCategory.UNKNOWN);
    assertThat(BusinessPublicKey.SignatureStatus.of("VALID"))
        .isEqualTo(BusinessPublicKey.SignatureStatus.VALID);
    assertThat(FlowHealth.Availability.of("?")).isEqualTo(FlowHealth.Availability.UNKNOWN);
  }

  @Test
  void flowErrorCodes_areInTheCatalog() {
    for (int code : new int[] {139000, 139001, 139002, 139003, 139004, 132068, 132069}) {
      assertThat(ErrorCode.of(code).isKnown()).as("code %d", code).isTrue();
    }
  }
}
