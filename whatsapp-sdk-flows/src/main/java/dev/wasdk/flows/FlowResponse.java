package dev.wasdk.flows;

import dev.wasdk.flows.internal.JsonTree;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An answer to a Flow data-endpoint request, before encryption: the next screen with its data, the
 * final answer that closes the Flow, an error shown on the current screen, or one of the protocol's
 * fixed answers.
 *
 * <ul>
 *   <li>{@link #nextScreen(String)}: {@code {"screen":"NEXT","data":{...}}}. The data must fit the
 *       target screen's declared {@code data} in the Flow JSON.
 *   <li>{@link #close(String)}: {@code {"screen":"SUCCESS","data":{"extension_message_response":
 *       {"params":{"flow_token":"...",...}}}}}. The Flow closes, and the params come back in the
 *       completion webhook ({@code nfm_reply}).
 *   <li>{@link #error(String, String)}: the same screen with {@code data.error_message}, shown to
 *       the user as a snackbar.
 *   <li>{@link #ping()} and {@link #acknowledgeError()}: the health-check and error-notification
 *       answers; the endpoint sends them by itself.
 *   <li>{@link #tokenRejected(String)}: HTTP 427 with {@code {"error_msg":"..."}}: the Flow closes
 *       and the message is shown.
 * </ul>
 *
 * <p>The {@code version} member is not added: Meta's own examples leave it out.
 *
 * <p>Immutable and thread-safe. {@code toString()} shows the status and screen, never the data.
 *
 * <pre>{@code
 * FlowResponse next = FlowResponse.nextScreen("CONFIRM")
 *     .put("date", "2026-12-24")
 *     .put("slots", List.of("09:00", "10:30"))
 *     .build();
 * FlowResponse done = FlowResponse.close(request.flowToken().orElse(""))
 *     .put("booking_id", "B-1042")
 *     .build();
 * }</pre>
 */
public final class FlowResponse {
  /** The reserved screen name that closes a Flow. */
  public static final String SUCCESS_SCREEN = "SUCCESS";

  /** HTTP 427: the flow token is no longer valid. */
  public static final int TOKEN_REJECTED_STATUS = 427;

  private static final FlowResponse PING =
      new FlowResponse(200, null, Map.of("data", Map.of("status", "active")));
  private static final FlowResponse ACKNOWLEDGED =
      new FlowResponse(200, null, Map.of("data", Map.of("acknowledged", true)));

  private final int httpStatus;
  private final String screen;
  private final Map<String, Object> body;

  private FlowResponse(int httpStatus, String screen, Map<String, Object> body) {
    this.httpStatus = httpStatus;
    this.screen = screen;
    this.body = body;
  }

  /**
   * Starts an answer that shows a screen.
   *
   * @param screen the id of the screen to show, as in the Flow JSON; not {@code SUCCESS}
   * @throws IllegalArgumentException if the id is blank or {@code SUCCESS}
   */
  public static Builder nextScreen(String screen) {
    requireScreen(screen);
    if (SUCCESS_SCREEN.equals(screen)) {
      throw new IllegalArgumentException(
          "SUCCESS is reserved for closing the Flow; use FlowResponse.close(flowToken)");
    }
    return new Builder(screen, false);
  }

  /**
   * Starts the final answer, which closes the Flow. The flow token is put into the params first;
   * {@link Builder#put} adds further params, which the completion webhook carries back.
   *
   * @param flowToken the request's flow token
   */
  public static Builder close(String flowToken) {
    Objects.requireNonNull(flowToken, "flowToken");
    Builder b = new Builder(SUCCESS_SCREEN, true);
    b.data.put("flow_token", flowToken);
    return b;
  }

  /**
   * Returns an answer that stays on a screen and shows an error message.
   *
   * @param screen the screen to stay on, usually the request's
   * @param message shown to the user
   */
  public static FlowResponse error(String screen, String message) {
    return nextScreen(screen).errorMessage(message).build();
  }

  /** Returns the health-check answer, {@code {"data":{"status":"active"}}}. */
  public static FlowResponse ping() {
    return PING;
  }

  /** Returns the answer to an error notification, {@code {"data":{"acknowledged":true}}}. */
  public static FlowResponse acknowledgeError() {
    return ACKNOWLEDGED;
  }

  /**
   * Returns a 427 answer: the flow token is no longer valid. The Flow closes, its button is
   * disabled, and the message is shown; send a new Flow message with a new token to continue.
   *
   * @param message shown to the user, such as "This booking link has expired"
   */
  public static FlowResponse tokenRejected(String message) {
    requireText(message, "message");
    return new FlowResponse(TOKEN_REJECTED_STATUS, null, Map.of("error_msg", message));
  }

  private static void requireScreen(String screen) {
    Objects.requireNonNull(screen, "screen");
    if (screen.isBlank()) {
      throw new IllegalArgumentException("screen must not be blank");
    }
  }

  private static void requireText(String text, String name) {
    Objects.requireNonNull(text, name);
    if (text.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  /** Returns the HTTP status to answer with: 200, or 427 for {@link #tokenRejected}. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Returns the screen shown, {@code SUCCESS} when the Flow closes; empty for fixed answers. */
  public Optional<String> screen() {
    return Optional.ofNullable(screen);
  }

  /** Returns whether this answer closes the Flow. */
  public boolean closesFlow() {
    return SUCCESS_SCREEN.equals(screen);
  }

  /** Returns the plaintext JSON, to be encrypted. */
  public String json() {
    return JsonTree.write(body);
  }

  @Override
  public String toString() {
    return "FlowResponse[status=" + httpStatus + ", screen=" + (screen == null ? "" : screen) + "]";
  }

  /** Builds a {@link FlowResponse}. Not thread-safe. */
  public static final class Builder {
    private final String screen;
    private final boolean closing;
    private final Map<String, Object> data = new LinkedHashMap<>();
    private String errorMessage;

    private Builder(String screen, boolean closing) {
      this.screen = screen;
      this.closing = closing;
    }

    /**
     * Adds a member to the screen's data (or, when closing, to the params).
     *
     * @param key the member name, as declared in the screen's {@code data}
     * @param value a String, Number, Boolean, Map, List, {@link FlowData} or null
     * @throws IllegalArgumentException if the value is not JSON-like
     */
    public Builder put(String key, Object value) {
      Objects.requireNonNull(key, "key");
      data.put(key, JsonTree.copy(value, (closing ? "params." : "data.") + key));
      return this;
    }

    /**
     * Adds every member of a map.
     *
     * @param values member names to JSON-like values
     */
    public Builder putAll(Map<String, ?> values) {
      values.forEach(this::put);
      return this;
    }

    /**
     * Sets an error message shown on the screen ({@code data.error_message}).
     *
     * @param message shown to the user; not blank
     */
    public Builder errorMessage(String message) {
      if (closing) {
        throw new IllegalStateException("a closing answer cannot carry an error message");
      }
      requireText(message, "message");
      this.errorMessage = message;
      return this;
    }

    /** Returns the answer. */
    public FlowResponse build() {
      Map<String, Object> d = new LinkedHashMap<>(data);
      if (errorMessage != null) {
        d.put("error_message", errorMessage);
      }
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("screen", screen);
      body.put(
          "data",
          closing
              ? Map.of(
                  "extension_message_response", Map.of("params", Collections.unmodifiableMap(d)))
              : Collections.unmodifiableMap(d));
      return new FlowResponse(200, screen, body);
    }
  }
}
