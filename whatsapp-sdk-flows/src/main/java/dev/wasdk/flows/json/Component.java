package dev.wasdk.flows.json;

import dev.wasdk.error.InvalidMessageException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One element of a screen's layout: text, an input, or the Footer. Start from the static factories;
 * inputs are immutable values whose {@code required}, {@code helperText} and similar methods return
 * changed copies.
 *
 * <p>Covered: TextHeading, TextSubheading, TextBody, TextCaption, TextInput, Dropdown,
 * RadioButtonsGroup, CheckboxGroup, DatePicker and Footer. Limits are checked when the {@link
 * FlowJson} is built, with the field's path in the message.
 *
 * <pre>{@code
 * Component.heading("Book a table");
 * Component.dropdown("slot", "Time").options(Ref.data("slots")).required(true);
 * Component.footer("Continue", Action.dataExchange(Map.of("slot", Ref.form("slot"))));
 * }</pre>
 */
public sealed interface Component {
  /** The longest Footer label. */
  int MAX_FOOTER_LABEL = 35;

  /** The most options of a Dropdown. */
  int MAX_DROPDOWN_OPTIONS = 200;

  /** The longest TextBody. */
  int MAX_BODY_TEXT = 4096;

  /**
   * Stands for "no length limit checked here": only the limits above, which Meta documents, are
   * enforced; other texts must only be non-blank.
   */
  int NO_LIMIT = Integer.MAX_VALUE;

  /** Returns the component's JSON object. */
  Map<String, Object> toMap();

  /** Checks the component's own rules; {@code path} is its JSON path. */
  void check(String path);

  /**
   * Returns a TextHeading.
   *
   * @param text the text, or a {@link Ref} as {@code ref.toString()}
   */
  static Text heading(String text) {
    return new Text("TextHeading", text, NO_LIMIT);
  }

  /**
   * Returns a TextSubheading.
   *
   * @param text the text
   */
  static Text subheading(String text) {
    return new Text("TextSubheading", text, NO_LIMIT);
  }

  /**
   * Returns a TextBody.
   *
   * @param text the text, up to {@value #MAX_BODY_TEXT} characters
   */
  static Text body(String text) {
    return new Text("TextBody", text, MAX_BODY_TEXT);
  }

  /**
   * Returns a TextCaption.
   *
   * @param text the text
   */
  static Text caption(String text) {
    return new Text("TextCaption", text, NO_LIMIT);
  }

  /**
   * Returns a TextInput.
   *
   * @param name the name its value is sent under
   * @param label what the user sees
   */
  static TextInput textInput(String name, String label) {
    return new TextInput(name, label, null, false, null, null, null);
  }

  /**
   * Returns a Dropdown; give it options.
   *
   * @param name the name its value is sent under
   * @param label what the user sees
   */
  static Choice dropdown(String name, String label) {
    return new Choice("Dropdown", name, label, null, false, null, null);
  }

  /**
   * Returns a RadioButtonsGroup; give it options.
   *
   * @param name the name its value is sent under
   * @param label what the user sees
   */
  static Choice radioButtons(String name, String label) {
    return new Choice("RadioButtonsGroup", name, label, null, false, null, null);
  }

  /**
   * Returns a CheckboxGroup; give it options. Its value is a list of option ids.
   *
   * @param name the name its value is sent under
   * @param label what the user sees
   */
  static Choice checkboxGroup(String name, String label) {
    return new Choice("CheckboxGroup", name, label, null, false, null, null);
  }

  /**
   * Returns a DatePicker; its value is a {@code YYYY-MM-DD} date.
   *
   * @param name the name its value is sent under
   * @param label what the user sees
   */
  static DatePicker datePicker(String name, String label) {
    return new DatePicker(name, label, false, null, null);
  }

  /**
   * Returns the Footer, the screen's button.
   *
   * @param label up to {@value #MAX_FOOTER_LABEL} characters
   * @param onClick what the button does
   */
  static Footer footer(String label, Action onClick) {
    return new Footer(label, onClick);
  }

  /** Returns the input name of a component that sends a value, or empty. */
  default Optional<String> inputName() {
    return Optional.empty();
  }

  /** Returns the references the component uses. */
  default List<Ref> refs() {
    return List.of();
  }

  /** A text component. */
  final class Text implements Component {
    private final String type;
    private final String text;
    private final int max;

    private Text(String type, String text, int max) {
      this.type = type;
      this.text = Objects.requireNonNull(text, "text");
      this.max = max;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", type);
      m.put("text", text);
      return m;
    }

    @Override
    public void check(String path) {
      Checks.text(path + ".text", text, max);
    }

    @Override
    public List<Ref> refs() {
      return Checks.refsIn(text);
    }
  }

  /** A single-line text input. */
  final class TextInput implements Component {
    private final String name;
    private final String label;
    private final String inputType;
    private final boolean required;
    private final String helperText;
    private final Integer minChars;
    private final Integer maxChars;

    private TextInput(
        String name,
        String label,
        String inputType,
        boolean required,
        String helperText,
        Integer minChars,
        Integer maxChars) {
      this.name = Objects.requireNonNull(name, "name");
      this.label = Objects.requireNonNull(label, "label");
      this.inputType = inputType;
      this.required = required;
      this.helperText = helperText;
      this.minChars = minChars;
      this.maxChars = maxChars;
    }

    /**
     * Returns a copy with an input type.
     *
     * @param inputType {@code text}, {@code number}, {@code email}, {@code password}, {@code
     *     passcode} or {@code phone}
     */
    public TextInput inputType(String inputType) {
      return new TextInput(name, label, inputType, required, helperText, minChars, maxChars);
    }

    /**
     * Returns a copy that must or need not be filled in.
     *
     * @param required default false
     */
    public TextInput required(boolean required) {
      return new TextInput(name, label, inputType, required, helperText, minChars, maxChars);
    }

    /**
     * Returns a copy with a hint under the field.
     *
     * @param helperText the hint
     */
    public TextInput helperText(String helperText) {
      return new TextInput(
          name, label, inputType, required, Objects.requireNonNull(helperText), minChars, maxChars);
    }

    /**
     * Returns a copy with length bounds.
     *
     * @param min the fewest characters
     * @param max the most characters
     */
    public TextInput chars(int min, int max) {
      return new TextInput(name, label, inputType, required, helperText, min, max);
    }

    @Override
    public Optional<String> inputName() {
      return Optional.of(name);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "TextInput");
      m.put("name", name);
      m.put("label", label);
      if (inputType != null) {
        m.put("input-type", inputType);
      }
      m.put("required", required);
      if (helperText != null) {
        m.put("helper-text", helperText);
      }
      if (minChars != null) {
        m.put("min-chars", minChars);
        m.put("max-chars", maxChars);
      }
      return m;
    }

    @Override
    public void check(String path) {
      Checks.name(path + ".name", name);
      Checks.text(path + ".label", label, NO_LIMIT);
      if (inputType != null
          && !List.of("text", "number", "email", "password", "passcode", "phone")
              .contains(inputType)) {
        throw new InvalidMessageException(
            path + ".input-type",
            "one of text, number, email, password, passcode, phone",
            "'" + inputType + "'");
      }
      if (minChars != null && (minChars < 0 || maxChars < minChars)) {
        throw new InvalidMessageException(
            path + ".min-chars", "0 or more and at most max-chars", minChars + ".." + maxChars);
      }
    }
  }

  /** A Dropdown, RadioButtonsGroup or CheckboxGroup. */
  final class Choice implements Component {
    private final String type;
    private final String name;
    private final String label;
    private final Object source; // List<Option> or Ref
    private final boolean required;
    private final Integer minSelected;
    private final Integer maxSelected;

    private Choice(
        String type,
        String name,
        String label,
        Object source,
        boolean required,
        Integer minSelected,
        Integer maxSelected) {
      this.type = type;
      this.name = Objects.requireNonNull(name, "name");
      this.label = Objects.requireNonNull(label, "label");
      this.source = source;
      this.required = required;
      this.minSelected = minSelected;
      this.maxSelected = maxSelected;
    }

    /**
     * Returns a copy with fixed options.
     *
     * @param options the choices, in order
     */
    public Choice options(List<Option> options) {
      return new Choice(
          type, name, label, List.copyOf(options), required, minSelected, maxSelected);
    }

    /**
     * Returns a copy whose options come from the screen's data, filled by the endpoint.
     *
     * @param options such as {@code Ref.data("slots")}, declared with {@link
     *     ScreenData#options(List)}
     */
    public Choice options(Ref options) {
      return new Choice(
          type, name, label, Objects.requireNonNull(options), required, minSelected, maxSelected);
    }

    /**
     * Returns a copy that must or need not be answered.
     *
     * @param required default false
     */
    public Choice required(boolean required) {
      return new Choice(type, name, label, source, required, minSelected, maxSelected);
    }

    /**
     * Returns a copy with selection bounds; CheckboxGroup only.
     *
     * @param min the fewest selected
     * @param max the most selected
     */
    public Choice selected(int min, int max) {
      return new Choice(type, name, label, source, required, min, max);
    }

    @Override
    public Optional<String> inputName() {
      return Optional.of(name);
    }

    @Override
    public List<Ref> refs() {
      return source instanceof Ref r ? List.of(r) : List.of();
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", type);
      m.put("name", name);
      m.put("label", label);
      if (source instanceof Ref r) {
        m.put("data-source", r.toString());
      } else if (source instanceof List<?> options) {
        List<Object> items = new ArrayList<>();
        for (Object o : options) {
          items.add(((Option) o).toMap());
        }
        m.put("data-source", items);
      }
      m.put("required", required);
      if (minSelected != null) {
        m.put("min-selected-items", minSelected);
        m.put("max-selected-items", maxSelected);
      }
      return m;
    }

    @Override
    public void check(String path) {
      Checks.name(path + ".name", name);
      Checks.text(path + ".label", label, NO_LIMIT);
      if (source == null) {
        throw new InvalidMessageException(
            path + ".data-source", "a list of options or a ${data...} reference", "absent");
      }
      if (source instanceof List<?> options
          && (options.isEmpty()
              || "Dropdown".equals(type) && options.size() > MAX_DROPDOWN_OPTIONS)) {
        throw new InvalidMessageException(
            path + ".data-source",
            "Dropdown".equals(type)
                ? "1 to " + MAX_DROPDOWN_OPTIONS + " options"
                : "1 option or more",
            options.size() + " options");
      }
      if (source instanceof List<?> options) {
        List<String> ids = new ArrayList<>();
        for (Object o : options) {
          String id = ((Option) o).id();
          if (ids.contains(id)) {
            throw new InvalidMessageException(
                path + ".data-source", "options with distinct ids", "id '" + id + "' twice");
          }
          ids.add(id);
        }
      }
      if (minSelected != null) {
        if (!"CheckboxGroup".equals(type)) {
          throw new InvalidMessageException(
              path + ".min-selected-items", "used on a CheckboxGroup only", "a " + type);
        }
        if (minSelected < 0 || maxSelected < Math.max(1, minSelected)) {
          throw new InvalidMessageException(
              path + ".min-selected-items",
              "0 or more, and max-selected-items at least 1 and at least min",
              minSelected + ".." + maxSelected);
        }
      }
    }
  }

  /** A date input. */
  final class DatePicker implements Component {
    private final String name;
    private final String label;
    private final boolean required;
    private final LocalDate minDate;
    private final LocalDate maxDate;

    private DatePicker(
        String name, String label, boolean required, LocalDate minDate, LocalDate maxDate) {
      this.name = Objects.requireNonNull(name, "name");
      this.label = Objects.requireNonNull(label, "label");
      this.required = required;
      this.minDate = minDate;
      this.maxDate = maxDate;
    }

    /**
     * Returns a copy that must or need not be answered.
     *
     * @param required default false
     */
    public DatePicker required(boolean required) {
      return new DatePicker(name, label, required, minDate, maxDate);
    }

    /**
     * Returns a copy limited to a range of days.
     *
     * @param min the first day offered
     * @param max the last day offered
     */
    public DatePicker between(LocalDate min, LocalDate max) {
      return new DatePicker(
          name, label, required, Objects.requireNonNull(min), Objects.requireNonNull(max));
    }

    @Override
    public Optional<String> inputName() {
      return Optional.of(name);
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "DatePicker");
      m.put("name", name);
      m.put("label", label);
      m.put("required", required);
      if (minDate != null) {
        m.put("min-date", minDate.toString());
        m.put("max-date", maxDate.toString());
      }
      return m;
    }

    @Override
    public void check(String path) {
      Checks.name(path + ".name", name);
      Checks.text(path + ".label", label, NO_LIMIT);
      if (minDate != null && minDate.isAfter(maxDate)) {
        throw new InvalidMessageException(
            path + ".min-date", "on or before max-date", minDate + " after " + maxDate);
      }
    }
  }

  /** The button at the bottom of a screen. */
  final class Footer implements Component {
    private final String label;
    private final Action onClick;

    private Footer(String label, Action onClick) {
      this.label = Objects.requireNonNull(label, "label");
      this.onClick = Objects.requireNonNull(onClick, "onClick");
    }

    /** Returns the action. */
    public Action onClick() {
      return onClick;
    }

    @Override
    public List<Ref> refs() {
      List<Ref> refs = new ArrayList<>();
      onClick
          .payload()
          .values()
          .forEach(
              v -> {
                if (v instanceof Ref r) {
                  refs.add(r);
                }
              });
      return refs;
    }

    @Override
    public Map<String, Object> toMap() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("type", "Footer");
      m.put("label", label);
      m.put("on-click-action", onClick.toMap());
      return m;
    }

    @Override
    public void check(String path) {
      Checks.text(path + ".label", label, MAX_FOOTER_LABEL);
    }
  }
}

/** Shared rules of the Flow JSON builder. */
final class Checks {
  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern REF =
      Pattern.compile(
          "\\$\\{(?:screen\\.([A-Za-z_][A-Za-z0-9_]*)\\.)?(form|data)\\.([A-Za-z_][A-Za-z0-9_]*)\\}");

  private Checks() {}

  static void name(String path, String name) {
    if (!NAME.matcher(name).matches()) {
      throw new InvalidMessageException(
          path, "letters, digits and underscores, not starting with a digit", "'" + name + "'");
    }
  }

  static void text(String path, String text, int max) {
    int n = text.codePointCount(0, text.length());
    if (text.isBlank() || n > max) {
      throw new InvalidMessageException(
          path,
          max == Component.NO_LIMIT ? "not blank" : "1 to " + max + " characters, not blank",
          text.isBlank() ? "blank" : n + " characters");
    }
  }

  /** Returns the references written inside a text as {@code ${...}}. */
  static List<Ref> refsIn(String text) {
    List<Ref> refs = new ArrayList<>();
    java.util.regex.Matcher m = REF.matcher(text);
    while (m.find()) {
      boolean form = "form".equals(m.group(2));
      String screen = m.group(1);
      refs.add(
          screen == null
              ? (form ? Ref.form(m.group(3)) : Ref.data(m.group(3)))
              : (form ? Ref.screenForm(screen, m.group(3)) : Ref.screenData(screen, m.group(3))));
    }
    return refs;
  }
}
