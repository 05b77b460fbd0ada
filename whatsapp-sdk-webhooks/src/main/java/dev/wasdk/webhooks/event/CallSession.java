package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import java.util.Objects;

/**
 * The media session description of a call ({@code session}): an SDP offer or answer (RFC 8866), as
 * text. The SDK passes it through; your WebRTC or SIP stack applies it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rawSdpType the kind as sent, {@code offer} or {@code answer}; {@link #sdpType()} reads it
 * @param sdp the SDP text, with its {@code \r\n} line ends; empty if absent
 */
public record CallSession(String rawSdpType, String sdp) {
  /** Checks that no component is null. */
  public CallSession {
    Objects.requireNonNull(rawSdpType, "rawSdpType");
    Objects.requireNonNull(sdp, "sdp");
  }

  /** Returns the kind; {@link SdpType#UNKNOWN} for values this version does not know. */
  public SdpType sdpType() {
    return SdpType.of(rawSdpType);
  }

  /** Returns a short description that leaves the SDP text out, since it names network addresses. */
  @Override
  public String toString() {
    return "CallSession[sdpType=" + rawSdpType + ", sdp=" + sdp.length() + " chars]";
  }

  /**
   * The kind of a session description. Open: values this version does not know map to {@link
   * #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum SdpType {
    /** An offer: the side that starts the negotiation. */
    OFFER,
    /** An answer to an offer. */
    ANSWER,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the kind for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the kind; never null
     */
    public static SdpType of(String value) {
      return OpenEnums.parse(SdpType.class, value, UNKNOWN);
    }
  }
}
