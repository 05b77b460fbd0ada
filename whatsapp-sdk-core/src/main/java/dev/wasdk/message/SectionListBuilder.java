package dev.wasdk.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Adds the text header and the sections that list and multi-product messages share.
 * Package-private, like {@link InteractiveBuilder}.
 *
 * @param <B> the public builder
 * @param <S> the section type
 */
abstract class SectionListBuilder<B extends SectionListBuilder<B, S>, S>
    extends InteractiveBuilder<B> {
  String header;
  final List<S> sections = new ArrayList<>();

  SectionListBuilder() {}

  /**
   * Sets the header text; these messages take only a text header (required in a multi-product
   * message).
   *
   * @param text the text, 1 to {@value Limits#INTERACTIVE_HEADER_TEXT_MAX} characters
   * @return this builder
   */
  public B header(String text) {
    this.header = Objects.requireNonNull(text, "text");
    return self();
  }

  /**
   * Adds a section.
   *
   * @param section the section
   * @return this builder
   */
  public B section(S section) {
    sections.add(Objects.requireNonNull(section, "section"));
    return self();
  }
}
