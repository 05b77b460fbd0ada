package dev.wasdk.template;

import dev.wasdk.internal.text.Values;
import dev.wasdk.message.TemplateCategory;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A change to an existing template ({@code POST /{template-id}}). Components, when given, replace
 * the template's components wholesale. Only approved, rejected and paused templates can be edited;
 * an approved one at most 10 times in 30 days and once in 24 hours, and its category cannot change.
 *
 * <pre>{@code
 * wa.templates().edit(templateId, TemplateEdit.components(
 *     Component.body("Hi {{1}}, your order shipped.", "Mark")));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param category the new category, when it changes
 * @param components the new components (checked like a definition's), or empty to keep them
 * @param messageSendTtlSeconds the new time-to-live of sends, when it changes
 */
public record TemplateEdit(
    Optional<TemplateCategory> category,
    List<Component> components,
    Optional<Integer> messageSendTtlSeconds) {

  /**
   * Checks the edit.
   *
   * @throws IllegalArgumentException if it changes nothing or the category is UNKNOWN
   * @throws dev.wasdk.error.InvalidMessageException if the components break a creation rule
   */
  public TemplateEdit {
    Objects.requireNonNull(category, "category");
    components = List.copyOf(components);
    Objects.requireNonNull(messageSendTtlSeconds, "messageSendTtlSeconds");
    if (category.isEmpty() && components.isEmpty() && messageSendTtlSeconds.isEmpty()) {
      throw new IllegalArgumentException("a template edit must change something");
    }
    if (category.filter(c -> c == TemplateCategory.UNKNOWN).isPresent()) {
      throw new IllegalArgumentException("category must not be UNKNOWN");
    }
    if (!components.isEmpty()) {
      // Reuse the creation rules on a stand-in definition of the same category.
      TemplateDefinition.builder("edit", "en", category.orElse(categoryFor(components)))
          .components(components.toArray(new Component[0]))
          .build();
    }
  }

  private static TemplateCategory categoryFor(List<Component> components) {
    for (Component c : components) {
      if (c instanceof Component.Body b && b.text().isEmpty()) {
        return TemplateCategory.AUTHENTICATION;
      }
      if (c instanceof Component.LimitedTimeOffer) {
        return TemplateCategory.MARKETING;
      }
    }
    return TemplateCategory.UTILITY;
  }

  /**
   * Returns an edit that replaces the components.
   *
   * @param components the new components
   * @return the edit
   */
  public static TemplateEdit components(Component... components) {
    return new TemplateEdit(Optional.empty(), List.of(components), Optional.empty());
  }

  /**
   * Returns an edit that changes the category.
   *
   * @param category the new category
   * @return the edit
   */
  public static TemplateEdit category(TemplateCategory category) {
    return new TemplateEdit(Optional.of(category), List.of(), Optional.empty());
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
