package dev.wasdk.flows;

import java.util.Optional;

/**
 * Decides whether a request's flow token is still valid, before any handler runs. A rejected
 * request is answered with HTTP 427 and the message given: the WhatsApp client closes the Flow,
 * shows the message and disables the Flow's button. Send a new Flow message with a new token to let
 * the user continue.
 *
 * <p>Called on the endpoint's request threads for every request except pings; implementations must
 * be thread-safe and quick. An exception counts as a handler failure. The token is absent on some
 * clients; decide what that means for your Flow.
 *
 * <pre>{@code
 * FlowTokenValidator validator = request -> request.flowToken()
 *     .filter(sessions::isOpen)
 *     .isPresent() ? Optional.empty() : Optional.of("This link has expired");
 * }</pre>
 */
@FunctionalInterface
public interface FlowTokenValidator {
  /**
   * Checks a request's token.
   *
   * @param request the request, whose {@link FlowRequest#flowToken()} to check
   * @return empty to accept; the message to show the user to reject
   */
  Optional<String> rejection(FlowRequest request);

  /** Returns a validator that accepts every request; the default. */
  static FlowTokenValidator acceptAll() {
    return request -> Optional.empty();
  }
}
