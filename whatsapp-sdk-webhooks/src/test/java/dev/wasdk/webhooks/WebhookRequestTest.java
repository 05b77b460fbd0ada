package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {
  @Test
  void header_anyCase_firstValueFound() {
    WebhookRequest r =
        WebhookRequest.builder()
            .method("post")
            .header("X-Hub-Signature-256", "sha256=first")
            .headers(Map.of("x-hub-signature-256", List.of("sha256=second")))
            .build();
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.header("x-HUB-signature-256")).contains("sha256=first");
    assertThat(r.header("Content-Type")).isEmpty();
  }

  @Test
  void queryParameter_setTwice_lastWinsAndMissingIsEmpty() {
    WebhookRequest r =
        WebhookRequest.builder()
            .method("GET")
            .queryParameter("hub.mode", "x")
            .queryParameters(Map.of("hub.mode", "subscribe"))
            .build();
    assertThat(r.queryParameter("hub.mode")).contains("subscribe");
    assertThat(r.queryParameter("HUB.MODE")).isEmpty();
  }

  @Test
  void body_returnsCopy() {
    WebhookRequest r = WebhookRequest.builder().method("POST").body(new byte[] {1, 2, 3}).build();
    r.body()[0] = 9;
    assertThat(r.body()).containsExactly(1, 2, 3);
    assertThat(r.bodyLength()).isEqualTo(3);
  }

  @Test
  void toString_showsNeitherHeadersNorBody() {
    WebhookRequest r =
        WebhookRequest.builder()
            .method("POST")
            .header("X-Hub-Signature-256", "sha256=secretish")
            .body("{\"from\":\"16505551234\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .build();
    assertThat(r.toString()).doesNotContain("secretish", "16505551234").contains("POST");
  }

  @Test
  void contentLength_fromHeaderUnlessSet() {
    assertThat(
            WebhookRequest.builder()
                .method("POST")
                .header("content-length", " 12 ")
                .build()
                .contentLength())
        .hasValue(12);
    assertThat(
            WebhookRequest.builder()
                .method("POST")
                .header("Content-Length", "12")
                .contentLength(5000)
                .build()
                .contentLength())
        .hasValue(5000);
    assertThat(
            WebhookRequest.builder()
                .method("POST")
                .header("Content-Length", "-3")
                .build()
                .contentLength())
        .isEmpty();
    assertThat(
            WebhookRequest.builder()
                .method("POST")
                .header("Content-Length", "x")
                .build()
                .contentLength())
        .isEmpty();
    assertThatThrownBy(() -> WebhookRequest.builder().contentLength(-2))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void build_withoutMethod_throws() {
    assertThatThrownBy(() -> WebhookRequest.builder().build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void response_statusOutOfRange_throws() {
    assertThatThrownBy(() -> new WebhookResponse(99, "text/plain", "", Map.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
