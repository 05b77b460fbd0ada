package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact card in a {@link ContactsReceived} message. A user may leave out any part, so every
 * part is optional.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the contact's name
 * @param org the contact's organization
 * @param phones the phone numbers
 * @param emails the email addresses
 * @param addresses the postal addresses
 * @param urls the web addresses
 * @param birthday the birthday as sent ({@code YYYY-MM-DD})
 */
public record SharedContact(
    Optional<Name> name,
    Optional<Org> org,
    List<Phone> phones,
    List<Email> emails,
    List<Address> addresses,
    List<Url> urls,
    Optional<String> birthday) {

  /** Checks that no component is null and copies the lists. */
  public SharedContact {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(org, "org");
    phones = List.copyOf(phones);
    emails = List.copyOf(emails);
    addresses = List.copyOf(addresses);
    urls = List.copyOf(urls);
    Objects.requireNonNull(birthday, "birthday");
  }

  /**
   * A contact's name.
   *
   * @param formattedName the full name as displayed
   * @param firstName the first name
   * @param lastName the last name
   * @param middleName the middle name
   * @param prefix the name prefix
   * @param suffix the name suffix
   */
  public record Name(
      Optional<String> formattedName,
      Optional<String> firstName,
      Optional<String> lastName,
      Optional<String> middleName,
      Optional<String> prefix,
      Optional<String> suffix) {
    /** Checks that no component is null. */
    public Name {
      Objects.requireNonNull(formattedName, "formattedName");
      Objects.requireNonNull(firstName, "firstName");
      Objects.requireNonNull(lastName, "lastName");
      Objects.requireNonNull(middleName, "middleName");
      Objects.requireNonNull(prefix, "prefix");
      Objects.requireNonNull(suffix, "suffix");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A contact's organization.
   *
   * @param company the company
   * @param department the department
   * @param title the job title
   */
  public record Org(Optional<String> company, Optional<String> department, Optional<String> title) {
    /** Checks that no component is null. */
    public Org {
      Objects.requireNonNull(company, "company");
      Objects.requireNonNull(department, "department");
      Objects.requireNonNull(title, "title");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A contact's phone number.
   *
   * @param phone the number as formatted on the user's device
   * @param waId the WhatsApp id, when the number is on WhatsApp
   * @param type the label as sent, such as {@code MOBILE}, {@code HOME} or {@code WORK}
   */
  public record Phone(Optional<String> phone, Optional<String> waId, Optional<String> type) {
    /** Checks that no component is null. */
    public Phone {
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(waId, "waId");
      Objects.requireNonNull(type, "type");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A contact's email address.
   *
   * @param email the address
   * @param type the label as sent, such as {@code HOME} or {@code WORK}
   */
  public record Email(Optional<String> email, Optional<String> type) {
    /** Checks that no component is null. */
    public Email {
      Objects.requireNonNull(email, "email");
      Objects.requireNonNull(type, "type");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A contact's postal address.
   *
   * @param street the street
   * @param city the city
   * @param state the state
   * @param zip the postal code
   * @param country the country name
   * @param countryCode the ISO country code
   * @param type the label as sent, such as {@code HOME} or {@code WORK}
   */
  public record Address(
      Optional<String> street,
      Optional<String> city,
      Optional<String> state,
      Optional<String> zip,
      Optional<String> country,
      Optional<String> countryCode,
      Optional<String> type) {
    /** Checks that no component is null. */
    public Address {
      Objects.requireNonNull(street, "street");
      Objects.requireNonNull(city, "city");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(zip, "zip");
      Objects.requireNonNull(country, "country");
      Objects.requireNonNull(countryCode, "countryCode");
      Objects.requireNonNull(type, "type");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A contact's web address.
   *
   * @param url the URL as sent
   * @param type the label as sent, such as {@code HOME} or {@code WORK}
   */
  public record Url(Optional<String> url, Optional<String> type) {
    /** Checks that no component is null. */
    public Url {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(type, "type");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
