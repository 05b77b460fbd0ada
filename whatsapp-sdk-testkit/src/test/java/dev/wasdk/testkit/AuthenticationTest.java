package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.spec.OpenApiSpec;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bearer tokens: missing (104), invalid (190), expired or rotated (190 / 463). */
class AuthenticationTest {
  private final TestClock clock = TestClock.at(Instant.parse("2026-01-01T00:00:00Z"));
  private WhatsAppSimulator sim = WhatsAppSimulator.builder().clock(clock).start();

  @AfterEach
  void close() {
    sim.close();
  }

  private Http.Response phone(Http http) {
    return http.get(Http.V + sim.phoneNumberId());
  }

  @Test
  void missingToken_104Http401_likeSpecExample() {
    Http.Response r = phone(new Http(sim).token(null));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo(104);
    JsonNode example =
        OpenApiSpec.responseExamples("/{Version}/{Phone-Number-ID}", "get", "401")
            .get("missing_token");
    assertThat(Shapes.missingFrom(r.json(), example)).isEmpty();
  }

  @Test
  void wrongToken_190Http401() {
    Http.Response r = new Http(sim).token("not-the-token").send(Http.text("+16505551234", "x"));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo(190);
    assertThat(r.json().path("error").has("error_subcode")).isFalse();
    assertThat(r.body()).doesNotContain("not-the-token");
  }

  @Test
  void nonBearerScheme_104() {
    Http http = new Http(sim).token(null);
    Http.Response r =
        http.call(
            http.builder(Http.V + sim.phoneNumberId())
                .header("Authorization", "Basic abc")
                .GET()
                .build());

    assertThat(r.errorCode()).isEqualTo(104);
  }

  @Test
  void accessTokenQueryParameter_accepted() {
    Http.Response r =
        new Http(sim)
            .token(null)
            .get(Http.V + sim.phoneNumberId() + "?access_token=" + sim.accessToken());

    assertThat(r.status()).isEqualTo(200);
    assertThat(sim.receivedRequests().get(0).path())
        .endsWith("?access_token=<redacted>")
        .doesNotContain(sim.accessToken());
  }

  @Test
  void expireAccessToken_190Subcode463() {
    sim.expireAccessToken();

    Http.Response r = phone(new Http(sim));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.errorCode()).isEqualTo(190);
    assertThat(r.json().path("error").path("error_subcode").asInt()).isEqualTo(463);
    JsonNode example =
        OpenApiSpec.responseExamples("/{Version}/{Phone-Number-ID}", "get", "401")
            .get("expired_token");
    assertThat(Shapes.missingFrom(r.json(), example)).isEmpty();
  }

  @Test
  void rotateAccessToken_oldExpiredNewAccepted() {
    String old = sim.accessToken();

    sim.rotateAccessToken("fresh-token");

    assertThat(sim.accessToken()).isEqualTo("fresh-token");
    assertThat(phone(new Http(sim)).status()).isEqualTo(200);
    Http.Response r = phone(new Http(sim).token(old));
    assertThat(r.errorCode()).isEqualTo(190);
    assertThat(r.json().path("error").path("error_subcode").asInt()).isEqualTo(463);
  }

  @Test
  void tokenExpiry_onTheClock() {
    sim.close();
    sim =
        WhatsAppSimulator.builder()
            .clock(clock)
            .accessTokenExpiresAt(clock.instant().plus(Duration.ofDays(60)))
            .start();
    assertThat(phone(new Http(sim)).status()).isEqualTo(200);

    clock.advance(Duration.ofDays(60));

    assertThat(phone(new Http(sim)).errorCode()).isEqualTo(190);
  }

  @Test
  void customToken_onlyThatOneAccepted() {
    sim.close();
    sim = WhatsAppSimulator.builder().accessToken("my-token").start();

    assertThat(phone(new Http(sim)).status()).isEqualTo(200);
    assertThat(phone(new Http(sim).token(WhatsAppSimulator.DEFAULT_ACCESS_TOKEN)).errorCode())
        .isEqualTo(190);
  }

  @Test
  void toString_hidesToken() {
    assertThat(sim.toString()).doesNotContain(sim.accessToken()).contains("127.0.0.1");
  }
}
