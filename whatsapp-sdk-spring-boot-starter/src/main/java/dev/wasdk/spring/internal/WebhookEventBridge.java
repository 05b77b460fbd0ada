package dev.wasdk.spring.internal;

import dev.wasdk.sender.MessageSender;
import dev.wasdk.webhooks.SenderFeed;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.WebhookEvent;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Builds the router that turns every webhook event into a Spring application event, after feeding
 * it to the pacing sender.
 */
public final class WebhookEventBridge {
  private WebhookEventBridge() {}

  /**
   * Returns a router whose only handler publishes each event with {@code publisher}; when a sender
   * is given, {@link SenderFeed} observes every event first, so that an inbound message has opened
   * the user's service window before any listener answers it.
   *
   * @param publisher publishes the events; a listener that throws fails the event
   * @param sender the sender to feed, or null for none
   * @return the router
   */
  public static WebhookRouter router(ApplicationEventPublisher publisher, MessageSender sender) {
    WebhookRouter.Builder router = WebhookRouter.builder();
    if (sender != null) {
      router.observe(SenderFeed.of(sender));
    }
    return router.on(WebhookEvent.class, event -> publisher.publishEvent(event)).build();
  }
}
