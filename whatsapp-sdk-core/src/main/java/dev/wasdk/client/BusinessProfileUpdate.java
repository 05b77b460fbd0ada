package dev.wasdk.client;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.internal.text.Values;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The fields of a business profile to change; fields left unset keep their value.
 *
 * <p>{@link Builder#build()} checks Meta's limits and throws {@link InvalidMessageException} naming
 * the field: {@code about} 1 to 139 characters; {@code address} at most 256; {@code description} at
 * most 256 (Meta's reference says 256 and its guide 512: the safe reading is kept); {@code email}
 * at most 128 and shaped like an address; at most 2 {@code websites} of at most 256 characters
 * each, starting with {@code http://} or {@code https://}.
 *
 * <pre>{@code
 * wa.businessProfile().update(BusinessProfileUpdate.builder()
 *     .about("Fresh produce, delivered")
 *     .websites("https://example.com")
 *     .vertical(BusinessVertical.GROCERY)
 *     .build());
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param about the "About" text
 * @param address the address
 * @param description the description
 * @param email the contact email
 * @param profilePictureHandle the handle of a picture uploaded through the Resumable Upload API
 * @param websites the websites, when they change
 * @param vertical the industry
 */
public record BusinessProfileUpdate(
    Optional<String> about,
    Optional<String> address,
    Optional<String> description,
    Optional<String> email,
    Optional<String> profilePictureHandle,
    Optional<List<String>> websites,
    Optional<BusinessVertical> vertical) {
  /** The longest "About" text. */
  public static final int ABOUT_MAX = 139;

  /** The longest address. */
  public static final int ADDRESS_MAX = 256;

  /** The longest description (the safe reading of Meta's conflicting 256 and 512). */
  public static final int DESCRIPTION_MAX = 256;

  /** The longest email address. */
  public static final int EMAIL_MAX = 128;

  /** The most websites. */
  public static final int WEBSITES_MAX = 2;

  /** The longest website URL. */
  public static final int WEBSITE_MAX = 256;

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

  /** Checks the limits. */
  public BusinessProfileUpdate {
    Objects.requireNonNull(about, "about");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(profilePictureHandle, "profilePictureHandle");
    websites = Objects.requireNonNull(websites, "websites").map(List::copyOf);
    Objects.requireNonNull(vertical, "vertical");
    about.ifPresent(a -> length("about", a, 1, ABOUT_MAX));
    address.ifPresent(a -> length("address", a, 0, ADDRESS_MAX));
    description.ifPresent(d -> length("description", d, 0, DESCRIPTION_MAX));
    email.ifPresent(
        e -> {
          length("email", e, 0, EMAIL_MAX);
          if (!e.isEmpty() && !EMAIL.matcher(e).matches()) {
            throw new InvalidMessageException("email", "an email address", "another shape");
          }
        });
    websites.ifPresent(
        list -> {
          if (list.size() > WEBSITES_MAX) {
            throw new InvalidMessageException(
                "websites", "at most " + WEBSITES_MAX + " websites", list.size() + " websites");
          }
          for (int i = 0; i < list.size(); i++) {
            String w = list.get(i);
            length("websites[" + i + "]", w, 1, WEBSITE_MAX);
            if (!(w.startsWith("http://") || w.startsWith("https://"))) {
              throw new InvalidMessageException(
                  "websites[" + i + "]",
                  "a URL starting with http:// or https://",
                  "another scheme");
            }
          }
        });
    if (vertical.filter(v -> v == BusinessVertical.UNKNOWN).isPresent()) {
      throw new InvalidMessageException("vertical", "a known vertical or NOT_SET", "UNKNOWN");
    }
  }

  private static void length(String path, String value, int min, int max) {
    int n = value.codePointCount(0, value.length());
    if (n < min || n > max) {
      throw new InvalidMessageException(
          path, min + " to " + max + " characters", n + " characters");
    }
  }

  /** Returns a builder with nothing set. */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link BusinessProfileUpdate}. Not thread-safe. */
  public static final class Builder {
    private String about;
    private String address;
    private String description;
    private String email;
    private String profilePictureHandle;
    private List<String> websites;
    private BusinessVertical vertical;

    private Builder() {}

    /** Sets the "About" text, 1 to 139 characters. */
    public Builder about(String about) {
      this.about = Objects.requireNonNull(about, "about");
      return this;
    }

    /** Sets the address, at most 256 characters. */
    public Builder address(String address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** Sets the description, at most 256 characters. */
    public Builder description(String description) {
      this.description = Objects.requireNonNull(description, "description");
      return this;
    }

    /** Sets the contact email, at most 128 characters. */
    public Builder email(String email) {
      this.email = Objects.requireNonNull(email, "email");
      return this;
    }

    /** Sets the profile picture by the handle of an uploaded picture. */
    public Builder profilePictureHandle(String handle) {
      this.profilePictureHandle = Objects.requireNonNull(handle, "handle");
      return this;
    }

    /** Replaces the websites: at most 2 http(s) URLs. */
    public Builder websites(String... websites) {
      this.websites = new ArrayList<>(Arrays.asList(websites));
      return this;
    }

    /** Sets the industry. */
    public Builder vertical(BusinessVertical vertical) {
      this.vertical = Objects.requireNonNull(vertical, "vertical");
      return this;
    }

    /**
     * Builds the update.
     *
     * @return the update
     * @throws InvalidMessageException if a limit is broken
     */
    public BusinessProfileUpdate build() {
      return new BusinessProfileUpdate(
          Optional.ofNullable(about),
          Optional.ofNullable(address),
          Optional.ofNullable(description),
          Optional.ofNullable(email),
          Optional.ofNullable(profilePictureHandle),
          Optional.ofNullable(websites),
          Optional.ofNullable(vertical));
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
