package dev.wasdk.sender;

import dev.wasdk.message.Message;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * One submitted message and where it stands. The queue fields are guarded by the {@link
 * Dispatcher}'s lock. The reservation fields are written by the gates while the job is being
 * admitted (one thread at a time, outside the lock) and read by their releases once it is not.
 */
final class Job {
  final Message message;
  final String user;
  final Priority priority;
  final Instant deadline;
  final CompletableFuture<SendOutcome> future = new CompletableFuture<>();
  // The submitter's observation context, current around each request and its answer.
  dev.wasdk.observe.CapturedContext context = dev.wasdk.observe.CapturedContext.none();

  // Queue state, guarded by the dispatcher's lock.
  long seq;
  boolean done;
  boolean inFlight;
  boolean admitting;
  boolean counted;
  boolean released;
  int attempts;
  int limitRefusals;
  String waitingFor;

  // Reservations and facts found by the gates.
  boolean windowOpen;
  dev.wasdk.message.TemplateCategory category; // a template's, as the gates apply it
  boolean capTaken;
  boolean pairTaken;
  boolean tierFree;
  Instant tierAdmittedAt;
  String callPermissionSlot; // the slot a call-permission request holds in its two windows
  Instant callPermissionAt;
  String key; // the pseudonym of the user's WhatsApp id, which the stores key by
  String member; // the key of the user in the limiter store
  // What one combined read found in this admission, or null: consumed by the gates, never reused.
  java.util.List<ConsentRecord> readHistory;
  java.util.Optional<Instant> readInbound;

  Job(Message message, String user, Priority priority, Instant deadline) {
    this.message = message;
    this.user = user;
    this.priority = priority;
    this.deadline = deadline;
  }
}
