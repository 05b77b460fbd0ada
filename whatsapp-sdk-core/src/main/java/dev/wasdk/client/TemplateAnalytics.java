package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Template analytics of a WABA: one data point per template and day.
 *
 * <p>Meta may split a long answer into pages; this holds the first, and {@link #after()} is the
 * cursor Meta gave for the next. Ask for fewer templates or a shorter range to get everything in
 * one answer.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dataPoints the data points of every group Meta returned, in Meta's order
 * @param after the {@code paging.cursors.after} cursor, when Meta gave one
 * @param json the {@code template_analytics} JSON as received, or {@code {}}
 */
public record TemplateAnalytics(
    List<TemplateDataPoint> dataPoints, Optional<String> after, String json) {
  /** Copies the list and checks that nothing is null. */
  public TemplateAnalytics {
    dataPoints = List.copyOf(dataPoints);
    Objects.requireNonNull(after, "after");
    Objects.requireNonNull(json, "json");
  }

  /**
   * Returns the data points of one template.
   *
   * @param templateId the template id
   * @return its data points, in Meta's order
   */
  public List<TemplateDataPoint> forTemplate(String templateId) {
    return dataPoints.stream().filter(p -> p.templateId().equals(templateId)).toList();
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
