package dev.wasdk.client;

/**
 * A typing indicator shown to the user while the business prepares a reply; sent with a read
 * receipt by {@link MessagesApi#markRead(String, TypingIndicator)}.
 *
 * <p>WhatsApp hides it when the business replies, or after 25 seconds. Show it only when a reply
 * follows.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/typing-indicators">Typing
 *     indicators</a>
 */
public enum TypingIndicator {
  /** The "typing…" indicator ({@code {"type":"text"}}). */
  TEXT("text");

  private final String wireValue;

  TypingIndicator(String wireValue) {
    this.wireValue = wireValue;
  }

  /** Returns the value of {@code typing_indicator.type}, such as {@code text}. */
  public String wireValue() {
    return wireValue;
  }
}
