package dev.wasdk.client;

/**
 * The image format Meta renders a message QR code in. The image is hosted by Meta; its URL is
 * returned as {@link QrCode#qrImageUrl()}.
 */
public enum QrImageFormat {
  /** Scalable vector graphics, best for print. */
  SVG,
  /** A bitmap image. */
  PNG
}
