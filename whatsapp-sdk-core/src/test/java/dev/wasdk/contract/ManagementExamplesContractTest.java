package dev.wasdk.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.wasdk.client.BusinessProfileUpdate;
import dev.wasdk.client.BusinessVertical;
import dev.wasdk.client.CodeMethod;
import dev.wasdk.client.QrImageFormat;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.TemplateQuery;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.ApiException;
import dev.wasdk.internal.json.Json;
import dev.wasdk.internal.json.TemplateDefinitionJson;
import dev.wasdk.spec.OpenApiSpec;
import dev.wasdk.template.Template;
import dev.wasdk.template.TemplateDefinition;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every example of Meta's spec for the management paths is either produced by our request code,
 * parsed by our response code, or listed in {@link #OUT_OF_SCOPE} with the reason.
 *
 * <p><b>Requests</b> are produced by calling the public API against WireMock and comparing the
 * captured body with the example as JSON trees. Template definitions are rebuilt through our model:
 * the example is read into components, built into a checked {@link TemplateDefinition}, and written
 * by the API; the result must equal the example. Two spec slips are normalized on the example side
 * before comparing, never on ours: component types written in lowercase ({@code "body"}) are
 * upper-cased, and the placeholder name {@code <TEMPLATE_NAME>} is swapped for a valid name.
 *
 * <p><b>Responses</b> are served over HTTP and read by the matching API call; error examples must
 * raise an {@link ApiException} with the example's code. The media URL placeholder {@code <URL>} is
 * swapped for a real URL on the test server.
 */
class ManagementExamplesContractTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String PHONE = "/{Version}/{Phone-Number-ID}";
  static final String WABA = "/{Version}/{WABA-ID}";

  /** The management paths this test covers. */
  static final List<String> PATHS =
      List.of(
          PHONE + "/media",
          "/{Version}/{Media-ID}",
          "/{Version}/{Media-URL}",
          WABA + "/message_templates",
          "/{Version}/{TEMPLATE_ID}",
          WABA + "/phone_numbers",
          PHONE,
          PHONE + "/register",
          PHONE + "/deregister",
          PHONE + "/request_code",
          PHONE + "/verify_code",
          PHONE + "/settings",
          PHONE + "/whatsapp_business_profile",
          PHONE + "/block_users",
          PHONE + "/message_qrdls",
          PHONE + "/message_qrdls/{QR-Code-ID}",
          WABA,
          WABA + "/subscribed_apps");

  /** Examples left out, keyed "REQ|RES METHOD path [status] name", with the reason. */
  static final Map<String, String> OUT_OF_SCOPE = new LinkedHashMap<>();

  static {
    String curl =
        "a curl-style description of a multipart upload, not a JSON body; the multipart"
            + " bytes are pinned in MediaApiTest";
    for (String n : List.of("Upload Audio", "Upload Image", "Upload Sticker")) {
      OUT_OF_SCOPE.put("REQ POST " + PHONE + "/media " + n, curl);
    }
    String status =
        "updating a number's status, webhook, display name or username is not part of"
            + " this SDK's phone-number API";
    for (String n :
        List.of(
            "update_connection_status",
            "configure_webhook",
            "update_security_settings",
            "update_display_name",
            "set_username",
            "comprehensive_update")) {
      OUT_OF_SCOPE.put("REQ POST " + PHONE + " " + n, status);
    }
    for (String n :
        List.of(
            "message_sent",
            "settings_updated",
            "phone_registered",
            "code_verified",
            "two_step_verification_set")) {
      OUT_OF_SCOPE.put("RES POST " + PHONE + " 200 " + n, status);
    }
    OUT_OF_SCOPE.put(
        "REQ POST " + PHONE + "/register migration_registration",
        "migration with a backup is not offered; register(pin, region) covers new numbers");
    OUT_OF_SCOPE.put(
        "REQ POST " + PHONE + "/register advanced_registration",
        "the undocumented 'tier' field is not offered; data_localization_region is (see"
            + " AccountApisTest)");
    String callingShape =
        "the spec's calling settings (lower-case 'enabled', 'visible', 'DTLS-SRTP', a 'video'"
            + " object) contradict Meta's calling guide, which CallsApi.updateSettings follows"
            + " (upper-case values, DEFAULT/DISABLE_ALL, DTLS/SDES; CALLING-GROUPS.md §A.3);"
            + " its bodies are pinned in CallsApiTest";
    for (String n : List.of("Enable calling with video", "Disable calling", "Enable SIP calling")) {
      OUT_OF_SCOPE.put("REQ POST " + PHONE + "/settings " + n, callingShape);
    }
    String calling = "payload encryption and storage settings are out of this SDK's scope";
    for (String n :
        List.of(
            "Enable payload encryption", "Disable payload encryption", "Configure data storage")) {
      OUT_OF_SCOPE.put("REQ POST " + PHONE + "/settings " + n, calling);
    }
    OUT_OF_SCOPE.put(
        "REQ POST " + PHONE + "/settings Enable user identity change",
        "the spec's {\"enabled\":true} contradicts Meta's guide, which documents"
            + " enable_identity_key_check; we send the documented field (API-FACTS §2)");
    String create = "creating phone numbers in a WABA is onboarding, not part of this SDK";
    for (String n :
        List.of("basic_phone_number", "migration_phone_number", "preverified_phone_number")) {
      OUT_OF_SCOPE.put("REQ POST " + WABA + "/phone_numbers " + n, create);
    }
    OUT_OF_SCOPE.put("RES POST " + WABA + "/phone_numbers 200 successful_creation", create);
    String todo =
        "reading or updating the WABA's own details (name, timezone, review status) is not"
            + " offered; the analytics use this path with field expansions the spec has no"
            + " examples for (pinned in AnalyticsApiTest)";
    for (String p : List.of(WABA)) {
      for (Map.Entry<String, JsonNode> e : OpenApiSpec.allResponseExamples(p).entrySet()) {
        String[] k = e.getKey().split(" ", 3);
        OUT_OF_SCOPE.put("RES " + k[0] + " " + p + " " + k[1] + " " + k[2], todo);
      }
      for (String m : List.of("post", "delete")) {
        if (!OpenApiSpec.root().path("paths").path(p).path(m).isMissingNode()) {
          OpenApiSpec.requestExamples(p, m)
              .keySet()
              .forEach(
                  n ->
                      OUT_OF_SCOPE.put(
                          "REQ " + m.toUpperCase(Locale.ROOT) + " " + p + " " + n, todo));
        }
      }
    }
  }

  static final Map<String, int[]> COUNTS = new TreeMap<>();

  private static void count(String path, int slot) {
    COUNTS.computeIfAbsent(path, p -> new int[3])[slot]++;
  }

  private static WhatsAppClient client() {
    return WhatsAppClient.builder()
        .accessToken("contract-token-0123456789")
        .phoneNumberId("106540352242922")
        .wabaId("102290129340398")
        .baseUrl(URI.create(wm.baseUrl()))
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private static void serve(int status, String body) {
    wm.resetAll();
    wm.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  // ---------------------------------------------------------------- requests

  /** Produces a request body with our API; returns the JSON that went over the wire. */
  static final Map<String, Function<JsonNode, Consumer<WhatsAppClient>>> PRODUCERS =
      new LinkedHashMap<>();

  static {
    Function<JsonNode, Consumer<WhatsAppClient>> create =
        ex -> wa -> wa.templates().create(definition(ex));
    PRODUCERS.put("POST " + WABA + "/message_templates", create);
    PRODUCERS.put(
        "POST /{Version}/{TEMPLATE_ID}",
        ex -> wa -> wa.templates().edit("920070352646140", definition(ex)));
    PRODUCERS.put(
        "POST " + PHONE + "/register",
        ex -> wa -> wa.phoneNumbers().register(ex.get("pin").asString()));
    PRODUCERS.put(
        "POST " + PHONE + "/request_code",
        ex ->
            wa ->
                wa.phoneNumbers()
                    .requestCode(
                        CodeMethod.valueOf(ex.get("code_method").asString()),
                        ex.get("language").asString()));
    PRODUCERS.put(
        "POST " + PHONE + "/verify_code",
        ex -> wa -> wa.phoneNumbers().verifyCode(ex.get("code").asString()));
    PRODUCERS.put(
        "POST " + PHONE + "/whatsapp_business_profile",
        ex -> wa -> wa.businessProfile().update(profile(ex)));
    PRODUCERS.put("POST " + PHONE + "/block_users", ex -> wa -> wa.blockedUsers().block(users(ex)));
    PRODUCERS.put(
        "DELETE " + PHONE + "/block_users", ex -> wa -> wa.blockedUsers().unblock(users(ex)));
    PRODUCERS.put(
        "POST " + PHONE + "/message_qrdls",
        ex ->
            wa -> {
              String message = ex.get("prefilled_message").asString();
              if (ex.has("code")) {
                wa.qrCodes().update(ex.get("code").asString(), message);
              } else if (ex.has("generate_qr_image")) {
                wa.qrCodes()
                    .create(message, QrImageFormat.valueOf(ex.get("generate_qr_image").asString()));
              } else {
                wa.qrCodes().create(message);
              }
            });
    PRODUCERS.put(
        "POST " + WABA + "/subscribed_apps",
        ex ->
            wa -> {
              if (ex.has("override_callback_uri")) {
                wa.webhookSubscriptions()
                    .subscribe(
                        URI.create(ex.get("override_callback_uri").asString()),
                        ex.get("verify_token").asString());
              } else {
                wa.webhookSubscriptions().subscribe();
              }
            });
  }

  static TemplateDefinition definition(JsonNode example) {
    Template t = TemplateDefinitionJson.read(example);
    return TemplateDefinition.builder(t.name(), t.language(), t.category())
        .components(t.components().toArray(new dev.wasdk.template.Component[0]))
        .build();
  }

  static BusinessProfileUpdate profile(JsonNode ex) {
    BusinessProfileUpdate.Builder b = BusinessProfileUpdate.builder();
    if (ex.has("about")) b.about(ex.get("about").asString());
    if (ex.has("address")) b.address(ex.get("address").asString());
    if (ex.has("description")) b.description(ex.get("description").asString());
    if (ex.has("email")) b.email(ex.get("email").asString());
    if (ex.has("profile_picture_handle"))
      b.profilePictureHandle(ex.get("profile_picture_handle").asString());
    if (ex.has("websites")) {
      List<String> w = new ArrayList<>();
      ex.get("websites").forEach(n -> w.add(n.asString()));
      b.websites(w.toArray(new String[0]));
    }
    if (ex.has("vertical")) b.vertical(BusinessVertical.of(ex.get("vertical").asString()));
    return b.build();
  }

  static List<String> users(JsonNode ex) {
    List<String> out = new ArrayList<>();
    ex.get("block_users").forEach(u -> out.add(u.get("user").asString()));
    return out;
  }

  static Stream<Arguments> requestExamples() {
    List<Arguments> out = new ArrayList<>();
    for (String path : PATHS) {
      for (String method : List.of("post", "delete")) {
        if (OpenApiSpec.root().path("paths").path(path).path(method).isMissingNode()) {
          continue;
        }
        OpenApiSpec.requestExamples(path, method)
            .forEach(
                (name, ex) ->
                    out.add(Arguments.of(method.toUpperCase(Locale.ROOT) + " " + path, name, ex)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("requestExamples")
  void requestExample_isProducedByOurRequestCode(String operation, String name, JsonNode example) {
    String path = operation.substring(operation.indexOf(' ') + 1);
    if (OUT_OF_SCOPE.containsKey("REQ " + operation + " " + name)) {
      count(path, 2);
      return;
    }
    Function<JsonNode, Consumer<WhatsAppClient>> producer = PRODUCERS.get(operation);
    assertThat(producer)
        .as("a producer or an OUT_OF_SCOPE entry for " + operation + " " + name)
        .isNotNull();
    ObjectNode expected = normalize(OpenApiSpec.copy(example));
    serve(
        200,
        "{\"success\":true,\"id\":\"1\",\"status\":\"PENDING\",\"category\":\"UTILITY\","
            + "\"code\":\"ANED2T5QRU7HG1\"}");
    try (WhatsAppClient wa = client()) {
      producer.apply(expected).accept(wa);
    }
    List<LoggedRequest> sent = wm.getAllServeEvents().stream().map(e -> e.getRequest()).toList();
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).getMethod().getName())
        .isEqualTo(operation.substring(0, operation.indexOf(' ')));
    assertThat(Json.MAPPER.readTree(sent.get(0).getBody())).isEqualTo(expected);
    count(path, 0);
  }

  /** Upper-cases component and button types and swaps the name placeholder. */
  private static ObjectNode normalize(ObjectNode example) {
    if ("<TEMPLATE_NAME>".equals(example.path("name").asString(""))) {
      example.put("name", "contract_template");
    }
    JsonNode components = example.get("components");
    if (components instanceof ArrayNode a) {
      for (JsonNode c : a) {
        if (c instanceof ObjectNode o && o.has("type")) {
          o.put("type", o.get("type").asString().toUpperCase(Locale.ROOT));
        }
      }
    }
    return example;
  }

  // ---------------------------------------------------------------- responses

  static final Map<String, Consumer<WhatsAppClient>> READERS = new LinkedHashMap<>();

  static {
    READERS.put(
        "POST " + PHONE + "/media",
        wa -> assertThat(wa.media().upload(new byte[] {1}, "image/jpeg", "a.jpg")).isNotBlank());
    READERS.put(
        "GET /{Version}/{Media-ID}",
        wa -> assertThat(wa.media().url("2621233374848975").fileSize()).isPresent());
    READERS.put("DELETE /{Version}/{Media-ID}", wa -> wa.media().delete("2621233374848975"));
    READERS.put(
        "GET /{Version}/{Media-URL}",
        wa ->
            assertThat(
                    wa.media()
                        .download(
                            URI.create(wm.baseUrl() + "/media-url"),
                            new ByteArrayOutputStream(),
                            1024)
                        .size())
                .isGreaterThanOrEqualTo(0));
    READERS.put(
        "GET " + WABA + "/message_templates",
        wa ->
            assertThat(wa.templates().list(TemplateQuery.all()).items())
                .allSatisfy(t -> assertThat(t.id()).isNotBlank()));
    READERS.put(
        "POST " + WABA + "/message_templates",
        wa ->
            assertThat(
                    wa.templates()
                        .create(
                            definition(
                                Json.MAPPER.readTree(
                                    "{\"name\":\"a\",\"language\":\"en\",\"category\":\"UTILITY\",\"components\":[{\"type\":\"BODY\",\"text\":\"Hi\"}]}")))
                        .id())
                .isNotBlank());
    READERS.put("DELETE " + WABA + "/message_templates", wa -> wa.templates().deleteByName("a"));
    READERS.put(
        "GET /{Version}/{TEMPLATE_ID}",
        wa -> assertThat(wa.templates().get("920070352646140").components()).isNotEmpty());
    READERS.put(
        "POST /{Version}/{TEMPLATE_ID}",
        wa ->
            wa.templates()
                .edit(
                    "1",
                    dev.wasdk.template.TemplateEdit.category(
                        dev.wasdk.message.TemplateCategory.MARKETING)));
    READERS.put(
        "GET " + WABA + "/phone_numbers",
        wa -> assertThat(wa.phoneNumbers().list(Optional.empty()).items()).isNotEmpty());
    READERS.put(
        "GET " + PHONE, wa -> assertThat(wa.phoneNumbers().get().qualityRating()).isNotNull());
    READERS.put("POST " + PHONE + "/register", wa -> wa.phoneNumbers().register("123456"));
    READERS.put("POST " + PHONE + "/deregister", wa -> wa.phoneNumbers().deregister());
    READERS.put(
        "POST " + PHONE + "/request_code",
        wa -> wa.phoneNumbers().requestCode(CodeMethod.SMS, "en_US"));
    READERS.put("POST " + PHONE + "/verify_code", wa -> wa.phoneNumbers().verifyCode("123456"));
    READERS.put("POST " + PHONE + "/settings", wa -> wa.phoneNumbers().identityKeyCheck(true));
    READERS.put(
        "GET " + PHONE + "/whatsapp_business_profile",
        wa -> assertThat(wa.businessProfile().get().about()).isPresent());
    READERS.put(
        "POST " + PHONE + "/whatsapp_business_profile",
        wa -> wa.businessProfile().update(BusinessProfileUpdate.builder().about("a").build()));
    READERS.put(
        "GET " + PHONE + "/message_qrdls",
        wa ->
            assertThat(wa.qrCodes().list(Optional.empty()).items())
                .allSatisfy(c -> assertThat(c.deepLinkUrl()).isPresent()));
    READERS.put(
        "POST " + PHONE + "/message_qrdls",
        wa -> assertThat(wa.qrCodes().create("Hi").deepLinkUrl()).isPresent());
    READERS.put(
        "GET " + PHONE + "/message_qrdls/{QR-Code-ID}",
        wa ->
            assertThat(wa.qrCodes().get("ANED2T5QRU7HG1"))
                .hasValueSatisfying(c -> assertThat(c.code()).isEqualTo("ANED2T5QRU7HG1")));
    READERS.put(
        "DELETE " + PHONE + "/message_qrdls/{QR-Code-ID}",
        wa -> wa.qrCodes().delete("ANED2T5QRU7HG1"));
    READERS.put(
        "GET " + WABA + "/subscribed_apps",
        wa ->
            assertThat(wa.webhookSubscriptions().list())
                .allSatisfy(app -> assertThat(app.appId()).isNotBlank()));
    READERS.put(
        "POST " + WABA + "/subscribed_apps",
        wa ->
            assertThat(wa.webhookSubscriptions().subscribe())
                .allSatisfy(app -> assertThat(app.overrideCallbackUri()).isPresent()));
    READERS.put(
        "DELETE " + WABA + "/subscribed_apps", wa -> wa.webhookSubscriptions().unsubscribe());
    // The spec's lower-case values read through the open enums; 'visible' and 'DTLS-SRTP' are
    // not the guide's values and read as UNKNOWN.
    READERS.put(
        "GET " + PHONE + "/settings",
        wa -> {
          dev.wasdk.client.CallingSettings s = wa.calls().settings();
          assertThat(s.status()).contains(dev.wasdk.client.CallingSettings.Status.ENABLED);
          assertThat(s.callbackPermission())
              .contains(dev.wasdk.client.CallingSettings.Status.ENABLED);
        });
  }

  static Stream<Arguments> responseExamples() {
    List<Arguments> out = new ArrayList<>();
    for (String path : PATHS) {
      OpenApiSpec.allResponseExamples(path)
          .forEach(
              (key, ex) -> {
                String[] k = key.split(" ", 3);
                out.add(Arguments.of(k[0] + " " + path, Integer.parseInt(k[1]), k[2], ex));
              });
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("responseExamples")
  void responseExample_isReadByOurResponseCode(
      String operation, int status, String name, JsonNode example) {
    String path = operation.substring(operation.indexOf(' ') + 1);
    String method = operation.substring(0, operation.indexOf(' '));
    if (OUT_OF_SCOPE.containsKey("RES " + method + " " + path + " " + status + " " + name)) {
      count(path, 2);
      return;
    }
    Consumer<WhatsAppClient> reader = READERS.get(operation);
    assertThat(reader)
        .as("a reader or an OUT_OF_SCOPE entry for " + operation + " " + name)
        .isNotNull();
    String body = example.isString() ? example.asString() : example.toString();
    body = body.replace("\"<URL>\"", "\"" + wm.baseUrl() + "/media-url\"");
    serve(status, body);
    try (WhatsAppClient wa = client()) {
      if (status >= 400) {
        ApiException e = catchThrowableOfType(ApiException.class, () -> reader.accept(wa));
        assertThat(e).as("an ApiException for " + name).isNotNull();
        assertThat(e.error().code()).isEqualTo(example.path("error").path("code").asInt());
        assertThat(e.error().httpStatus()).isEqualTo(status);
      } else {
        reader.accept(wa);
      }
    }
    count(path, 1);
  }

  @Test
  void outOfScope_everyEntryNamesAnExampleOfTheSpec() {
    List<String> known = new ArrayList<>();
    requestExamples().forEach(a -> known.add("REQ " + a.get()[0] + " " + a.get()[1]));
    responseExamples()
        .forEach(
            a -> {
              String op = (String) a.get()[0];
              known.add("RES " + op + " " + a.get()[1] + " " + a.get()[2]);
            });
    assertThat(known).containsAll(OUT_OF_SCOPE.keySet());
    assertThat(OUT_OF_SCOPE.values())
        .allSatisfy(reason -> assertThat(reason).hasSizeGreaterThan(20));
  }

  @Test
  void coverage_everyPathExistsAndMostExamplesAreCovered() {
    for (String p : PATHS) {
      assertThat(OpenApiSpec.paths()).as(p).contains(p);
    }
    long requests = requestExamples().count();
    long responses = responseExamples().count();
    long out = OUT_OF_SCOPE.size();
    assertThat(requests + responses - out)
        .as("examples produced or parsed")
        .isGreaterThanOrEqualTo(60);
  }

  @AfterAll
  static void printCounts() {
    System.out.println(
        "Management spec examples (produced requests / parsed responses / out of scope):");
    COUNTS.forEach(
        (p, c) -> System.out.println("  " + p + ": " + c[0] + " / " + c[1] + " / " + c[2]));
  }
}
