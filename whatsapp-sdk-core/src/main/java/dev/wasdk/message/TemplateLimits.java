package dev.wasdk.message;

/**
 * The documented limits that template-message validation enforces, in one place.
 *
 * <p>Lengths are counted in UTF-16 code units ({@link String#length()}), as in {@link Limits}.
 * Where Meta's pages disagree, the constant holds the reading that never lets through a value
 * WhatsApp would refuse, and its description says so.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/templates/components">Template
 *     components</a>
 */
public final class TemplateLimits {
  private TemplateLimits() {}

  /** Maximum length of a template name (lowercase letters, digits and underscores). */
  public static final int NAME_MAX = 512;

  /**
   * Maximum length of a header text parameter: the whole header text is at most 60 characters, so
   * its one parameter can never be longer.
   */
  public static final int HEADER_TEXT_PARAMETER_MAX = 60;

  /**
   * Maximum length of a body text parameter. Meta allows 32,768 characters when the template has
   * only a body; the builder accepts that only when told so with {@link
   * TemplateMessage.Builder#bodyOnlyTemplate()}, and this smaller limit applies otherwise.
   */
  public static final int BODY_TEXT_PARAMETER_MAX = 1024;

  /**
   * Maximum length of a body text parameter of a template that has only a body (no header, footer
   * or buttons); see {@link TemplateMessage.Builder#bodyOnlyTemplate()}.
   */
  public static final int BODY_ONLY_TEXT_PARAMETER_MAX = 32_768;

  /**
   * The longest run of spaces a header or body text parameter may hold. WhatsApp refuses a text
   * parameter with a newline, a tab or more than four consecutive spaces ("Param text cannot have
   * new-line/tab characters or more than 4 consecutive spaces").
   */
  public static final int TEXT_PARAMETER_CONSECUTIVE_SPACES_MAX = 4;

  /**
   * Maximum length of a copy-code button's coupon code. Since December 2025 coupon templates take
   * up to 20 characters, but other copy-code templates still take 15: this is the safe reading.
   */
  public static final int COUPON_CODE_MAX = 15;

  /** Maximum length of a one-time password in an authentication template. */
  public static final int ONE_TIME_PASSWORD_MAX = 15;

  /**
   * Maximum length of a URL button's dynamic suffix: the whole button URL is at most 2,000
   * characters.
   */
  public static final int URL_BUTTON_SUFFIX_MAX = 2000;

  /** Highest button index: a template has at most 10 buttons, indexed from 0. */
  public static final int BUTTON_INDEX_MAX = 9;

  /** Maximum number of cards in a carousel. */
  public static final int CAROUSEL_CARDS_MAX = 10;

  /**
   * Maximum length of a carousel card's body text parameter: a card's whole body text is at most
   * 160 characters.
   */
  public static final int CAROUSEL_CARD_BODY_TEXT_PARAMETER_MAX = 160;

  /** Maximum number of buttons on one carousel card (so card button indexes are 0 and 1). */
  public static final int CAROUSEL_CARD_BUTTONS_MAX = 2;

  /** Maximum number of sections in a multi-product (MPM) button. */
  public static final int MPM_SECTIONS_MAX = 10;

  /** Maximum number of products in a multi-product (MPM) button, across all its sections. */
  public static final int MPM_PRODUCTS_MAX = 30;

  /** Maximum length of a multi-product (MPM) section title. */
  public static final int MPM_SECTION_TITLE_MAX = 24;

  /**
   * Smallest accepted limited-time-offer expiration, in epoch milliseconds (2001-09-09T01:46:40Z).
   * Any real offer expires later; a smaller value is almost certainly epoch seconds passed by
   * mistake, which WhatsApp would read as a date in January 1970.
   */
  public static final long LIMITED_TIME_OFFER_EXPIRATION_MIN_MS = 1_000_000_000_000L;
}
