package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * An error as webhooks report it: on a failed status, on an inbound message (such as 131051 for an
 * unsupported type), or at the level of the app or account ({@code value.errors}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param code the Graph error code, such as 131047; 0 if the payload had none
 * @param title the short title
 * @param message the message
 * @param details the longer explanation ({@code error_data.details})
 * @param href a link to Meta's error-code documentation
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes">Error
 *     codes</a>
 */
public record WebhookError(
    int code,
    Optional<String> title,
    Optional<String> message,
    Optional<String> details,
    Optional<String> href) {

  /** Checks that no component is null. */
  public WebhookError {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(href, "href");
  }

  /**
   * Returns an error with only a code, as tests often need.
   *
   * @param code the Graph error code
   * @return the error
   */
  public static WebhookError of(int code) {
    return new WebhookError(
        code, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
