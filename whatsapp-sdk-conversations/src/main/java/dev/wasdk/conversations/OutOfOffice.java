package dev.wasdk.conversations;

import java.util.Locale;
import java.util.function.Function;

/** Sends the out-of-office reply once per conversation while the business is closed. */
final class OutOfOffice {
  private final BusinessHours hours;
  private final Locale locale;
  private final Function<String, String> text;

  OutOfOffice(BusinessHours hours, Locale locale, Function<String, String> text) {
    this.hours = hours;
    this.locale = locale;
    this.text = text;
  }

  /** Queues the reply on the turn if the business is closed and this conversation has none yet. */
  void apply(Turn turn) {
    if (turn.state().outOfOfficeSent() || hours.isOpen(turn.now())) {
      return;
    }
    String opening = hours.formatNextOpening(turn.now(), locale).orElse("");
    turn.reply(text.apply(opening));
    turn.replace(turn.state().withOutOfOfficeSent(true));
  }
}
