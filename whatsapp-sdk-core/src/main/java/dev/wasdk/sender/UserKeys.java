package dev.wasdk.sender;

import dev.wasdk.message.Recipient;
import java.util.Objects;

/** Normalizes user keys, masks them for logs, and derives the pseudonyms the stores keep. */
final class UserKeys {
  private UserKeys() {}

  /**
   * Returns the key of a user named by a WhatsApp id ({@code 16505551234}), an E.164 number ({@code
   * +1 650-555-1234}) or a business-scoped user id: phone numbers lose their {@code +} and
   * formatting, so the webhook's {@code wa_id} and the message's {@code to} give the same key.
   */
  static String of(String user) {
    Objects.requireNonNull(user, "user");
    String u = user.trim();
    if (u.isEmpty()) {
      throw new IllegalArgumentException("user must not be blank");
    }
    boolean phoneLike = true;
    StringBuilder b = new StringBuilder(u.length());
    for (int i = 0; i < u.length(); i++) {
      char c = u.charAt(i);
      if (c >= '0' && c <= '9') {
        b.append(c);
      } else if (c == '+' && i == 0 || c == ' ' || c == '-' || c == '(' || c == ')' || c == '.') {
        continue;
      } else {
        phoneLike = false;
        break;
      }
    }
    return phoneLike && b.length() > 0 ? b.toString() : u;
  }

  /** Returns the key of a message's recipient. */
  static String of(Recipient recipient) {
    if (recipient.kind() == Recipient.Kind.GROUP) {
      return "group:" + recipient.value();
    }
    return of(recipient.value());
  }

  /**
   * Returns a pseudonym of {@code key} scoped to {@code scope}: HMAC-SHA256 under the default key
   * ({@link Pseudonyms#DEFAULT}). The limiter store keeps only pseudonyms, so a shared store holds
   * no phone numbers.
   */
  static String pseudonym(String scope, String key) {
    return Pseudonyms.DEFAULT.of(scope, key);
  }
}
