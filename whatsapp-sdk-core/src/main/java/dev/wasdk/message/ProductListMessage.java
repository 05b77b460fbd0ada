package dev.wasdk.message;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A multi-product message ({@code interactive.type: product_list}): up to {@value
 * Limits#PRODUCT_LIST_ITEMS_MAX} catalog items in up to {@value Limits#PRODUCT_LIST_SECTIONS_MAX}
 * sections, with a required text header and body and an optional footer.
 *
 * <pre>{@code
 * Message.to("+16505551234").productList()
 *     .header("Summer picks")
 *     .body("Our favourites this week.")
 *     .catalogId("146265584024623")
 *     .section("Shirts", "sku-1", "sku-2")
 *     .section("Shorts", "sku-3")
 *     .build();
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param header the header text, 1 to {@value Limits#INTERACTIVE_HEADER_TEXT_MAX} characters
 * @param body the body text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters
 * @param footer the footer text, 1 to {@value Limits#INTERACTIVE_FOOTER_MAX} characters, if any
 * @param catalogId the id of the catalog linked to the WhatsApp Business Account
 * @param sections the sections, 1 to {@value Limits#PRODUCT_LIST_SECTIONS_MAX}, each with at least
 *     one product and a title when there is more than one section
 */
public record ProductListMessage(
    Envelope envelope,
    String header,
    String body,
    Optional<String> footer,
    String catalogId,
    List<ProductSection> sections)
    implements InteractiveMessage {

  /** Checks the limits and copies the list; see the component descriptions. */
  public ProductListMessage {
    Objects.requireNonNull(envelope, "envelope");
    Validation.text("interactive.header.text", header, 1, Limits.INTERACTIVE_HEADER_TEXT_MAX);
    Validation.text("interactive.body.text", body, 1, Limits.INTERACTIVE_BODY_MAX);
    Validation.optionalText("interactive.footer.text", footer, Limits.INTERACTIVE_FOOTER_MAX);
    Validation.required("interactive.action.catalog_id", catalogId);
    sections = List.copyOf(sections);
    checkSections(sections);
  }

  private static void checkSections(List<ProductSection> sections) {
    String path = "interactive.action.sections";
    Validation.items(path, sections, 1, Limits.PRODUCT_LIST_SECTIONS_MAX);
    int total = sections.stream().mapToInt(s -> s.productRetailerIds().size()).sum();
    int seen = 0;
    for (int s = 0; s < sections.size(); s++) {
      ProductSection section = sections.get(s);
      String at = path + "[" + s + "]";
      if (section.title().isPresent()) {
        Validation.text(at + ".title", section.title().get(), 1, Limits.PRODUCT_SECTION_TITLE_MAX);
      } else if (sections.size() > 1) {
        throw new InvalidMessageException(
            at + ".title", "present when there is more than one section", "missing");
      }
      if (section.productRetailerIds().isEmpty()) {
        throw new InvalidMessageException(
            at + ".product_items", "at least 1 product", "0 products");
      }
      for (int i = 0; i < section.productRetailerIds().size(); i++) {
        String itemPath = at + ".product_items[" + i + "]";
        if (seen == Limits.PRODUCT_LIST_ITEMS_MAX) {
          throw new InvalidMessageException(
              itemPath,
              "at most " + Limits.PRODUCT_LIST_ITEMS_MAX + " products in all sections",
              total + " products");
        }
        Validation.required(itemPath + ".product_retailer_id", section.productRetailerIds().get(i));
        seen++;
      }
    }
  }

  static Builder builder(Envelope envelope) {
    return new Builder(envelope);
  }

  /** Returns a builder holding this message's values. */
  public Builder toBuilder() {
    Builder b = new Builder(envelope);
    b.header = header;
    b.body = body;
    b.footer = footer.orElse(null);
    b.catalogId = catalogId;
    b.sections.addAll(sections);
    return b;
  }

  /** Builds a {@link ProductListMessage}; {@link #build()} checks every limit. Not thread-safe. */
  public static final class Builder extends SectionListBuilder<Builder, ProductSection> {
    private final Envelope envelope;
    private String catalogId;

    private Builder(Envelope envelope) {
      this.envelope = envelope;
    }

    /**
     * Sets the catalog (required).
     *
     * @param catalogId the id of the catalog linked to the WhatsApp Business Account
     * @return this builder
     */
    public Builder catalogId(String catalogId) {
      this.catalogId = Objects.requireNonNull(catalogId, "catalogId");
      return this;
    }

    /**
     * Adds a titled section.
     *
     * @param title the title, 1 to {@value Limits#PRODUCT_SECTION_TITLE_MAX} characters
     * @param productRetailerIds the products' retailer ids (SKUs) in the catalog
     * @return this builder
     */
    public Builder section(String title, String... productRetailerIds) {
      return section(ProductSection.of(title, productRetailerIds));
    }

    /**
     * Builds the message.
     *
     * @return the message
     * @throws dev.wasdk.error.InvalidMessageException if a documented limit is broken
     */
    public ProductListMessage build() {
      return new ProductListMessage(
          envelope, header, body, Optional.ofNullable(footer), catalogId, sections);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
