package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A section of a {@link ProductListMessage}: an optional title and the retailer ids (SKUs) of its
 * products. A title is required when the message has more than one section; this is checked when
 * the message is built.
 *
 * @param title the title, 1 to {@value Limits#PRODUCT_SECTION_TITLE_MAX} characters, if any
 * @param productRetailerIds the products' retailer ids in the catalog
 */
public record ProductSection(Optional<String> title, List<String> productRetailerIds) {
  /** Copies the list. */
  public ProductSection {
    Objects.requireNonNull(title, "title");
    productRetailerIds = List.copyOf(productRetailerIds);
  }

  /**
   * Returns a titled section.
   *
   * @param title the title
   * @param productRetailerIds the products' retailer ids
   * @return the section
   */
  public static ProductSection of(String title, String... productRetailerIds) {
    return new ProductSection(Optional.of(title), List.of(productRetailerIds));
  }

  /**
   * Returns a section without a title, which is allowed only when it is the message's one section.
   *
   * @param productRetailerIds the products' retailer ids
   * @return the section
   */
  public static ProductSection untitled(String... productRetailerIds) {
    return new ProductSection(Optional.empty(), List.of(productRetailerIds));
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
