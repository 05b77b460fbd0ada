package dev.wasdk.flows.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The declaration of one field of a screen's {@code data}: its type and the example Meta's builder
 * shows ({@code __example__}). The data endpoint (or a navigate action) fills it at run time; the
 * screen reads it with {@link Ref#data(String)}.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * ScreenData.options(List.of(Option.of("0900", "09:00")));
 * ScreenData.string("Table for 2");
 * }</pre>
 */
public final class ScreenData {
  private final Map<String, Object> schema;

  private ScreenData(Map<String, Object> schema) {
    this.schema = schema;
  }

  private static ScreenData of(String type, Object example) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", type);
    m.put("__example__", Objects.requireNonNull(example, "example"));
    return new ScreenData(m);
  }

  /**
   * Declares a string.
   *
   * @param example a sample value
   */
  public static ScreenData string(String example) {
    return of("string", example);
  }

  /**
   * Declares a number.
   *
   * @param example a sample value
   */
  public static ScreenData number(Number example) {
    return of("number", example);
  }

  /**
   * Declares a boolean.
   *
   * @param example a sample value
   */
  public static ScreenData bool(boolean example) {
    return of("boolean", example);
  }

  /**
   * Declares a list of strings.
   *
   * @param example sample values
   */
  public static ScreenData stringList(List<String> example) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "array");
    m.put("items", Map.of("type", "string"));
    m.put("__example__", List.copyOf(example));
    return new ScreenData(m);
  }

  /**
   * Declares a list of options, the {@code data-source} of a dropdown, radio-button or checkbox
   * group.
   *
   * @param example sample options
   */
  public static ScreenData options(List<Option> example) {
    Map<String, Object> item = new LinkedHashMap<>();
    item.put("type", "object");
    Map<String, Object> props = new LinkedHashMap<>();
    props.put("id", Map.of("type", "string"));
    props.put("title", Map.of("type", "string"));
    item.put("properties", props);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", "array");
    m.put("items", item);
    List<Object> sample = new ArrayList<>();
    example.forEach(o -> sample.add(o.toMap()));
    m.put("__example__", sample);
    return new ScreenData(m);
  }

  Map<String, Object> toMap() {
    return schema;
  }
}
