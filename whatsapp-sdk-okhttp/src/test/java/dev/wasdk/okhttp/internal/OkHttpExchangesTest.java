package dev.wasdk.okhttp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.http.HttpTransportException;
import dev.wasdk.error.RequestState;
import dev.wasdk.error.TransportFailure;
import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How OkHttp's failures read: by whether the request had started to be written. */
class OkHttpExchangesTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(4);
  private final OkHttpClient client = new OkHttpClient();
  private final Call call =
      client.newCall(new Request.Builder().url("http://127.0.0.1:9/").build());

  @AfterEach
  void shutDown() {
    client.dispatcher().executorService().shutdown();
  }

  private static OkHttpExchanges.Progress progress(boolean written, boolean answered) {
    OkHttpExchanges.Progress p = new OkHttpExchanges.Progress();
    p.written = written;
    p.answered = answered;
    return p;
  }

  private HttpTransportException classify(IOException e, boolean written, boolean answered) {
    return OkHttpExchanges.classify(e, call, progress(written, answered), TIMEOUT);
  }

  @Test
  void beforeWriting_connectFailures_areNotSentAndRetryable() {
    HttpTransportException refused =
        classify(new ConnectException("Failed to connect to /127.0.0.1:9"), false, false);
    assertThat(refused.requestState()).isEqualTo(RequestState.NOT_SENT);
    assertThat(refused.failure()).isEqualTo(TransportFailure.CONNECT_FAILED);
    assertThat(classify(new UnknownHostException("graph.invalid"), false, false).failure())
        .isEqualTo(TransportFailure.CONNECT_FAILED);
    HttpTransportException slow =
        classify(new SocketTimeoutException("connect timed out"), false, false);
    assertThat(slow.requestState()).isEqualTo(RequestState.NOT_SENT);
    assertThat(slow.failure()).isEqualTo(TransportFailure.CONNECT_TIMEOUT);
  }

  @Test
  void beforeWriting_anythingElse_isStillNotSentButNotRetryable() {
    HttpTransportException other = classify(new IOException("odd"), false, false);
    assertThat(other.requestState()).isEqualTo(RequestState.NOT_SENT);
    assertThat(other.failure()).isEqualTo(TransportFailure.OTHER);
  }

  @Test
  void afterWriting_aConnectExceptionInTheChain_isMaybeSent() {
    // Once the marker ran, no exception type can prove the request did not reach the server.
    IOException late = new IOException("broken pipe", new ConnectException("reset"));
    HttpTransportException e = classify(late, true, false);
    assertThat(e.requestState()).isEqualTo(RequestState.MAYBE_SENT);
    assertThat(e.failure()).isEqualTo(TransportFailure.CONNECTION_LOST);
  }

  @Test
  void afterWriting_endOfStreamBeforeTheHeaders_isClosedBeforeResponse() {
    IOException eof =
        new IOException("unexpected end of stream on http://127.0.0.1:9/...", new EOFException());
    HttpTransportException e = classify(eof, true, false);
    assertThat(e.requestState()).isEqualTo(RequestState.MAYBE_SENT);
    assertThat(e.failure()).isEqualTo(TransportFailure.CONNECTION_CLOSED_BEFORE_RESPONSE);
    assertThat(classify(eof, true, true).failure()).isEqualTo(TransportFailure.CONNECTION_LOST);
  }

  @Test
  void afterWriting_theCallTimeout_isAResponseTimeoutNamingTheTimeout() {
    HttpTransportException e = classify(new InterruptedIOException("timeout"), true, true);
    assertThat(e.requestState()).isEqualTo(RequestState.MAYBE_SENT);
    assertThat(e.failure()).isEqualTo(TransportFailure.RESPONSE_TIMEOUT);
    assertThat(e.getMessage())
        .isEqualTo("the response did not complete within the request timeout of 4 s");
  }

  @Test
  void headers_keepEveryValueAndIgnoreCase() {
    var h =
        OkHttpExchanges.headers(
            new Headers.Builder()
                .add("Content-Type", "application/json")
                .add("X-Multi", "a")
                .add("x-multi", "b")
                .build());
    assertThat(h.firstValue("content-type")).hasValue("application/json");
    assertThat(h.allValues("X-MULTI")).containsExactly("a", "b");
  }
}
