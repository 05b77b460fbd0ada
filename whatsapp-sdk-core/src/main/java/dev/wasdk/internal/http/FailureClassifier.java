package dev.wasdk.internal.http;

import dev.wasdk.client.http.HttpTransportException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.RequestNotSentException;
import dev.wasdk.error.RequestState;
import dev.wasdk.error.TransportException;
import dev.wasdk.error.TransportFailure;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/**
 * Turns a failure of the JDK HTTP client into a {@link TransportException} that says whether the
 * request could have reached the server.
 *
 * <p>Only failures that happen before a byte of the request is written are {@code NOT_SENT}: a
 * refused or unresolvable connection, a connect timeout, and a TLS handshake that rejected the
 * server's certificate (application data is never written before the handshake completes, and a
 * reused connection has already passed it). Everything else is {@code MAYBE_SENT}, including the
 * JDK's {@code IOException: HTTP/1.1 header parser received no bytes}:
 *
 * <p>That exception means the connection reached end-of-stream before the first byte of the
 * response was parsed. The JDK raises it after it has written the request, in two known situations.
 * (1) A keep-alive connection taken from the pool was closed by the server, a proxy or a NAT at
 * about the same moment. (2) Under load, the JDK's own pool closes a reused connection ({@code
 * IOException: connection closed locally} from {@code ConnectionPool.cleanup}, seen on JDK 17
 * loopback runs with eight threads, about once in 50,000 requests) because bytes arrived while it
 * still considered the connection idle: those bytes are the response, so the server had received
 * and processed the request. On a pooled connection the JDK retries internally, but only GET and
 * HEAD; for a POST it surfaces the exception. The client cannot tell whether the server read the
 * request: HTTP/1.1 (RFC 9112, section 9.3.1) therefore allows automatic retries after a closed
 * connection only for idempotent requests. A message send is not idempotent, so wasdk reports it as
 * maybe sent and never resends it on its own; idempotent calls (reads, read receipts) are retried.
 *
 * <p>A transport other than the JDK's says itself whether the request may have been written, with
 * an {@link HttpTransportException}; its verdict is taken as it is.
 *
 * <p>A response that broke the client's own bounds (see {@link BoundedBody}) is maybe sent too: a
 * missed whole-response deadline is a {@code RESPONSE_TIMEOUT}, like the JDK's own timeout, and an
 * answer over the size cap is {@code UNREADABLE_RESPONSE}, which is never retried.
 */
final class FailureClassifier {
  /** The JDK's message when a connection closes before any response byte arrives. */
  static final String NO_RESPONSE_BYTES = "header parser received no bytes";

  private FailureClassifier() {}

  static TransportException classify(Throwable failure, GraphRequest request) {
    Throwable t = unwrap(failure);
    HttpTransportException said = find(t, HttpTransportException.class);
    if (said != null) {
      return classify(said, request);
    }
    BoundedBody.Exceeded exceeded = find(t, BoundedBody.Exceeded.class);
    if (exceeded != null && exceeded.bound() == BoundedBody.Exceeded.Bound.DEADLINE) {
      // The request went out and its answer started; the deadline, not the JDK, ended it.
      return new RequestMaybeSentException(
          maybeSentText(request, exceeded.getMessage()),
          TransportFailure.RESPONSE_TIMEOUT,
          exceeded);
    }
    if (exceeded != null) {
      return new RequestMaybeSentException(
          request.describe()
              + " was answered, but the answer was not read: "
              + exceeded.getMessage()
              + ". Raise WhatsAppClient.Builder.maxResponseBytes if such answers are expected.",
          TransportFailure.UNREADABLE_RESPONSE,
          exceeded);
    }
    if (t instanceof HttpConnectTimeoutException) {
      return notSent(request, TransportFailure.CONNECT_TIMEOUT, "connect timed out", t);
    }
    if (t instanceof ConnectException
        || has(t, UnresolvedAddressException.class)
        || has(t, UnknownHostException.class)) {
      return notSent(request, TransportFailure.CONNECT_FAILED, "no connection could be opened", t);
    }
    if (t instanceof HttpTimeoutException) {
      return maybeSent(
          request,
          TransportFailure.RESPONSE_TIMEOUT,
          "no response arrived within the request timeout",
          t);
    }
    if (t instanceof SSLHandshakeException && has(t, CertificateException.class)) {
      return notSent(
          request,
          TransportFailure.TLS_HANDSHAKE_FAILED,
          "the TLS handshake rejected the server's certificate",
          t);
    }
    if (t instanceof SSLException) {
      return maybeSent(request, TransportFailure.TLS_HANDSHAKE_FAILED, "the TLS session failed", t);
    }
    if (t instanceof InterruptedException) {
      return maybeSent(
          request,
          TransportFailure.INTERRUPTED,
          "the calling thread was interrupted while the request was in flight",
          t);
    }
    if (t instanceof IOException && mentions(t, NO_RESPONSE_BYTES)) {
      return maybeSent(
          request,
          TransportFailure.CONNECTION_CLOSED_BEFORE_RESPONSE,
          "the connection closed before any response byte arrived (a stale keep-alive"
              + " connection, or the server failed after reading the request)",
          t);
    }
    if (t instanceof IOException) {
      return maybeSent(
          request, TransportFailure.CONNECTION_LOST, "the connection broke during the call", t);
    }
    return maybeSent(request, TransportFailure.OTHER, "the call failed unexpectedly", t);
  }

  /** Reads the verdict of a transport that said itself whether the request may have been sent. */
  private static TransportException classify(HttpTransportException e, GraphRequest request) {
    if (e.requestState() == RequestState.NOT_SENT) {
      return new RequestNotSentException(
          request.describe()
              + " was not sent: "
              + e.getMessage()
              + describeCause(e.getCause())
              + ". It is safe to send it again.",
          e.failure(),
          e);
    }
    if (e.failure() == TransportFailure.UNREADABLE_RESPONSE) {
      return new RequestMaybeSentException(
          request.describe()
              + " was answered, but the answer was not read: "
              + e.getMessage()
              + ". Raise WhatsAppClient.Builder.maxResponseBytes if such answers are expected.",
          TransportFailure.UNREADABLE_RESPONSE,
          e);
    }
    return new RequestMaybeSentException(
        maybeSentText(request, e.getMessage() + describeCause(e.getCause())), e.failure(), e);
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException)
        && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  static RequestNotSentException notSent(
      GraphRequest request, TransportFailure failure, String reason, Throwable cause) {
    return new RequestNotSentException(
        request.describe()
            + " was not sent: "
            + reason
            + describeCause(cause)
            + ". It is safe to send it again.",
        failure,
        cause);
  }

  static RequestMaybeSentException maybeSent(
      GraphRequest request, TransportFailure failure, String reason, Throwable cause) {
    return new RequestMaybeSentException(
        maybeSentText(request, reason + describeCause(cause)), failure, cause);
  }

  private static String maybeSentText(GraphRequest request, String reason) {
    return request.describe()
        + " may have been sent: "
        + reason
        + ". Its outcome is unknown; do not send it again before checking its status webhooks.";
  }

  private static String describeCause(Throwable cause) {
    if (cause == null) {
      return "";
    }
    String m = cause.getMessage();
    return " (" + cause.getClass().getName() + (m == null ? "" : ": " + m) + ")";
  }

  private static boolean has(Throwable t, Class<? extends Throwable> type) {
    return find(t, type) != null;
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return null;
  }

  private static boolean mentions(Throwable t, String text) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      String m = c.getMessage();
      if (m != null && m.contains(text)) {
        return true;
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return false;
  }
}
