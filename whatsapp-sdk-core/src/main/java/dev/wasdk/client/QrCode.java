package dev.wasdk.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A message QR code and its short link: scanning the code or opening {@link #deepLinkUrl()} opens a
 * chat with this business, with {@link #prefilledMessage()} typed in for the user to send.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code Meta's identifier of the code (14 characters, such as {@code ANED2T5QRU7HG1}); used
 *     to get, update and delete it
 * @param prefilledMessage the text put in the user's composer
 * @param deepLinkUrl the {@code https://wa.me/message/...} link, when sent
 * @param qrImageUrl the URL of the rendered image, when one was asked for
 * @param creationTime when the code was created, when Meta sends it (first-party apps only)
 * @param json the code's JSON as received
 */
public record QrCode(
    String code,
    String prefilledMessage,
    Optional<String> deepLinkUrl,
    Optional<String> qrImageUrl,
    Optional<Instant> creationTime,
    String json) {
  /** Checks that nothing is null. */
  public QrCode {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(prefilledMessage, "prefilledMessage");
    Objects.requireNonNull(deepLinkUrl, "deepLinkUrl");
    Objects.requireNonNull(qrImageUrl, "qrImageUrl");
    Objects.requireNonNull(creationTime, "creationTime");
    Objects.requireNonNull(json, "json");
  }

  /** Returns the code and whether an image URL is present; not the message or the JSON. */
  @Override
  public String toString() {
    return "QrCode[code=" + code + (qrImageUrl.isPresent() ? ", image" : "") + "]";
  }
}
