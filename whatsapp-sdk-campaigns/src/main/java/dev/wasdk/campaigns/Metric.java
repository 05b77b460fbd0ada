package dev.wasdk.campaigns;

/**
 * What an A/B test compares between variants: a share of the messages each variant got accepted by
 * Meta ({@link Funnel#sent()}).
 */
public enum Metric {
  /** Delivered (or read) messages over sent ones. */
  DELIVERED,
  /** Read messages over sent ones; users with read receipts off never count as read. */
  READ,
  /** Messages the user answered (an inbound message whose {@code context} names it) over sent. */
  REPLIED,
  /**
   * URL-button clicks over sent messages. Clicks come only from template analytics, per template
   * and day, so each variant must be its own template; see {@link DeliveryTracker#recordClicks}.
   */
  CLICKED
}
