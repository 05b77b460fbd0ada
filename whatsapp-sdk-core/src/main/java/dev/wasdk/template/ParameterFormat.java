package dev.wasdk.template;

import dev.wasdk.internal.text.OpenEnums;
import java.util.Locale;

/**
 * How a template's variables are written: positional (<code>{{1}}</code>, the default) or named (
 * <code>{{first_name}}</code>). A send must fill them the same way.
 */
public enum ParameterFormat {
  /** Variables <code>{{1}}</code>, <code>{{2}}</code>, … in order. */
  POSITIONAL,
  /** Variables <code>{{name}}</code> of lowercase letters, digits and underscores. */
  NAMED,
  /** A format this version does not know. */
  UNKNOWN;

  /** Returns the value as Meta writes it: {@code positional} or {@code named}. */
  public String wireValue() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Returns the format Meta names, in any case; {@link #UNKNOWN} for a new value, {@link
   * #POSITIONAL} for null (Meta's default).
   *
   * @param value such as {@code named}
   * @return the format, never null
   */
  public static ParameterFormat of(String value) {
    // An absent format is Meta's default, positional; any other text follows the shared rule.
    if (value == null) {
      return POSITIONAL;
    }
    return OpenEnums.parse(ParameterFormat.class, value, UNKNOWN);
  }
}
