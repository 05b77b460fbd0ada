package dev.wasdk.error;

/**
 * Which limit a {@link RateLimitException} reports.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/throughput">Throughput</a>
 */
public enum RateLimitKind {
  /** The phone number's messages-per-second throughput (code 130429). */
  THROUGHPUT,
  /** Too many messages from one business number to one user in a short time (code 131056). */
  PAIR,
  /** Sending restricted because too many messages were blocked or reported as spam (131048). */
  SPAM,
  /**
   * A management API limit: calls per app (code 4), per WhatsApp Business Account (80007), or
   * register/deregister attempts (133016).
   */
  MANAGEMENT,
  /** The messaging limit was reached after template classification violations (131064). */
  MESSAGING_LIMIT,
  /** Any other limit, such as a throttled flow (132069) or concurrent calls (138002). */
  OTHER
}
