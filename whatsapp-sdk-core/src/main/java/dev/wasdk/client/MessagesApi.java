package dev.wasdk.client;

import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphResponse;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.MessageJson;
import dev.wasdk.internal.json.SendResultJson;
import dev.wasdk.internal.json.StatusJson;
import dev.wasdk.message.Message;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends messages and read receipts from one business phone number ({@code POST
 * /{phone-number-id}/messages}). Get it from {@link WhatsAppClient#messages()}.
 *
 * <pre>{@code
 * SendResult r = wa.messages().send(Message.to("+16505551234").text("Hello"));
 * wa.messages().markRead(inbound.wamid(), TypingIndicator.TEXT);
 * }</pre>
 *
 * <p><b>Outcomes.</b> A send returns a {@link SendResult} when Meta accepted the message. It throws
 * an {@link dev.wasdk.error.ApiException} family when Meta refused it, a {@link
 * dev.wasdk.error.RequestNotSentException} when nothing was sent, and a {@link
 * RequestMaybeSentException} when the outcome is unknown (a timeout or a broken connection after
 * the request was written): that message may reach the user, so reconcile it through the status
 * webhooks before sending it again. See {@link RetryPolicy} for what is retried automatically.
 *
 * <p>Thread-safe and lock-free; share one instance.
 */
public final class MessagesApi {
  private static final String SEND = "send message";
  private static final String MARK_READ = "mark message read";

  private final GraphTransport transport;
  private final URI messagesUri;
  private final MarketingMessagesApi marketing;

  MessagesApi(GraphTransport transport, String phoneNumberId) {
    this.transport = transport;
    this.messagesUri = transport.uri(GraphTransport.segment(phoneNumberId) + "/messages");
    this.marketing = new MarketingMessagesApi(transport, phoneNumberId);
  }

  /**
   * Returns the sends through Meta's Marketing Messages API ({@code /marketing_messages}), for
   * marketing templates only.
   *
   * @return the marketing messages API of the same phone number
   */
  public MarketingMessagesApi marketing() {
    return marketing;
  }

  /**
   * Sends a message and waits for Meta's answer, on the calling thread.
   *
   * @param message the message
   * @return what Meta returned; acceptance, not delivery
   * @throws dev.wasdk.error.ApiException if Meta refused the message
   * @throws dev.wasdk.error.TransportException if the call failed in transport; its {@code
   *     requestState()} tells whether the message may have been sent
   * @throws IllegalStateException if the client is closed
   */
  public SendResult send(Message message) {
    Objects.requireNonNull(message, "message");
    GraphRequest request = sendRequest(message);
    return result(transport.execute(request), request, message);
  }

  /**
   * Sends a message without blocking. The future completes with the result, or exceptionally with
   * the same exceptions {@link #send} throws. Cancelling the future does not stop a request that is
   * already in flight.
   *
   * @param message the message
   * @return the future result
   * @throws IllegalStateException if the client is closed
   */
  public CompletableFuture<SendResult> sendAsync(Message message) {
    Objects.requireNonNull(message, "message");
    GraphRequest request = sendRequest(message);
    CompletableFuture<SendResult> out = new CompletableFuture<>();
    transport
        .executeAsync(request)
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                out.completeExceptionally(error);
                return;
              }
              try {
                out.complete(result(response, request, message));
              } catch (RuntimeException e) {
                out.completeExceptionally(e);
              }
            });
    return out;
  }

  /**
   * Marks a received message, and every earlier one in the conversation, as read (blue ticks). Do
   * it within 30 days of receipt. Retried automatically on transient failures, since marking twice
   * does no harm.
   *
   * @param wamid the id of the received message
   * @throws dev.wasdk.error.ApiException if Meta refused the call
   * @throws dev.wasdk.error.TransportException if the call failed in transport
   */
  public void markRead(String wamid) {
    markRead(wamid, null, MARK_READ);
  }

  /**
   * Marks a received message read and shows a typing indicator to the user until the business
   * replies, or for at most 25 seconds.
   *
   * @param wamid the id of the received message
   * @param typingIndicator the indicator to show
   * @throws dev.wasdk.error.ApiException if Meta refused the call
   * @throws dev.wasdk.error.TransportException if the call failed in transport
   */
  public void markRead(String wamid, TypingIndicator typingIndicator) {
    Objects.requireNonNull(typingIndicator, "typingIndicator");
    markRead(wamid, typingIndicator.wireValue(), "mark message read with typing indicator");
  }

  /**
   * Marks a received message read without blocking; the async twin of {@link #markRead(String)}.
   * The future completes when Meta confirmed it, or exceptionally with the same exceptions the
   * blocking form throws.
   *
   * @param wamid the id of the received message
   * @return the future
   * @throws IllegalStateException if the client is closed
   */
  public CompletableFuture<Void> markReadAsync(String wamid) {
    return markReadAsync(markReadRequest(wamid, null, MARK_READ));
  }

  /**
   * Marks a received message read and shows a typing indicator, without blocking; the async twin of
   * {@link #markRead(String, TypingIndicator)}.
   *
   * @param wamid the id of the received message
   * @param typingIndicator the indicator to show
   * @return the future
   * @throws IllegalStateException if the client is closed
   */
  public CompletableFuture<Void> markReadAsync(String wamid, TypingIndicator typingIndicator) {
    Objects.requireNonNull(typingIndicator, "typingIndicator");
    return markReadAsync(
        markReadRequest(
            wamid, typingIndicator.wireValue(), "mark message read with typing indicator"));
  }

  private void markRead(String wamid, String indicator, String operation) {
    GraphRequest request = markReadRequest(wamid, indicator, operation);
    confirmRead(transport.execute(request), request);
  }

  private CompletableFuture<Void> markReadAsync(GraphRequest request) {
    CompletableFuture<Void> out = new CompletableFuture<>();
    transport
        .executeAsync(request)
        .whenComplete(
            (response, error) -> {
              if (error != null) {
                out.completeExceptionally(error);
                return;
              }
              try {
                confirmRead(response, request);
                out.complete(null);
              } catch (RuntimeException e) {
                out.completeExceptionally(e);
              }
            });
    return out;
  }

  private GraphRequest markReadRequest(String wamid, String indicator, String operation) {
    Objects.requireNonNull(wamid, "wamid");
    if (wamid.isBlank()) {
      throw new IllegalArgumentException("wamid must not be blank");
    }
    return GraphRequest.json(
        "POST", messagesUri, StatusJson.markRead(wamid, indicator), true, operation, null);
  }

  private static void confirmRead(GraphResponse response, GraphRequest request) {
    if (!StatusJson.isSuccess(response.body())) {
      throw new WhatsAppException(
          request.operation()
              + " was not confirmed: HTTP "
              + response.status()
              + " without success=true");
    }
  }

  private GraphRequest sendRequest(Message message) {
    return GraphRequest.json(
        "POST", messagesUri, MessageJson.toBytes(message), false, SEND, message.recipient());
  }

  private static SendResult result(GraphResponse response, GraphRequest request, Message message) {
    try {
      return SendResultJson.parse(response.body(), message.recipient().value());
    } catch (IllegalArgumentException e) {
      throw new RequestMaybeSentException(
          request.describe()
              + " was probably accepted (HTTP "
              + response.status()
              + "), but the response could not be read: "
              + e.getMessage()
              + ". Its id is unknown; check its status webhooks before sending it again.",
          TransportFailure.UNREADABLE_RESPONSE,
          e);
    }
  }
}
