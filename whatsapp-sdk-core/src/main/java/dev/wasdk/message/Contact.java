package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One contact card in a contacts message: a name (its formatted form is required) and any
 * addresses, birthday, e-mail addresses, organization, phone numbers and URLs.
 *
 * <p>Type labels ({@code HOME}, {@code WORK}, {@code CELL}, ...) are free text, as WhatsApp shows
 * them on the card. Rules that depend on the contact's place in the message (such as a blank
 * formatted name) are checked when the {@link ContactsMessage} is built, so the error names the
 * full path, such as {@code contacts[1].name.formatted_name}.
 *
 * <pre>{@code
 * Contact c = Contact.builder("John Smith")
 *     .firstName("John").lastName("Smith")
 *     .phone("+1 (650) 555-1234", "WORK", "16505551234")
 *     .email("john@example.com", "WORK")
 *     .birthday(LocalDate.of(1990, 8, 18))
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param name the name
 * @param addresses the postal addresses
 * @param birthday the birthday, written as {@code YYYY-MM-DD}, if any
 * @param emails the e-mail addresses
 * @param org the organization, if any
 * @param phones the phone numbers
 * @param urls the web addresses
 */
public record Contact(
    Name name,
    List<Address> addresses,
    Optional<LocalDate> birthday,
    List<Email> emails,
    Optional<Organization> org,
    List<Phone> phones,
    List<Url> urls) {

  /** Copies the lists. */
  public Contact {
    Objects.requireNonNull(name, "name");
    addresses = List.copyOf(addresses);
    Objects.requireNonNull(birthday, "birthday");
    emails = List.copyOf(emails);
    Objects.requireNonNull(org, "org");
    phones = List.copyOf(phones);
    urls = List.copyOf(urls);
  }

  /**
   * Starts a contact.
   *
   * @param formattedName the full name as it should be shown, such as {@code John Smith}
   * @return the builder
   */
  public static Builder builder(String formattedName) {
    return new Builder(formattedName);
  }

  /** Returns a builder holding this contact's values. */
  public Builder toBuilder() {
    Builder b = new Builder(name.formattedName());
    b.firstName = name.firstName().orElse(null);
    b.lastName = name.lastName().orElse(null);
    b.middleName = name.middleName().orElse(null);
    b.suffix = name.suffix().orElse(null);
    b.prefix = name.prefix().orElse(null);
    b.addresses.addAll(addresses);
    b.birthday = birthday.orElse(null);
    b.emails.addAll(emails);
    b.org = org.orElse(null);
    b.phones.addAll(phones);
    b.urls.addAll(urls);
    return b;
  }

  /**
   * A contact's name ({@code name}).
   *
   * @param formattedName the full name as shown ({@code formatted_name}, required)
   * @param firstName the first name, if any
   * @param lastName the last name, if any
   * @param middleName the middle name, if any
   * @param suffix the name suffix, such as {@code Jr}, if any
   * @param prefix the name prefix, such as {@code Dr}, if any
   */
  public record Name(
      String formattedName,
      Optional<String> firstName,
      Optional<String> lastName,
      Optional<String> middleName,
      Optional<String> suffix,
      Optional<String> prefix) {
    /** Checks the arguments. */
    public Name {
      Objects.requireNonNull(formattedName, "formattedName");
      Objects.requireNonNull(firstName, "firstName");
      Objects.requireNonNull(lastName, "lastName");
      Objects.requireNonNull(middleName, "middleName");
      Objects.requireNonNull(suffix, "suffix");
      Objects.requireNonNull(prefix, "prefix");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A postal address ({@code addresses[]}); every part is optional.
   *
   * @param street the street and number, if any
   * @param city the city, if any
   * @param state the state or region, if any
   * @param zip the postal code, if any
   * @param country the country's full name, if any
   * @param countryCode the two-letter ISO country code, if any
   * @param type the label, such as {@code HOME} or {@code WORK}, if any
   */
  public record Address(
      Optional<String> street,
      Optional<String> city,
      Optional<String> state,
      Optional<String> zip,
      Optional<String> country,
      Optional<String> countryCode,
      Optional<String> type) {
    /** Checks the arguments. */
    public Address {
      Objects.requireNonNull(street, "street");
      Objects.requireNonNull(city, "city");
      Objects.requireNonNull(state, "state");
      Objects.requireNonNull(zip, "zip");
      Objects.requireNonNull(country, "country");
      Objects.requireNonNull(countryCode, "countryCode");
      Objects.requireNonNull(type, "type");
    }

    /** Starts an address. */
    public static Builder builder() {
      return new Builder();
    }

    /** Builds an {@link Address}; every part is optional. Not thread-safe. */
    public static final class Builder {
      private String street;
      private String city;
      private String state;
      private String zip;
      private String country;
      private String countryCode;
      private String type;

      private Builder() {}

      /**
       * Sets the street and number.
       *
       * @param street the street
       * @return this builder
       */
      public Builder street(String street) {
        this.street = Objects.requireNonNull(street, "street");
        return this;
      }

      /**
       * Sets the city.
       *
       * @param city the city
       * @return this builder
       */
      public Builder city(String city) {
        this.city = Objects.requireNonNull(city, "city");
        return this;
      }

      /**
       * Sets the state or region.
       *
       * @param state the state
       * @return this builder
       */
      public Builder state(String state) {
        this.state = Objects.requireNonNull(state, "state");
        return this;
      }

      /**
       * Sets the postal code.
       *
       * @param zip the postal code
       * @return this builder
       */
      public Builder zip(String zip) {
        this.zip = Objects.requireNonNull(zip, "zip");
        return this;
      }

      /**
       * Sets the country's full name.
       *
       * @param country the country
       * @return this builder
       */
      public Builder country(String country) {
        this.country = Objects.requireNonNull(country, "country");
        return this;
      }

      /**
       * Sets the two-letter ISO country code.
       *
       * @param countryCode the code, such as {@code us}
       * @return this builder
       */
      public Builder countryCode(String countryCode) {
        this.countryCode = Objects.requireNonNull(countryCode, "countryCode");
        return this;
      }

      /**
       * Sets the label.
       *
       * @param type the label, such as {@code HOME} or {@code WORK}
       * @return this builder
       */
      public Builder type(String type) {
        this.type = Objects.requireNonNull(type, "type");
        return this;
      }

      /**
       * Builds the address.
       *
       * @return the address
       */
      public Address build() {
        return new Address(
            Optional.ofNullable(street),
            Optional.ofNullable(city),
            Optional.ofNullable(state),
            Optional.ofNullable(zip),
            Optional.ofNullable(country),
            Optional.ofNullable(countryCode),
            Optional.ofNullable(type));
      }
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * An e-mail address ({@code emails[]}).
   *
   * @param email the address (required)
   * @param type the label, such as {@code HOME} or {@code WORK}, if any
   */
  public record Email(String email, Optional<String> type) {
    /** Checks the arguments. */
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
   * An organization ({@code org}); every part is optional.
   *
   * @param company the company, if any
   * @param department the department, if any
   * @param title the job title, if any
   */
  public record Organization(
      Optional<String> company, Optional<String> department, Optional<String> title) {
    /** Checks the arguments. */
    public Organization {
      Objects.requireNonNull(company, "company");
      Objects.requireNonNull(department, "department");
      Objects.requireNonNull(title, "title");
    }

    /**
     * Returns an organization with all three parts.
     *
     * @param company the company
     * @param department the department
     * @param title the job title
     * @return the organization
     */
    public static Organization of(String company, String department, String title) {
      return new Organization(Optional.of(company), Optional.of(department), Optional.of(title));
    }

    /**
     * Returns an organization with only a company.
     *
     * @param company the company
     * @return the organization
     */
    public static Organization company(String company) {
      return new Organization(Optional.of(company), Optional.empty(), Optional.empty());
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A phone number ({@code phones[]}), kept exactly as given: it is shown on the card, not dialled
   * by the API.
   *
   * @param phone the number as shown, such as {@code +1 (650) 555-1234} (required)
   * @param type the label, such as {@code CELL}, {@code HOME} or {@code WORK}, if any
   * @param waId the WhatsApp id, which adds a "Message" button to the card, if any
   */
  public record Phone(String phone, Optional<String> type, Optional<String> waId) {
    /** Checks the arguments. */
    public Phone {
      Objects.requireNonNull(phone, "phone");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(waId, "waId");
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A web address ({@code urls[]}).
   *
   * @param url the address (required)
   * @param type the label, such as {@code HOME} or {@code WORK}, if any
   */
  public record Url(String url, Optional<String> type) {
    /** Checks the arguments. */
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

  /** Builds a {@link Contact}. Not thread-safe. */
  public static final class Builder {
    private final String formattedName;
    private String firstName;
    private String lastName;
    private String middleName;
    private String suffix;
    private String prefix;
    private final List<Address> addresses = new ArrayList<>();
    private LocalDate birthday;
    private final List<Email> emails = new ArrayList<>();
    private Organization org;
    private final List<Phone> phones = new ArrayList<>();
    private final List<Url> urls = new ArrayList<>();

    private Builder(String formattedName) {
      this.formattedName = Objects.requireNonNull(formattedName, "formattedName");
    }

    /**
     * Sets the first name.
     *
     * @param firstName the first name
     * @return this builder
     */
    public Builder firstName(String firstName) {
      this.firstName = Objects.requireNonNull(firstName, "firstName");
      return this;
    }

    /**
     * Sets the last name.
     *
     * @param lastName the last name
     * @return this builder
     */
    public Builder lastName(String lastName) {
      this.lastName = Objects.requireNonNull(lastName, "lastName");
      return this;
    }

    /**
     * Sets the middle name.
     *
     * @param middleName the middle name
     * @return this builder
     */
    public Builder middleName(String middleName) {
      this.middleName = Objects.requireNonNull(middleName, "middleName");
      return this;
    }

    /**
     * Sets the name suffix.
     *
     * @param suffix the suffix, such as {@code Jr}
     * @return this builder
     */
    public Builder suffix(String suffix) {
      this.suffix = Objects.requireNonNull(suffix, "suffix");
      return this;
    }

    /**
     * Sets the name prefix.
     *
     * @param prefix the prefix, such as {@code Dr}
     * @return this builder
     */
    public Builder prefix(String prefix) {
      this.prefix = Objects.requireNonNull(prefix, "prefix");
      return this;
    }

    /**
     * Adds a postal address.
     *
     * @param address the address
     * @return this builder
     */
    public Builder address(Address address) {
      addresses.add(Objects.requireNonNull(address, "address"));
      return this;
    }

    /**
     * Sets the birthday.
     *
     * @param birthday the date, written as {@code YYYY-MM-DD}
     * @return this builder
     */
    public Builder birthday(LocalDate birthday) {
      this.birthday = Objects.requireNonNull(birthday, "birthday");
      return this;
    }

    /**
     * Adds an e-mail address without a label.
     *
     * @param email the address
     * @return this builder
     */
    public Builder email(String email) {
      emails.add(new Email(email, Optional.empty()));
      return this;
    }

    /**
     * Adds an e-mail address.
     *
     * @param email the address
     * @param type the label, such as {@code HOME} or {@code WORK}
     * @return this builder
     */
    public Builder email(String email, String type) {
      emails.add(new Email(email, Optional.of(type)));
      return this;
    }

    /**
     * Sets the organization.
     *
     * @param org the organization
     * @return this builder
     */
    public Builder org(Organization org) {
      this.org = Objects.requireNonNull(org, "org");
      return this;
    }

    /**
     * Adds a phone number without a label.
     *
     * @param phone the number as shown
     * @return this builder
     */
    public Builder phone(String phone) {
      phones.add(new Phone(phone, Optional.empty(), Optional.empty()));
      return this;
    }

    /**
     * Adds a phone number.
     *
     * @param phone the number as shown
     * @param type the label, such as {@code CELL}, {@code HOME} or {@code WORK}
     * @return this builder
     */
    public Builder phone(String phone, String type) {
      phones.add(new Phone(phone, Optional.of(type), Optional.empty()));
      return this;
    }

    /**
     * Adds a phone number with its WhatsApp id, so the card offers a "Message" button.
     *
     * @param phone the number as shown
     * @param type the label, such as {@code CELL}, {@code HOME} or {@code WORK}
     * @param waId the WhatsApp id, such as {@code 16505551234}
     * @return this builder
     */
    public Builder phone(String phone, String type, String waId) {
      phones.add(new Phone(phone, Optional.of(type), Optional.of(waId)));
      return this;
    }

    /**
     * Adds a web address without a label.
     *
     * @param url the address
     * @return this builder
     */
    public Builder url(String url) {
      urls.add(new Url(url, Optional.empty()));
      return this;
    }

    /**
     * Adds a web address.
     *
     * @param url the address
     * @param type the label, such as {@code HOME} or {@code WORK}
     * @return this builder
     */
    public Builder url(String url, String type) {
      urls.add(new Url(url, Optional.of(type)));
      return this;
    }

    /**
     * Builds the contact.
     *
     * @return the contact
     */
    public Contact build() {
      Name name =
          new Name(
              formattedName,
              Optional.ofNullable(firstName),
              Optional.ofNullable(lastName),
              Optional.ofNullable(middleName),
              Optional.ofNullable(suffix),
              Optional.ofNullable(prefix));
      return new Contact(
          name,
          addresses,
          Optional.ofNullable(birthday),
          emails,
          Optional.ofNullable(org),
          phones,
          urls);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
