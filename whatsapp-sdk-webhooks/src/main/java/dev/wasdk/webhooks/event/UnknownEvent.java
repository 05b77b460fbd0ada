package dev.wasdk.webhooks.event;

import java.util.Objects;
import java.util.Optional;

/**
 * A change this version does not know: an unknown webhook field or message type. It carries the raw
 * JSON so nothing is lost.
 *
 * @param context where it came from
 * @param rawJson the raw JSON of the change's value
 */
public record UnknownEvent(EventContext context, String rawJson) implements WebhookEvent {
  /** Checks that no component is null. */
  public UnknownEvent {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  @Override
  public Optional<String> dedupeKey() {
    return Optional.empty();
  }
}
