package dev.wasdk.template;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.TemplateCategory;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Meta's documented creation rules for templates, checked when a definition is built. */
final class DefinitionRules {
  static final int NAME_MAX = 512;
  static final int HEADER_TEXT_MAX = 60;
  static final int BODY_TEXT_MAX = 1024;
  static final int FOOTER_TEXT_MAX = 60;
  static final int BUTTONS_MAX = 10;
  static final int BUTTON_TEXT_MAX = 25;
  static final int URL_BUTTONS_MAX = 2;
  static final int URL_MAX = 2000;
  static final int PHONE_BUTTONS_MAX = 1;
  static final int PHONE_NUMBER_MAX = 20;
  static final int COPY_CODE_BUTTONS_MAX = 1;
  static final int COPY_CODE_EXAMPLE_MAX = 15;
  static final int CAROUSEL_CARDS_MAX = 10;
  static final int CARD_BUTTONS_MAX = 2;
  static final int OFFER_TEXT_MAX = 16;
  static final int CODE_EXPIRATION_MAX = 90;

  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");

  private DefinitionRules() {}

  static void check(
      String name,
      String language,
      TemplateCategory category,
      Optional<ParameterFormat> parameterFormat,
      List<Component> components) {
    int nameLength = name.length();
    if (nameLength == 0 || nameLength > NAME_MAX) {
      fail("name", "1 to " + NAME_MAX + " characters", nameLength + " characters");
    }
    if (!NAME.matcher(name).matches()) {
      fail("name", "lowercase letters, digits and underscores", "other characters");
    }
    if (language.isBlank()) {
      fail("language", "a language code such as en_US", "blank");
    }
    if (category == TemplateCategory.UNKNOWN) {
      fail("category", "MARKETING, UTILITY or AUTHENTICATION", "UNKNOWN");
    }
    ParameterFormat format = parameterFormat.orElse(ParameterFormat.POSITIONAL);
    if (format == ParameterFormat.UNKNOWN) {
      fail("parameter_format", "positional or named", "UNKNOWN");
    }
    checkComponents(components, "components", category, format, false);
  }

  private static void checkComponents(
      List<Component> components,
      String path,
      TemplateCategory category,
      ParameterFormat format,
      boolean card) {
    int headers = 0;
    int bodies = 0;
    int footers = 0;
    int buttonGroups = 0;
    int offers = 0;
    for (int i = 0; i < components.size(); i++) {
      Component c = components.get(i);
      String at = path + "[" + i + "]";
      if (c instanceof Component.Header h) {
        headers++;
        header(h, at, format);
      } else if (c instanceof Component.Body b) {
        bodies++;
        body(b, at, category, format);
      } else if (c instanceof Component.Footer f) {
        footers++;
        footer(f, at, category);
      } else if (c instanceof Component.Buttons b) {
        buttonGroups++;
        buttons(b.buttons(), at + ".buttons", category, card ? CARD_BUTTONS_MAX : BUTTONS_MAX);
      } else if (c instanceof Component.Carousel carousel) {
        if (card) {
          fail(at, "not a carousel inside a carousel card", "a carousel");
        }
        carousel(carousel, at, category, format);
      } else if (c instanceof Component.LimitedTimeOffer lto) {
        offers++;
        if (category != TemplateCategory.MARKETING) {
          fail(at, "only in MARKETING templates", category.toString());
        }
        length(at + ".limited_time_offer.text", lto.text(), 1, OFFER_TEXT_MAX);
      } else if (c instanceof Component.Unknown u) {
        fail(at, "a known component type", "'" + u.type() + "'");
      }
    }
    once(path, "HEADER", headers);
    once(path, "FOOTER", footers);
    once(path, "BUTTONS", buttonGroups);
    once(path, "LIMITED_TIME_OFFER", offers);
    if (bodies > 1) {
      fail(path, "at most one BODY", bodies + " BODY components");
    }
    if (!card && bodies == 0) {
      fail(path, "one BODY component", "none");
    }
    if (offers > 0 && footers > 0) {
      fail(path, "no FOOTER in a limited-time offer template", "a FOOTER");
    }
  }

  private static void once(String path, String type, int count) {
    if (count > 1) {
      fail(path, "at most one " + type, count + " " + type + " components");
    }
  }

  private static void header(Component.Header h, String at, ParameterFormat format) {
    switch (h.format()) {
      case TEXT -> {
        String text = h.text().orElse("");
        length(at + ".text", text, 1, HEADER_TEXT_MAX);
        List<String> vars = Placeholders.of(text);
        if (vars.size() > 1) {
          fail(at + ".text", "at most 1 variable", vars.size() + " variables");
        }
        variables(vars, at + ".text", format);
        if (vars.isEmpty()) {
          if (!h.textExamples().isEmpty() || !h.namedExamples().isEmpty()) {
            fail(at + ".example", "absent for a header without a variable", "an example");
          }
        } else if (format == ParameterFormat.NAMED) {
          if (!h.namedExamples().keySet().equals(Set.copyOf(vars))) {
            fail(
                at + ".example.header_text_named_params",
                "an example for {{" + vars.get(0) + "}}",
                h.namedExamples().size() + " named examples");
          }
        } else if (h.textExamples().size() != 1) {
          fail(at + ".example.header_text", "1 example", h.textExamples().size() + " examples");
        }
      }
      case IMAGE, VIDEO, DOCUMENT -> {
        if (h.text().isPresent()) {
          fail(at + ".text", "absent for a " + h.format() + " header", "text");
        }
        if (h.exampleHandles().isEmpty()) {
          fail(at + ".example.header_handle", "an example media handle", "none");
        }
      }
      case LOCATION, PRODUCT -> {
        if (h.text().isPresent()) {
          fail(at + ".text", "absent for a " + h.format() + " header", "text");
        }
      }
      default -> fail(at + ".format", "a known header format", "UNKNOWN");
    }
  }

  private static void body(
      Component.Body b, String at, TemplateCategory category, ParameterFormat format) {
    if (b.text().isEmpty()) {
      if (category != TemplateCategory.AUTHENTICATION) {
        fail(at + ".text", "present outside AUTHENTICATION templates", "absent");
      }
      return;
    }
    String text = b.text().get();
    length(at + ".text", text, 1, BODY_TEXT_MAX);
    List<String> vars = Placeholders.of(text);
    variables(vars, at + ".text", format);
    if (!vars.isEmpty()) {
      if (Placeholders.startsWithVariable(text) || Placeholders.endsWithVariable(text)) {
        fail(
            at + ".text",
            "text that neither starts nor ends with a variable",
            "a variable at an end");
      }
    }
    if (format == ParameterFormat.NAMED) {
      if (!b.namedExamples().keySet().equals(Set.copyOf(vars))) {
        fail(
            at + ".example.body_text_named_params",
            "one example per named variable (" + vars.size() + ")",
            b.namedExamples().size() + " named examples with other names");
      }
      if (!b.examples().isEmpty()) {
        fail(at + ".example.body_text", "absent with named parameters", "positional examples");
      }
    } else {
      if (b.examples().size() != vars.size()) {
        fail(
            at + ".example.body_text",
            vars.size() + " examples",
            b.examples().size() + " examples");
      }
      if (!b.namedExamples().isEmpty()) {
        fail(
            at + ".example.body_text_named_params",
            "absent with positional parameters",
            "named examples");
      }
    }
  }

  private static void variables(List<String> vars, String at, ParameterFormat format) {
    for (int i = 0; i < vars.size(); i++) {
      String v = vars.get(i);
      if (format == ParameterFormat.NAMED) {
        if (!Placeholders.named(v)) {
          fail(
              at,
              "named variables of lowercase letters, digits and underscores",
              "a variable '{{" + v + "}}'");
        }
      } else if (!v.equals(Integer.toString(i + 1))) {
        fail(
            at,
            "positional variables {{1}}, {{2}}, ... in order",
            "{{" + v + "}} as variable " + (i + 1));
      }
    }
  }

  private static void footer(Component.Footer f, String at, TemplateCategory category) {
    if (f.text().isPresent()) {
      length(at + ".text", f.text().get(), 1, FOOTER_TEXT_MAX);
      if (f.text().get().contains("{{")) {
        fail(at + ".text", "without variables", "a variable");
      }
    }
    if (f.codeExpirationMinutes().isPresent()) {
      int m = f.codeExpirationMinutes().get();
      if (category != TemplateCategory.AUTHENTICATION) {
        fail(
            at + ".code_expiration_minutes",
            "only in AUTHENTICATION templates",
            category.toString());
      }
      if (m < 1 || m > CODE_EXPIRATION_MAX) {
        fail(at + ".code_expiration_minutes", "1 to " + CODE_EXPIRATION_MAX, Integer.toString(m));
      }
    }
    if (f.text().isEmpty() && f.codeExpirationMinutes().isEmpty()) {
      fail(at, "a text or a code expiration", "neither");
    }
  }

  private static void buttons(List<Button> buttons, String at, TemplateCategory category, int max) {
    if (buttons.isEmpty() || buttons.size() > max) {
      fail(at, "1 to " + max + " buttons", buttons.size() + " buttons");
    }
    int urls = 0;
    int phones = 0;
    int copyCodes = 0;
    int lastQuickReply = -1;
    boolean quickRepliesClosed = false;

    for (int i = 0; i < buttons.size(); i++) {
      Button b = buttons.get(i);
      String p = at + "[" + i + "]";
      if (b instanceof Button.QuickReply q) {
        if (quickRepliesClosed) {
          fail(
              p,
              "quick replies grouped together, not split by other buttons",
              "a quick reply after another button type");
        }
        lastQuickReply = i;
        label(p, q.text());
      } else {
        if (lastQuickReply >= 0) {
          quickRepliesClosed = true;
        }
        if (b instanceof Button.Url u) {
          urls++;
          label(p, u.text());
          url(p, u);
        } else if (b instanceof Button.PhoneNumber ph) {
          phones++;
          label(p, ph.text());
          length(p + ".phone_number", ph.phoneNumber(), 1, PHONE_NUMBER_MAX);
        } else if (b instanceof Button.CopyCode cc) {
          copyCodes++;
          length(p + ".example", cc.example(), 1, COPY_CODE_EXAMPLE_MAX);
        } else if (b instanceof Button.Otp otp) {
          otp(p, otp, category);
        } else if (b instanceof Button.Flow flow) {
          label(p, flow.text());
          int sources =
              (flow.flowId().isPresent() ? 1 : 0)
                  + (flow.flowName().isPresent() ? 1 : 0)
                  + (flow.flowJson().isPresent() ? 1 : 0);
          if (sources != 1) {
            fail(p, "exactly one of flow_id, flow_name and flow_json", sources + " of them");
          }
        } else if (b instanceof Button.Catalog c) {
          label(p, c.text());
        } else if (b instanceof Button.MultiProduct m) {
          label(p, m.text());
        } else if (b instanceof Button.Unknown u) {
          fail(p, "a known button type", "'" + u.type() + "'");
        }
      }
    }
    if (urls > URL_BUTTONS_MAX) {
      fail(at, "at most " + URL_BUTTONS_MAX + " URL buttons", urls + " URL buttons");
    }
    if (phones > PHONE_BUTTONS_MAX) {
      fail(at, "at most " + PHONE_BUTTONS_MAX + " PHONE_NUMBER button", phones + " of them");
    }
    if (copyCodes > COPY_CODE_BUTTONS_MAX) {
      fail(at, "at most " + COPY_CODE_BUTTONS_MAX + " COPY_CODE button", copyCodes + " of them");
    }
  }

  private static void url(String p, Button.Url u) {
    length(p + ".url", u.url(), 1, URL_MAX);
    if (!(u.url().startsWith("https://") || u.url().startsWith("http://"))) {
      fail(p + ".url", "an http or https URL", "another scheme");
    }
    List<String> vars = Placeholders.of(u.url());
    if (vars.size() > 1) {
      fail(p + ".url", "at most 1 variable", vars.size() + " variables");
    }
    if (vars.size() == 1) {
      if (!vars.get(0).equals("1") || !u.url().endsWith("{{1}}")) {
        fail(p + ".url", "a single variable {{1}} at the end", "{{" + vars.get(0) + "}} elsewhere");
      }
      if (u.example().isEmpty()) {
        fail(p + ".example", "an example for the URL's variable", "none");
      }
    } else if (u.example().isPresent()) {
      fail(p + ".example", "absent for a URL without a variable", "an example");
    }
  }

  private static void otp(String p, Button.Otp otp, TemplateCategory category) {
    if (category != TemplateCategory.AUTHENTICATION) {
      fail(p, "OTP buttons only in AUTHENTICATION templates", category.toString());
    }
    if (otp.otpType() == OtpType.UNKNOWN) {
      fail(p + ".otp_type", "COPY_CODE, ONE_TAP or ZERO_TAP", "UNKNOWN");
    }
    otp.text().ifPresent(t -> label(p, t));
    otp.autofillText().ifPresent(t -> length(p + ".autofill_text", t, 1, BUTTON_TEXT_MAX));
    if (otp.otpType() == OtpType.ONE_TAP || otp.otpType() == OtpType.ZERO_TAP) {
      if (otp.apps().isEmpty()) {
        fail(p + ".supported_apps", "at least one Android app", "none");
      }
      for (int i = 0; i < otp.apps().size(); i++) {
        Button.AndroidApp app = otp.apps().get(i);
        length(p + ".supported_apps[" + i + "].package_name", app.packageName(), 1, 224);
        length(p + ".supported_apps[" + i + "].signature_hash", app.signatureHash(), 1, 32);
      }
    }
    if (otp.otpType() == OtpType.ZERO_TAP && !otp.zeroTapTermsAccepted().orElse(false)) {
      fail(p + ".zero_tap_terms_accepted", "true for a ZERO_TAP button", "not accepted");
    }
  }

  private static void carousel(
      Component.Carousel carousel, String at, TemplateCategory category, ParameterFormat format) {
    int n = carousel.cards().size();
    if (n == 0 || n > CAROUSEL_CARDS_MAX) {
      fail(at + ".cards", "1 to " + CAROUSEL_CARDS_MAX + " cards", n + " cards");
    }
    for (int i = 0; i < n; i++) {
      checkComponents(
          carousel.cards().get(i).components(),
          at + ".cards[" + i + "].components",
          category,
          format,
          true);
    }
  }

  private static void label(String p, String text) {
    length(p + ".text", text, 1, BUTTON_TEXT_MAX);
  }

  private static void length(String path, String value, int min, int max) {
    int n = value.codePointCount(0, value.length());
    if (n < min || n > max) {
      fail(
          path,
          (min == max ? "exactly " + min : min + " to " + max) + " characters",
          n + " characters");
    }
  }

  private static void fail(String path, String rule, String actual) {
    throw new InvalidMessageException(path, rule, actual);
  }
}
