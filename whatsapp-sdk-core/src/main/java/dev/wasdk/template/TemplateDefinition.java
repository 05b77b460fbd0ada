package dev.wasdk.template;

import dev.wasdk.internal.text.Values;
import dev.wasdk.message.TemplateCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message template to create ({@code POST /{waba-id}/message_templates}): its name, language,
 * category, parameter format and components.
 *
 * <p>{@link Builder#build()} checks Meta's creation rules and throws {@link
 * dev.wasdk.error.InvalidMessageException} naming the field, such as {@code
 * components[2].buttons[0].text}: a name of lowercase letters, digits and underscores (at most
 * 512); one body of at most 1,024 characters whose variables have examples and neither start nor
 * end it; a header of at most 60 characters with at most one variable; a footer of at most 60
 * characters; at most 10 buttons with labels of at most 25, quick replies grouped together, at most
 * 2 URL buttons (one trailing variable each), 1 phone number button and 1 copy-code button;
 * carousels of at most 10 cards with at most 2 buttons each; OTP buttons only in authentication
 * templates.
 *
 * <pre>{@code
 * TemplateDefinition promo = TemplateDefinition.builder("seasonal_promotion", "en", TemplateCategory.MARKETING)
 *     .component(Component.textHeader("Our {{1}} is on!", "Summer Sale"))
 *     .component(Component.body("Shop now through {{1}} with code {{2}}.", "August", "25OFF"))
 *     .component(Component.footer("Tap below to unsubscribe"))
 *     .component(Component.buttons(Button.quickReply("Unsubscribe")))
 *     .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the template's name
 * @param language the language code, such as {@code en_US}
 * @param category the category; {@link TemplateCategory#UNKNOWN} is not allowed
 * @param parameterFormat the variables' format, when declared; positional is Meta's default
 * @param components the components, in order
 * @param allowCategoryChange whether Meta may change the category at review, when declared
 * @see <a
 *     href="https://developers.facebook.com/docs/whatsapp/business-management-api/message-templates/components">Template
 *     components</a>
 */
public record TemplateDefinition(
    String name,
    String language,
    TemplateCategory category,
    Optional<ParameterFormat> parameterFormat,
    List<Component> components,
    Optional<Boolean> allowCategoryChange) {

  /**
   * Checks every documented creation rule.
   *
   * @throws dev.wasdk.error.InvalidMessageException if a rule is broken
   */
  public TemplateDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(parameterFormat, "parameterFormat");
    components = List.copyOf(components);
    Objects.requireNonNull(allowCategoryChange, "allowCategoryChange");
    DefinitionRules.check(name, language, category, parameterFormat, components);
  }

  /**
   * Returns a builder.
   *
   * @param name lowercase letters, digits and underscores, at most 512
   * @param language the language code, such as {@code en_US}
   * @param category the category
   * @return the builder
   */
  public static Builder builder(String name, String language, TemplateCategory category) {
    return new Builder(name, language, category);
  }

  /**
   * Returns a builder holding this definition's values.
   *
   * @return the builder
   */
  public Builder toBuilder() {
    Builder b = new Builder(name, language, category);
    b.parameterFormat = parameterFormat.orElse(null);
    b.components.addAll(components);
    b.allowCategoryChange = allowCategoryChange.orElse(null);
    return b;
  }

  /** Builds a {@link TemplateDefinition}; checks happen in {@link #build()}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String language;
    private final TemplateCategory category;
    private ParameterFormat parameterFormat;
    private final List<Component> components = new ArrayList<>();
    private Boolean allowCategoryChange;

    private Builder(String name, String language, TemplateCategory category) {
      this.name = Objects.requireNonNull(name, "name");
      this.language = Objects.requireNonNull(language, "language");
      this.category = Objects.requireNonNull(category, "category");
    }

    /**
     * Declares the parameter format, sent as {@code parameter_format}. Default: not sent, which
     * Meta reads as positional.
     *
     * @param format positional or named
     * @return this builder
     */
    public Builder parameterFormat(ParameterFormat format) {
      this.parameterFormat = Objects.requireNonNull(format, "format");
      return this;
    }

    /**
     * Adds a component.
     *
     * @param component the component
     * @return this builder
     */
    public Builder component(Component component) {
      components.add(Objects.requireNonNull(component, "component"));
      return this;
    }

    /**
     * Adds components.
     *
     * @param components the components, in order
     * @return this builder
     */
    public Builder components(Component... components) {
      Arrays.stream(components).forEach(this::component);
      return this;
    }

    /**
     * Says whether Meta may change the category at review ({@code allow_category_change}). Default:
     * not sent.
     *
     * @param allow whether to allow it
     * @return this builder
     */
    public Builder allowCategoryChange(boolean allow) {
      this.allowCategoryChange = allow;
      return this;
    }

    /**
     * Builds the definition.
     *
     * @return the definition
     * @throws dev.wasdk.error.InvalidMessageException if a creation rule is broken
     */
    public TemplateDefinition build() {
      return new TemplateDefinition(
          name,
          language,
          category,
          Optional.ofNullable(parameterFormat),
          components,
          Optional.ofNullable(allowCategoryChange));
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
