package dev.wasdk.webhooks.event;

import dev.wasdk.client.QualityRating;
import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A message template's quality rating changed ({@code message_template_quality_update}). A template
 * that drops to red may be paused next.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from; its entry time says when
 * @param templateId the template id; empty if absent
 * @param templateName the template name; empty if absent
 * @param templateLanguage the template language code; empty if absent
 * @param rawPreviousQuality the previous rating as sent ({@code previous_quality_score}), if given
 * @param rawNewQuality the new rating as sent ({@code new_quality_score}); empty if absent
 * @param rawJson the raw JSON of the change's value
 */
public record TemplateQualityChanged(
    EventContext context,
    String templateId,
    String templateName,
    String templateLanguage,
    Optional<String> rawPreviousQuality,
    String rawNewQuality,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null. */
  public TemplateQualityChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(templateName, "templateName");
    Objects.requireNonNull(templateLanguage, "templateLanguage");
    Objects.requireNonNull(rawPreviousQuality, "rawPreviousQuality");
    Objects.requireNonNull(rawNewQuality, "rawNewQuality");
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns the previous rating; {@link QualityRating#UNKNOWN} when absent or not known. */
  public QualityRating previousQuality() {
    return QualityRating.of(rawPreviousQuality.orElse(null));
  }

  /** Returns the new rating; {@link QualityRating#UNKNOWN} when not known. */
  public QualityRating newQuality() {
    return QualityRating.of(rawNewQuality);
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
