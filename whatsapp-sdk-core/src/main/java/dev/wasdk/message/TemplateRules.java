package dev.wasdk.message;

import dev.wasdk.error.InvalidMessageException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a template message against WhatsApp's documented rules. Every failure names the JSON path
 * of the field as it is written, such as {@code template.components[1].parameters[0].text}.
 */
final class TemplateRules {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_]+");
  private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}(_[A-Z]{2})?");
  private static final Pattern PARAMETER_NAME = Pattern.compile("[a-z0-9_]+");
  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
  private static final Pattern SPACE_RUN =
      Pattern.compile(" {" + (TemplateLimits.TEXT_PARAMETER_CONSECUTIVE_SPACES_MAX + 1) + ",}");

  private TemplateRules() {}

  static void check(
      String name,
      TemplateLanguage language,
      List<TemplateComponent> components,
      boolean bodyOnlyTemplate) {
    text("template.name", name, TemplateLimits.NAME_MAX);
    if (!NAME.matcher(name).matches()) {
      throw new InvalidMessageException(
          "template.name", "lowercase letters, digits and underscores", "other characters");
    }
    String code = language.code();
    if (!LANGUAGE_CODE.matcher(code).matches()) {
      throw new InvalidMessageException(
          "template.language.code",
          "a language code such as en, en_US or prs_AF",
          "'" + code.substring(0, Math.min(code.length(), 16)) + "'");
    }
    new Walk(bodyOnlyTemplate).components(components);
  }

  /** One pass over the components; remembers what it has seen for the cross-component rules. */
  private static final class Walk {
    private final boolean bodyOnlyTemplate;
    private final Map<Class<?>, String> seen = new HashMap<>();
    private final Map<Integer, String> buttonIndexes = new HashMap<>();
    private Boolean named;
    private String firstVariablePath;

    Walk(boolean bodyOnlyTemplate) {
      this.bodyOnlyTemplate = bodyOnlyTemplate;
    }

    void components(List<TemplateComponent> components) {
      String firstHeaderOrButton = null;
      String carouselPath = null;
      for (int k = 0; k < components.size(); k++) {
        TemplateComponent c = components.get(k);
        String path = "template.components[" + k + "]";
        if (bodyOnlyTemplate && !(c instanceof TemplateComponent.Body)) {
          throw new InvalidMessageException(
              path,
              "absent: bodyOnlyTemplate() declares a template with only a body",
              "a " + typeName(c) + " component");
        }
        if (c instanceof TemplateButton b) {
          button(path, b, TemplateLimits.BUTTON_INDEX_MAX);
          String other = buttonIndexes.putIfAbsent(b.index(), path);
          if (other != null) {
            throw new InvalidMessageException(
                path + ".index",
                "unique among the buttons",
                "index " + b.index() + ", also used by " + other);
          }
          firstHeaderOrButton = firstHeaderOrButton == null ? path : firstHeaderOrButton;
          continue;
        }
        String other = seen.putIfAbsent(c.getClass(), path);
        if (other != null) {
          throw new InvalidMessageException(
              path,
              "the only " + typeName(c) + " component",
              "a second one (the first is " + other + ")");
        }
        if (c instanceof TemplateComponent.Header h) {
          header(path, h.parameter());
          firstHeaderOrButton = firstHeaderOrButton == null ? path : firstHeaderOrButton;
        } else if (c instanceof TemplateComponent.Body b) {
          body(
              path,
              b.parameters(),
              bodyOnlyTemplate
                  ? TemplateLimits.BODY_ONLY_TEXT_PARAMETER_MAX
                  : TemplateLimits.BODY_TEXT_PARAMETER_MAX);
        } else if (c instanceof TemplateComponent.LimitedTimeOffer lto) {
          if (lto.expirationTimeMs() < TemplateLimits.LIMITED_TIME_OFFER_EXPIRATION_MIN_MS) {
            throw new InvalidMessageException(
                path + ".parameters[0].limited_time_offer.expiration_time_ms",
                "epoch milliseconds of at least "
                    + TemplateLimits.LIMITED_TIME_OFFER_EXPIRATION_MIN_MS
                    + " (not seconds)",
                String.valueOf(lto.expirationTimeMs()));
          }
        } else if (c instanceof TemplateComponent.Carousel carousel) {
          carousel(path, carousel.cards());
          carouselPath = path;
        } else if (c instanceof TemplateComponent.TapTarget tap) {
          String p = path + ".parameters[0].tap_target_configuration[0]";
          httpUrl(p + ".url", tap.url());
          text(p + ".title", tap.title(), Integer.MAX_VALUE);
        }
      }
      if (carouselPath != null && firstHeaderOrButton != null) {
        throw new InvalidMessageException(
            firstHeaderOrButton,
            "absent: a carousel template has a body and cards, with no header or buttons of its"
                + " own (the carousel is "
                + carouselPath
                + ")",
            "present");
      }
    }

    private void header(String path, TemplateParameter p) {
      String pp = path + ".parameters[0]";
      if (p instanceof TemplateParameter.Text t) {
        variable(pp, t, new HashSet<>());
        textParameter(pp + ".text", t.text(), TemplateLimits.HEADER_TEXT_PARAMETER_MAX);
      } else if (p instanceof TemplateParameter.Variable) {
        throw new InvalidMessageException(
            pp + ".type",
            "text, image, video, document, location or product in a header",
            typeName(p));
      } else {
        media(pp, p);
      }
    }

    private void body(String path, List<TemplateParameter.Variable> parameters, int textMax) {
      count(path + ".parameters", parameters.size(), 1, Integer.MAX_VALUE);
      Set<String> names = new HashSet<>();
      for (int j = 0; j < parameters.size(); j++) {
        String pp = path + ".parameters[" + j + "]";
        TemplateParameter.Variable v = parameters.get(j);
        variable(pp, v, names);
        if (v instanceof TemplateParameter.Text t) {
          textParameter(pp + ".text", t.text(), textMax);
        } else if (v instanceof TemplateParameter.Currency cur) {
          text(pp + ".currency.fallback_value", cur.fallbackValue(), Integer.MAX_VALUE);
          if (!CURRENCY_CODE.matcher(cur.code()).matches()) {
            throw new InvalidMessageException(
                pp + ".currency.code",
                "an ISO 4217 code of 3 capital letters",
                "'" + cur.code().substring(0, Math.min(cur.code().length(), 8)) + "'");
          }
          if (cur.amount1000() < Integer.MIN_VALUE || cur.amount1000() > Integer.MAX_VALUE) {
            throw new InvalidMessageException(
                pp + ".currency.amount_1000",
                "a 32-bit integer (" + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE + ")",
                String.valueOf(cur.amount1000()));
          }
        } else if (v instanceof TemplateParameter.DateTime d) {
          text(pp + ".date_time.fallback_value", d.fallbackValue(), Integer.MAX_VALUE);
        }
      }
    }

    /** Checks the name of a variable and that named and positional variables are not mixed. */
    private void variable(String path, TemplateParameter.Variable v, Set<String> names) {
      boolean isNamed = v.parameterName().isPresent();
      if (named == null) {
        named = isNamed;
        firstVariablePath = path;
      } else if (named != isNamed) {
        throw new InvalidMessageException(
            path + ".parameter_name",
            (named ? "present" : "absent")
                + ": named and positional parameters cannot be mixed, and "
                + firstVariablePath
                + " is "
                + (named ? "named" : "positional"),
            isNamed ? "present" : "absent");
      }
      if (isNamed) {
        String name = v.parameterName().get();
        text(path + ".parameter_name", name, Integer.MAX_VALUE);
        if (!PARAMETER_NAME.matcher(name).matches()) {
          throw new InvalidMessageException(
              path + ".parameter_name",
              "lowercase letters, digits and underscores",
              "other characters");
        }
        if (!names.add(name)) {
          throw new InvalidMessageException(
              path + ".parameter_name",
              "unique within the component",
              "'" + name + "', used twice");
        }
      }
    }

    private void media(String path, TemplateParameter p) {
      if (p instanceof TemplateParameter.Document d && d.filename().isPresent()) {
        text(path + ".document.filename", d.filename().get(), Integer.MAX_VALUE);
      } else if (p instanceof TemplateParameter.Location l) {
        String lp = path + ".location";
        range(lp + ".latitude", l.latitude(), 90);
        range(lp + ".longitude", l.longitude(), 180);
        if (l.name().isPresent()) {
          text(lp + ".name", l.name().get(), Integer.MAX_VALUE);
        }
        if (l.address().isPresent()) {
          text(lp + ".address", l.address().get(), Integer.MAX_VALUE);
        }
      } else if (p instanceof TemplateParameter.Product pr) {
        text(path + ".product.catalog_id", pr.catalogId(), Integer.MAX_VALUE);
        text(path + ".product.product_retailer_id", pr.productRetailerId(), Integer.MAX_VALUE);
      }
    }

    private void button(String path, TemplateButton b, int maxIndex) {
      if (b.index() < 0 || b.index() > maxIndex) {
        throw new InvalidMessageException(
            path + ".index", "0 to " + maxIndex, String.valueOf(b.index()));
      }
      String pp = path + ".parameters[0]";
      if (b instanceof TemplateButton.QuickReply q) {
        text(pp + ".payload", q.payload(), Integer.MAX_VALUE);
      } else if (b instanceof TemplateButton.Url u) {
        text(pp + ".text", u.suffix(), TemplateLimits.URL_BUTTON_SUFFIX_MAX);
      } else if (b instanceof TemplateButton.OneTimePassword o) {
        text(pp + ".text", o.code(), TemplateLimits.ONE_TIME_PASSWORD_MAX);
      } else if (b instanceof TemplateButton.CopyCode cc) {
        text(pp + ".coupon_code", cc.couponCode(), TemplateLimits.COUPON_CODE_MAX);
      } else if (b instanceof TemplateButton.Flow f) {
        text(pp + ".action.flow_token", f.flowToken(), Integer.MAX_VALUE);
        for (Map.Entry<String, Object> e : f.flowActionData().entrySet()) {
          jsonValue(pp + ".action.flow_action_data." + e.getKey(), e.getValue());
        }
      } else if (b instanceof TemplateButton.Catalog cat) {
        text(
            pp + ".action.thumbnail_product_retailer_id",
            cat.thumbnailProductRetailerId(),
            Integer.MAX_VALUE);
      } else if (b instanceof TemplateButton.MultiProduct m) {
        multiProduct(pp + ".action", m);
      }
    }

    private void multiProduct(String path, TemplateButton.MultiProduct m) {
      text(
          path + ".thumbnail_product_retailer_id",
          m.thumbnailProductRetailerId(),
          Integer.MAX_VALUE);
      count(path + ".sections", m.sections().size(), 1, TemplateLimits.MPM_SECTIONS_MAX);
      int products = 0;
      for (int s = 0; s < m.sections().size(); s++) {
        String sp = path + ".sections[" + s + "]";
        TemplateProductSection section = m.sections().get(s);
        text(sp + ".title", section.title(), TemplateLimits.MPM_SECTION_TITLE_MAX);
        count(sp + ".product_items", section.productRetailerIds().size(), 1, Integer.MAX_VALUE);
        for (int i = 0; i < section.productRetailerIds().size(); i++) {
          text(
              sp + ".product_items[" + i + "].product_retailer_id",
              section.productRetailerIds().get(i),
              Integer.MAX_VALUE);
        }
        products += section.productRetailerIds().size();
      }
      if (products > TemplateLimits.MPM_PRODUCTS_MAX) {
        throw new InvalidMessageException(
            path + ".sections",
            "at most " + TemplateLimits.MPM_PRODUCTS_MAX + " product_items in total",
            products + " product_items");
      }
    }

    private void carousel(String path, List<TemplateCarouselCard> cards) {
      count(path + ".cards", cards.size(), 1, TemplateLimits.CAROUSEL_CARDS_MAX);
      List<String> shapes = new ArrayList<>();
      for (int c = 0; c < cards.size(); c++) {
        String cp = path + ".cards[" + c + "]";
        TemplateCarouselCard card = cards.get(c);
        TemplateParameter header = card.header();
        if (!(header instanceof TemplateParameter.Image
            || header instanceof TemplateParameter.Video
            || header instanceof TemplateParameter.Product)) {
          throw new InvalidMessageException(
              cp + ".components[0].parameters[0].type",
              "image, video or product in a card header",
              typeName(header));
        }
        media(cp + ".components[0].parameters[0]", header);
        int m = 1;
        if (!card.body().isEmpty()) {
          body(
              cp + ".components[1]",
              card.body(),
              TemplateLimits.CAROUSEL_CARD_BODY_TEXT_PARAMETER_MAX);
          m = 2;
        }
        Set<Integer> indexes = new HashSet<>();
        for (int b = 0; b < card.buttons().size(); b++) {
          String bp = cp + ".components[" + (m + b) + "]";
          TemplateButton button = card.buttons().get(b);
          if (b >= TemplateLimits.CAROUSEL_CARD_BUTTONS_MAX) {
            throw new InvalidMessageException(
                bp,
                "absent: a card has at most "
                    + TemplateLimits.CAROUSEL_CARD_BUTTONS_MAX
                    + " buttons",
                card.buttons().size() + " buttons");
          }
          if (!(button instanceof TemplateButton.QuickReply
              || button instanceof TemplateButton.Url)) {
            throw new InvalidMessageException(
                bp + ".sub_type", "quick_reply or url on a card", typeName(button));
          }
          button(bp, button, TemplateLimits.CAROUSEL_CARD_BUTTONS_MAX - 1);
          if (!indexes.add(button.index())) {
            throw new InvalidMessageException(
                bp + ".index", "unique among the card's buttons", "index " + button.index());
          }
        }
        String shape = shape(card);
        if (c > 0 && !shape.equals(shapes.get(0))) {
          throw new InvalidMessageException(
              cp + ".components", "the same components as cards[0]: " + shapes.get(0), shape);
        }
        shapes.add(shape);
      }
    }

    /** Describes a card's components, for the rule that all cards of a carousel are alike. */
    private static String shape(TemplateCarouselCard card) {
      StringBuilder s = new StringBuilder(typeName(card.header())).append(" header");
      if (!card.body().isEmpty()) {
        s.append(", body with ").append(card.body().size()).append(" parameters");
      }
      for (TemplateButton b : card.buttons()) {
        s.append(", ").append(typeName(b)).append(" button ").append(b.index());
      }
      return s.toString();
    }

    private void jsonValue(String path, Object value) {
      if (value instanceof String || value instanceof Boolean) {
        return;
      }
      if (value instanceof Double d && !d.isInfinite() && !d.isNaN()
          || value instanceof Float f && !f.isInfinite() && !f.isNaN()
          || value instanceof Integer
          || value instanceof Long
          || value instanceof Short
          || value instanceof Byte
          || value instanceof BigDecimal
          || value instanceof BigInteger) {
        return;
      }
      if (value instanceof Map<?, ?> map) {
        for (Map.Entry<?, ?> e : map.entrySet()) {
          jsonValue(path + "." + e.getKey(), e.getValue());
        }
        return;
      }
      if (value instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          jsonValue(path + "[" + i + "]", list.get(i));
        }
        return;
      }
      throw new InvalidMessageException(
          path,
          "a string, finite number, boolean, list or map",
          value == null ? "null" : "a " + value.getClass().getSimpleName());
    }
  }

  /** Returns the JSON {@code type} or {@code sub_type} a part is written with. */
  static String typeName(Object part) {
    if (part instanceof TemplateParameter.Text) {
      return "text";
    } else if (part instanceof TemplateParameter.Currency) {
      return "currency";
    } else if (part instanceof TemplateParameter.DateTime) {
      return "date_time";
    } else if (part instanceof TemplateParameter.Image) {
      return "image";
    } else if (part instanceof TemplateParameter.Video) {
      return "video";
    } else if (part instanceof TemplateParameter.Document) {
      return "document";
    } else if (part instanceof TemplateParameter.Location) {
      return "location";
    } else if (part instanceof TemplateParameter.Product) {
      return "product";
    } else if (part instanceof TemplateButton.QuickReply) {
      return "quick_reply";
    } else if (part instanceof TemplateButton.Url
        || part instanceof TemplateButton.OneTimePassword) {
      return "url";
    } else if (part instanceof TemplateButton.CopyCode) {
      return "copy_code";
    } else if (part instanceof TemplateButton.Flow) {
      return "flow";
    } else if (part instanceof TemplateButton.Catalog) {
      return "catalog";
    } else if (part instanceof TemplateButton.MultiProduct) {
      return "mpm";
    } else if (part instanceof TemplateComponent.Header) {
      return "header";
    } else if (part instanceof TemplateComponent.Body) {
      return "body";
    } else if (part instanceof TemplateComponent.LimitedTimeOffer) {
      return "limited_time_offer";
    } else if (part instanceof TemplateComponent.Carousel) {
      return "carousel";
    } else if (part instanceof TemplateComponent.TapTarget) {
      return "tap_target_configuration";
    } else if (part instanceof TemplateButton) {
      return "button";
    }
    throw new IllegalArgumentException("unknown template part " + part);
  }

  /** Requires a non-blank string of 1 to {@code max} UTF-16 code units. */
  private static void text(String path, String value, int max) {
    if (value == null) {
      throw new InvalidMessageException(path, "present", "missing");
    }
    if (value.isEmpty()) {
      throw new InvalidMessageException(
          path, max == Integer.MAX_VALUE ? "not empty" : "1 to " + max + " characters", "empty");
    }
    if (value.length() > max) {
      throw new InvalidMessageException(
          path, "at most " + max + " characters", value.length() + " characters");
    }
    if (value.isBlank()) {
      throw new InvalidMessageException(path, "not blank", "blank");
    }
  }

  /** A header or body text parameter: length, and no newline, tab or long run of spaces. */
  private static void textParameter(String path, String value, int max) {
    text(path, value, max);
    String rule =
        "free of newlines and tabs, with at most "
            + TemplateLimits.TEXT_PARAMETER_CONSECUTIVE_SPACES_MAX
            + " consecutive spaces";
    if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
      throw new InvalidMessageException(path, rule, "a newline");
    }
    if (value.indexOf('\t') >= 0) {
      throw new InvalidMessageException(path, rule, "a tab");
    }
    var run = SPACE_RUN.matcher(value);
    if (run.find()) {
      throw new InvalidMessageException(
          path, rule, (run.end() - run.start()) + " consecutive spaces");
    }
  }

  private static void count(String path, int n, int min, int max) {
    if (n < min || n > max) {
      String rule =
          max == Integer.MAX_VALUE ? "at least " + min + " items" : min + " to " + max + " items";
      throw new InvalidMessageException(path, rule, n + " items");
    }
  }

  private static void range(String path, double value, double bound) {
    if (!(value >= -bound && value <= bound)) {
      throw new InvalidMessageException(
          path, "a number from " + (int) -bound + " to " + (int) bound, String.valueOf(value));
    }
  }

  private static void httpUrl(String path, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (java.net.URISyntaxException e) {
      throw new InvalidMessageException(path, "an absolute http(s) URL", "not a URL");
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw new InvalidMessageException(
          path, "an absolute http(s) URL", "scheme " + (scheme == null ? "missing" : scheme));
    }
  }
}
