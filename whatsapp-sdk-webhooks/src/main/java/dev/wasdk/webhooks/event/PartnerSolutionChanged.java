package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.util.Objects;

/**
 * A Multi-Partner Solution was created or changed ({@code partner_solutions}). Such webhooks name a
 * business portfolio rather than a WhatsApp Business Account: {@link EventContext#wabaId()} holds
 * the business portfolio id ({@code entry[].id}).
 *
 * <pre>{@code
 * if (e instanceof PartnerSolutionChanged p
 *     && p.solutionStatus() == PartnerSolutionChanged.Status.ACTIVE) {
 *   onboarding.activate(p.solutionId());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param rawEvent the event as sent, such as {@code SOLUTION_CREATED}; {@link #event()} reads it
 * @param solutionId the solution id; empty if absent
 * @param rawSolutionStatus the solution's status as sent, such as {@code ACTIVE}; {@link
 *     #solutionStatus()} reads it
 * @param rawJson the raw JSON of the change's value
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/partner_solutions">Partner
 *     solutions webhook reference</a>
 */
public record PartnerSolutionChanged(
    EventContext context,
    String rawEvent,
    String solutionId,
    String rawSolutionStatus,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public PartnerSolutionChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(rawEvent, "rawEvent");
    Objects.requireNonNull(solutionId, "solutionId");
    Objects.requireNonNull(rawSolutionStatus, "rawSolutionStatus");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the business portfolio id the webhook names ({@code entry[].id}). */
  public String businessId() {
    return context.wabaId();
  }

  /** Returns the event; {@link Event#UNKNOWN} for values this version does not know. */
  public Event event() {
    return Event.of(rawEvent);
  }

  /**
   * Returns the solution's status; {@link Status#UNKNOWN} for values this version does not know.
   */
  public Status solutionStatus() {
    return Status.of(rawSolutionStatus);
  }

  /**
   * The kind of a {@link PartnerSolutionChanged}. Open: values this version does not know map to
   * {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Event {
    /** The solution was created. */
    SOLUTION_CREATED,
    /** The solution changed. */
    SOLUTION_UPDATED,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the event for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the event; never null
     */
    public static Event of(String value) {
      return OpenEnums.parse(Event.class, value, UNKNOWN);
    }
  }

  /**
   * The status of a Multi-Partner Solution. Open: values this version does not know map to {@link
   * #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Status {
    /** Active. */
    ACTIVE,
    /** Deactivated. */
    DEACTIVATED,
    /** A draft. */
    DRAFT,
    /** Sent to the partner, not yet accepted. */
    INITIATED,
    /** Being deactivated. */
    PENDING_DEACTIVATION,
    /** Rejected by the partner. */
    REJECTED,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the status for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the status; never null
     */
    public static Status of(String value) {
      return OpenEnums.parse(Status.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
