package dev.wasdk.message;

/**
 * The documented limits that message validation enforces, in one place.
 *
 * <p>Lengths are counted in UTF-16 code units ({@link String#length()}), which is never less than
 * the number of characters a user sees: where WhatsApp's own counting is not documented, this is
 * the reading that never lets through a value WhatsApp would refuse.
 *
 * <p>Where Meta's sources disagree, the stricter value is enforced, so a message that builds is
 * never refused for a documented size:
 *
 * <ul>
 *   <li>List message body: the list-message page says 4,096 characters, the OpenAPI spec's {@code
 *       BodyObject} says 1,024; {@link #LIST_BODY_MAX} is 1,024.
 *   <li>Flow CTA: the spec says "advised 30 characters or less"; {@link #FLOW_CTA_MAX} enforces 30.
 *   <li>List rows: the spec allows at most 10 rows per section and the list page at most 10 rows in
 *       all sections together; {@link #LIST_ROWS_MAX} counts all sections together.
 *   <li>Catalog messages: the spec requires {@code thumbnail_product_retailer_id}, the catalog page
 *       lets it default to the first catalog item; it is required here.
 * </ul>
 *
 * <p>Sources: the Cloud API message pages under <a
 * href="https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/send-messages">Send
 * messages</a> and Meta's OpenAPI spec for the Business Messaging API (v23.0).
 */
public final class Limits {
  private Limits() {}

  /** Maximum length of a text message body ({@code text.body}). */
  public static final int TEXT_BODY_MAX = 4096;

  /** Maximum length of {@code biz_opaque_callback_data}. */
  public static final int BIZ_OPAQUE_CALLBACK_DATA_MAX = 512;

  /** Maximum length of an image, video or document caption. */
  public static final int CAPTION_MAX = 1024;

  /** Smallest latitude in decimal degrees ({@code location.latitude}). */
  public static final double LATITUDE_MIN = -90.0;

  /** Largest latitude in decimal degrees ({@code location.latitude}). */
  public static final double LATITUDE_MAX = 90.0;

  /** Smallest longitude in decimal degrees ({@code location.longitude}). */
  public static final double LONGITUDE_MIN = -180.0;

  /** Largest longitude in decimal degrees ({@code location.longitude}). */
  public static final double LONGITUDE_MAX = 180.0;

  /** Minimum number of contacts in a contacts message. */
  public static final int CONTACTS_MIN = 1;

  /** Maximum number of contacts in a contacts message. */
  public static final int CONTACTS_MAX = 5;

  /** Maximum length of an interactive message's text header ({@code interactive.header.text}). */
  public static final int INTERACTIVE_HEADER_TEXT_MAX = 60;

  /** Maximum length of an interactive message's body ({@code interactive.body.text}). */
  public static final int INTERACTIVE_BODY_MAX = 1024;

  /** Maximum length of an interactive message's footer ({@code interactive.footer.text}). */
  public static final int INTERACTIVE_FOOTER_MAX = 60;

  /** Maximum number of reply buttons. */
  public static final int REPLY_BUTTONS_MAX = 3;

  /** Maximum length of a reply button id ({@code reply.id}). */
  public static final int REPLY_BUTTON_ID_MAX = 256;

  /** Maximum length of a reply button title ({@code reply.title}). */
  public static final int REPLY_BUTTON_TITLE_MAX = 20;

  /**
   * Maximum length of a list message body: 1,024, the stricter of the two documented values (see
   * the class description).
   */
  public static final int LIST_BODY_MAX = 1024;

  /** Maximum length of the list message button that opens the list ({@code action.button}). */
  public static final int LIST_BUTTON_MAX = 20;

  /** Maximum number of sections in a list message. */
  public static final int LIST_SECTIONS_MAX = 10;

  /** Maximum number of rows in a list message, counted over all sections. */
  public static final int LIST_ROWS_MAX = 10;

  /** Maximum length of a list section title. */
  public static final int LIST_SECTION_TITLE_MAX = 24;

  /** Maximum length of a list row id. */
  public static final int LIST_ROW_ID_MAX = 200;

  /** Maximum length of a list row title. */
  public static final int LIST_ROW_TITLE_MAX = 24;

  /** Maximum length of a list row description. */
  public static final int LIST_ROW_DESCRIPTION_MAX = 72;

  /** Maximum length of a CTA URL button's label ({@code parameters.display_text}). */
  public static final int CTA_URL_DISPLAY_TEXT_MAX = 20;

  /** Maximum length of a flow message's button label ({@code parameters.flow_cta}). */
  public static final int FLOW_CTA_MAX = 30;

  /** Maximum number of sections in a multi-product ({@code product_list}) message. */
  public static final int PRODUCT_LIST_SECTIONS_MAX = 10;

  /** Maximum number of products in a multi-product message, counted over all sections. */
  public static final int PRODUCT_LIST_ITEMS_MAX = 30;

  /** Maximum length of a multi-product section title. */
  public static final int PRODUCT_SECTION_TITLE_MAX = 24;

  /** Maximum length of the {@code in_pin_code} value of an address message. */
  public static final int ADDRESS_IN_PIN_CODE_MAX = 6;
}
