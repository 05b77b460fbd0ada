package dev.wasdk.sender;

import java.time.Instant;

/**
 * One rule a message must pass before it is sent: the service window, consent and the marketing
 * cap, the pair rate, the tier. A gate runs outside the sender's lock, on one thread at a time, and
 * may call its stores (each call within its time budget).
 *
 * <p>Whatever {@link #check} reserves for a job (a token, a tier slot), it records on the job, and
 * {@link #release} gives back when the job ends other than sent.
 */
interface Gate {
  /**
   * Checks a job at {@code now}.
   *
   * @return {@link Verdict#PASS}, or what stops the job
   * @throws LimiterUnavailableException when a store failed or ran over its budget
   */
  Verdict check(Job job, Instant now);

  /**
   * Gives back what {@link #check} reserved for a job that ended without being sent. Called once
   * per job, outside any lock; {@code mayHaveReachedMeta} is true for an {@link
   * SendOutcome.Unknown} end, when what the request used may well be used.
   */
  void release(Job job, boolean mayHaveReachedMeta, Instant now);
}
