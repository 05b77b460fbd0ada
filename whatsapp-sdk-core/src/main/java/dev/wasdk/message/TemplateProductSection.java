package dev.wasdk.message;

import java.util.List;
import java.util.Objects;

/**
 * One section of a multi-product template button: a title and the products listed under it.
 *
 * <pre>{@code
 * TemplateProductSection.of("Popular", "SKU-1", "SKU-2");
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. Limits (title at most 24 characters, at most 30
 * products across all sections) are checked when the message is built.
 *
 * @param title the section's title
 * @param productRetailerIds the retailer ids (SKUs) of the section's products, in display order
 */
public record TemplateProductSection(String title, List<String> productRetailerIds) {
  /** Checks that the arguments are present and copies the list. */
  public TemplateProductSection {
    Objects.requireNonNull(title, "title");
    productRetailerIds =
        List.copyOf(Objects.requireNonNull(productRetailerIds, "productRetailerIds"));
  }

  /**
   * Returns a section.
   *
   * @param title the section's title
   * @param productRetailerIds the retailer ids (SKUs) of the section's products
   * @return the section
   */
  public static TemplateProductSection of(String title, String... productRetailerIds) {
    return new TemplateProductSection(title, List.of(productRetailerIds));
  }
}
