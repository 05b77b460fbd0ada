package dev.wasdk.client;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's call permission towards this business number, and what the business may do next: send a
 * call-permission request, or start a call, each with its usage limits. Read it with {@link
 * CallsApi#permission(String)}.
 *
 * <pre>{@code
 * CallPermission p = wa.calls().permission("14085551234");
 * if (p.canPerform(CallPermission.START_CALL)) {
 *   wa.calls().connect(CallConnect.to(Recipient.waId("14085551234"), offer));
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param status the permission status
 * @param rawStatus the status as Meta sent it, empty when absent
 * @param expiration when a temporary permission ends; empty for a permanent one or none
 * @param actions what the business may do, with limits
 */
public record CallPermission(
    Status status, String rawStatus, Optional<Instant> expiration, List<Action> actions) {
  /** Shows present values and leaves out empty ones. */
  @Override
  public String toString() {
    return Values.toString(this);
  }

  /** The action name of sending a call-permission request message. */
  public static final String SEND_CALL_PERMISSION_REQUEST = "send_call_permission_request";

  /** The action name of starting a business-initiated call. */
  public static final String START_CALL = "start_call";

  /** Copies the list and checks for nulls. */
  public CallPermission {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(rawStatus, "rawStatus");
    Objects.requireNonNull(expiration, "expiration");
    actions = List.copyOf(actions);
  }

  /**
   * Returns whether Meta says the business can perform an action now.
   *
   * @param actionName such as {@link #START_CALL}
   * @return false when the action is not listed
   */
  public boolean canPerform(String actionName) {
    return action(actionName).map(Action::canPerform).orElse(false);
  }

  /**
   * Returns the named action, when Meta listed it.
   *
   * @param actionName such as {@link #SEND_CALL_PERMISSION_REQUEST}
   * @return the action
   */
  public Optional<Action> action(String actionName) {
    return actions.stream().filter(a -> a.name().equals(actionName)).findFirst();
  }

  /**
   * A permission status. Meta's guide and its API reference name different values, so both sets are
   * here; anything else is {@link #UNKNOWN}, with the text in {@link #rawStatus()}.
   */
  public enum Status {
    /** The user has not granted permission (guide). */
    NO_PERMISSION,
    /** Permission granted for a limited time, see {@link #expiration()} (guide). */
    TEMPORARY,
    /** Permission granted until the user revokes it (guide). */
    PERMANENT,
    /** Permission granted (API reference). */
    GRANTED,
    /** A request is waiting for the user's answer (API reference). */
    PENDING,
    /** The user declined (API reference). */
    DENIED,
    /** The permission ran out (API reference). */
    EXPIRED,
    /** A value this version does not know, or none. */
    UNKNOWN;

    /**
     * Returns the status for Meta's text; {@link #UNKNOWN} for anything else, including null.
     *
     * @param raw the text, may be null
     * @return the status
     */
    public static Status of(String raw) {
      return OpenEnums.parse(Status.class, raw, UNKNOWN);
    }
  }

  /**
   * One action and whether it can be performed now.
   *
   * @param name the action name, such as {@link #START_CALL}
   * @param canPerform whether Meta allows it now
   * @param limits the usage limits that apply; may be empty
   */
  public record Action(String name, boolean canPerform, List<Limit> limits) {
    /** Copies the list and checks for nulls. */
    public Action {
      Objects.requireNonNull(name, "name");
      limits = List.copyOf(limits);
    }
  }

  /**
   * One usage limit of an action.
   *
   * @param timePeriod the window as Meta sends it, an ISO-8601 duration such as {@code PT24H} or
   *     {@code P7D}
   * @param maxAllowed how many are allowed in the window
   * @param currentUsage how many were used in the window
   * @param limitExpiration when the window frees up, given only once the limit is reached
   */
  public record Limit(
      String timePeriod, long maxAllowed, long currentUsage, Optional<Instant> limitExpiration) {
    /** Shows present values and leaves out empty ones. */
    @Override
    public String toString() {
      return Values.toString(this);
    }

    /** Checks for nulls. */
    public Limit {
      Objects.requireNonNull(timePeriod, "timePeriod");
      Objects.requireNonNull(limitExpiration, "limitExpiration");
    }

    /** Returns whether the limit is reached. */
    public boolean reached() {
      return currentUsage >= maxAllowed;
    }
  }
}
