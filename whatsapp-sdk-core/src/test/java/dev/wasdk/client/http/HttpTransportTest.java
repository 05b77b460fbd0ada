package dev.wasdk.client.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.error.RequestState;
import dev.wasdk.error.TransportFailure;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTransportTest {
  private static final String TOKEN = "EAAG-spi-token-0123456789";
  private static final String PROOF =
      "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

  private static HttpTransport.Request request(HttpTransport.Body body) {
    return new HttpTransport.Request(
        "POST",
        URI.create("https://graph.example.com/v24.0/1/messages?appsecret_proof=" + PROOF),
        Map.of("Authorization", "Bearer " + TOKEN, "Content-Type", "application/json"),
        body,
        Duration.ofSeconds(30),
        1024,
        false);
  }

  @Test
  void requestToString_showsNeitherTheTokenNorTheProof() {
    String s = request(HttpTransport.Body.of("{}".getBytes(StandardCharsets.UTF_8))).toString();
    assertThat(s)
        .doesNotContain(TOKEN)
        .doesNotContain(PROOF)
        .doesNotContain("Bearer")
        .contains("POST https://graph.example.com/v24.0/1/messages?…")
        .contains("Authorization")
        .contains("2 bytes");
  }

  @Test
  void request_badBounds_areRefused() {
    URI uri = URI.create("https://graph.example.com/v24.0/1");
    assertThatThrownBy(
            () -> new HttpTransport.Request("GET", uri, Map.of(), null, Duration.ZERO, 1, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("timeout must be positive");
    assertThatThrownBy(
            () ->
                new HttpTransport.Request(
                    "GET", uri, Map.of(), null, Duration.ofSeconds(1), 0, false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxBodyBytes must be positive");
  }

  @Test
  void body_ofBytes_writesThemAgainOnEachCall() throws Exception {
    HttpTransport.Body body = HttpTransport.Body.of(new byte[] {1, 2, 3});
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    body.writeTo(first);
    body.writeTo(second);
    assertThat(body.contentLength()).isEqualTo(3);
    assertThat(first.toByteArray()).containsExactly(1, 2, 3);
    assertThat(second.toByteArray()).containsExactly(1, 2, 3);
  }

  @Test
  void response_buffered_refusesStreamAndTheOtherWayRound() {
    HttpHeaders none = HttpHeaders.of(Map.of(), (a, b) -> true);
    HttpTransport.Response buffered = HttpTransport.Response.buffered(200, none, null);
    assertThat(buffered.body()).isEmpty();
    assertThatThrownBy(buffered::stream).isInstanceOf(IllegalStateException.class);
    HttpTransport.Response streamed =
        HttpTransport.Response.streamed(200, none, new java.io.ByteArrayInputStream(new byte[1]));
    assertThatThrownBy(streamed::body).isInstanceOf(IllegalStateException.class);
    assertThat(streamed.toString()).isEqualTo("Response[200, streamed]");
  }

  @Test
  void exceptionFactories_sayWhetherTheRequestMayHaveBeenSent() {
    HttpTransportException refused =
        HttpTransportException.notSent(TransportFailure.CONNECT_FAILED, "connection refused", null);
    assertThat(refused.requestState()).isEqualTo(RequestState.NOT_SENT);
    assertThat(refused.failure()).isEqualTo(TransportFailure.CONNECT_FAILED);
    HttpTransportException late =
        HttpTransportException.responseTimeout(Duration.ofMillis(1500), null);
    assertThat(late.requestState()).isEqualTo(RequestState.MAYBE_SENT);
    assertThat(late.failure()).isEqualTo(TransportFailure.RESPONSE_TIMEOUT);
    assertThat(late.getMessage())
        .isEqualTo("the response did not complete within the request timeout of 1500 ms");
    HttpTransportException big = HttpTransportException.responseTooLarge("more than 10 bytes", 10);
    assertThat(big.failure()).isEqualTo(TransportFailure.UNREADABLE_RESPONSE);
    assertThat(big.getMessage())
        .isEqualTo("the response body is more than 10 bytes, over the limit of 10 bytes");
  }
}
