package dev.wasdk.client;

/** How a phone number's verification code is delivered. */
public enum CodeMethod {
  /** By text message. */
  SMS,
  /** By voice call. */
  VOICE
}
