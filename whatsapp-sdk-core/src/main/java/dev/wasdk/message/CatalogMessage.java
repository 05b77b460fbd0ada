package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A catalog message ({@code interactive.type: catalog_message}): a body, an optional footer and a
 * button that opens the business's whole catalog, with one product's image as the thumbnail.
 *
 * <p>The thumbnail product is required here although Meta's catalog page lets it default to the
 * first catalog item: the OpenAPI spec requires it, and the stricter reading never fails.
 *
 * <pre>{@code
 * Message.to("+16505551234").catalog()
 *     .body("Browse this week's deals.")
 *     .thumbnailProductRetailerId("sku-123")
 *     .build();
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param body the body text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters
 * @param footer the footer text, 1 to {@value Limits#INTERACTIVE_FOOTER_MAX} characters, if any
 * @param thumbnailProductRetailerId the retailer id (SKU) of the product shown as the thumbnail
 */
public record CatalogMessage(
    Envelope envelope, String body, Optional<String> footer, String thumbnailProductRetailerId)
    implements InteractiveMessage {

  /** Checks the limits; see the component descriptions. */
  public CatalogMessage {
    Objects.requireNonNull(envelope, "envelope");
    Validation.text("interactive.body.text", body, 1, Limits.INTERACTIVE_BODY_MAX);
    Validation.optionalText("interactive.footer.text", footer, Limits.INTERACTIVE_FOOTER_MAX);
    Validation.required(
        "interactive.action.parameters.thumbnail_product_retailer_id", thumbnailProductRetailerId);
  }

  static Builder builder(Envelope envelope) {
    return new Builder(envelope);
  }

  /** Returns a builder holding this message's values. */
  public Builder toBuilder() {
    Builder b = new Builder(envelope);
    b.body = body;
    b.footer = footer.orElse(null);
    b.thumbnailProductRetailerId = thumbnailProductRetailerId;
    return b;
  }

  /** Builds a {@link CatalogMessage}; {@link #build()} checks every limit. Not thread-safe. */
  public static final class Builder extends InteractiveBuilder<Builder> {
    private final Envelope envelope;
    private String thumbnailProductRetailerId;

    private Builder(Envelope envelope) {
      this.envelope = envelope;
    }

    /**
     * Sets the product whose image is the thumbnail (required).
     *
     * @param productRetailerId the product's retailer id (SKU) in the catalog
     * @return this builder
     */
    public Builder thumbnailProductRetailerId(String productRetailerId) {
      this.thumbnailProductRetailerId =
          Objects.requireNonNull(productRetailerId, "productRetailerId");
      return this;
    }

    /**
     * Builds the message.
     *
     * @return the message
     * @throws dev.wasdk.error.InvalidMessageException if a documented limit is broken
     */
    public CatalogMessage build() {
      return new CatalogMessage(
          envelope, body, Optional.ofNullable(footer), thumbnailProductRetailerId);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
