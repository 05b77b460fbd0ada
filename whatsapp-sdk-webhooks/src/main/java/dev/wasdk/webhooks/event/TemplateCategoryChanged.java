package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Meta changed, or will change within 24 hours, a message template's category ({@code
 * template_category_update}). Category drives the price of every send.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param templateId the template id; empty if absent
 * @param templateName the template name; empty if absent
 * @param templateLanguage the template language code; empty if absent
 * @param previousCategory the category before the change, for a completed change
 * @param newCategory the category now ({@code new_category}), if given
 * @param correctCategory the category Meta will apply, for an impending change
 * @param categoryUpdateTime when an impending change takes effect ({@code
 *     category_update_timestamp})
 * @param rawJson the raw JSON of the change's value
 */
public record TemplateCategoryChanged(
    EventContext context,
    String templateId,
    String templateName,
    String templateLanguage,
    Optional<String> previousCategory,
    Optional<String> newCategory,
    Optional<String> correctCategory,
    Optional<Instant> categoryUpdateTime,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public TemplateCategoryChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(templateName, "templateName");
    Objects.requireNonNull(templateLanguage, "templateLanguage");
    Objects.requireNonNull(previousCategory, "previousCategory");
    Objects.requireNonNull(newCategory, "newCategory");
    Objects.requireNonNull(correctCategory, "correctCategory");
    Objects.requireNonNull(categoryUpdateTime, "categoryUpdateTime");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns whether the change is announced but not yet applied. */
  public boolean isImpending() {
    return previousCategory.isEmpty() && correctCategory.isPresent();
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
