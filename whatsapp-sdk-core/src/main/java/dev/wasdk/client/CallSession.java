package dev.wasdk.client;

import java.util.Objects;

/**
 * Checks the SDP texts and call ids the Calling API takes, so that a bad value fails before the
 * network. wasdk does not read SDP: it only checks that the text is an SDP session description and
 * passes it through unchanged.
 */
final class CallSession {
  /** Meta echoes this many characters of {@code biz_opaque_callback_data} at most. */
  static final int MAX_CALLBACK_DATA = 512;

  private CallSession() {}

  /** Returns the SDP text, checked: not blank and starting with the version line {@code v=}. */
  static String sdp(String name, String sdp) {
    Objects.requireNonNull(sdp, name);
    if (sdp.isBlank()) {
      throw new IllegalArgumentException(name + " must be an SDP session description, not blank");
    }
    if (!sdp.stripLeading().startsWith("v=")) {
      throw new IllegalArgumentException(
          name + " must be an SDP session description starting with its version line v=0");
    }
    return sdp;
  }

  /** Returns the call id, checked: not blank, no white space. */
  static String callId(String callId) {
    Objects.requireNonNull(callId, "callId");
    if (callId.isBlank() || callId.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "callId must be the id of a call, such as wacid.HBgL...; it was blank or had spaces");
    }
    return callId;
  }

  /** Returns the callback data, checked: at most 512 characters. */
  static String callbackData(String data) {
    Objects.requireNonNull(data, "bizOpaqueCallbackData");
    if (data.length() > MAX_CALLBACK_DATA) {
      throw new IllegalArgumentException(
          "bizOpaqueCallbackData must be at most "
              + MAX_CALLBACK_DATA
              + " characters, was "
              + data.length());
    }
    return data;
  }
}
