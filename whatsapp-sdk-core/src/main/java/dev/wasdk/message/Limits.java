package dev.wasdk.message;

/**
 * The documented limits that message validation enforces, in one place.
 *
 * <p>Lengths are counted in UTF-16 code units ({@link String#length()}), which is never less than
 * the number of characters a user sees: where WhatsApp's own counting is not documented, this is
 * the reading that never lets through a value WhatsApp would refuse.
 */
public final class Limits {
  private Limits() {}

  /** Maximum length of a text message body. */
  public static final int TEXT_BODY_MAX = 4096;

  /** Maximum length of {@code biz_opaque_callback_data}. */
  public static final int BIZ_OPAQUE_CALLBACK_DATA_MAX = 512;
}
