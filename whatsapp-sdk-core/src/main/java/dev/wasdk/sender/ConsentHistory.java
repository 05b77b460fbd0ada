package dev.wasdk.sender;

import dev.wasdk.message.TemplateCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
   * Moves the history kept under {@code from} to {@code to}, as when the WhatsApp id of a number
   * dialled is learned: each record {@code to} lacks is appended there, then {@code from} is
   * erased. Running it twice, or on two app instances at once, keeps each record once.
   */
  static void move(ConsentStore store, String from, String to) {
    List<ConsentRecord> moving = store.history(from);
    if (moving.isEmpty()) {
      return;
    }
    Set<ConsentRecord> present = new HashSet<>(store.history(to));
    for (ConsentRecord r : moving) {
      if (present.add(r)) {
        store.append(to, r);
      }
    }
    store.erase(from);
  }

  /** Returns the keyword opt-out an inbound text makes, if it is one of {@code keywords}. */
  static Optional<ConsentRecord> keywordOptOut(
      Set<String> keywords, String text, Instant at, String messageId) {
    Objects.requireNonNull(text, "text");
    String t = text.trim().toUpperCase(Locale.ROOT);
    if (!keywords.contains(t)) {
      return Optional.empty();
    }
    return Optional.of(ConsentRecord.optOut(ConsentSource.KEYWORD, t, messageId, at));
  }

  /** Returns what a registry holds about a user, from their history and marketing hold. */
  static Optional<ConsentRegistry.UserConsent> export(
      String user, List<ConsentRecord> history, Optional<Instant> capped) {
    if (history.isEmpty() && capped.isEmpty()) {
      return Optional.empty();
    }
    List<ConsentRegistry.OptIn> ins = new ArrayList<>();
    for (ConsentRecord r : history) {
      if (r.kind() == ConsentRecord.Kind.OPT_IN && r.source() != ConsentSource.USER_PREFERENCES) {
        String source = r.detail().isEmpty() ? r.source().name() : r.detail();
        ins.add(new ConsentRegistry.OptIn(r.category(), source, r.at()));
      }
    }
    List<ConsentRegistry.OptOut> outs = new ArrayList<>();
    for (ConsentRecord r : State.of(history).optOuts) {
      outs.add(new ConsentRegistry.OptOut(optOutSource(r.source()), r.at()));
    }
    return Optional.of(new ConsentRegistry.UserConsent(user, ins, outs, capped));
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
      // By time, not by append order: a moved history may append older records after newer ones.
      List<ConsentRecord> byTime = new ArrayList<>(history);
      byTime.sort(Comparator.comparing(ConsentRecord::at));
      for (ConsentRecord r : byTime) {
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
