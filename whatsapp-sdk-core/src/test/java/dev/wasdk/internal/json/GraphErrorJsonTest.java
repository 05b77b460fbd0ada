package dev.wasdk.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.error.ApiError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class GraphErrorJsonTest {
  private static ApiError parse(String body, int status) {
    return GraphErrorJson.parse(
        body.getBytes(StandardCharsets.UTF_8), status, "application/json", "SECRET-TOKEN-42");
  }

  @Test
  void parse_metaEnvelope_readsEveryField() {
    ApiError e =
        parse(
            "{\"error\":{\"message\":\"(#130429) Rate limit hit\",\"type\":\"OAuthException\","
                + "\"code\":130429,\"error_data\":{\"messaging_product\":\"whatsapp\","
                + "\"details\":\"Cloud API message throughput has been reached.\"},"
                + "\"error_subcode\":2494055,\"error_user_title\":\"Slow down\","
                + "\"error_user_msg\":\"Too fast\",\"is_transient\":true,"
                + "\"fbtrace_id\":\"Az8or2yhqkZfEZ-_4Qn_Bam\"}}",
            400);

    assertThat(e.code()).isEqualTo(130429);
    assertThat(e.subcode()).contains(2494055);
    assertThat(e.type()).isEqualTo("OAuthException");
    assertThat(e.message()).isEqualTo("(#130429) Rate limit hit");
    assertThat(e.details()).contains("Cloud API message throughput has been reached.");
    assertThat(e.errorUserTitle()).contains("Slow down");
    assertThat(e.errorUserMessage()).contains("Too fast");
    assertThat(e.isTransient()).isTrue();
    assertThat(e.fbtraceId()).contains("Az8or2yhqkZfEZ-_4Qn_Bam");
    assertThat(e.httpStatus()).isEqualTo(400);
    assertThat(e.errorData())
        .contains(
            "{\"messaging_product\":\"whatsapp\",\"details\":\"Cloud API message throughput has"
                + " been reached.\"}");
  }

  @Test
  void parse_codesAsStrings_areParsed() {
    ApiError e =
        parse(
            "{\"error\":{\"code\":\" 131056 \",\"error_subcode\":\"33\",\"message\":\"m\"}}", 400);

    assertThat(e.code()).isEqualTo(131056);
    assertThat(e.subcode()).contains(33);
  }

  @Test
  void parse_errorDataString_isKeptRawWithoutDetails() {
    ApiError e = parse("{\"error\":{\"code\":100,\"error_data\":\"template too long\"}}", 400);

    assertThat(e.errorData()).contains("template too long");
    assertThat(e.details()).isEmpty();
  }

  @Test
  void parse_missingFieldsAndOddTypes_areTolerated() {
    ApiError e =
        parse(
            "{\"error\":{\"code\":{\"x\":1},\"message\":null,\"fbtrace_id\":[1],"
                + "\"is_transient\":\"yes\",\"extra\":1}}",
            500);

    assertThat(e.code()).isEqualTo(ApiError.NO_CODE);
    assertThat(e.message()).isEmpty();
    assertThat(e.fbtraceId()).isEmpty();
    assertThat(e.isTransient()).isFalse();
    assertThat(e.subcode()).isEmpty();
  }

  @Test
  void parse_nonGraphBody_describesTypeAndSizeOnly() {
    byte[] html = "<html>Bad Gateway SECRET</html>".getBytes(StandardCharsets.UTF_8);

    ApiError e = GraphErrorJson.parse(html, 502, "text/html", null);

    assertThat(e.code()).isEqualTo(ApiError.NO_CODE);
    assertThat(e.message())
        .isEqualTo("HTTP 502 with a body that is not a Graph error (text/html, 31 bytes)");
    assertThat(parse("{\"errors\":[]}", 400).code()).isEqualTo(ApiError.NO_CODE);
    assertThat(parse("", 500).code()).isEqualTo(ApiError.NO_CODE);
    assertThat(parse("{\"error\":\"boom\"}", 500).code()).isEqualTo(ApiError.NO_CODE);
  }

  @Test
  void parse_tokenEchoedByTheServer_isRedactedEverywhere() {
    ApiError e =
        parse(
            "{\"error\":{\"code\":190,\"message\":\"Malformed access token SECRET-TOKEN-42\","
                + "\"error_user_msg\":\"token SECRET-TOKEN-42 expired\",\"error_data\":"
                + "{\"details\":\"SECRET-TOKEN-42\"}}}",
            401);

    assertThat(e.toString()).doesNotContain("SECRET-TOKEN-42");
    assertThat(e.message()).isEqualTo("Malformed access token [redacted]");
    assertThat(e.errorUserMessage()).contains("token [redacted] expired");
    assertThat(e.details()).contains("[redacted]");
    assertThat(e.errorData().orElseThrow()).doesNotContain("SECRET-TOKEN-42");
  }
}
