package dev.wasdk.sender;

import java.time.Instant;
import java.util.Objects;

/**
 * What a gate or the pacer decided for a job: let it pass, send it, put its user to sleep until a
 * time, make every user wait until a time, or end it with an outcome.
 */
record Verdict(Verdict.Kind kind, Instant until, String waitingFor, SendOutcome outcome) {
  enum Kind {
    PASS,
    SEND,
    SLEEP,
    WAIT,
    FINISH
  }

  static final Verdict PASS = new Verdict(Kind.PASS, null, null, null);
  static final Verdict SEND = new Verdict(Kind.SEND, null, null, null);

  static Verdict sleep(Instant until, String waitingFor) {
    return new Verdict(Kind.SLEEP, Objects.requireNonNull(until), waitingFor, null);
  }

  static Verdict waitAll(Instant until, String waitingFor) {
    return new Verdict(Kind.WAIT, Objects.requireNonNull(until), waitingFor, null);
  }

  static Verdict finish(SendOutcome outcome) {
    return new Verdict(Kind.FINISH, null, null, Objects.requireNonNull(outcome));
  }
}
