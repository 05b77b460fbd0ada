package dev.wasdk.internal.json;

import dev.wasdk.message.MediaRef;
import dev.wasdk.message.TemplateButton;
import dev.wasdk.message.TemplateCarouselCard;
import dev.wasdk.message.TemplateComponent;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TemplateParameter;
import dev.wasdk.message.TemplateProductSection;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the {@code template} object of a template message, exactly as documented: only the fields
 * that are set, button {@code index} as an integer, coordinates as decimal strings. The message was
 * validated when it was built. Stateless and thread-safe.
 */
final class TemplateJson {
  private TemplateJson() {}

  static void write(JsonGenerator g, TemplateMessage t) {
    g.writeStartObject();
    g.writeStringProperty("name", t.name());
    g.writeName("language");
    g.writeStartObject();
    g.writeStringProperty("code", t.language().code());
    if (t.language().deterministicPolicy()) {
      g.writeStringProperty("policy", "deterministic");
    }
    g.writeEndObject();
    if (!t.components().isEmpty()) {
      g.writeName("components");
      g.writeStartArray();
      for (TemplateComponent c : t.components()) {
        component(g, c);
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  private static void component(JsonGenerator g, TemplateComponent c) {
    if (c instanceof TemplateButton b) {
      button(g, b);
      return;
    }
    g.writeStartObject();
    if (c instanceof TemplateComponent.Header h) {
      g.writeStringProperty("type", "header");
      g.writeName("parameters");
      g.writeStartArray();
      parameter(g, h.parameter());
      g.writeEndArray();
    } else if (c instanceof TemplateComponent.Body b) {
      body(g, b.parameters());
    } else if (c instanceof TemplateComponent.LimitedTimeOffer lto) {
      g.writeStringProperty("type", "limited_time_offer");
      g.writeName("parameters");
      g.writeStartArray();
      g.writeStartObject();
      g.writeStringProperty("type", "limited_time_offer");
      g.writeName("limited_time_offer");
      g.writeStartObject();
      g.writeNumberProperty("expiration_time_ms", lto.expirationTimeMs());
      g.writeEndObject();
      g.writeEndObject();
      g.writeEndArray();
    } else if (c instanceof TemplateComponent.Carousel carousel) {
      g.writeStringProperty("type", "carousel");
      g.writeName("cards");
      g.writeStartArray();
      List<TemplateCarouselCard> cards = carousel.cards();
      for (int i = 0; i < cards.size(); i++) {
        card(g, i, cards.get(i));
      }
      g.writeEndArray();
    } else if (c instanceof TemplateComponent.TapTarget tap) {
      g.writeStringProperty("type", "tap_target_configuration");
      g.writeName("parameters");
      g.writeStartArray();
      g.writeStartObject();
      g.writeStringProperty("type", "tap_target_configuration");
      g.writeName("tap_target_configuration");
      g.writeStartArray();
      g.writeStartObject();
      g.writeStringProperty("url", tap.url());
      g.writeStringProperty("title", tap.title());
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();
    } else {
      throw new IllegalStateException("no writer for " + c.getClass().getName());
    }
    g.writeEndObject();
  }

  private static void body(JsonGenerator g, List<TemplateParameter.Variable> parameters) {
    g.writeStringProperty("type", "body");
    g.writeName("parameters");
    g.writeStartArray();
    for (TemplateParameter p : parameters) {
      parameter(g, p);
    }
    g.writeEndArray();
  }

  private static void card(JsonGenerator g, int index, TemplateCarouselCard card) {
    g.writeStartObject();
    g.writeNumberProperty("card_index", index);
    g.writeName("components");
    g.writeStartArray();
    g.writeStartObject();
    g.writeStringProperty("type", "header");
    g.writeName("parameters");
    g.writeStartArray();
    parameter(g, card.header());
    g.writeEndArray();
    g.writeEndObject();
    if (!card.body().isEmpty()) {
      g.writeStartObject();
      body(g, card.body());
      g.writeEndObject();
    }
    for (TemplateButton b : card.buttons()) {
      button(g, b);
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  private static void parameter(JsonGenerator g, TemplateParameter p) {
    g.writeStartObject();
    if (p instanceof TemplateParameter.Text t) {
      g.writeStringProperty("type", "text");
      parameterName(g, t.parameterName());
      g.writeStringProperty("text", t.text());
    } else if (p instanceof TemplateParameter.Currency c) {
      g.writeStringProperty("type", "currency");
      parameterName(g, c.parameterName());
      g.writeName("currency");
      g.writeStartObject();
      g.writeStringProperty("fallback_value", c.fallbackValue());
      g.writeStringProperty("code", c.code());
      g.writeNumberProperty("amount_1000", c.amount1000());
      g.writeEndObject();
    } else if (p instanceof TemplateParameter.DateTime d) {
      g.writeStringProperty("type", "date_time");
      parameterName(g, d.parameterName());
      g.writeName("date_time");
      g.writeStartObject();
      g.writeStringProperty("fallback_value", d.fallbackValue());
      g.writeEndObject();
    } else if (p instanceof TemplateParameter.Image i) {
      media(g, "image", i.media(), Optional.empty());
    } else if (p instanceof TemplateParameter.Video v) {
      media(g, "video", v.media(), Optional.empty());
    } else if (p instanceof TemplateParameter.Document d) {
      media(g, "document", d.media(), d.filename());
    } else if (p instanceof TemplateParameter.Location l) {
      g.writeStringProperty("type", "location");
      g.writeName("location");
      g.writeStartObject();
      // Documented as decimal strings.
      g.writeStringProperty("latitude", plain(l.latitude()));
      g.writeStringProperty("longitude", plain(l.longitude()));
      if (l.name().isPresent()) {
        g.writeStringProperty("name", l.name().get());
      }
      if (l.address().isPresent()) {
        g.writeStringProperty("address", l.address().get());
      }
      g.writeEndObject();
    } else if (p instanceof TemplateParameter.Product pr) {
      g.writeStringProperty("type", "product");
      g.writeName("product");
      g.writeStartObject();
      g.writeStringProperty("product_retailer_id", pr.productRetailerId());
      g.writeStringProperty("catalog_id", pr.catalogId());
      g.writeEndObject();
    } else {
      throw new IllegalStateException("no writer for " + p.getClass().getName());
    }
    g.writeEndObject();
  }

  /** Returns a coordinate in plain decimal notation with no trailing zeros, never 1.0E-5. */
  private static String plain(double coordinate) {
    return BigDecimal.valueOf(coordinate).stripTrailingZeros().toPlainString();
  }

  private static void parameterName(JsonGenerator g, Optional<String> name) {
    if (name.isPresent()) {
      g.writeStringProperty("parameter_name", name.get());
    }
  }

  private static void media(JsonGenerator g, String type, MediaRef ref, Optional<String> filename) {
    g.writeStringProperty("type", type);
    g.writeName(type);
    g.writeStartObject();
    if (ref.id().isPresent()) {
      g.writeStringProperty("id", ref.id().get());
    } else {
      g.writeStringProperty("link", ref.link().orElseThrow().toString());
    }
    if (filename.isPresent()) {
      g.writeStringProperty("filename", filename.get());
    }
    g.writeEndObject();
  }

  private static void button(JsonGenerator g, TemplateButton b) {
    g.writeStartObject();
    g.writeStringProperty("type", "button");
    g.writeStringProperty("sub_type", subType(b));
    g.writeNumberProperty("index", b.index());
    g.writeName("parameters");
    g.writeStartArray();
    g.writeStartObject();
    if (b instanceof TemplateButton.QuickReply q) {
      g.writeStringProperty("type", "payload");
      g.writeStringProperty("payload", q.payload());
    } else if (b instanceof TemplateButton.Url u) {
      g.writeStringProperty("type", "text");
      g.writeStringProperty("text", u.suffix());
    } else if (b instanceof TemplateButton.OneTimePassword o) {
      g.writeStringProperty("type", "text");
      g.writeStringProperty("text", o.code());
    } else if (b instanceof TemplateButton.CopyCode cc) {
      g.writeStringProperty("type", "coupon_code");
      g.writeStringProperty("coupon_code", cc.couponCode());
    } else {
      g.writeStringProperty("type", "action");
      g.writeName("action");
      g.writeStartObject();
      if (b instanceof TemplateButton.Flow f) {
        g.writeStringProperty("flow_token", f.flowToken());
        if (!f.flowActionData().isEmpty()) {
          g.writeName("flow_action_data");
          value(g, f.flowActionData());
        }
      } else if (b instanceof TemplateButton.Catalog cat) {
        g.writeStringProperty("thumbnail_product_retailer_id", cat.thumbnailProductRetailerId());
      } else if (b instanceof TemplateButton.MultiProduct m) {
        g.writeStringProperty("thumbnail_product_retailer_id", m.thumbnailProductRetailerId());
        g.writeName("sections");
        g.writeStartArray();
        for (TemplateProductSection s : m.sections()) {
          g.writeStartObject();
          g.writeStringProperty("title", s.title());
          g.writeName("product_items");
          g.writeStartArray();
          for (String id : s.productRetailerIds()) {
            g.writeStartObject();
            g.writeStringProperty("product_retailer_id", id);
            g.writeEndObject();
          }
          g.writeEndArray();
          g.writeEndObject();
        }
        g.writeEndArray();
      } else {
        throw new IllegalStateException("no writer for " + b.getClass().getName());
      }
      g.writeEndObject();
    }
    g.writeEndObject();
    g.writeEndArray();
    g.writeEndObject();
  }

  private static String subType(TemplateButton b) {
    if (b instanceof TemplateButton.QuickReply) {
      return "quick_reply";
    } else if (b instanceof TemplateButton.Url || b instanceof TemplateButton.OneTimePassword) {
      // One-time-password buttons are created as type OTP but sent as URL buttons.
      return "url";
    } else if (b instanceof TemplateButton.CopyCode) {
      return "copy_code";
    } else if (b instanceof TemplateButton.Flow) {
      return "flow";
    } else if (b instanceof TemplateButton.Catalog) {
      // Meta's pages show "CATALOG"; the spec's sub_type enum is lowercase, as for every other
      // kind.
      return "catalog";
    } else if (b instanceof TemplateButton.MultiProduct) {
      return "mpm";
    }
    throw new IllegalStateException("no writer for " + b.getClass().getName());
  }

  /** Writes flow data, already checked to hold only JSON-compatible values. */
  private static void value(JsonGenerator g, Object v) {
    if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean bool) {
      g.writeBoolean(bool);
    } else if (v instanceof Integer
        || v instanceof Long
        || v instanceof Short
        || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double || v instanceof Float) {
      g.writeNumber(((Number) v).doubleValue());
    } else if (v instanceof BigDecimal bd) {
      g.writeNumber(bd);
    } else if (v instanceof BigInteger bi) {
      g.writeNumber(bi);
    } else if (v instanceof Map<?, ?> map) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        value(g, o);
      }
      g.writeEndArray();
    } else {
      throw new IllegalStateException(
          "unchecked flow data value " + (v == null ? "null" : v.getClass().getName()));
    }
  }
}
