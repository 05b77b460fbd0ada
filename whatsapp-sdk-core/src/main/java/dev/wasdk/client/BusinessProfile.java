package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A phone number's business profile, as {@code GET /{phone-number-id}/whatsapp_business_profile}
 * returns it. Immutable and thread-safe.
 *
 * @param about the "About" text
 * @param address the address
 * @param description the description
 * @param email the contact email
 * @param profilePictureUrl the profile picture's URL
 * @param websites the websites
 * @param vertical the industry
 */
public record BusinessProfile(
    Optional<String> about,
    Optional<String> address,
    Optional<String> description,
    Optional<String> email,
    Optional<String> profilePictureUrl,
    List<String> websites,
    BusinessVertical vertical) {
  /** Copies the websites and checks that nothing is null. */
  public BusinessProfile {
    Objects.requireNonNull(about, "about");
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(profilePictureUrl, "profilePictureUrl");
    websites = List.copyOf(websites);
    Objects.requireNonNull(vertical, "vertical");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
