package dev.wasdk.client;

import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.TemplateStatus;
import java.util.Objects;

/**
 * What Meta answers to a template creation: the new id, the review status (usually {@code PENDING})
 * and the category it assigned.
 *
 * @param id the template's id
 * @param status the status
 * @param category the category Meta assigned
 */
public record TemplateCreated(String id, TemplateStatus status, TemplateCategory category) {
  /** Checks that nothing is null. */
  public TemplateCreated {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(category, "category");
  }
}
