package dev.wasdk.client;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Shared fixtures for the client's WireMock tests. */
final class TestClients {
  static final String TOKEN = "EAAG-test-token-0123456789abcdefXYZ";
  static final String PHONE_ID = "106540352242922";
  static final String MESSAGES_PATH = "/v24.0/" + PHONE_ID + "/messages";
  static final String TO = "+16505551234";
  static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

  private TestClients() {}

  /** A builder aimed at the server, with a fake sleeper, fixed clock and jitter 0.5. */
  static WhatsAppClient.Builder builder(
      WireMockExtension wm, FakeSleeper sleeper, CapturingLogger log) {
    return WhatsAppClient.builder()
        .accessToken(TOKEN)
        .phoneNumberId(PHONE_ID)
        .baseUrl(URI.create(wm.baseUrl()))
        .sleeper(sleeper)
        .clock(Clock.fixed(NOW, ZoneOffset.UTC))
        .random(() -> 0.5)
        .logger(log);
  }

  static WhatsAppClient client(WireMockExtension wm, FakeSleeper sleeper) {
    return builder(wm, sleeper, new CapturingLogger("test")).build();
  }

  /** A Graph error body as Meta sends it. */
  static String graphError(int code, String message, String details, String fbtrace) {
    return "{\"error\":{\"message\":\"(#"
        + code
        + ") "
        + message
        + "\",\"type\":\"OAuthException\",\"code\":"
        + code
        + ",\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\""
        + details
        + "\"},\"fbtrace_id\":\""
        + fbtrace
        + "\"}}";
  }

  static String sendOk(String wamid) {
    return "{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"+16505551234\","
        + "\"wa_id\":\"16505551234\"}],\"messages\":[{\"id\":\""
        + wamid
        + "\"}]}";
  }
}
