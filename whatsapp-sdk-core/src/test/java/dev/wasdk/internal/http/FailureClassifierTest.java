package dev.wasdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.error.RequestState;
import dev.wasdk.error.TransportException;
import dev.wasdk.error.TransportFailure;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;
import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FailureClassifierTest {
  private static final GraphRequest SEND =
      GraphRequest.json(
          "POST",
          URI.create("https://graph.facebook.com/v24.0/1/messages"),
          new byte[0],
          false,
          "send message",
          "PHONE(+165*****234)");

  static Stream<Arguments> failures() {
    SSLHandshakeException badCert = new SSLHandshakeException("PKIX path building failed");
    badCert.initCause(new CertificateException("unable to find valid certification path"));
    ConnectException unresolved = new ConnectException();
    unresolved.initCause(new UnresolvedAddressException());
    return Stream.of(
        Arguments.of(
            new ConnectException("Connection refused"),
            RequestState.NOT_SENT,
            TransportFailure.CONNECT_FAILED),
        Arguments.of(unresolved, RequestState.NOT_SENT, TransportFailure.CONNECT_FAILED),
        Arguments.of(
            new HttpConnectTimeoutException("HTTP connect timed out"),
            RequestState.NOT_SENT,
            TransportFailure.CONNECT_TIMEOUT),
        Arguments.of(badCert, RequestState.NOT_SENT, TransportFailure.TLS_HANDSHAKE_FAILED),
        Arguments.of(
            new SSLHandshakeException("Remote host terminated the handshake"),
            RequestState.MAYBE_SENT,
            TransportFailure.TLS_HANDSHAKE_FAILED),
        Arguments.of(
            new SSLException("closed"),
            RequestState.MAYBE_SENT,
            TransportFailure.TLS_HANDSHAKE_FAILED),
        Arguments.of(
            new HttpTimeoutException("request timed out"),
            RequestState.MAYBE_SENT,
            TransportFailure.RESPONSE_TIMEOUT),
        Arguments.of(
            new IOException(
                "HTTP/1.1 header parser received no bytes",
                new EOFException("EOF reached while reading")),
            RequestState.MAYBE_SENT,
            TransportFailure.CONNECTION_CLOSED_BEFORE_RESPONSE),
        Arguments.of(
            new IOException("Connection reset"),
            RequestState.MAYBE_SENT,
            TransportFailure.CONNECTION_LOST),
        Arguments.of(
            new EOFException("EOF reached while reading"),
            RequestState.MAYBE_SENT,
            TransportFailure.CONNECTION_LOST),
        Arguments.of(
            new InterruptedException(), RequestState.MAYBE_SENT, TransportFailure.INTERRUPTED),
        Arguments.of(
            new IllegalStateException("odd"), RequestState.MAYBE_SENT, TransportFailure.OTHER));
  }

  @ParameterizedTest(name = "{0} -> {1} {2}")
  @MethodSource("failures")
  void classify_failure_reportsStateAndReason(
      Throwable failure, RequestState state, TransportFailure reason) {
    TransportException e = FailureClassifier.classify(failure, SEND);

    assertThat(e.requestState()).isEqualTo(state);
    assertThat(e.failure()).isEqualTo(reason);
    assertThat(e.getCause()).isSameAs(failure);
    assertThat(e.getMessage()).startsWith("send message to PHONE(+165*****234)");
  }

  @Test
  void classify_asyncWrappedConnectFailure_unwrapsIt() {
    ConnectException refused = new ConnectException("Connection refused");

    TransportException e = FailureClassifier.classify(new CompletionException(refused), SEND);

    assertThat(e.requestState()).isEqualTo(RequestState.NOT_SENT);
    assertThat(e.getCause()).isSameAs(refused);
  }

  @Test
  void classify_staleKeepAliveMessage_explainsWhyItMayHaveBeenSent() {
    TransportException e =
        FailureClassifier.classify(
            new IOException("HTTP/1.1 header parser received no bytes"), SEND);

    assertThat(e.getMessage())
        .contains("may have been sent")
        .contains("closed before any response byte")
        .contains("do not send it again before checking its status webhooks");
  }

  @Test
  void classify_missedResponseDeadline_isAMaybeSentTimeoutNamingTheDeadline() {
    BoundedBody.Exceeded deadline =
        new BoundedBody.Exceeded(
            BoundedBody.Exceeded.Bound.DEADLINE,
            "the response did not complete within the request timeout of 30 s");

    // The blocking send wraps what the body subscriber failed with in an IOException.
    TransportException e =
        FailureClassifier.classify(new IOException(deadline.getMessage(), deadline), SEND);

    assertThat(e.requestState()).isEqualTo(RequestState.MAYBE_SENT);
    assertThat(e.failure()).isEqualTo(TransportFailure.RESPONSE_TIMEOUT);
    assertThat(e.getCause()).isSameAs(deadline);
    assertThat(e.getMessage())
        .isEqualTo(
            "send message to PHONE(+165*****234) may have been sent: the response did not"
                + " complete within the request timeout of 30 s. Its outcome is unknown; do not"
                + " send it again before checking its status webhooks.");
  }

  @Test
  void classify_answerOverTheCap_isUnreadableAndNamesTheSetting() {
    BoundedBody.Exceeded tooLarge = BoundedBody.tooLarge("2000 bytes announced", 1000);

    TransportException e = FailureClassifier.classify(new CompletionException(tooLarge), SEND);

    assertThat(e.requestState()).isEqualTo(RequestState.MAYBE_SENT);
    assertThat(e.failure()).isEqualTo(TransportFailure.UNREADABLE_RESPONSE);
    assertThat(e.getCause()).isSameAs(tooLarge);
    assertThat(e.getMessage())
        .contains("the response body is 2000 bytes announced, over the limit of 1000 bytes")
        .contains("WhatsAppClient.Builder.maxResponseBytes");
  }
}
