package dev.wasdk.message;

import java.util.Objects;

/**
 * Holds the body and footer that every interactive message builder sets. Package-private on
 * purpose: each public builder inherits these setters with its own type as the return type, and
 * there is no public generic builder. Not thread-safe, like the builders.
 *
 * @param <B> the public builder
 */
abstract class InteractiveBuilder<B extends InteractiveBuilder<B>> {
  String body;
  String footer;

  InteractiveBuilder() {}

  /**
   * Sets the body text (required, except in a single-product message).
   *
   * @param body the text, 1 to {@value Limits#INTERACTIVE_BODY_MAX} characters
   * @return this builder
   */
  public B body(String body) {
    this.body = Objects.requireNonNull(body, "body");
    return self();
  }

  /**
   * Sets the footer text.
   *
   * @param footer the text, 1 to {@value Limits#INTERACTIVE_FOOTER_MAX} characters
   * @return this builder
   */
  public B footer(String footer) {
    this.footer = Objects.requireNonNull(footer, "footer");
    return self();
  }

  @SuppressWarnings("unchecked")
  final B self() {
    return (B) this;
  }
}
