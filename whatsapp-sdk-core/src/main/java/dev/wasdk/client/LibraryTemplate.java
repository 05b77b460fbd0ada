package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A ready-made template from Meta's template library, as browsed with {@link
 * TemplatesApi#library(LibraryQuery, Optional)}. Create a template from it with {@link
 * TemplatesApi#createFromLibrary(LibraryTemplateCreate)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the library template's name, used as {@code library_template_name}
 * @param language the language code
 * @param category the category, such as {@code UTILITY}
 * @param topic the topic, when given
 * @param usecase the use case, when given
 * @param industries the industries
 * @param header the header text, when it has one
 * @param body the body text
 * @param rawJson the whole item as Meta sent it, for the fields not modelled (buttons, params)
 */
public record LibraryTemplate(
    String name,
    String language,
    String category,
    Optional<String> topic,
    Optional<String> usecase,
    List<String> industries,
    Optional<String> header,
    String body,
    String rawJson) {
  /** Shows present values and leaves out empty ones. */
  @Override
  public String toString() {
    return Values.toString(this);
  }

  /** Copies the list and checks for nulls. */
  public LibraryTemplate {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(topic, "topic");
    Objects.requireNonNull(usecase, "usecase");
    industries = List.copyOf(industries);
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(rawJson, "rawJson");
  }
}
