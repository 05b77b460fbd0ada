package dev.wasdk.client;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Calling API settings of a phone number: whether calling is on, the call button, call hours,
 * the callback permission, the SRTP key exchange and SIP. Read them with {@link
 * CallsApi#settings()}; write them with {@link CallsApi#updateSettings(CallingSettings)}, where
 * only the settings given are changed.
 *
 * <pre>{@code
 * wa.calls().updateSettings(CallingSettings.builder()
 *     .status(CallingSettings.Status.ENABLED)
 *     .callbackPermission(CallingSettings.Status.ENABLED)
 *     .callHours(hours)
 *     .build());
 * }</pre>
 *
 * <p>Calling is off by default; enabling it needs a messaging limit of at least 2,000 (error
 * 138015) and an app subscribed to the {@code calls} webhook field or SIP (138018). Clients can
 * take up to 7 days to show a change. Immutable and thread-safe; {@link #toString()} never shows a
 * SIP password.
 *
 * @param status calling on or off
 * @param iconVisibility whether the call button and other entry points are shown
 * @param iconCountries the user countries (ISO 3166 alpha-2) the call button shows for; an empty
 *     list means every country
 * @param callHours when users can call
 * @param callbackPermission whether a user who calls grants call-back permission
 * @param srtpKeyExchange the SRTP key exchange protocol
 * @param sip the SIP settings
 * @param restrictions restrictions Meta applies to calling on the number; read only
 */
public record CallingSettings(
    Optional<Status> status,
    Optional<IconVisibility> iconVisibility,
    Optional<List<String>> iconCountries,
    Optional<CallHours> callHours,
    Optional<Status> callbackPermission,
    Optional<SrtpKeyExchange> srtpKeyExchange,
    Optional<Sip> sip,
    List<Restriction> restrictions) {
  /** Shows present values and leaves out empty ones. */
  @Override
  public String toString() {
    return Values.toString(this);
  }

  private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

  /** Copies the lists and checks for nulls. */
  public CallingSettings {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(iconVisibility, "iconVisibility");
    iconCountries = iconCountries.map(List::copyOf);
    Objects.requireNonNull(callHours, "callHours");
    Objects.requireNonNull(callbackPermission, "callbackPermission");
    Objects.requireNonNull(srtpKeyExchange, "srtpKeyExchange");
    Objects.requireNonNull(sip, "sip");
    restrictions = List.copyOf(restrictions);
  }

  /** Returns a builder of settings to update; settings not set are left unchanged. */
  public static Builder builder() {
    return new Builder();
  }

  /** On or off, for calling, call hours, the callback permission and SIP. */
  public enum Status {
    /** On. */
    ENABLED,
    /** Off. */
    DISABLED,
    /** A value this version does not know; never sent. */
    UNKNOWN;

    /**
     * Returns the status for Meta's text; {@link #UNKNOWN} for anything else, including null.
     *
     * @param raw the text, may be null
     * @return the status
     */
    public static Status of(String raw) {
      return OpenEnums.parse(Status.class, raw, UNKNOWN);
    }
  }

  /** Whether the call button and other calling entry points are shown to users. */
  public enum IconVisibility {
    /** Shown. */
    DEFAULT,
    /** Hidden; call-button messages can still be sent. */
    DISABLE_ALL,
    /** A value this version does not know; never sent. */
    UNKNOWN;

    /**
     * Returns the visibility for Meta's text; {@link #UNKNOWN} for anything else.
     *
     * @param raw the text, may be null
     * @return the visibility
     */
    public static IconVisibility of(String raw) {
      return OpenEnums.parse(IconVisibility.class, raw, UNKNOWN);
    }
  }

  /** The SRTP key exchange protocol of calls. */
  public enum SrtpKeyExchange {
    /** DTLS, the default. */
    DTLS,
    /** SDES. */
    SDES,
    /** A value this version does not know; never sent. */
    UNKNOWN;

    /**
     * Returns the protocol for Meta's text; {@link #UNKNOWN} for anything else.
     *
     * @param raw the text, may be null
     * @return the protocol
     */
    public static SrtpKeyExchange of(String raw) {
      return OpenEnums.parse(SrtpKeyExchange.class, raw, UNKNOWN);
    }
  }

  /**
   * SIP settings: when enabled, calls go to the business's SIP servers and the Graph calling
   * endpoints are refused (error 131055).
   *
   * @param status SIP on or off
   * @param servers the SIP servers; one per app
   */
  public record Sip(Status status, List<SipServer> servers) {
    /** Copies the list and checks for nulls. */
    public Sip {
      Objects.requireNonNull(status, "status");
      servers = List.copyOf(servers);
    }
  }

  /**
   * One SIP server. SIP runs over TLS only.
   *
   * @param hostname the server's host name
   * @param port the TLS port, 5061 by default
   * @param requestUriUserParams parameters added to the request URI's user part
   * @param password the SIP user password, read only and only when asked for
   */
  public record SipServer(
      String hostname,
      int port,
      Map<String, String> requestUriUserParams,
      Optional<String> password) {
    /** The default SIP over TLS port. */
    public static final int DEFAULT_PORT = 5061;

    /** Copies the map and checks the values. */
    public SipServer {
      Objects.requireNonNull(hostname, "hostname");
      if (hostname.isBlank()) {
        throw new IllegalArgumentException("a SIP server needs a host name");
      }
      if (port < 1 || port > 65535) {
        throw new IllegalArgumentException("a SIP port must be 1 to 65535, was " + port);
      }
      requestUriUserParams = Map.copyOf(requestUriUserParams);
      Objects.requireNonNull(password, "password");
    }

    /**
     * Returns a server on the default port.
     *
     * @param hostname the host name
     * @return the server
     */
    public static SipServer of(String hostname) {
      return new SipServer(hostname, DEFAULT_PORT, Map.of(), Optional.empty());
    }

    /** Shows everything but the password. */
    @Override
    public String toString() {
      return "SipServer[hostname="
          + hostname
          + ", port="
          + port
          + ", requestUriUserParams="
          + requestUriUserParams.keySet()
          + (password.isPresent() ? ", password=***" : "")
          + "]";
    }
  }

  /**
   * A calling restriction Meta applies to the number, such as {@code
   * RESTRICTED_BUSINESS_INITIATED_CALLING}.
   *
   * @param type the restriction type as Meta sends it
   * @param reason the reason, when given
   * @param expiration when it ends, when given
   */
  public record Restriction(String type, Optional<String> reason, Optional<Instant> expiration) {
    /** Shows present values and leaves out empty ones. */
    @Override
    public String toString() {
      return Values.toString(this);
    }

    /** Checks for nulls. */
    public Restriction {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(expiration, "expiration");
    }
  }

  /** Builds settings to update; not thread-safe. */
  public static final class Builder {
    private Status status;
    private IconVisibility iconVisibility;
    private List<String> iconCountries;
    private CallHours callHours;
    private Status callbackPermission;
    private SrtpKeyExchange srtpKeyExchange;
    private Sip sip;

    private Builder() {}

    /**
     * Turns calling on or off.
     *
     * @param status on or off
     * @return this builder
     */
    public Builder status(Status status) {
      this.status = known(status, "status");
      return this;
    }

    /**
     * Shows or hides the call button.
     *
     * @param visibility the visibility
     * @return this builder
     */
    public Builder iconVisibility(IconVisibility visibility) {
      Objects.requireNonNull(visibility, "visibility");
      if (visibility == IconVisibility.UNKNOWN) {
        throw new IllegalArgumentException("iconVisibility must be DEFAULT or DISABLE_ALL");
      }
      this.iconVisibility = visibility;
      return this;
    }

    /**
     * Shows the call button only to users whose numbers are from these countries; an empty list
     * removes the restriction.
     *
     * @param countries ISO 3166 alpha-2 codes, such as {@code BR}
     * @return this builder
     */
    public Builder iconCountries(List<String> countries) {
      for (String c : List.copyOf(countries)) {
        if (!COUNTRY.matcher(c).matches()) {
          throw new IllegalArgumentException(
              "iconCountries must hold ISO 3166 alpha-2 codes such as BR, got '" + c + "'");
        }
      }
      this.iconCountries = List.copyOf(countries);
      return this;
    }

    /**
     * Sets the call hours; this replaces the previous ones whole.
     *
     * @param callHours the call hours
     * @return this builder
     */
    public Builder callHours(CallHours callHours) {
      this.callHours = Objects.requireNonNull(callHours, "callHours");
      known(callHours.status(), "callHours.status");
      return this;
    }

    /**
     * Sets whether a user who calls grants the business permission to call back.
     *
     * @param status on or off
     * @return this builder
     */
    public Builder callbackPermission(Status status) {
      this.callbackPermission = known(status, "callbackPermission");
      return this;
    }

    /**
     * Sets the SRTP key exchange protocol.
     *
     * @param protocol DTLS or SDES
     * @return this builder
     */
    public Builder srtpKeyExchange(SrtpKeyExchange protocol) {
      Objects.requireNonNull(protocol, "protocol");
      if (protocol == SrtpKeyExchange.UNKNOWN) {
        throw new IllegalArgumentException("srtpKeyExchange must be DTLS or SDES");
      }
      this.srtpKeyExchange = protocol;
      return this;
    }

    /**
     * Sets SIP.
     *
     * @param sip the SIP settings; a password in them is never sent
     * @return this builder
     */
    public Builder sip(Sip sip) {
      this.sip = Objects.requireNonNull(sip, "sip");
      known(sip.status(), "sip.status");
      if (sip.status() == Status.ENABLED && sip.servers().isEmpty()) {
        throw new IllegalArgumentException("enabling SIP needs a SIP server");
      }
      return this;
    }

    /**
     * Returns the settings.
     *
     * @return the settings
     * @throws IllegalArgumentException if nothing was set
     */
    public CallingSettings build() {
      if (status == null
          && iconVisibility == null
          && iconCountries == null
          && callHours == null
          && callbackPermission == null
          && srtpKeyExchange == null
          && sip == null) {
        throw new IllegalArgumentException("set at least one calling setting to update");
      }
      return new CallingSettings(
          Optional.ofNullable(status),
          Optional.ofNullable(iconVisibility),
          Optional.ofNullable(iconCountries),
          Optional.ofNullable(callHours),
          Optional.ofNullable(callbackPermission),
          Optional.ofNullable(srtpKeyExchange),
          Optional.ofNullable(sip),
          List.of());
    }

    private static Status known(Status s, String name) {
      Objects.requireNonNull(s, name);
      if (s == Status.UNKNOWN) {
        throw new IllegalArgumentException(name + " must be ENABLED or DISABLED");
      }
      return s;
    }
  }
}
