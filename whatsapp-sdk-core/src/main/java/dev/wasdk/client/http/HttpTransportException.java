package dev.wasdk.client.http;

import dev.wasdk.error.RequestState;
import dev.wasdk.error.TransportFailure;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by an {@link HttpTransport} when an exchange failed, saying whether the request could have
 * been written. The client turns it into a {@link dev.wasdk.error.RequestNotSentException} or a
 * {@link dev.wasdk.error.RequestMaybeSentException} and retries only what that allows: a not-sent
 * failure to connect ({@link TransportFailure#CONNECT_FAILED}, {@link
 * TransportFailure#CONNECT_TIMEOUT}) for any call, and a maybe-sent one only for idempotent calls,
 * never for a message.
 *
 * <pre>{@code
 * } catch (java.net.ConnectException e) {
 *   throw HttpTransportException.notSent(TransportFailure.CONNECT_FAILED, "connection refused", e);
 * } catch (IOException e) {
 *   throw HttpTransportException.maybeSent(TransportFailure.CONNECTION_LOST, "connection lost", e);
 * }
 * }</pre>
 *
 * <p>The message must not contain tokens, the query of the URI or full phone numbers.
 */
public final class HttpTransportException extends IOException {
  private static final long serialVersionUID = 1L;

  private final RequestState requestState;
  private final TransportFailure failure;

  private HttpTransportException(
      RequestState requestState, TransportFailure failure, String message, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.requestState = Objects.requireNonNull(requestState, "requestState");
    this.failure = Objects.requireNonNull(failure, "failure");
  }

  /**
   * Returns a failure that happened before any byte of the request was written.
   *
   * @param failure what went wrong, usually {@link TransportFailure#CONNECT_FAILED}, {@link
   *     TransportFailure#CONNECT_TIMEOUT} or {@link TransportFailure#TLS_HANDSHAKE_FAILED}
   * @param message what failed, without secrets
   * @param cause the library's exception, or null
   * @return the exception
   */
  public static HttpTransportException notSent(
      TransportFailure failure, String message, Throwable cause) {
    return new HttpTransportException(RequestState.NOT_SENT, failure, message, cause);
  }

  /**
   * Returns a failure after the request may have been written, in whole or in part.
   *
   * @param failure what went wrong, such as {@link TransportFailure#CONNECTION_LOST}
   * @param message what failed, without secrets
   * @param cause the library's exception, or null
   * @return the exception
   */
  public static HttpTransportException maybeSent(
      TransportFailure failure, String message, Throwable cause) {
    return new HttpTransportException(RequestState.MAYBE_SENT, failure, message, cause);
  }

  /**
   * Returns the failure of an answer that did not complete within the request's timeout.
   *
   * @param timeout the timeout that passed
   * @param cause the library's exception, or null
   * @return a maybe-sent {@link TransportFailure#RESPONSE_TIMEOUT}
   */
  public static HttpTransportException responseTimeout(Duration timeout, Throwable cause) {
    return maybeSent(
        TransportFailure.RESPONSE_TIMEOUT,
        "the response did not complete within the request timeout of " + text(timeout),
        cause);
  }

  /**
   * Returns the failure of an answer whose body is larger than the request allows.
   *
   * @param actual what was seen, such as {@code "2000 bytes announced"} or {@code "more than 1000
   *     bytes"}
   * @param maxBytes the limit
   * @return a maybe-sent {@link TransportFailure#UNREADABLE_RESPONSE}
   */
  public static HttpTransportException responseTooLarge(String actual, long maxBytes) {
    return maybeSent(
        TransportFailure.UNREADABLE_RESPONSE,
        "the response body is " + actual + ", over the limit of " + maxBytes + " bytes",
        null);
  }

  /** Returns whether the request could have been written. */
  public RequestState requestState() {
    return requestState;
  }

  /** Returns what went wrong. */
  public TransportFailure failure() {
    return failure;
  }

  /** Returns a duration as the client's messages write it: {@code 4 s} or {@code 1500 ms}. */
  static String text(Duration d) {
    if (d.toMillis() % 1000 != 0) {
      return d.toMillis() + " ms";
    }
    return d.toSeconds() + " s";
  }
}
