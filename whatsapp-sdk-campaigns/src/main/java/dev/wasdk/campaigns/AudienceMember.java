package dev.wasdk.campaigns;

import java.time.ZoneId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One recipient of a campaign: whom to send to, the template parameters for this recipient, and the
 * recipient's time zone when known (for quiet hours).
 *
 * <pre>{@code
 * AudienceMember m = AudienceMember.of("+16505551234", Map.of("name", "Ana"))
 *     .withZone(ZoneId.of("America/Los_Angeles"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} masks the recipient and leaves
 * out the parameters.
 *
 * @param recipient an E.164 phone number with {@code +}, or a business-scoped user id
 * @param params the per-recipient values the message needs, such as {@code name}
 * @param zone the recipient's time zone, when known
 */
public record AudienceMember(String recipient, Map<String, String> params, Optional<ZoneId> zone) {

  /** Checks the arguments and copies the map. */
  public AudienceMember {
    Objects.requireNonNull(recipient, "recipient");
    if (recipient.isBlank()) {
      throw new IllegalArgumentException("recipient must not be blank");
    }
    params = Map.copyOf(params);
    Objects.requireNonNull(zone, "zone");
  }

  /**
   * Returns a member with no known time zone.
   *
   * @param recipient the recipient
   * @param params the parameters
   * @return the member
   */
  public static AudienceMember of(String recipient, Map<String, String> params) {
    return new AudienceMember(recipient, params, Optional.empty());
  }

  /**
   * Returns a copy with a time zone.
   *
   * @param zone the zone
   * @return the copy
   */
  public AudienceMember withZone(ZoneId zone) {
    return new AudienceMember(recipient, params, Optional.of(zone));
  }

  /**
   * Returns a parameter.
   *
   * @param name its name
   * @return its value
   * @throws IllegalArgumentException when the member has no such parameter
   */
  public String param(String name) {
    String v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException(
          "the audience member has no parameter '" + name + "'; it has " + params.keySet());
    }
    return v;
  }

  @Override
  public String toString() {
    return "AudienceMember["
        + dev.wasdk.internal.text.Redact.mask(recipient)
        + ", params="
        + params.keySet()
        + zone.map(z -> ", zone=" + z).orElse("")
        + "]";
  }
}
