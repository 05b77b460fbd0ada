package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A single-product message ({@code interactive.type: product}): one item from the business's
 * catalog, with an optional body and footer. It takes no header; WhatsApp shows the product's
 * image.
 *
 * <pre>{@code
 * Message.to("+16505551234").product()
 *     .catalogId("367025965434465")
 *     .productRetailerId("sku-123")
 *     .body("Back in stock!")
 *     .build();
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param body the body text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters, if any
 * @param footer the footer text, 1 to {@value Limits#INTERACTIVE_FOOTER_MAX} characters, if any
 * @param catalogId the id of the catalog linked to the WhatsApp Business Account
 * @param productRetailerId the product's retailer id (SKU) in that catalog
 */
public record ProductMessage(
    Envelope envelope,
    Optional<String> body,
    Optional<String> footer,
    String catalogId,
    String productRetailerId)
    implements InteractiveMessage {

  /** Checks the limits; see the component descriptions. */
  public ProductMessage {
    Objects.requireNonNull(envelope, "envelope");
    Validation.optionalText("interactive.body.text", body, Limits.INTERACTIVE_BODY_MAX);
    Validation.optionalText("interactive.footer.text", footer, Limits.INTERACTIVE_FOOTER_MAX);
    Validation.required("interactive.action.catalog_id", catalogId);
    Validation.required("interactive.action.product_retailer_id", productRetailerId);
  }

  static Builder builder(Envelope envelope) {
    return new Builder(envelope);
  }

  /** Returns a builder holding this message's values. */
  public Builder toBuilder() {
    Builder b = new Builder(envelope);
    b.body = body.orElse(null);
    b.footer = footer.orElse(null);
    b.catalogId = catalogId;
    b.productRetailerId = productRetailerId;
    return b;
  }

  /** Builds a {@link ProductMessage}; {@link #build()} checks every limit. Not thread-safe. */
  public static final class Builder extends InteractiveBuilder<Builder> {
    private final Envelope envelope;
    private String catalogId;
    private String productRetailerId;

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
     * Sets the product (required).
     *
     * @param productRetailerId the product's retailer id (SKU) in the catalog
     * @return this builder
     */
    public Builder productRetailerId(String productRetailerId) {
      this.productRetailerId = Objects.requireNonNull(productRetailerId, "productRetailerId");
      return this;
    }

    /**
     * Builds the message.
     *
     * @return the message
     * @throws dev.wasdk.error.InvalidMessageException if a documented limit is broken
     */
    public ProductMessage build() {
      return new ProductMessage(
          envelope,
          Optional.ofNullable(body),
          Optional.ofNullable(footer),
          catalogId,
          productRetailerId);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
