package dev.wasdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.AccessTokenProvider;
import dev.wasdk.client.ApiVersion;
import dev.wasdk.client.RetryPolicy;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Where the transport puts {@code appsecret_proof}, against Meta's real hosts, without a network.
 */
class AppSecretProofTransportTest {
  private static final String TOKEN = "EAAG-test-token-0123456789abcdefXYZ";

  /** {@code echo -n TOKEN | openssl dgst -sha256 -hmac app-secret-4f2a9c}. */
  private static final String PROOF =
      "438f01ff923498c96536ca8b3de63e94503022acd8c5f7766c3106bdf693213e";

  private final RecordingHttpClient http = new RecordingHttpClient();

  private GraphTransport transport() {
    return new GraphTransport(
        new TransportSettings(
            http,
            false,
            URI.create("https://graph.facebook.com"),
            ApiVersion.V24_0,
            AccessTokenProvider.of(TOKEN),
            AppSecretProof.of("app-secret-4f2a9c"),
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            1024 * 1024,
            "wasdk/test",
            RetryPolicy.none(),
            Set.of("lookaside.fbsbx.com"),
            Runnable::run,
            Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC),
            new FakeSleeper(),
            () -> 0.5,
            new CapturingLogger("proof")));
  }

  @Test
  void graphRequests_carryTheProof_butTheMediaHostDoesNot() {
    try (GraphTransport t = transport()) {
      t.execute(GraphRequest.get(t.uri("106540352242922"), "get phone number"));
      t.execute(
          GraphRequest.json(
              "POST",
              t.uri("106540352242922/messages"),
              "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
              false,
              "send message",
              null));
      t.download(
          GraphRequest.get(
              URI.create(
                  "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=3"),
              "download media"),
          new ByteArrayOutputStream(),
          1000);
    }
    assertThat(http.requests())
        .extracting(HttpRequest::uri)
        .extracting(URI::toString)
        .containsExactly(
            "https://graph.facebook.com/v24.0/106540352242922?appsecret_proof=" + PROOF,
            "https://graph.facebook.com/v24.0/106540352242922/messages?appsecret_proof=" + PROOF,
            "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1&ext=2&hash=3");
    assertThat(http.requests())
        .allSatisfy(
            r -> assertThat(r.headers().firstValue("Authorization")).contains("Bearer " + TOKEN));
  }
}
