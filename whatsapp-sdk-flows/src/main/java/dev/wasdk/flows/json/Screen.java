package dev.wasdk.flows.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One screen of a Flow: its id, title, declared data and layout (a single column of components).
 *
 * <p>Immutable and thread-safe once built; checked with the rest of the Flow by {@link
 * FlowJson.Builder#build()}.
 *
 * <pre>{@code
 * Screen booking = Screen.builder("BOOKING")
 *     .title("Book a table")
 *     .data("slots", ScreenData.options(List.of(Option.of("0900", "09:00"))))
 *     .add(Component.dropdown("slot", "Time").options(Ref.data("slots")).required(true))
 *     .add(Component.footer("Continue", Action.dataExchange(Map.of("slot", Ref.form("slot")))))
 *     .build();
 * }</pre>
 */
public final class Screen {
  /** The most components a screen holds. */
  public static final int MAX_COMPONENTS = 50;

  private final String id;
  private final String title;
  private final boolean terminal;
  private final boolean success;
  private final boolean refreshOnBack;
  private final Map<String, ScreenData> data;
  private final List<String> dataOrder;
  private final List<Component> children;

  private Screen(Builder b) {
    this.id = b.id;
    this.title = b.title;
    this.terminal = b.terminal;
    this.success = b.success;
    this.refreshOnBack = b.refreshOnBack;
    this.data = Map.copyOf(b.data);
    this.dataOrder = List.copyOf(b.data.keySet());
    this.children = List.copyOf(b.children);
  }

  /**
   * Returns a builder.
   *
   * @param id the screen id: letters, digits and underscores; not {@code SUCCESS}
   */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** Returns the id. */
  public String id() {
    return id;
  }

  /** Returns whether the Flow can end on this screen. */
  public boolean terminal() {
    return terminal;
  }

  /** Returns the components in order. */
  public List<Component> children() {
    return children;
  }

  /** Returns the names of the declared data fields. */
  public List<String> dataNames() {
    return dataOrder;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", id);
    if (title != null) {
      m.put("title", title);
    }
    if (terminal) {
      m.put("terminal", true);
    }
    if (success) {
      m.put("success", true);
    }
    if (refreshOnBack) {
      m.put("refresh_on_back", true);
    }
    if (!data.isEmpty()) {
      Map<String, Object> d = new LinkedHashMap<>();
      dataOrder.forEach(name -> d.put(name, data.get(name).toMap()));
      m.put("data", d);
    }
    List<Object> kids = new ArrayList<>();
    children.forEach(c -> kids.add(c.toMap()));
    Map<String, Object> layout = new LinkedHashMap<>();
    layout.put("type", "SingleColumnLayout");
    layout.put("children", kids);
    m.put("layout", layout);
    return m;
  }

  String title() {
    return title;
  }

  /** Builds a {@link Screen}. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private String title;
    private boolean terminal;
    private boolean success;
    private boolean refreshOnBack;
    private final Map<String, ScreenData> data = new LinkedHashMap<>();
    private final List<Component> children = new ArrayList<>();

    private Builder(String id) {
      this.id = Objects.requireNonNull(id, "id");
    }

    /**
     * Sets the title shown at the top.
     *
     * @param title the title
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * Marks the screen as one the Flow can end on; it then needs a Footer. At least one screen of a
     * Flow is terminal.
     *
     * @param terminal default false
     */
    public Builder terminal(boolean terminal) {
      this.terminal = terminal;
      return this;
    }

    /**
     * Marks a terminal screen as a successful end, for Meta's completion metrics.
     *
     * @param success default false
     */
    public Builder success(boolean success) {
      this.success = success;
      return this;
    }

    /**
     * Makes going back to this screen call the data endpoint ({@code BACK}).
     *
     * @param refreshOnBack default false
     */
    public Builder refreshOnBack(boolean refreshOnBack) {
      this.refreshOnBack = refreshOnBack;
      return this;
    }

    /**
     * Declares a data field, filled by the endpoint or by the navigate action that leads here.
     *
     * @param name the field name
     * @param declaration its type and example
     */
    public Builder data(String name, ScreenData declaration) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(declaration, "declaration");
      if (data.putIfAbsent(name, declaration) != null) {
        throw new IllegalArgumentException("data field " + name + " is declared twice");
      }
      return this;
    }

    /**
     * Adds a component below the previous ones.
     *
     * @param component text, an input or the Footer
     */
    public Builder add(Component component) {
      children.add(Objects.requireNonNull(component, "component"));
      return this;
    }

    /** Returns the screen; its rules are checked when the Flow is built. */
    public Screen build() {
      return new Screen(this);
    }
  }
}
