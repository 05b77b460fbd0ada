package dev.wasdk.client;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphResponse;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.MarketingMessageJson;
import dev.wasdk.internal.json.SendResultJson;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * Sends marketing templates through Meta's Marketing Messages API (formerly Marketing Messages
 * Lite), {@code POST /{phone-number-id}/marketing_messages}. Get it from {@link
 * MessagesApi#marketing()}.
 *
 * <p>How it differs from {@link MessagesApi#send}: it takes marketing templates only, to one user
 * (no groups, no free-form, utility or authentication messages); {@link MarketingSendOptions} adds
 * {@code product_policy} and {@code message_activity_sharing}; its status webhooks carry the
 * pricing category {@code marketing_lite} (or {@code marketing} when it fell back to the Cloud
 * API). It is send-only: replies still arrive on the Cloud API webhooks. The business must have
 * accepted Meta's Marketing Messages terms. The response is the same as {@code /messages}.
 *
 * <p>A template whose category is known and is not marketing, and a group recipient, are refused
 * before the network. Like every send, a request that may have reached Meta is not retried.
 *
 * <p>Thread-safe and lock-free; share one instance.
 *
 * <pre>{@code
 * SendResult r =
 *     wa.messages()
 *         .marketing()
 *         .send(
 *             (TemplateMessage)
 *                 Message.to("+16505551234")
 *                     .template("spring_sale", "en_US")
 *                     .category(TemplateCategory.MARKETING)
 *                     .build(),
 *             MarketingSendOptions.defaults()
 *                 .productPolicy(MarketingSendOptions.ProductPolicy.STRICT));
 * }</pre>
 */
public final class MarketingMessagesApi {
  private static final String SEND = "send marketing message";

  private final GraphTransport transport;
  private final URI uri;

  MarketingMessagesApi(GraphTransport transport, String phoneNumberId) {
    this.transport = transport;
    this.uri = transport.uri(GraphTransport.segment(phoneNumberId) + "/marketing_messages");
  }

  /**
   * Sends a marketing template with Meta's default options and waits for Meta's answer.
   *
   * @param message the template message
   * @return what Meta returned; acceptance, not delivery
   * @throws InvalidMessageException if the template is not a marketing one or goes to a group
   * @throws dev.wasdk.error.ApiException if Meta refused it
   * @throws dev.wasdk.error.TransportException if the call failed in transport
   */
  public SendResult send(TemplateMessage message) {
    return send(message, MarketingSendOptions.defaults());
  }

  /**
   * Sends a marketing template and waits for Meta's answer.
   *
   * @param message the template message
   * @param options the Marketing Messages API's own options
   * @return what Meta returned; acceptance, not delivery
   * @throws InvalidMessageException if the template is not a marketing one or goes to a group
   * @throws dev.wasdk.error.ApiException if Meta refused it
   * @throws dev.wasdk.error.TransportException if the call failed in transport
   */
  public SendResult send(TemplateMessage message, MarketingSendOptions options) {
    GraphRequest request = request(message, options);
    return result(transport.execute(request), request, message);
  }

  /**
   * Sends a marketing template with Meta's default options, without blocking.
   *
   * @param message the template message
   * @return the future result, completed exceptionally as {@link #send} throws
   * @throws InvalidMessageException if the template is not a marketing one or goes to a group
   */
  public CompletableFuture<SendResult> sendAsync(TemplateMessage message) {
    return sendAsync(message, MarketingSendOptions.defaults());
  }

  /**
   * Sends a marketing template without blocking.
   *
   * @param message the template message
   * @param options the Marketing Messages API's own options
   * @return the future result, completed exceptionally as {@link #send} throws
   * @throws InvalidMessageException if the template is not a marketing one or goes to a group
   */
  public CompletableFuture<SendResult> sendAsync(
      TemplateMessage message, MarketingSendOptions options) {
    GraphRequest request = request(message, options);
    return transport.executeAsync(request).thenApply(r -> result(r, request, message));
  }

  private GraphRequest request(TemplateMessage message, MarketingSendOptions options) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(options, "options");
    if (message.category() != TemplateCategory.MARKETING
        && message.category() != TemplateCategory.UNKNOWN) {
      throw new InvalidMessageException(
          "template.category",
          "a marketing template (the Marketing Messages API takes nothing else)",
          message.category().name());
    }
    if (message.recipient().kind() == Recipient.Kind.GROUP) {
      throw new InvalidMessageException(
          "recipient_type",
          "individual (the Marketing Messages API does not send to groups)",
          "group");
    }
    return GraphRequest.json(
        "POST",
        uri,
        MarketingMessageJson.toBytes(message, options),
        false,
        SEND,
        message.recipient());
  }

  private static SendResult result(
      GraphResponse response, GraphRequest request, TemplateMessage message) {
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
