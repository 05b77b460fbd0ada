package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A location message ({@code type: location}): a pin on a map, with an optional name and address.
 *
 * <pre>{@code
 * Message.to("+16505551234")
 *     .location(37.483307, -122.148981, "Meta HQ", "1 Hacker Way, Menlo Park, CA 94025");
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param latitude the latitude in decimal degrees, from {@value Limits#LATITUDE_MIN} to {@value
 *     Limits#LATITUDE_MAX}
 * @param longitude the longitude in decimal degrees, from {@value Limits#LONGITUDE_MIN} to {@value
 *     Limits#LONGITUDE_MAX}
 * @param name the place's name, if any
 * @param address the place's address, if any
 */
public record LocationMessage(
    Envelope envelope,
    double latitude,
    double longitude,
    Optional<String> name,
    Optional<String> address)
    implements Message {
  /** Checks the limits; see the component descriptions. */
  public LocationMessage {
    Objects.requireNonNull(envelope, "envelope");
    Validation.range("location.latitude", latitude, Limits.LATITUDE_MIN, Limits.LATITUDE_MAX);
    Validation.range("location.longitude", longitude, Limits.LONGITUDE_MIN, Limits.LONGITUDE_MAX);
    Validation.optionalRequired("location.name", name);
    Validation.optionalRequired("location.address", address);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
