package dev.wasdk.message;

import static dev.wasdk.message.Invalid.assertInvalid;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactsMessageTest {
  private static Contact named(String name) {
    return Contact.builder(name).build();
  }

  @Test
  void contacts_none_namesContacts() {
    var e = assertInvalid(() -> to().contacts(List.of()), "contacts", "0 items");
    assertThat(e.limit()).isEqualTo("1 to 5 items");
  }

  @Test
  void contacts_six_namesTheSixth() {
    List<Contact> six = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      six.add(named("C" + i));
    }

    assertInvalid(() -> to().contacts(six), "contacts[5]", "6 items");
  }

  @Test
  void contacts_blankFormattedName_namesItsPlace() {
    assertInvalid(
        () -> to().contacts(named("Ana"), named(" ")), "contacts[1].name.formatted_name", "blank");
  }

  @Test
  void contacts_blankPhone_namesItsPlace() {
    Contact c = Contact.builder("Ana").phone("+1 650 555 0000").phone("").build();

    assertInvalid(() -> to().contacts(c), "contacts[0].phones[1].phone", "0 characters");
  }

  @Test
  void contacts_blankEmail_namesItsPlace() {
    Contact c = Contact.builder("Ana").email(" ", "WORK").build();

    assertInvalid(() -> to().contacts(c), "contacts[0].emails[0].email", "blank");
  }

  @Test
  void contacts_blankUrl_namesItsPlace() {
    Contact c = Contact.builder("Ana").url("").build();

    assertInvalid(() -> to().contacts(named("B"), c), "contacts[1].urls[0].url", "0 characters");
  }

  @Test
  void contacts_birthdayBeyondFourDigitYears_namesBirthday() {
    Contact c = Contact.builder("Ana").birthday(LocalDate.of(10000, 1, 1)).build();

    assertInvalid(() -> to().contacts(c), "contacts[0].birthday", "out of range");
  }

  @Test
  void contact_toBuilder_roundTrips() {
    Contact c = MessageSamples.fullContact();

    assertThat(c.toBuilder().build()).isEqualTo(c);
  }

  @Test
  void contact_lists_areUnmodifiableCopies() {
    List<Contact.Phone> phones = new ArrayList<>();
    Contact.Name name =
        new Contact.Name(
            "Ana",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    Contact c =
        new Contact(
            name, List.of(), Optional.empty(), List.of(), Optional.empty(), phones, List.of());
    phones.add(new Contact.Phone("1", Optional.empty(), Optional.empty()));

    assertThat(c.phones()).isEmpty();
  }
}
