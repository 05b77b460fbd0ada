package dev.wasdk.sender;

import dev.wasdk.client.SendResult;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.message.Message;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How a message submitted to a {@link MessageSender} ended. Every submitted message ends in exactly
 * one outcome:
 *
 * <ul>
 *   <li>{@link Sent}: Meta accepted it, with its {@code wamid}.
 *   <li>{@link Rejected}: it was not sent, or Meta refused it; {@link Rejected#reason()} says why.
 *   <li>{@link Deferred}: its deadline passed before the limits let it go.
 *   <li>{@link Cancelled}: the caller cancelled it, or the sender closed before it was sent.
 *   <li>{@link Unknown}: the request may have reached Meta (a timeout after it was written). It is
 *       never resent automatically; reconcile it through its status webhooks.
 * </ul>
 *
 * <pre>{@code
 * sender.submit(message).thenAccept(outcome -> {
 *   switch (outcome.status()) {
 *     case SENT -> store(outcome.wamid().orElseThrow());
 *     case REJECTED -> log(outcome.rejectReason().orElseThrow());
 *     case DEFERRED, CANCELLED -> retryLater(outcome.message()); // provably not sent
 *     case UNKNOWN -> reconcile(outcome.message()); // may have been sent: never resend blindly
 *   }
 * });
 * }</pre>
 *
 * <p>Instances are immutable. Their {@code toString()} masks the recipient and never prints the
 * content.
 */
public sealed interface SendOutcome
    permits SendOutcome.Sent,
        SendOutcome.Rejected,
        SendOutcome.Deferred,
        SendOutcome.Cancelled,
        SendOutcome.Unknown {

  /** The kind of an outcome, for a {@code switch}. */
  enum Status {
    /** See {@link Sent}. */
    SENT,
    /** See {@link Rejected}. */
    REJECTED,
    /** See {@link Deferred}. */
    DEFERRED,
    /** See {@link Cancelled}. */
    CANCELLED,
    /** See {@link Unknown}. */
    UNKNOWN
  }

  /** Returns the message that was submitted. */
  Message message();

  /** Returns the kind of outcome. */
  Status status();

  /**
   * Returns whether Meta accepted the message.
   *
   * @return {@code true} for {@link Sent}
   */
  default boolean isSent() {
    return this instanceof Sent;
  }

  /**
   * Returns the {@code wamid} Meta gave the message, when it was {@link Sent}.
   *
   * @return the message id, or empty for any other outcome
   */
  default Optional<String> wamid() {
    return this instanceof Sent sent ? Optional.of(sent.result().wamid()) : Optional.empty();
  }

  /**
   * Returns why the message was not sent, when it was {@link Rejected}.
   *
   * @return the reason, or empty for any other outcome
   */
  default Optional<RejectReason> rejectReason() {
    return this instanceof Rejected rejected ? Optional.of(rejected.reason()) : Optional.empty();
  }

  /**
   * Meta accepted the message. Acceptance is not delivery: the status webhooks report delivery.
   *
   * @param message the message
   * @param result what Meta returned, with the {@code wamid}
   * @param attempts how many requests were made, 1 unless earlier ones were provably not accepted
   */
  record Sent(Message message, SendResult result, int attempts) implements SendOutcome {
    /** Checks the arguments. */
    public Sent {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(result, "result");
    }

    @Override
    public Status status() {
      return Status.SENT;
    }

    @Override
    public String toString() {
      return "Sent["
          + message.recipient()
          + ", wamid="
          + result.wamid()
          + ", attempts="
          + attempts
          + "]";
    }
  }

  /**
   * The message was not sent, or Meta refused it.
   *
   * @param message the message
   * @param reason why
   * @param detail a sentence for logs: what happened and what to do instead
   * @param error Meta's error, when Meta refused it
   */
  record Rejected(
      Message message, RejectReason reason, String detail, Optional<WhatsAppException> error)
      implements SendOutcome {
    /** Checks the arguments. */
    public Rejected {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
      Objects.requireNonNull(error, "error");
    }

    @Override
    public Status status() {
      return Status.REJECTED;
    }

    @Override
    public String toString() {
      return "Rejected[" + message.recipient() + ", " + reason + ": " + detail + "]";
    }
  }

  /**
   * The message's deadline passed while it waited for a limit (a tier slot, the pair rate, the
   * throughput). It was not sent.
   *
   * @param message the message
   * @param deadline the deadline it was given
   * @param waitingFor what it was waiting for, such as {@code "a messaging-limit tier slot"}
   */
  record Deferred(Message message, Instant deadline, String waitingFor) implements SendOutcome {
    /** Checks the arguments. */
    public Deferred {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(deadline, "deadline");
      Objects.requireNonNull(waitingFor, "waitingFor");
    }

    @Override
    public Status status() {
      return Status.DEFERRED;
    }

    @Override
    public String toString() {
      return "Deferred["
          + message.recipient()
          + ", deadline="
          + deadline
          + ", waiting for "
          + waitingFor
          + "]";
    }
  }

  /**
   * The message was not sent: the caller cancelled its future, or the sender closed first.
   *
   * @param message the message
   * @param detail why
   */
  record Cancelled(Message message, String detail) implements SendOutcome {
    /** Checks the arguments. */
    public Cancelled {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(detail, "detail");
    }

    @Override
    public Status status() {
      return Status.CANCELLED;
    }

    @Override
    public String toString() {
      return "Cancelled[" + message.recipient() + ", " + detail + "]";
    }
  }

  /**
   * The request may have reached Meta: it timed out or its connection broke after it was written.
   * The message may reach the user, so the sender never resends it. Reconcile it through its status
   * webhooks (for example by {@code biz_opaque_callback_data}) before sending it again.
   *
   * @param message the message
   * @param error the transport failure
   */
  record Unknown(Message message, RequestMaybeSentException error) implements SendOutcome {
    /** Checks the arguments. */
    public Unknown {
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(error, "error");
    }

    @Override
    public Status status() {
      return Status.UNKNOWN;
    }

    @Override
    public String toString() {
      return "Unknown[" + message.recipient() + ", " + error.failure() + "]";
    }
  }
}
