package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How much of Meta's call budgets the app has used, from the {@code X-App-Usage} and {@code
 * X-Business-Use-Case-Usage} headers of the latest management response that carried one.
 *
 * <p>Management calls share a per-app and a per-WABA hourly budget (200 calls an hour, or 5,000 for
 * active accounts). Going over fails with error 4 (app) or 80007 (WABA), which the client retries
 * only within its {@link RetryPolicy}. Watch {@link #highestPercent()} to slow down before that:
 * Meta starts throttling at 100.
 *
 * <pre>{@code
 * wa.templates().list(TemplateQuery.all());
 * wa.templates().lastUsage().filter(u -> u.highestPercent() > 80).ifPresent(u -> slowDown());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param appUsage the raw {@code X-App-Usage} JSON, when present
 * @param businessUseCaseUsage the raw {@code X-Business-Use-Case-Usage} JSON, when present
 * @param highestPercent the highest of the percentages both headers report ({@code call_count},
 *     {@code total_time}, {@code total_cputime}), 0 when none was readable
 * @param regainAccessIn Meta's {@code estimated_time_to_regain_access} when it is above zero
 * @param observedAt when the response arrived, by the client's clock
 * @see <a href="https://developers.facebook.com/docs/graph-api/overview/rate-limiting">Graph API
 *     rate limiting</a>
 */
public record UsageInfo(
    Optional<String> appUsage,
    Optional<String> businessUseCaseUsage,
    int highestPercent,
    Optional<Duration> regainAccessIn,
    Instant observedAt) {
  /** Checks that nothing is null and the percentage is not negative. */
  public UsageInfo {
    Objects.requireNonNull(appUsage, "appUsage");
    Objects.requireNonNull(businessUseCaseUsage, "businessUseCaseUsage");
    Objects.requireNonNull(regainAccessIn, "regainAccessIn");
    Objects.requireNonNull(observedAt, "observedAt");
    if (highestPercent < 0) {
      throw new IllegalArgumentException("highestPercent must not be negative");
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
