package dev.wasdk.flows.json;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.flows.internal.JsonTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A Flow's JSON definition, built in Java and checked before it is uploaded: the version, the data
 * API version and routing model of Flows with an endpoint, and the screens.
 *
 * <p>{@link Builder#build()} throws {@link InvalidMessageException} naming the JSON path of the
 * first problem: unknown versions; duplicate, reserved or malformed screen ids; no terminal screen;
 * a terminal screen without a Footer; more than one Footer or {@value Screen#MAX_COMPONENTS}
 * components on a screen; duplicate input names; a {@code ${form...}} reference to no input, a
 * {@code ${data...}} reference to undeclared data, a {@code ${screen...}} reference to no screen; a
 * navigate action or routing entry to no screen, or outside the routing model; an endpoint action
 * without a data API version and routing model; and each component's own limits.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * FlowJson flow = FlowJson.builder()
 *     .dataApiVersion("3.0")
 *     .route("BOOKING", "CONFIRM")
 *     .route("CONFIRM")
 *     .screen(booking)
 *     .screen(confirm)
 *     .build();
 * wa.flows().uploadFlowJson(flowId, flow.toJson());
 * }</pre>
 */
public final class FlowJson {
  /** The Flow JSON version used unless another is set. */
  public static final String DEFAULT_VERSION = "7.3";

  private static final List<String> VERSIONS =
      List.of("5.0", "5.1", "6.0", "6.1", "6.2", "6.3", "7.0", "7.1", "7.2", "7.3");
  private static final List<String> DATA_API_VERSIONS = List.of("3.0", "4.0");
  private static final Pattern SCREEN_ID = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final String version;
  private final String dataApiVersion;
  private final Map<String, List<String>> routingModel;
  private final List<Screen> screens;

  private FlowJson(Builder b) {
    this.version = b.version;
    this.dataApiVersion = b.dataApiVersion;
    Map<String, List<String>> routes = new LinkedHashMap<>();
    b.routes.forEach((k, v) -> routes.put(k, List.copyOf(v)));
    this.routingModel = routes;
    this.screens = List.copyOf(b.screens);
  }

  /** Returns an empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the Flow JSON version. */
  public String version() {
    return version;
  }

  /** Returns the data API version, for Flows with an endpoint. */
  public Optional<String> dataApiVersion() {
    return Optional.ofNullable(dataApiVersion);
  }

  /** Returns the screens in order. */
  public List<Screen> screens() {
    return screens;
  }

  /** Returns the Flow JSON text to upload. */
  public String toJson() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", version);
    if (dataApiVersion != null) {
      m.put("data_api_version", dataApiVersion);
    }
    if (!routingModel.isEmpty()) {
      m.put("routing_model", routingModel);
    }
    List<Object> s = new ArrayList<>();
    screens.forEach(screen -> s.add(screen.toMap()));
    m.put("screens", s);
    return JsonTree.write(m);
  }

  @Override
  public String toString() {
    return "FlowJson[version=" + version + ", screens=" + screens.size() + "]";
  }

  /** Builds a {@link FlowJson}. Not thread-safe. */
  public static final class Builder {
    private String version = DEFAULT_VERSION;
    private String dataApiVersion;
    private final Map<String, List<String>> routes = new LinkedHashMap<>();
    private final List<Screen> screens = new ArrayList<>();

    private Builder() {}

    /**
     * Sets the Flow JSON version. Default {@value FlowJson#DEFAULT_VERSION}.
     *
     * @param version 5.0 to 7.3
     */
    public Builder version(String version) {
      this.version = Objects.requireNonNull(version, "version");
      return this;
    }

    /**
     * Sets the data API version; required for Flows that call an endpoint.
     *
     * @param dataApiVersion {@code 3.0} or {@code 4.0}
     */
    public Builder dataApiVersion(String dataApiVersion) {
      this.dataApiVersion = Objects.requireNonNull(dataApiVersion, "dataApiVersion");
      return this;
    }

    /**
     * Adds a routing-model entry: the screens a screen may lead to. Every screen of a Flow with an
     * endpoint has an entry, possibly empty.
     *
     * @param from the screen id
     * @param to the screens it may lead to
     */
    public Builder route(String from, String... to) {
      Objects.requireNonNull(from, "from");
      if (routes.putIfAbsent(from, List.of(to)) != null) {
        throw new IllegalArgumentException("screen " + from + " already has a route");
      }
      return this;
    }

    /**
     * Adds a screen after the previous ones; the first is where the Flow opens unless the message
     * names another.
     *
     * @param screen the screen
     */
    public Builder screen(Screen screen) {
      screens.add(Objects.requireNonNull(screen, "screen"));
      return this;
    }

    /**
     * Returns the checked Flow JSON.
     *
     * @throws InvalidMessageException naming the path of the first problem
     */
    public FlowJson build() {
      if (!VERSIONS.contains(version)) {
        throw new InvalidMessageException("version", "one of " + VERSIONS, "'" + version + "'");
      }
      if (dataApiVersion != null && !DATA_API_VERSIONS.contains(dataApiVersion)) {
        throw new InvalidMessageException(
            "data_api_version", "one of " + DATA_API_VERSIONS, "'" + dataApiVersion + "'");
      }
      if (screens.isEmpty()) {
        throw new InvalidMessageException("screens", "at least 1 screen", "0 screens");
      }
      Map<String, Screen> byId = new LinkedHashMap<>();
      for (int i = 0; i < screens.size(); i++) {
        Screen s = screens.get(i);
        String path = "screens[" + i + "].id";
        if (!SCREEN_ID.matcher(s.id()).matches()) {
          throw new InvalidMessageException(
              path, "letters, digits and underscores", "'" + s.id() + "'");
        }
        if ("SUCCESS".equals(s.id())) {
          throw new InvalidMessageException(path, "not the reserved id SUCCESS", "SUCCESS");
        }
        if (byId.putIfAbsent(s.id(), s) != null) {
          throw new InvalidMessageException(path, "unique", "'" + s.id() + "' twice");
        }
      }
      boolean usesEndpoint = false;
      boolean anyTerminal = false;
      for (int i = 0; i < screens.size(); i++) {
        usesEndpoint |= checkScreen(screens.get(i), "screens[" + i + "]", byId);
        anyTerminal |= screens.get(i).terminal();
      }
      if (!anyTerminal) {
        throw new InvalidMessageException(
            "screens", "at least 1 terminal screen", "no screen with terminal: true");
      }
      checkRoutes(byId, usesEndpoint);
      return new FlowJson(this);
    }

    private boolean checkScreen(Screen s, String path, Map<String, Screen> byId) {
      String kids = path + ".layout.children";
      if (s.children().size() > Screen.MAX_COMPONENTS) {
        throw new InvalidMessageException(
            kids,
            "at most " + Screen.MAX_COMPONENTS + " components",
            s.children().size() + " components");
      }
      Set<String> inputs = new HashSet<>();
      int footers = 0;
      boolean usesEndpoint = false;
      for (int j = 0; j < s.children().size(); j++) {
        Component c = s.children().get(j);
        String cp = kids + "[" + j + "]";
        c.check(cp);
        Optional<String> name = c.inputName();
        if (name.isPresent() && !inputs.add(name.get())) {
          throw new InvalidMessageException(
              cp + ".name", "unique on the screen", "'" + name.get() + "' twice");
        }
        if (c instanceof Component.Footer f) {
          footers++;
          Action a = f.onClick();
          usesEndpoint |= a.kind() == Action.Kind.DATA_EXCHANGE;
          if (a.kind() == Action.Kind.NAVIGATE) {
            checkNavigate(s, a.next(), cp + ".on-click-action.next.name", byId);
          }
        }
      }
      if (footers > 1) {
        throw new InvalidMessageException(kids, "at most 1 Footer", footers + " Footers");
      }
      if (s.terminal() && footers == 0) {
        throw new InvalidMessageException(
            kids, "a Footer on a terminal screen", "no Footer on " + s.id());
      }
      for (int j = 0; j < s.children().size(); j++) {
        for (Ref r : s.children().get(j).refs()) {
          checkRef(r, s, inputs, kids + "[" + j + "]", byId);
        }
      }
      return usesEndpoint;
    }

    private void checkNavigate(Screen from, String to, String path, Map<String, Screen> byId) {
      if (!byId.containsKey(to)) {
        throw new InvalidMessageException(path, "the id of a screen of this Flow", "'" + to + "'");
      }
      List<String> allowed = routes.get(from.id());
      if (!routes.isEmpty() && (allowed == null || !allowed.contains(to))) {
        throw new InvalidMessageException(
            path, "a screen the routing model allows from " + from.id(), "'" + to + "'");
      }
    }

    private static void checkRef(
        Ref r, Screen s, Set<String> inputs, String path, Map<String, Screen> byId) {
      Screen target = s;
      Set<String> targetInputs = inputs;
      if (r.screen() != null) {
        target = byId.get(r.screen());
        if (target == null) {
          throw new InvalidMessageException(
              path, "a reference to a screen of this Flow", r.toString());
        }
        targetInputs = new HashSet<>();
        for (Component c : target.children()) {
          c.inputName().ifPresent(targetInputs::add);
        }
      }
      boolean found =
          r.kind() == Ref.Kind.FORM
              ? targetInputs.contains(r.name())
              : target.dataNames().contains(r.name());
      if (!found) {
        throw new InvalidMessageException(
            path,
            r.kind() == Ref.Kind.FORM
                ? "a reference to an input of screen " + target.id()
                : "a reference to data declared by screen " + target.id(),
            r.toString());
      }
    }

    private void checkRoutes(Map<String, Screen> byId, boolean usesEndpoint) {
      if (usesEndpoint && (dataApiVersion == null || routes.isEmpty())) {
        throw new InvalidMessageException(
            dataApiVersion == null ? "data_api_version" : "routing_model",
            "set when a screen uses data_exchange",
            "absent");
      }
      for (Map.Entry<String, List<String>> e : routes.entrySet()) {
        if (!byId.containsKey(e.getKey())) {
          throw new InvalidMessageException(
              "routing_model", "keys that are screen ids", "'" + e.getKey() + "'");
        }
        for (String to : e.getValue()) {
          if (!byId.containsKey(to)) {
            throw new InvalidMessageException(
                "routing_model." + e.getKey(), "screen ids of this Flow", "'" + to + "'");
          }
          if (to.equals(e.getKey())) {
            throw new InvalidMessageException(
                "routing_model." + e.getKey(), "other screens than itself", "'" + to + "'");
          }
        }
      }
      if (!routes.isEmpty()) {
        for (String id : byId.keySet()) {
          if (!routes.containsKey(id)) {
            throw new InvalidMessageException(
                "routing_model", "an entry for every screen", "no entry for " + id);
          }
        }
      }
    }
  }
}
