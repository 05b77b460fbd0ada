package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One template's metrics for one day of template analytics. Metrics not asked for are empty.
 *
 * <p>Immutable and thread-safe.
 *
 * @param templateId the template id
 * @param start the day's start
 * @param end the day's end
 * @param sent messages sent, when asked for
 * @param delivered messages delivered, when asked for
 * @param read messages read, when asked for
 * @param clicked clicks per button, when asked for
 * @param cost the cost figures, when asked for
 * @param json the data point's JSON as received
 */
public record TemplateDataPoint(
    String templateId,
    Instant start,
    Instant end,
    OptionalLong sent,
    OptionalLong delivered,
    OptionalLong read,
    List<Clicks> clicked,
    List<Cost> cost,
    String json) {
  /** Copies the lists and checks that nothing is null. */
  public TemplateDataPoint {
    Objects.requireNonNull(templateId, "templateId");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(sent, "sent");
    Objects.requireNonNull(delivered, "delivered");
    Objects.requireNonNull(read, "read");
    clicked = List.copyOf(clicked);
    cost = List.copyOf(cost);
    Objects.requireNonNull(json, "json");
  }

  /**
   * Returns a cost figure by its type.
   *
   * @param type such as {@code amount_spent}, {@code cost_per_delivered} or {@code
   *     cost_per_url_button_click}
   * @return the value, when Meta sent one
   */
  public Optional<BigDecimal> cost(String type) {
    return cost.stream().filter(c -> c.type().equals(type)).findFirst().flatMap(Cost::value);
  }

  /**
   * Clicks on one button of the template.
   *
   * @param type the button type as Meta names it, such as {@code quick_reply_button} or {@code
   *     url_button}
   * @param buttonContent the button's text
   * @param count the clicks
   */
  public record Clicks(String type, String buttonContent, long count) {
    /** Checks that nothing is null. */
    public Clicks {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(buttonContent, "buttonContent");
    }
  }

  /**
   * One cost figure of the template.
   *
   * @param type such as {@code amount_spent}, {@code cost_per_delivered} or {@code
   *     cost_per_url_button_click}; kept as Meta names it
   * @param value the value, exact as Meta wrote it, when sent
   */
  public record Cost(String type, Optional<BigDecimal> value) {
    /** Checks that nothing is null. */
    public Cost {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(value, "value");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
