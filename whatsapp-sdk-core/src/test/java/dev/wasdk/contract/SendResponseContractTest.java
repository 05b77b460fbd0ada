package dev.wasdk.contract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.SendResult;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.ErrorCode;
import dev.wasdk.message.Message;
import dev.wasdk.spec.OpenApiSpec;
import java.net.URI;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * Every response example of {@code POST /{Version}/{Phone-Number-ID}/messages} in Meta's spec,
 * served over HTTP, is read by the client: send results parse into {@link SendResult} with the
 * example's id, input and WhatsApp id, and the read-receipt example ({@code {"success":true}})
 * completes {@code markRead}. Error examples, should the spec gain any, must map to the family the
 * catalog names. The v23.0 spec has 200 examples only; the error side is covered by {@code
 * ErrorMappingTest} and by the fact sheet's error envelope below.
 */
class SendResponseContractTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String PATH = "/v24.0/106540352242922/messages";

  static Stream<Arguments> examples() {
    return OpenApiSpec.allResponseExamples(OpenApiSpec.MESSAGES_PATH).entrySet().stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  private WhatsAppClient client() {
    return WhatsAppClient.builder()
        .accessToken("contract-token-0123456789")
        .phoneNumberId("106540352242922")
        .baseUrl(URI.create(wm.baseUrl()))
        .retryPolicy(RetryPolicy.none())
        .build();
  }

  private static void serve(int status, String body) {
    wm.resetAll();
    wm.stubFor(
        post(urlEqualTo(PATH))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  @Test
  void spec_messagesPath_hasTheExpectedResponseExamples() {
    Map<String, JsonNode> all = OpenApiSpec.allResponseExamples(OpenApiSpec.MESSAGES_PATH);

    assertThat(all).hasSize(44);
    assertThat(all.keySet()).allMatch(k -> k.startsWith("POST 200 "));
    assertThat(all.values()).filteredOn(v -> v.has("messages")).hasSize(43);
    assertThat(all.values()).filteredOn(v -> v.has("success")).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void responseExample_servedOverHttp_isReadByTheClient(String name, JsonNode example) {
    int status = Integer.parseInt(name.split(" ")[1]);
    serve(status, example.toString());
    try (WhatsAppClient wa = client()) {
      if (status >= 400) {
        ApiException e =
            catchThrowableOfType(
                ApiException.class, () -> wa.messages().send(Message.to("+16505551234").text("x")));
        int code = example.path("error").path("code").asInt();
        assertThat(e.error().code()).isEqualTo(code);
        assertThat(e.category()).isEqualTo(ErrorCode.of(code).category());
      } else if (example.has("success")) {
        wa.messages().markRead("wamid.HBgL");
      } else {
        SendResult r = wa.messages().send(Message.to("+16505551234").text("x"));
        JsonNode contact = example.path("contacts").path(0);
        assertThat(r.wamid()).isEqualTo(example.path("messages").path(0).path("id").asString());
        assertThat(r.input()).isEqualTo(contact.path("input").asString());
        assertThat(r.waId()).contains(contact.path("wa_id").asString());
      }
    }
  }

  @Test
  void factSheetErrorEnvelope_mapsToAThroughputRateLimit() {
    serve(
        400,
        "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\","
            + "\"code\":130429,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":"
            + "\"Cloud API message throughput has been reached.\"},\"error_subcode\":2494055,"
            + "\"fbtrace_id\":\"Az8or2yhqkZfEZ-_4Qn_Bam\"}}");
    try (WhatsAppClient wa = client()) {
      ApiException e =
          catchThrowableOfType(
              ApiException.class, () -> wa.messages().send(Message.to("+16505551234").text("x")));

      assertThat(e).isInstanceOf(dev.wasdk.error.RateLimitException.class);
      assertThat(e.error().details()).contains("Cloud API message throughput has been reached.");
    }
  }
}
