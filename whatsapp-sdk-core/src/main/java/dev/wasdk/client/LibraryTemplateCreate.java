package dev.wasdk.client;

import dev.wasdk.message.TemplateCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A template to create from Meta's template library: its own name, language and category, the
 * library template's name, and the inputs the library template asks for. Create it with {@link
 * TemplatesApi#createFromLibrary(LibraryTemplateCreate)}.
 *
 * <pre>{@code
 * LibraryTemplateCreate t = LibraryTemplateCreate.builder(
 *         "delivery_update_1", "en_US", TemplateCategory.UTILITY, "delivery_update_1")
 *     .addTrackPackageLink(true)
 *     .urlButton("https://shop.example.com/track/{{1}}", "https://shop.example.com/track/A1")
 *     .build();
 * }</pre>
 *
 * <p>Library content is fixed; only the inputs change it. Immutable and thread-safe.
 */
public final class LibraryTemplateCreate {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,512}");

  private final String name;
  private final String language;
  private final TemplateCategory category;
  private final String libraryTemplateName;
  private final Map<String, Object> bodyInputs;
  private final List<Map<String, Object>> buttonInputs;

  private LibraryTemplateCreate(Builder b) {
    this.name = b.name;
    this.language = b.language;
    this.category = b.category;
    this.libraryTemplateName = b.libraryTemplateName;
    this.bodyInputs = Map.copyOf(b.bodyInputs);
    this.buttonInputs = b.buttonInputs.stream().map(Map::copyOf).toList();
  }

  /**
   * Returns a builder.
   *
   * @param name the new template's name: lower-case letters, digits and underscores, at most 512
   * @param language the language code, such as {@code en_US}
   * @param category the category, usually {@link TemplateCategory#UTILITY}
   * @param libraryTemplateName the library template's exact name
   * @return the builder
   */
  public static Builder builder(
      String name, String language, TemplateCategory category, String libraryTemplateName) {
    return new Builder(name, language, category, libraryTemplateName);
  }

  /** Returns the new template's name. */
  public String name() {
    return name;
  }

  /** Returns the language code. */
  public String language() {
    return language;
  }

  /** Returns the category. */
  public TemplateCategory category() {
    return category;
  }

  /** Returns the library template's name. */
  public String libraryTemplateName() {
    return libraryTemplateName;
  }

  /** Returns the body inputs, {@code library_template_body_inputs}. */
  public Map<String, Object> bodyInputs() {
    return bodyInputs;
  }

  /** Returns the button inputs, {@code library_template_button_inputs}, in button order. */
  public List<Map<String, Object>> buttonInputs() {
    return buttonInputs;
  }

  @Override
  public String toString() {
    return "LibraryTemplateCreate[name="
        + name
        + ", language="
        + language
        + ", category="
        + category
        + ", libraryTemplateName="
        + libraryTemplateName
        + "]";
  }

  /** Builds a {@link LibraryTemplateCreate}; not thread-safe. */
  public static final class Builder {
    private final String name;
    private final String language;
    private final TemplateCategory category;
    private final String libraryTemplateName;
    private final Map<String, Object> bodyInputs = new LinkedHashMap<>();
    private final List<Map<String, Object>> buttonInputs = new ArrayList<>();

    private Builder(
        String name, String language, TemplateCategory category, String libraryTemplateName) {
      Objects.requireNonNull(name, "name");
      if (!NAME.matcher(name).matches()) {
        throw new IllegalArgumentException(
            "a template name must be 1 to 512 lower-case letters, digits or underscores");
      }
      Objects.requireNonNull(language, "language");
      if (language.isBlank()) {
        throw new IllegalArgumentException("language must not be blank");
      }
      this.name = name;
      this.language = language;
      this.category = Objects.requireNonNull(category, "category");
      Objects.requireNonNull(libraryTemplateName, "libraryTemplateName");
      if (libraryTemplateName.isBlank()) {
        throw new IllegalArgumentException("libraryTemplateName must not be blank");
      }
      this.libraryTemplateName = libraryTemplateName;
    }

    /** Adds the business's contact number to the body. */
    public Builder addContactNumber(boolean add) {
      bodyInputs.put("add_contact_number", add);
      return this;
    }

    /** Adds a learn-more link to the body. */
    public Builder addLearnMoreLink(boolean add) {
      bodyInputs.put("add_learn_more_link", add);
      return this;
    }

    /** Adds a security recommendation (authentication templates). */
    public Builder addSecurityRecommendation(boolean add) {
      bodyInputs.put("add_security_recommendation", add);
      return this;
    }

    /** Adds a track-package link to the body. */
    public Builder addTrackPackageLink(boolean add) {
      bodyInputs.put("add_track_package_link", add);
      return this;
    }

    /**
     * Sets the code expiry shown by an authentication template.
     *
     * @param minutes 1 to 90
     * @return this builder
     */
    public Builder codeExpirationMinutes(int minutes) {
      if (minutes < 1 || minutes > 90) {
        throw new IllegalArgumentException("codeExpirationMinutes must be 1 to 90, was " + minutes);
      }
      bodyInputs.put("code_expiration_minutes", minutes);
      return this;
    }

    /**
     * Adds the input of a URL button.
     *
     * @param baseUrl the URL, with {@code {{1}}} where a variable suffix goes
     * @param urlSuffixExample a full example URL
     * @return this builder
     */
    public Builder urlButton(String baseUrl, String urlSuffixExample) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      Objects.requireNonNull(urlSuffixExample, "urlSuffixExample");
      if (!baseUrl.startsWith("https://") && !baseUrl.startsWith("http://")) {
        throw new IllegalArgumentException("baseUrl must be an http(s) URL");
      }
      Map<String, Object> url = new LinkedHashMap<>();
      url.put("base_url", baseUrl);
      url.put("url_suffix_example", urlSuffixExample);
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("type", "URL");
      b.put("url", url);
      buttonInputs.add(b);
      return this;
    }

    /**
     * Adds the input of a phone-number button.
     *
     * @param phoneNumber the number to call, with its country code
     * @return this builder
     */
    public Builder phoneNumberButton(String phoneNumber) {
      Objects.requireNonNull(phoneNumber, "phoneNumber");
      if (!phoneNumber.matches("\\+?[0-9]{7,15}")) {
        throw new IllegalArgumentException("phoneNumber must be 7 to 15 digits, '+' allowed");
      }
      Map<String, Object> b = new LinkedHashMap<>();
      b.put("type", "PHONE_NUMBER");
      b.put("phone_number", phoneNumber);
      buttonInputs.add(b);
      return this;
    }

    /** Adds the input of a quick-reply button. */
    public Builder quickReplyButton() {
      buttonInputs.add(Map.of("type", "QUICK_REPLY"));
      return this;
    }

    /** Returns the template to create. */
    public LibraryTemplateCreate build() {
      return new LibraryTemplateCreate(this);
    }
  }
}
