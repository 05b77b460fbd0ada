package dev.wasdk.message;

import java.util.Objects;

/**
 * The language of a template message ({@code template.language}): the code of one of the template's
 * approved translations, and whether the deterministic language policy is stated.
 *
 * <p>The code is checked when the message is built: two or three lowercase letters, optionally
 * followed by {@code _} and a two-letter region, such as {@code en}, {@code en_US} or {@code
 * prs_AF}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param code the language code, such as {@code en_US}
 * @param deterministicPolicy whether {@code "policy": "deterministic"} is written; it is the only
 *     policy and WhatsApp applies it when omitted
 */
public record TemplateLanguage(String code, boolean deterministicPolicy) {
  /** Checks that the code is present; its format is checked when the message is built. */
  public TemplateLanguage {
    Objects.requireNonNull(code, "code");
  }

  /**
   * Returns a language with no policy written.
   *
   * @param code the language code, such as {@code en_US}
   * @return the language
   */
  public static TemplateLanguage of(String code) {
    return new TemplateLanguage(code, false);
  }

  /**
   * Returns a language that states {@code "policy": "deterministic"}.
   *
   * @param code the language code, such as {@code en_US}
   * @return the language
   */
  public static TemplateLanguage deterministic(String code) {
    return new TemplateLanguage(code, true);
  }
}
