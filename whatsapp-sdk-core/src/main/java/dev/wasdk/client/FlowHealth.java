package dev.wasdk.client;

import dev.wasdk.internal.text.OpenEnums;
import java.util.List;
import java.util.Objects;

/**
 * Whether a Flow can be sent, and what stands in the way: the Flow itself, the WABA, the business
 * or the app ({@code health_status} of a Flow).
 *
 * @param canSendMessage the overall verdict
 * @param entities the verdict per entity, with its problems
 */
public record FlowHealth(Availability canSendMessage, List<Entity> entities) {
  /** Copies the list. */
  public FlowHealth {
    Objects.requireNonNull(canSendMessage, "canSendMessage");
    entities = List.copyOf(entities);
  }

  /** Whether messages can be sent. */
  public enum Availability {
    /** Messages can be sent. */
    AVAILABLE,
    /** Messages can be sent with limits. */
    LIMITED,
    /** Messages cannot be sent. */
    BLOCKED,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the value for Meta's text; {@link #UNKNOWN} for anything else.
     *
     * @param value the raw value, may be null
     */
    public static Availability of(String value) {
      return OpenEnums.parse(Availability.class, value, UNKNOWN);
    }
  }

  /**
   * One entity's verdict.
   *
   * @param entityType such as {@code FLOW}, {@code WABA}, {@code BUSINESS} or {@code APP}
   * @param id the entity's id
   * @param canSendMessage its verdict
   * @param errors what blocks or limits it
   */
  public record Entity(
      String entityType, String id, Availability canSendMessage, List<Problem> errors) {
    /** Copies the list. */
    public Entity {
      Objects.requireNonNull(entityType, "entityType");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(canSendMessage, "canSendMessage");
      errors = List.copyOf(errors);
    }
  }

  /**
   * A problem of an entity.
   *
   * @param errorCode Meta's code, such as 141014
   * @param description what is wrong
   * @param possibleSolution how to fix it
   */
  public record Problem(long errorCode, String description, String possibleSolution) {
    /** Checks for nulls. */
    public Problem {
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(possibleSolution, "possibleSolution");
    }
  }
}
