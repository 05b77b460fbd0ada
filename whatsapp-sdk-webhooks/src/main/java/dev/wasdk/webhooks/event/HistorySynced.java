package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A chunk of the chat history of a WhatsApp Business app number that is joining the Cloud API
 * ({@code history}; Coexistence onboarding). One event per {@code history[]} element. History comes
 * in three phases (day 0 to 1, day 1 to 90, day 90 to 180 before onboarding), each in chunks that
 * may arrive out of order; {@link #progress()} reaches 100 when all is sent. If the business
 * declined to share its history, the event carries only {@link #errors()} (code 2593109).
 *
 * <pre>{@code
 * if (e instanceof HistorySynced h && !h.isDeclined()) {
 *   for (HistorySynced.Chat chat : h.chats()) {
 *     archive.store(chat.waId(), chat.messages()); // store first, process later
 *   }
 * }
 * }</pre>
 *
 * <p>One webhook can hold thousands of messages: store them, and process them asynchronously.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param phase the phase ({@code metadata.phase}): 0 for day 0 to 1, 1 for day 1 to 90, 2 for day
 *     90 to 180
 * @param chunkOrder the chunk's place in its phase ({@code metadata.chunk_order})
 * @param progress how much of the history is sent, 0 to 100 ({@code metadata.progress})
 * @param chats the chats in this chunk, one per user ({@code threads[]})
 * @param errors why no history came, such as 2593109 when the business declined to share it
 * @param rawJson the raw JSON of the chunk ({@code value.history[]} element)
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/history">History
 *     webhook reference</a>
 */
public record HistorySynced(
    EventContext context,
    OptionalInt phase,
    OptionalLong chunkOrder,
    OptionalInt progress,
    List<Chat> chats,
    List<WebhookError> errors,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null and copies the lists. */
  public HistorySynced {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(phase, "phase");
    Objects.requireNonNull(chunkOrder, "chunkOrder");
    Objects.requireNonNull(progress, "progress");
    chats = List.copyOf(chats);
    errors = List.copyOf(errors);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /** Returns whether the business declined to share its history: the chunk carries errors. */
  public boolean isDeclined() {
    return !errors.isEmpty();
  }

  /** Returns whether this chunk completes the history: {@link #progress()} is 100. */
  public boolean isComplete() {
    return progress.isPresent() && progress.getAsInt() >= 100;
  }

  /**
   * The history of one chat ({@code threads[]} element).
   *
   * @param waId the user's WhatsApp id ({@code id}); empty if absent
   * @param messages the messages, in payload order
   */
  public record Chat(String waId, List<PastMessage> messages) {
    /** Checks that no component is null and copies the list. */
    public Chat {
      Objects.requireNonNull(waId, "waId");
      messages = List.copyOf(messages);
    }
  }

  /**
   * One message of a chat's history, sent by the user or echoed from the business.
   *
   * @param id the message id ({@code wamid.…}); empty if absent
   * @param from who sent it: the user, or the business number for the business's own messages
   * @param to the user, for the business's own messages only
   * @param timestamp when it was sent, by the device's clock; {@link Instant#EPOCH} if unreadable
   * @param type the message type as sent, such as {@code text} or {@code media_placeholder}
   * @param rawStatus the delivery status as sent ({@code history_context.status}); {@link
   *     #status()} reads it
   * @param content the message read like an inbound message; empty when the type has no content, as
   *     {@code media_placeholder}
   */
  public record PastMessage(
      String id,
      Optional<String> from,
      Optional<String> to,
      Instant timestamp,
      String type,
      Optional<String> rawStatus,
      Optional<MessageReceived> content) {
    /** Checks that no component is null. */
    public PastMessage {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
      Objects.requireNonNull(timestamp, "timestamp");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(rawStatus, "rawStatus");
      Objects.requireNonNull(content, "content");
    }

    /** Returns the delivery status; {@link Status#UNKNOWN} when absent or not known. */
    public Status status() {
      return Status.of(rawStatus.orElse(null));
    }

    /** Returns whether the message is a placeholder for media sent later in its own webhook. */
    public boolean isMediaPlaceholder() {
      return "media_placeholder".equals(type);
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * The delivery status of a message in the history. Open: values this version does not know map to
   * {@link #UNKNOWN}.
   *
   * <p>Immutable and thread-safe.
   */
  public enum Status {
    /** Sent. */
    SENT,
    /** Delivered to the device. */
    DELIVERED,
    /** Read. */
    READ,
    /** Played (voice). */
    PLAYED,
    /** Not yet sent. */
    PENDING,
    /** Failed. */
    ERROR,
    /** A value this version does not know. */
    UNKNOWN;

    /**
     * Returns the status for Meta's text, trimmed and in any letter case; {@link #UNKNOWN} for
     * anything else, including null.
     *
     * @param value the raw value, may be null
     * @return the status; never null
     */
    public static Status of(String value) {
      return OpenEnums.parse(Status.class, value, UNKNOWN);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
