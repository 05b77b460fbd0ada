package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * One product line of an {@link OrderReceived}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param productRetailerId the product's retailer id (SKU); empty if absent
 * @param quantity how many; 0 if absent
 * @param itemPrice the unit price, if readable
 * @param currency the ISO 4217 currency code; empty if absent
 */
public record OrderItem(
    String productRetailerId, long quantity, Optional<BigDecimal> itemPrice, String currency) {
  /** Checks that no component is null. */
  public OrderItem {
    Objects.requireNonNull(productRetailerId, "productRetailerId");
    Objects.requireNonNull(itemPrice, "itemPrice");
    Objects.requireNonNull(currency, "currency");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
