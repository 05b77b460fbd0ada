package dev.wasdk.flows;

import dev.wasdk.flows.FlowDecryptionException.Reason;
import dev.wasdk.flows.internal.JsonTree;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A decrypted request to a Flow's data endpoint, one case per {@code action}.
 *
 * <p>Meta calls the endpoint with {@link Init} when a user opens a Flow sent with {@code
 * flow_action: data_exchange}, with {@link DataExchange} for a Flow JSON {@code data_exchange}
 * action, with {@link Back} when the user goes back to a screen with {@code refresh_on_back}, and
 * with {@link Ping} for health checks. {@link ErrorNotification} reports that the client could not
 * use the previous answer (its {@code data} carries {@code error}). {@link Navigate} and {@link
 * Unknown} cover the rarer and the future actions; no action fails to parse.
 *
 * <p>Every case carries the screen ({@linkplain Optional#empty() empty} when absent or {@code ""}),
 * the data as a {@link FlowData}, the flow token the business set when sending the Flow (absent on
 * ping, and some clients omit it), and the decrypted JSON. The records are immutable; their {@code
 * toString()} shows the action and screen only, never the data or the token.
 *
 * <pre>{@code
 * FlowResponse answer = switch (FlowRequest.parse(decrypted.json())) {
 *   case FlowRequest.Init init -> FlowResponse.nextScreen("BOOKING").put("slots", slots).build();
 *   case FlowRequest.DataExchange x -> FlowResponse.close(x.flowToken().orElse("")).build();
 *   default -> FlowResponse.error("BOOKING", "Please try again");
 * };
 * }</pre>
 */
public sealed interface FlowRequest {

  /** Returns the data API version of the request, such as {@code "3.0"}; empty if absent. */
  String version();

  /** Returns the action as sent, such as {@code INIT} or {@code data_exchange}. */
  String action();

  /** Returns the current screen; empty when the request names none. */
  Optional<String> screen();

  /** Returns the request's data; empty when it has none. */
  FlowData data();

  /** Returns the flow token set when the Flow message was sent, if present. */
  Optional<String> flowToken();

  /** Returns the {@code flow_token_signature} (data API 4.0), if present. */
  Optional<String> flowTokenSignature();

  /** Returns the decrypted request JSON. */
  String json();

  /**
   * Parses a decrypted request.
   *
   * @param json the decrypted JSON text
   * @return the request; an unknown action gives {@link Unknown}
   * @throws FlowDecryptionException with {@link Reason#MALFORMED_PLAINTEXT} if the text is not a
   *     JSON object with a string {@code action}
   */
  static FlowRequest parse(String json) {
    Objects.requireNonNull(json, "json");
    Map<String, Object> tree;
    try {
      tree = JsonTree.readObject(json);
    } catch (IllegalArgumentException e) {
      throw new FlowDecryptionException(
          Reason.MALFORMED_PLAINTEXT, "the decrypted request is " + e.getMessage());
    }
    if (!(tree.get("action") instanceof String action)) {
      throw new FlowDecryptionException(
          Reason.MALFORMED_PLAINTEXT, "the decrypted request has no string action");
    }
    String version = tree.get("version") instanceof String v ? v : "";
    Optional<String> screen =
        tree.get("screen") instanceof String s && !s.isEmpty() ? Optional.of(s) : Optional.empty();
    @SuppressWarnings("unchecked")
    FlowData data =
        tree.get("data") instanceof Map<?, ?> m
            ? FlowData.fromTree((Map<String, Object>) m)
            : FlowData.empty();
    Optional<String> token = optionalString(tree.get("flow_token"));
    Optional<String> signature = optionalString(tree.get("flow_token_signature"));
    String lower = action.toLowerCase(Locale.ROOT);
    if (lower.equals("ping")) {
      return new Ping(version, json);
    }
    Optional<String> error = data.string("error").or(() -> data.string("error_key"));
    if (error.isPresent()) {
      return new ErrorNotification(
          version,
          action,
          screen,
          error.get(),
          data.string("error_message"),
          data,
          token,
          signature,
          json);
    }
    return switch (lower) {
      case "init" -> new Init(version, screen, data, token, signature, json);
      case "data_exchange" -> new DataExchange(version, screen, data, token, signature, json);
      case "back" -> new Back(version, screen, data, token, signature, json);
      case "navigate" -> new Navigate(version, screen, data, token, signature, json);
      default -> new Unknown(version, action, screen, data, token, signature, json);
    };
  }

  private static Optional<String> optionalString(Object value) {
    return value instanceof String s ? Optional.of(s) : Optional.empty();
  }

  /**
   * A health check from Meta ({@code action: ping}). The endpoint answers it with {@link
   * FlowResponse#ping()} without calling any handler.
   *
   * @param version the data API version
   * @param json the decrypted JSON
   */
  record Ping(String version, String json) implements FlowRequest {
    /** Checks for nulls. */
    public Ping {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(json, "json");
    }

    @Override
    public String action() {
      return "ping";
    }

    @Override
    public Optional<String> screen() {
      return Optional.empty();
    }

    @Override
    public FlowData data() {
      return FlowData.empty();
    }

    @Override
    public Optional<String> flowToken() {
      return Optional.empty();
    }

    @Override
    public Optional<String> flowTokenSignature() {
      return Optional.empty();
    }

    @Override
    public String toString() {
      return "Ping[version=" + version + "]";
    }
  }

  /**
   * The user opened a Flow sent with {@code flow_action: data_exchange}: answer with the first
   * screen and its data.
   *
   * @param version the data API version
   * @param screen usually empty
   * @param data usually empty
   * @param flowToken the flow token
   * @param flowTokenSignature the token signature (data API 4.0)
   * @param json the decrypted JSON
   */
  record Init(
      String version,
      Optional<String> screen,
      FlowData data,
      Optional<String> flowToken,
      Optional<String> flowTokenSignature,
      String json)
      implements FlowRequest {
    /** Checks for nulls. */
    public Init {
      Checks.common(version, screen, data, flowToken, flowTokenSignature, json);
    }

    @Override
    public String action() {
      return "INIT";
    }

    @Override
    public String toString() {
      return "Init[screen=" + screen.orElse("") + "]";
    }
  }

  /**
   * A Flow JSON {@code data_exchange} action: the user submitted a screen.
   *
   * @param version the data API version
   * @param screen the screen submitted
   * @param data the payload the action sent
   * @param flowToken the flow token
   * @param flowTokenSignature the token signature (data API 4.0)
   * @param json the decrypted JSON
   */
  record DataExchange(
      String version,
      Optional<String> screen,
      FlowData data,
      Optional<String> flowToken,
      Optional<String> flowTokenSignature,
      String json)
      implements FlowRequest {
    /** Checks for nulls. */
    public DataExchange {
      Checks.common(version, screen, data, flowToken, flowTokenSignature, json);
    }

    @Override
    public String action() {
      return "data_exchange";
    }

    @Override
    public String toString() {
      return "DataExchange[screen=" + screen.orElse("") + "]";
    }
  }

  /**
   * The user went back to a screen with {@code refresh_on_back: true}.
   *
   * @param version the data API version
   * @param screen the screen returned to
   * @param data the screen's data
   * @param flowToken the flow token
   * @param flowTokenSignature the token signature (data API 4.0)
   * @param json the decrypted JSON
   */
  record Back(
      String version,
      Optional<String> screen,
      FlowData data,
      Optional<String> flowToken,
      Optional<String> flowTokenSignature,
      String json)
      implements FlowRequest {
    /** Checks for nulls. */
    public Back {
      Checks.common(version, screen, data, flowToken, flowTokenSignature, json);
    }

    @Override
    public String action() {
      return "BACK";
    }

    @Override
    public String toString() {
      return "Back[screen=" + screen.orElse("") + "]";
    }
  }

  /**
   * A {@code navigate} action reported to the endpoint; rare, and not sent for ordinary navigation
   * between screens.
   *
   * @param version the data API version
   * @param screen the screen
   * @param data the data
   * @param flowToken the flow token
   * @param flowTokenSignature the token signature (data API 4.0)
   * @param json the decrypted JSON
   */
  record Navigate(
      String version,
      Optional<String> screen,
      FlowData data,
      Optional<String> flowToken,
      Optional<String> flowTokenSignature,
      String json)
      implements FlowRequest {
    /** Checks for nulls. */
    public Navigate {
      Checks.common(version, screen, data, flowToken, flowTokenSignature, json);
    }

    @Override
    public String action() {
      return "navigate";
    }

    @Override
    public String toString() {
      return "Navigate[screen=" + screen.orElse("") + "]";
    }
  }

  /**
   * The client reports that it could not use the previous answer: the {@code data} carries {@code
   * error} (or {@code error_key}) and usually {@code error_message}. The endpoint acknowledges it
   * with {@link FlowResponse#acknowledgeError()}.
   *
   * <p>A request whose own payload has a string member named {@code error} is read as such a
   * notification too; avoid that name in Flow JSON payloads.
   *
   * @param version the data API version
   * @param action the action the report came with, such as {@code INIT} or {@code data_exchange}
   * @param screen the screen, if named
   * @param error the error key
   * @param errorMessage the error's description, if given
   * @param data the whole data object
   * @param flowToken the flow token
   * @param flowTokenSignature the token signature (data API 4.0)
   * @param json the decrypted JSON
   */
  record ErrorNotification(
      String version,
      String action,
      Optional<String> screen,
      String error,
      Optional<String> errorMessage,
      FlowData data,
      Optional<String> flowToken,
      Optional<String> flowTokenSignature,
      String json)
      implements FlowRequest {
    /** Checks for nulls. */
    public ErrorNotification {
      Checks.common(version, screen, data, flowToken, flowTokenSignature, json);
      Objects.requireNonNull(action, "action");
      Objects.requireNonNull(error, "error");
      Objects.requireNonNull(errorMessage, "errorMessage");
    }

    @Override
    public String toString() {
      return "ErrorNotification[action="
          + action
          + ", screen="
          + screen.orElse("")
          + ", error="
          + error
          + "]";
    }
  }

  /**
   * An action this version does not know; kept so that new actions never fail.
   *
   * @param version the data API version
   * @param action the action as sent
   * @param screen the screen, if named
   * @param data the data
   * @param flowToken the flow token
   * @param flowTokenSignature the token signature (data API 4.0)
   * @param json the decrypted JSON
   */
  record Unknown(
      String version,
      String action,
      Optional<String> screen,
      FlowData data,
      Optional<String> flowToken,
      Optional<String> flowTokenSignature,
      String json)
      implements FlowRequest {
    /** Checks for nulls. */
    public Unknown {
      Checks.common(version, screen, data, flowToken, flowTokenSignature, json);
      Objects.requireNonNull(action, "action");
    }

    @Override
    public String toString() {
      return "Unknown[action=" + action + ", screen=" + screen.orElse("") + "]";
    }
  }
}

/** Shared null checks of the request records. */
final class Checks {
  private Checks() {}

  static void common(
      String version,
      Optional<String> screen,
      FlowData data,
      Optional<String> flowToken,
      Optional<String> flowTokenSignature,
      String json) {
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(screen, "screen");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(flowToken, "flowToken");
    Objects.requireNonNull(flowTokenSignature, "flowTokenSignature");
    Objects.requireNonNull(json, "json");
  }
}
