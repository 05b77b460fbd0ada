package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.TemplateStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Filters for listing templates ({@code GET /{waba-id}/message_templates}).
 *
 * <pre>{@code
 * TemplateQuery q = TemplateQuery.builder()
 *     .status(TemplateStatus.APPROVED)
 *     .category(TemplateCategory.MARKETING)
 *     .language("en_US")
 *     .limit(50)
 *     .build();
 * wa.templates().stream(q).forEach(t -> System.out.println(t.name()));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name only templates with this name, when set
 * @param statuses only templates in these statuses; empty for all
 * @param category only templates of this category, when set
 * @param language only templates in this language, when set
 * @param fields the fields to return; empty for Meta's default set
 * @param limit the page size, when set
 */
public record TemplateQuery(
    Optional<String> name,
    List<TemplateStatus> statuses,
    Optional<TemplateCategory> category,
    Optional<String> language,
    List<String> fields,
    Optional<Integer> limit) {

  /** Copies the lists and checks the values. */
  public TemplateQuery {
    Objects.requireNonNull(name, "name");
    statuses = List.copyOf(statuses);
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(language, "language");
    fields = List.copyOf(fields);
    Objects.requireNonNull(limit, "limit");
    if (statuses.contains(TemplateStatus.UNKNOWN)) {
      throw new IllegalArgumentException("cannot filter by status UNKNOWN");
    }
    if (category.filter(c -> c == TemplateCategory.UNKNOWN).isPresent()) {
      throw new IllegalArgumentException("cannot filter by category UNKNOWN");
    }
    if (limit.filter(l -> l < 1 || l > 1000).isPresent()) {
      throw new IllegalArgumentException("limit must be 1 to 1000, but was " + limit.get());
    }
  }

  /** Returns a query for every template, in pages of Meta's default size. */
  public static TemplateQuery all() {
    return builder().build();
  }

  /**
   * Returns a query for the templates of one name (one per language).
   *
   * @param name the template name
   * @return the query
   */
  public static TemplateQuery named(String name) {
    return builder().name(name).build();
  }

  /** Returns a builder. */
  public static Builder builder() {
    return new Builder();
  }

  Map<String, String> toQuery(Optional<String> after) {
    Map<String, String> q = new LinkedHashMap<>();
    name.ifPresent(n -> q.put("name", n));
    if (!statuses.isEmpty()) {
      q.put("status", String.join(",", statuses.stream().map(Enum::name).toList()));
    }
    category.ifPresent(c -> q.put("category", c.name()));
    language.ifPresent(l -> q.put("language", l));
    if (!fields.isEmpty()) {
      q.put("fields", String.join(",", fields));
    }
    limit.ifPresent(l -> q.put("limit", Integer.toString(l)));
    after.ifPresent(a -> q.put("after", a));
    return q;
  }

  /** Builds a {@link TemplateQuery}. Not thread-safe. */
  public static final class Builder {
    private String name;
    private final List<TemplateStatus> statuses = new ArrayList<>();
    private TemplateCategory category;
    private String language;
    private final List<String> fields = new ArrayList<>();
    private Integer limit;

    private Builder() {}

    /**
     * Keeps templates of this name.
     *
     * @param name the name
     * @return this builder
     */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Keeps templates in any of these statuses.
     *
     * @param statuses the statuses
     * @return this builder
     */
    public Builder status(TemplateStatus... statuses) {
      this.statuses.addAll(Arrays.asList(statuses));
      return this;
    }

    /**
     * Keeps templates of this category.
     *
     * @param category the category
     * @return this builder
     */
    public Builder category(TemplateCategory category) {
      this.category = Objects.requireNonNull(category, "category");
      return this;
    }

    /**
     * Keeps templates in this language.
     *
     * @param language such as {@code en_US}
     * @return this builder
     */
    public Builder language(String language) {
      this.language = Objects.requireNonNull(language, "language");
      return this;
    }

    /**
     * Asks for these fields, such as {@code name}, {@code status}, {@code components}, {@code
     * quality_score}. Default: Meta's default set.
     *
     * @param fields the field names
     * @return this builder
     */
    public Builder fields(String... fields) {
      for (String f : fields) {
        this.fields.add(Objects.requireNonNull(f, "field").toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /**
     * Sets the page size. Default: Meta's (25).
     *
     * @param limit 1 to 1000
     * @return this builder
     */
    public Builder limit(int limit) {
      this.limit = limit;
      return this;
    }

    /** Builds the query. */
    public TemplateQuery build() {
      return new TemplateQuery(
          Optional.ofNullable(name),
          statuses,
          Optional.ofNullable(category),
          Optional.ofNullable(language),
          fields,
          Optional.ofNullable(limit));
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
