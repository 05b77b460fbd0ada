package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class WebhookEndpointPropertyTest {
  private static final Set<Integer> STATUSES = Set.of(200, 400, 401, 403, 405, 413, 500, 503);

  private final WebhookEndpoint endpoint =
      WebhookEndpoint.builder()
          .appSecret(TestDeliveries.APP_SECRET)
          .verifyToken(TestDeliveries.VERIFY_TOKEN)
          .router(WebhookRouter.builder().on(WebhookEvent.class, e -> {}).build())
          .maxBodyBytes(2048)
          .build();

  @Provide
  Arbitrary<String> methods() {
    return Arbitraries.oneOf(
        Arbitraries.of("GET", "POST", "PUT", "HEAD", "OPTIONS", "post"),
        Arbitraries.strings().ofMinLength(1).ofMaxLength(20));
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.oneOf(
        Arbitraries.bytes().array(byte[].class).ofMaxSize(3000),
        Arbitraries.strings()
            .withChars("{}[]\":,0123456789abcentryobjectchangesfieldvalue ")
            .ofMaxLength(400)
            .map(s -> s.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  @Provide
  Arbitrary<Map<String, String>> headers() {
    return Arbitraries.maps(
            Arbitraries.oneOf(
                Arbitraries.of("X-Hub-Signature-256", "Content-Length", "content-type"),
                Arbitraries.strings().ofMinLength(1).ofMaxLength(30)),
            Arbitraries.oneOf(
                Arbitraries.of("sha256=", "sha1=abc", "-1", "99999999999999999999", ""),
                Arbitraries.strings().ofMaxLength(80)))
        .ofMaxSize(4);
  }

  @Property(tries = 500)
  void handle_arbitraryRequest_alwaysAnswersAKnownStatus(
      @ForAll("methods") String method,
      @ForAll("bodies") byte[] body,
      @ForAll("headers") Map<String, String> headers,
      @ForAll("headers") Map<String, String> query) {
    WebhookRequest.Builder b = WebhookRequest.builder().method(method).body(body);
    headers.forEach(b::header);
    query.forEach(b::queryParameter);
    WebhookResponse r = endpoint.handle(b.build());
    assertThat(STATUSES).contains(r.status());
    assertThat(r.body()).doesNotContain(TestDeliveries.APP_SECRET, TestDeliveries.VERIFY_TOKEN);
  }

  @Property(tries = 500)
  void handle_arbitrarySignedBody_neverAnAuthenticationFailure(@ForAll("bodies") byte[] body) {
    WebhookResponse r = endpoint.handle(TestDeliveries.signedPost(body));
    assertThat(r.status()).isIn(List.of(200, 400, 413));
    if (body.length <= 2048) {
      assertThat(r.status()).isNotEqualTo(413);
    }
  }
}
