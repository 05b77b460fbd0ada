package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import dev.wasdk.template.TemplateStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * A message template's review or lifecycle status changed ({@code message_template_status_update}):
 * approved, rejected, paused, disabled, and so on.
 *
 * <pre>{@code
 * if (e instanceof TemplateStatusChanged t && t.status() == TemplateStatus.PAUSED) {
 *   campaigns.hold(t.templateName(), t.templateLanguage());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param templateId the template id; empty if absent
 * @param templateName the template name; empty if absent
 * @param templateLanguage the template language code, such as {@code en_US}; empty if absent
 * @param rawEvent the new status as sent ({@code event}), such as {@code APPROVED}; empty if absent
 * @param reason why, such as {@code NONE}, {@code INCORRECT_CATEGORY} or {@code INVALID_FORMAT}, if
 *     given
 * @param category the template category, if given
 * @param disableDate when the template will be or was disabled ({@code disable_info.disable_date}),
 *     as sent
 * @param otherInfoTitle the pause or unpause detail ({@code other_info.title}), such as {@code
 *     FIRST_PAUSE}
 * @param otherInfoDescription the pause or unpause description ({@code other_info.description})
 * @param rejectionReason the detailed rejection reason ({@code rejection_info.reason})
 * @param rejectionRecommendation how to fix the template ({@code rejection_info.recommendation})
 * @param rawJson the raw JSON of the change's value
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/message_template_status_update">Template
 *     status webhook reference</a>
 */
public record TemplateStatusChanged(
    EventContext context,
    String templateId,
    String templateName,
    String templateLanguage,
    String rawEvent,
    Optional<String> reason,
    Optional<String> category,
    Optional<String> disableDate,
    Optional<String> otherInfoTitle,
    Optional<String> otherInfoDescription,
    Optional<String> rejectionReason,
    Optional<String> rejectionRecommendation,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public TemplateStatusChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(templateName, "templateName");
    Objects.requireNonNull(templateLanguage, "templateLanguage");
    Objects.requireNonNull(rawEvent, "rawEvent");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(disableDate, "disableDate");
    Objects.requireNonNull(otherInfoTitle, "otherInfoTitle");
    Objects.requireNonNull(otherInfoDescription, "otherInfoDescription");
    Objects.requireNonNull(rejectionReason, "rejectionReason");
    Objects.requireNonNull(rejectionRecommendation, "rejectionRecommendation");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * Returns the new status; {@link TemplateStatus#UNKNOWN} for values this version does not know.
   */
  public TemplateStatus status() {
    return TemplateStatus.of(rawEvent);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
