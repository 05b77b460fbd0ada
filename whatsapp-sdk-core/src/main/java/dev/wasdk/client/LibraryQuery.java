package dev.wasdk.client;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Filters for browsing Meta's template library: a search text, topic, use case, industry and
 * language. Values are passed through as given; Meta's lists of topics and use cases grow.
 *
 * <pre>{@code
 * LibraryQuery q = LibraryQuery.all().topic("ORDER_MANAGEMENT").language("en_US");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class LibraryQuery {
  private final Map<String, String> params;

  private LibraryQuery(Map<String, String> params) {
    this.params = Map.copyOf(params);
  }

  /** Returns a query without filters. */
  public static LibraryQuery all() {
    return new LibraryQuery(Map.of());
  }

  /** Returns a copy that searches the templates' text. */
  public LibraryQuery search(String text) {
    return with("search", text);
  }

  /** Returns a copy filtered by topic, such as {@code ORDER_MANAGEMENT}. */
  public LibraryQuery topic(String topic) {
    return with("topic", topic);
  }

  /** Returns a copy filtered by use case, such as {@code DELIVERY_UPDATE}. */
  public LibraryQuery usecase(String usecase) {
    return with("usecase", usecase);
  }

  /** Returns a copy filtered by industry, such as {@code E_COMMERCE}. */
  public LibraryQuery industry(String industry) {
    return with("industry", industry);
  }

  /** Returns a copy filtered by language code, such as {@code en_US}. */
  public LibraryQuery language(String language) {
    return with("language", language);
  }

  /** Returns the query parameters, in a fixed order. */
  Map<String, String> params() {
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String k : new String[] {"search", "topic", "usecase", "industry", "language"}) {
      if (params.containsKey(k)) {
        ordered.put(k, params.get(k));
      }
    }
    return ordered;
  }

  private LibraryQuery with(String key, String value) {
    Objects.requireNonNull(value, key);
    if (value.isBlank()) {
      throw new IllegalArgumentException(key + " must not be blank");
    }
    Map<String, String> m = new LinkedHashMap<>(params);
    m.put(key, value);
    return new LibraryQuery(m);
  }

  @Override
  public String toString() {
    return "LibraryQuery" + params();
  }
}
