package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * Meta reviewed the WhatsApp Business Account ({@code account_review_update}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param rawDecision the decision as sent, such as {@code APPROVED}; empty if absent
 * @param rawJson the raw JSON of the change's value
 */
public record AccountReviewUpdated(EventContext context, String rawDecision, String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public AccountReviewUpdated {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rawDecision, "rawDecision");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the decision; {@link ReviewDecision#UNKNOWN} for values this version does not know. */
  public ReviewDecision decision() {
    return ReviewDecision.of(rawDecision);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
