package dev.wasdk.sender;

import dev.wasdk.message.TemplateCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The consent rule applied to a history: what a user's records add up to, and the mapping between
 * the registry's opt-out sources and the records' sources. Stateless.
 */
final class ConsentHistory {
  private ConsentHistory() {}

  /** Returns the record of a {@code user_preferences} change. */
  static ConsentRecord preference(boolean stop, Instant at) {
    Objects.requireNonNull(at, "at");
    return stop
        ? ConsentRecord.optOut(ConsentSource.USER_PREFERENCES, "stop", null, at)
        : ConsentRecord.optIn(
            TemplateCategory.MARKETING, ConsentSource.USER_PREFERENCES, "resume", null, at);
  }

  static ConsentSource consentSource(ConsentRegistry.OptOutSource s) {
    return switch (s) {
      case USER_PREFERENCES -> ConsentSource.USER_PREFERENCES;
      case FAILED_131050 -> ConsentSource.FAILED_131050;
      case KEYWORD -> ConsentSource.KEYWORD;
      case BUSINESS -> ConsentSource.BUSINESS;
    };
  }

  static ConsentRegistry.OptOutSource optOutSource(ConsentSource s) {
    return switch (s) {
      case USER_PREFERENCES -> ConsentRegistry.OptOutSource.USER_PREFERENCES;
      case FAILED_131050 -> ConsentRegistry.OptOutSource.FAILED_131050;
      case KEYWORD -> ConsentRegistry.OptOutSource.KEYWORD;
      default -> ConsentRegistry.OptOutSource.BUSINESS;
    };
  }

  /**
   * What a history adds up to. A marketing opt-in lifts the opt-outs recorded at or before it; a
   * {@code user_preferences} resume lifts only the stop requests and 131050 failures before it, and
   * is not an opt-in.
   */
  static final class State {
    final List<ConsentRecord> optOuts = new ArrayList<>();
    boolean optedIn;

    static State of(List<ConsentRecord> history) {
      State s = new State();
      for (ConsentRecord r : history) {
        if (r.kind() == ConsentRecord.Kind.OPT_OUT) {
          s.optOuts.add(r);
        } else if (r.category() != TemplateCategory.MARKETING) {
          continue;
        } else if (r.source() == ConsentSource.USER_PREFERENCES) {
          s.optOuts.removeIf(
              o ->
                  !o.at().isAfter(r.at())
                      && (o.source() == ConsentSource.USER_PREFERENCES
                          || o.source() == ConsentSource.FAILED_131050));
        } else {
          s.optOuts.removeIf(o -> !o.at().isAfter(r.at()));
          s.optedIn = true;
        }
      }
      return s;
    }
  }
}
