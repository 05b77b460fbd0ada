package dev.wasdk.webhooks;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.Throughput;
import dev.wasdk.sender.MessageSender;
import dev.wasdk.webhooks.event.BusinessCapabilityChanged;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.PhoneNumberQualityChanged;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.event.UserPreferenceChanged;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Feeds webhook events into a {@link MessageSender}, so its limits follow what WhatsApp reports.
 * Wire it in one line, as an observer that sees every event without taking it from your own
 * handlers:
 *
 * <pre>{@code
 * WebhookRouter router = WebhookRouter.builder()
 *     .observe(SenderFeed.of(sender))
 *     .on(TextReceived.class, this::reply)
 *     .build();
 * }</pre>
 *
 * <p>What it feeds:
 *
 * <ul>
 *   <li>an inbound message to the sender's phone number opens the user's 24-hour service window; a
 *       text is also checked for opt-out keywords such as STOP, and an opt-out it records keeps the
 *       message id as its evidence;
 *   <li>a failed status gives the sender its error code (131056 backs off the user, 131047 closes
 *       the window, 131050 opts the user out of marketing, 131049 holds marketing for a day, and
 *       the tier slot of a message Meta did not deliver is given back);
 *   <li>a {@code user_preferences} stop or resume records the user's marketing choice;
 *   <li>a messaging-limit change ({@code business_capability_update} or {@code
 *       phone_number_quality_update}) updates the tier, and a throughput upgrade raises the
 *       throughput to 1,000 messages per second. These apply at the entry's time ({@code
 *       entry[].time}), so a late retry or a replayed body older than the last change applied is
 *       ignored; an entry without a time applies now.
 * </ul>
 *
 * <p>Events for other phone numbers are ignored (the tier is per business portfolio, so limit
 * changes are always applied). Thread-safe; it holds no state of its own.
 */
public final class SenderFeed implements Consumer<WebhookEvent> {
  private final MessageSender sender;

  private SenderFeed(MessageSender sender) {
    this.sender = sender;
  }

  /**
   * Returns a feed into {@code sender}.
   *
   * @param sender the sender to keep informed
   * @return the feed, to pass to {@link WebhookRouter.Builder#observe}
   */
  public static SenderFeed of(MessageSender sender) {
    return new SenderFeed(Objects.requireNonNull(sender, "sender"));
  }

  @Override
  public void accept(WebhookEvent event) {
    if (event instanceof MessageReceived m) {
      if (!forThisNumber(event)) {
        return;
      }
      Optional<String> user = m.sender().primaryId();
      if (user.isEmpty()) {
        return;
      }
      if (m instanceof TextReceived t) {
        sender.onInboundText(user.get(), t.body(), m.timestamp(), m.id());
      } else {
        sender.onInbound(user.get(), m.timestamp());
      }
    } else if (event instanceof MessageStatusChanged s) {
      if (!forThisNumber(event) || !s.isFailed() || s.errorCode().isEmpty()) {
        return;
      }
      Optional<String> user = s.recipient().primaryId();
      if (user.isPresent()) {
        sender.onStatusFailed(s.messageId(), user.get(), s.errorCode().getAsInt(), s.timestamp());
      }
    } else if (event instanceof UserPreferenceChanged p) {
      Optional<String> user = p.user().primaryId();
      if (user.isPresent() && (p.isStop() || p.isResume())) {
        sender.onMarketingPreference(user.get(), p.isStop(), p.timestamp());
      }
    } else if (event instanceof BusinessCapabilityChanged c) {
      c.tier().ifPresent(tier -> updateTier(tier, event));
    } else if (event instanceof PhoneNumberQualityChanged q) {
      q.tier().ifPresent(tier -> updateTier(tier, event));
      if (q.isThroughputUpgrade()) {
        Optional<Instant> at = event.context().entryTime();
        if (at.isPresent()) {
          sender.updateThroughput(Throughput.HIGH, at.get());
        } else {
          sender.updateThroughput(Throughput.HIGH);
        }
      }
    }
  }

  /** Applies a tier at the entry's time, so that an older report cannot roll it back. */
  private void updateTier(MessagingTier tier, WebhookEvent event) {
    Optional<Instant> at = event.context().entryTime();
    if (at.isPresent()) {
      sender.updateTier(tier, at.get());
    } else {
      sender.updateTier(tier);
    }
  }

  private boolean forThisNumber(WebhookEvent event) {
    return event.context().phoneNumberId().map(sender.phoneNumberId()::equals).orElse(true);
  }

  @Override
  public String toString() {
    return "SenderFeed[" + sender.phoneNumberId() + "]";
  }
}
