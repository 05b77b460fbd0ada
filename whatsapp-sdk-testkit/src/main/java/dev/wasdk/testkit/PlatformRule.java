package dev.wasdk.testkit;

/**
 * A rule of the WhatsApp platform that the simulator enforces. Every rule is on by default; {@link
 * WhatsAppSimulator.Builder#disable(PlatformRule...)} turns rules off for tests that do not care
 * about them.
 *
 * <p>Request validation (the message's shape and documented limits) and access tokens are always
 * checked.
 */
public enum PlatformRule {
  /** Messages per second per business phone number; over it, error 130429. */
  THROUGHPUT,
  /**
   * Messages to one user from one business number: a burst of 45, then one per 6 s; error 131056.
   */
  PAIR_RATE,
  /**
   * The messaging limit (tier): unique users reached outside the customer-service window in a
   * rolling 24 hours.
   */
  MESSAGING_LIMIT,
  /** Non-template messages only within 24 hours of the user's last message; error 131047. */
  SERVICE_WINDOW,
  /** Marketing templates to users who stopped marketing messages; error 131050. */
  MARKETING_OPT_OUT,
  /**
   * Templates must exist, be approved and get the right number of parameters; errors 132001,
   * 132000, 132012, 132015, 132016.
   */
  TEMPLATES
}
