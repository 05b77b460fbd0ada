package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A location a user shared ({@code type: location}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param header the parts every inbound message shares
 * @param latitude the latitude in degrees; {@link Double#NaN} if the payload had no readable value
 * @param longitude the longitude in degrees; {@link Double#NaN} if the payload had no readable
 *     value
 * @param name the place name, if any
 * @param address the place address, if any
 * @param url the place's website, if any
 * @param rawJson the raw JSON of the message ({@code value.messages[]} element)
 */
public record LocationReceived(
    EventContext context,
    MessageHeader header,
    double latitude,
    double longitude,
    Optional<String> name,
    Optional<String> address,
    Optional<String> url,
    String rawJson)
    implements MessageReceived {
  /** Checks that no component is null. */
  public LocationReceived {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
