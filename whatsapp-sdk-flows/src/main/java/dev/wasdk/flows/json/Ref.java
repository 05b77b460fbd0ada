package dev.wasdk.flows.json;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A dynamic value in Flow JSON: {@code ${form.name}} (an input on the same screen), {@code
 * ${data.name}} (the screen's declared data) or {@code ${screen.ID.form.name}} / {@code
 * ${screen.ID.data.name}} (another screen's). {@link FlowJson.Builder#build()} checks that each
 * reference names something that exists.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Action.dataExchange(Map.of("slot", Ref.form("slot"), "guests", Ref.data("guests")));
 * }</pre>
 */
public final class Ref {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  /** Where a reference points. */
  public enum Kind {
    /** An input's value. */
    FORM,
    /** A declared data field. */
    DATA
  }

  private final String screen;
  private final Kind kind;
  private final String name;

  private Ref(String screen, Kind kind, String name) {
    this.screen = screen;
    this.kind = kind;
    this.name = name;
  }

  private static String name(String name) {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a reference name has letters, digits and underscores, was " + name);
    }
    return name;
  }

  /**
   * Returns {@code ${form.name}}: the value of an input on the same screen.
   *
   * @param name the input's name
   */
  public static Ref form(String name) {
    return new Ref(null, Kind.FORM, name(name));
  }

  /**
   * Returns {@code ${data.name}}: a data field the screen declares.
   *
   * @param name the field's name
   */
  public static Ref data(String name) {
    return new Ref(null, Kind.DATA, name(name));
  }

  /**
   * Returns {@code ${screen.ID.form.name}}: an input of an earlier screen.
   *
   * @param screen the screen id
   * @param name the input's name
   */
  public static Ref screenForm(String screen, String name) {
    return new Ref(name(screen), Kind.FORM, name(name));
  }

  /**
   * Returns {@code ${screen.ID.data.name}}: a data field of an earlier screen.
   *
   * @param screen the screen id
   * @param name the field's name
   */
  public static Ref screenData(String screen, String name) {
    return new Ref(name(screen), Kind.DATA, name(name));
  }

  /** Returns the screen it names, or null for the current screen. */
  String screen() {
    return screen;
  }

  Kind kind() {
    return kind;
  }

  String name() {
    return name;
  }

  /** Returns the expression, such as {@code ${form.slot}}. */
  @Override
  public String toString() {
    return "${"
        + (screen == null ? "" : "screen." + screen + ".")
        + (kind == Kind.FORM ? "form." : "data.")
        + name
        + "}";
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Ref r
        && Objects.equals(r.screen, screen)
        && r.kind == kind
        && r.name.equals(name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(screen, kind, name);
  }
}
