package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * An error Meta reports at the level of the app, account or phone number rather than of one message
 * ({@code messages} field, {@code value.errors[]}). One event per error.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param error the error
 * @param rawJson the raw JSON of the error ({@code value.errors[]} element)
 */
public record ErrorReported(EventContext context, WebhookError error, String rawJson)
    implements WebhookEvent {
  /** Checks that no component is null. */
  public ErrorReported {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the error code. */
  public int code() {
    return error.code();
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
