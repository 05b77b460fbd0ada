package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * What an inbound message refers to ({@code messages[].context}): the message it replies to, the
 * product the user asked about, or the fact that it was forwarded.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param from the sender of the message replied to (the business number, for replies to the
 *     business)
 * @param id the id of the message replied to
 * @param referredProduct the catalog product the user asked about, for product inquiries
 * @param forwarded whether the user forwarded the message
 * @param frequentlyForwarded whether the message has been forwarded more than five times
 */
public record MessageContext(
    Optional<String> from,
    Optional<String> id,
    Optional<ReferredProduct> referredProduct,
    boolean forwarded,
    boolean frequentlyForwarded) {

  /** Checks that no component is null. */
  public MessageContext {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(referredProduct, "referredProduct");
  }

  /** Returns whether the message is a reply to another message. */
  public boolean isReply() {
    return id.isPresent();
  }

  /**
   * A catalog product a user asked about.
   *
   * @param catalogId the catalog id; empty if absent
   * @param productRetailerId the product's retailer id (SKU); empty if absent
   */
  public record ReferredProduct(String catalogId, String productRetailerId) {
    /** Checks that no component is null. */
    public ReferredProduct {
      Objects.requireNonNull(catalogId, "catalogId");
      Objects.requireNonNull(productRetailerId, "productRetailerId");
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
