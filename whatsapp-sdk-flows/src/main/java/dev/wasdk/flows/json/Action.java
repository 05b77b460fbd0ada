package dev.wasdk.flows.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a Footer does when tapped: go to another screen ({@code navigate}), call the data endpoint
 * ({@code data_exchange}) or end the Flow ({@code complete}). The payload's values are literals
 * (String, Number, Boolean) or {@link Ref}s.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * Action.navigate("CONFIRM", Map.of("slot", Ref.form("slot")));
 * Action.dataExchange(Map.of("slot", Ref.form("slot")));
 * Action.complete(Map.of("accepted", Ref.form("accept")));
 * }</pre>
 */
public final class Action {
  /** The kind of action. */
  public enum Kind {
    /** Goes to another screen without calling the endpoint. */
    NAVIGATE,
    /** Sends the payload to the data endpoint, which answers with the next screen. */
    DATA_EXCHANGE,
    /** Ends the Flow; the payload comes back in the completion webhook. */
    COMPLETE
  }

  private final Kind kind;
  private final String next;
  private final Map<String, Object> payload;

  private Action(Kind kind, String next, Map<String, ?> payload) {
    this.kind = kind;
    this.next = next;
    Objects.requireNonNull(payload, "payload");
    Map<String, Object> copy = new LinkedHashMap<>();
    payload.forEach(
        (k, v) -> {
          Objects.requireNonNull(k, "payload key");
          if (!(v instanceof String
              || v instanceof Number
              || v instanceof Boolean
              || v instanceof Ref)) {
            throw new IllegalArgumentException(
                "payload." + k + " must be a String, Number, Boolean or Ref");
          }
          copy.put(k, v);
        });
    this.payload = Collections.unmodifiableMap(copy);
  }

  /**
   * Returns an action that shows another screen.
   *
   * @param screen the next screen's id
   * @param payload data for the next screen's declared data
   */
  public static Action navigate(String screen, Map<String, ?> payload) {
    Objects.requireNonNull(screen, "screen");
    return new Action(Kind.NAVIGATE, screen, payload);
  }

  /**
   * Returns an action that calls the data endpoint.
   *
   * @param payload what the endpoint receives as {@code data}
   */
  public static Action dataExchange(Map<String, ?> payload) {
    return new Action(Kind.DATA_EXCHANGE, null, payload);
  }

  /**
   * Returns an action that ends the Flow.
   *
   * @param payload what the completion webhook's {@code response_json} carries
   */
  public static Action complete(Map<String, ?> payload) {
    return new Action(Kind.COMPLETE, null, payload);
  }

  /** Returns the kind. */
  public Kind kind() {
    return kind;
  }

  /** Returns the next screen of a navigate action, or null. */
  String next() {
    return next;
  }

  Map<String, Object> payload() {
    return payload;
  }

  Map<String, Object> toMap() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put(
        "name",
        switch (kind) {
          case NAVIGATE -> "navigate";
          case DATA_EXCHANGE -> "data_exchange";
          case COMPLETE -> "complete";
        });
    if (kind == Kind.NAVIGATE) {
      Map<String, Object> target = new LinkedHashMap<>();
      target.put("type", "screen");
      target.put("name", next);
      m.put("next", target);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    payload.forEach((k, v) -> p.put(k, v instanceof Ref ? v.toString() : v));
    m.put("payload", p);
    return m;
  }
}
