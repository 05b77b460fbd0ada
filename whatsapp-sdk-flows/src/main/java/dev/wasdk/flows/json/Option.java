package dev.wasdk.flows.json;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One choice of a dropdown, radio-button group or checkbox group ({@code data-source} item).
 *
 * @param id the value sent back when chosen
 * @param title what the user sees
 */
public record Option(String id, String title) {
  /** Checks that both are present and not blank. */
  public Option {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    if (id.isBlank() || title.isBlank()) {
      throw new IllegalArgumentException("an option needs an id and a title");
    }
  }

  /**
   * Returns an option.
   *
   * @param id the value sent back
   * @param title what the user sees
   */
  public static Option of(String id, String title) {
    return new Option(id, title);
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    m.put("title", title);
    return m;
  }
}
