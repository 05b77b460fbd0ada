package dev.wasdk.error;

/** What went wrong below the Graph API, for a {@link TransportException}. */
public enum TransportFailure {
  /** No connection could be opened: refused, unreachable, or the host name did not resolve. */
  CONNECT_FAILED,
  /** The connection was not established within the connect timeout. */
  CONNECT_TIMEOUT,
  /** The TLS handshake failed, for example because the server's certificate was rejected. */
  TLS_HANDSHAKE_FAILED,
  /** The access token provider failed or returned no token, so nothing was sent. */
  ACCESS_TOKEN_UNAVAILABLE,
  /** No response arrived within the request timeout after the request was sent. */
  RESPONSE_TIMEOUT,
  /**
   * The connection closed before any byte of the response arrived. The JDK client reports this as
   * {@code "HTTP/1.1 header parser received no bytes"}, typically when a server closes a pooled
   * keep-alive connection just as a request is written on it. The server may or may not have read
   * and processed the request.
   */
  CONNECTION_CLOSED_BEFORE_RESPONSE,
  /** The connection was reset or broke while the request or the response was in transit. */
  CONNECTION_LOST,
  /** The calling thread was interrupted while the request was in flight. */
  INTERRUPTED,
  /** A success status arrived with a body that could not be read as the expected result. */
  UNREADABLE_RESPONSE,
  /** Any other I/O failure. */
  OTHER
}
