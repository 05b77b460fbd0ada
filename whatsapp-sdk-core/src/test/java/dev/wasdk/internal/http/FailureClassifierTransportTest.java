package dev.wasdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.http.HttpTransportException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.RequestNotSentException;
import dev.wasdk.error.RequestState;
import dev.wasdk.error.TransportException;
import dev.wasdk.error.TransportFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** {@link FailureClassifier} on the verdicts of a transport that says itself what happened. */
class FailureClassifierTransportTest {
  private static final GraphRequest SEND =
      GraphRequest.json(
          "POST",
          URI.create("https://graph.facebook.com/v24.0/1/messages"),
          new byte[0],
          false,
          "send message",
          "PHONE(+165*****234)");

  @Test
  void notSent_isTakenAsItIs_evenWhenTheCauseWouldSayOtherwise() {
    // An IOException cause alone would read as maybe sent; the transport's word wins.
    HttpTransportException said =
        HttpTransportException.notSent(
            TransportFailure.CONNECT_TIMEOUT,
            "no connection within the time allowed",
            new IOException("timeout"));
    TransportException e = FailureClassifier.classify(said, SEND);
    assertThat(e).isInstanceOf(RequestNotSentException.class).hasCause(said);
    assertThat(e.failure()).isEqualTo(TransportFailure.CONNECT_TIMEOUT);
    assertThat(e.getMessage())
        .startsWith("send message to PHONE(+165*****234) was not sent: no connection within")
        .endsWith("It is safe to send it again.");
  }

  @Test
  void maybeSent_insideACompletionException_staysMaybeSent() {
    HttpTransportException said =
        HttpTransportException.maybeSent(
            TransportFailure.CONNECTION_LOST,
            "the connection broke during the call",
            new ConnectException("looks like a connect failure, but came later"));
    TransportException e = FailureClassifier.classify(new CompletionException(said), SEND);
    assertThat(e).isInstanceOf(RequestMaybeSentException.class);
    assertThat(e.requestState()).isEqualTo(RequestState.MAYBE_SENT);
    assertThat(e.failure()).isEqualTo(TransportFailure.CONNECTION_LOST);
    assertThat(e.getMessage()).contains("outcome is unknown");
  }

  @Test
  void responseTimeoutAndTooLarge_readLikeTheJdkTransportsBounds() {
    TransportException late =
        FailureClassifier.classify(
            HttpTransportException.responseTimeout(Duration.ofSeconds(4), null), SEND);
    assertThat(late.failure()).isEqualTo(TransportFailure.RESPONSE_TIMEOUT);
    assertThat(late.getMessage())
        .contains("may have been sent: the response did not complete within the request timeout")
        .contains("of 4 s");
    TransportException big =
        FailureClassifier.classify(
            HttpTransportException.responseTooLarge("2000 bytes announced", 1000), SEND);
    assertThat(big.failure()).isEqualTo(TransportFailure.UNREADABLE_RESPONSE);
    assertThat(big.getMessage())
        .contains("was answered, but the answer was not read")
        .contains("2000 bytes announced, over the limit of 1000 bytes")
        .contains("maxResponseBytes");
  }
}
