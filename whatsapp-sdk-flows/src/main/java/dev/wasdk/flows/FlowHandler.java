package dev.wasdk.flows;

/**
 * Answers the requests of a Flow's data endpoint. {@link FlowRouter} builds one from a handler per
 * action and screen; a lambda is a handler too.
 *
 * <p>Handlers run on the endpoint's handler threads, one request at a time per call, possibly
 * several at once: implementations must be thread-safe. A handler that throws, or that runs past
 * the endpoint's budget, is answered with an error on the current screen; the failure is logged and
 * counted, and no other request is affected.
 *
 * <pre>{@code
 * FlowHandler handler = request -> FlowResponse.nextScreen("WELCOME").build();
 * }</pre>
 */
@FunctionalInterface
public interface FlowHandler {
  /**
   * Answers one request.
   *
   * @param request the decrypted, parsed request; never a {@link FlowRequest.Ping} when called by
   *     the endpoint
   * @return the answer
   */
  FlowResponse handle(FlowRequest request);
}
