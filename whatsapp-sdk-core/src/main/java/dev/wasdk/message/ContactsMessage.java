package dev.wasdk.message;

import dev.wasdk.error.InvalidMessageException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A contacts message ({@code type: contacts}): one to {@value Limits#CONTACTS_MAX} contact cards.
 *
 * <pre>{@code
 * Message.to("+16505551234").contacts(
 *     Contact.builder("John Smith").phone("+1 (650) 555-1234", "WORK", "16505551234").build());
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param contacts the contact cards, {@value Limits#CONTACTS_MIN} to {@value Limits#CONTACTS_MAX}
 */
public record ContactsMessage(Envelope envelope, List<Contact> contacts) implements Message {
  /** Checks the limits and copies the list; see the component descriptions. */
  public ContactsMessage {
    Objects.requireNonNull(envelope, "envelope");
    contacts = List.copyOf(contacts);
    Validation.items("contacts", contacts, Limits.CONTACTS_MIN, Limits.CONTACTS_MAX);
    for (int i = 0; i < contacts.size(); i++) {
      check("contacts[" + i + "]", contacts.get(i));
    }
  }

  private static void check(String path, Contact c) {
    Validation.required(path + ".name.formatted_name", c.name().formattedName());
    c.birthday().ifPresent(b -> birthday(path + ".birthday", b));
    for (int i = 0; i < c.phones().size(); i++) {
      Validation.required(path + ".phones[" + i + "].phone", c.phones().get(i).phone());
    }
    for (int i = 0; i < c.emails().size(); i++) {
      Validation.required(path + ".emails[" + i + "].email", c.emails().get(i).email());
    }
    for (int i = 0; i < c.urls().size(); i++) {
      Validation.required(path + ".urls[" + i + "].url", c.urls().get(i).url());
    }
  }

  private static void birthday(String path, LocalDate date) {
    // YYYY-MM-DD has room for four-digit years only.
    if (date.getYear() < 1 || date.getYear() > 9999) {
      throw new InvalidMessageException(
          path, "a date in the years 1 to 9999 (YYYY-MM-DD)", "out of range");
    }
  }
}
