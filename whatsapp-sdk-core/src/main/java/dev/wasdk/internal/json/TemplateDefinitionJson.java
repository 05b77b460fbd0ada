package dev.wasdk.internal.json;

import dev.wasdk.message.TemplateCategory;
import dev.wasdk.template.Button;
import dev.wasdk.template.Component;
import dev.wasdk.template.HeaderFormat;
import dev.wasdk.template.OtpType;
import dev.wasdk.template.ParameterFormat;
import dev.wasdk.template.Template;
import dev.wasdk.template.TemplateDefinition;
import dev.wasdk.template.TemplateEdit;
import dev.wasdk.template.TemplateStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes template definitions and edits, and reads templates, in Meta's creation-side JSON. */
public final class TemplateDefinitionJson {
  private TemplateDefinitionJson() {}

  /** Returns the body of {@code POST /{waba-id}/message_templates}. */
  public static ObjectNode write(TemplateDefinition d) {
    ObjectNode o = ManagementJson.object();
    o.put("name", d.name());
    o.put("language", d.language());
    o.put("category", d.category().name());
    d.parameterFormat().ifPresent(f -> o.put("parameter_format", f.wireValue()));
    d.allowCategoryChange().ifPresent(a -> o.put("allow_category_change", a));
    o.set("components", components(d.components()));
    return o;
  }

  /** Returns the body of {@code POST /{template-id}}. */
  public static ObjectNode write(TemplateEdit e) {
    ObjectNode o = ManagementJson.object();
    e.category().ifPresent(c -> o.put("category", c.name()));
    if (!e.components().isEmpty()) {
      o.set("components", components(e.components()));
    }
    e.messageSendTtlSeconds().ifPresent(t -> o.put("message_send_ttl_seconds", t));
    return o;
  }

  private static ArrayNode components(List<Component> components) {
    ArrayNode a = ManagementJson.object().arrayNode();
    for (Component c : components) {
      a.add(component(c));
    }
    return a;
  }

  private static ObjectNode component(Component c) {
    ObjectNode o = ManagementJson.object();
    if (c instanceof Component.Header h) {
      o.put("type", "HEADER");
      o.put("format", h.format().name());
      h.text().ifPresent(t -> o.put("text", t));
      if (!h.textExamples().isEmpty()) {
        ArrayNode ex = o.putObject("example").putArray("header_text");
        h.textExamples().forEach(ex::add);
      } else if (!h.namedExamples().isEmpty()) {
        named(o.putObject("example").putArray("header_text_named_params"), h.namedExamples());
      } else if (!h.exampleHandles().isEmpty()) {
        ArrayNode ex = o.putObject("example").putArray("header_handle");
        h.exampleHandles().forEach(ex::add);
      }
    } else if (c instanceof Component.Body b) {
      o.put("type", "BODY");
      b.text().ifPresent(t -> o.put("text", t));
      if (!b.examples().isEmpty()) {
        ArrayNode row = o.putObject("example").putArray("body_text").addArray();
        b.examples().forEach(row::add);
      } else if (!b.namedExamples().isEmpty()) {
        named(o.putObject("example").putArray("body_text_named_params"), b.namedExamples());
      }
      b.addSecurityRecommendation().ifPresent(s -> o.put("add_security_recommendation", s));
    } else if (c instanceof Component.Footer f) {
      o.put("type", "FOOTER");
      f.text().ifPresent(t -> o.put("text", t));
      f.codeExpirationMinutes().ifPresent(m -> o.put("code_expiration_minutes", m));
    } else if (c instanceof Component.Buttons bs) {
      o.put("type", "BUTTONS");
      ArrayNode a = o.putArray("buttons");
      bs.buttons().forEach(b -> a.add(button(b)));
    } else if (c instanceof Component.Carousel carousel) {
      o.put("type", "CAROUSEL");
      ArrayNode cards = o.putArray("cards");
      carousel
          .cards()
          .forEach(card -> cards.addObject().set("components", components(card.components())));
    } else if (c instanceof Component.LimitedTimeOffer lto) {
      o.put("type", "LIMITED_TIME_OFFER");
      ObjectNode l = o.putObject("limited_time_offer");
      l.put("text", lto.text());
      l.put("has_expiration", lto.hasExpiration());
    } else if (c instanceof Component.Unknown u) {
      throw new IllegalArgumentException("cannot write an unknown component " + u.type());
    }
    return o;
  }

  private static void named(ArrayNode a, Map<String, String> examples) {
    examples.forEach(
        (name, example) -> {
          ObjectNode p = a.addObject();
          p.put("param_name", name);
          p.put("example", example);
        });
  }

  private static ObjectNode button(Button b) {
    ObjectNode o = ManagementJson.object();
    o.put("type", b.type());
    if (b instanceof Button.QuickReply q) {
      o.put("text", q.text());
    } else if (b instanceof Button.Url u) {
      o.put("text", u.text());
      o.put("url", u.url());
      u.example().ifPresent(e -> o.putArray("example").add(e));
    } else if (b instanceof Button.PhoneNumber p) {
      o.put("text", p.text());
      o.put("phone_number", p.phoneNumber());
    } else if (b instanceof Button.CopyCode cc) {
      o.put("example", cc.example());
    } else if (b instanceof Button.Otp otp) {
      o.put("otp_type", otp.otpType().name());
      otp.text().ifPresent(t -> o.put("text", t));
      otp.autofillText().ifPresent(t -> o.put("autofill_text", t));
      if (otp.apps().size() == 1) {
        o.put("package_name", otp.apps().get(0).packageName());
        o.put("signature_hash", otp.apps().get(0).signatureHash());
      } else if (otp.apps().size() > 1) {
        ArrayNode apps = o.putArray("supported_apps");
        for (Button.AndroidApp app : otp.apps()) {
          ObjectNode a = apps.addObject();
          a.put("package_name", app.packageName());
          a.put("signature_hash", app.signatureHash());
        }
      }
      otp.zeroTapTermsAccepted().ifPresent(z -> o.put("zero_tap_terms_accepted", z));
    } else if (b instanceof Button.Flow f) {
      o.put("text", f.text());
      f.flowId().ifPresent(v -> o.put("flow_id", v));
      f.flowName().ifPresent(v -> o.put("flow_name", v));
      f.flowJson().ifPresent(v -> o.put("flow_json", v));
      f.flowAction().ifPresent(v -> o.put("flow_action", v));
      f.navigateScreen().ifPresent(v -> o.put("navigate_screen", v));
    } else if (b instanceof Button.Catalog c) {
      o.put("text", c.text());
    } else if (b instanceof Button.MultiProduct m) {
      o.put("text", m.text());
    } else if (b instanceof Button.Unknown u) {
      throw new IllegalArgumentException("cannot write an unknown button " + u.type());
    }
    return o;
  }

  /** Reads a template as the API returns it; unknown parts are kept as {@code Unknown}. */
  public static Template read(JsonNode t) {
    return new Template(
        ManagementJson.textOrEmpty(t, "id"),
        ManagementJson.textOrEmpty(t, "name"),
        ManagementJson.textOrEmpty(t, "language"),
        TemplateStatus.of(ManagementJson.text(t, "status").orElse(null)),
        TemplateCategory.fromString(ManagementJson.text(t, "category").orElse(null)),
        ParameterFormat.of(ManagementJson.text(t, "parameter_format").orElse(null)),
        readComponents(t.get("components")),
        ManagementJson.text(t, "previous_category"),
        ManagementJson.text(t, "rejected_reason"),
        ManagementJson.text(t.path("quality_score"), "score")
            .or(() -> ManagementJson.text(t, "quality_score")),
        ManagementJson.raw(t));
  }

  private static List<Component> readComponents(JsonNode array) {
    List<Component> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      for (JsonNode c : array) {
        if (c.isObject()) {
          out.add(readComponent(c));
        }
      }
    }
    return out;
  }

  private static Component readComponent(JsonNode c) {
    String type = ManagementJson.textOrEmpty(c, "type").toUpperCase(Locale.ROOT);
    JsonNode example = c.path("example");
    switch (type) {
      case "HEADER":
        return new Component.Header(
            HeaderFormat.of(ManagementJson.text(c, "format").orElse(null)),
            ManagementJson.text(c, "text"),
            ManagementJson.texts(example, "header_text"),
            readNamed(example.get("header_text_named_params")),
            ManagementJson.texts(example, "header_handle"));
      case "BODY":
        {
          List<String> examples = new ArrayList<>();
          JsonNode rows = example.get("body_text");
          if (rows != null && rows.isArray() && rows.size() > 0 && rows.get(0).isArray()) {
            for (JsonNode v : rows.get(0)) {
              examples.add(v.asString());
            }
          }
          return new Component.Body(
              ManagementJson.text(c, "text"),
              examples,
              readNamed(example.get("body_text_named_params")),
              ManagementJson.bool(c, "add_security_recommendation"));
        }
      case "FOOTER":
        return new Component.Footer(
            ManagementJson.text(c, "text"),
            ManagementJson.number(c, "code_expiration_minutes").map(Long::intValue));
      case "BUTTONS":
        return new Component.Buttons(
            ManagementJson.objects(c, "buttons", TemplateDefinitionJson::readButton));
      case "CAROUSEL":
        return new Component.Carousel(
            ManagementJson.objects(
                c, "cards", card -> new Component.Card(readComponents(card.get("components")))));
      case "LIMITED_TIME_OFFER":
        {
          JsonNode l = c.path("limited_time_offer");
          return new Component.LimitedTimeOffer(
              ManagementJson.textOrEmpty(l, "text"),
              ManagementJson.bool(l, "has_expiration").orElse(false));
        }
      default:
        return new Component.Unknown(type, ManagementJson.raw(c));
    }
  }

  private static Map<String, String> readNamed(JsonNode array) {
    Map<String, String> out = new LinkedHashMap<>();
    if (array != null && array.isArray()) {
      for (JsonNode p : array) {
        ManagementJson.text(p, "param_name")
            .ifPresent(n -> out.put(n, ManagementJson.textOrEmpty(p, "example")));
      }
    }
    return out;
  }

  private static Button readButton(JsonNode b) {
    String type = ManagementJson.textOrEmpty(b, "type").toUpperCase(Locale.ROOT);
    String text = ManagementJson.textOrEmpty(b, "text");
    switch (type) {
      case "QUICK_REPLY":
        return new Button.QuickReply(text);
      case "URL":
        {
          List<String> ex = ManagementJson.texts(b, "example");
          return new Button.Url(
              text,
              ManagementJson.textOrEmpty(b, "url"),
              ex.isEmpty() ? Optional.empty() : Optional.of(ex.get(0)));
        }
      case "PHONE_NUMBER":
        return new Button.PhoneNumber(text, ManagementJson.textOrEmpty(b, "phone_number"));
      case "COPY_CODE":
        {
          Optional<String> ex = ManagementJson.text(b, "example");
          if (ex.isEmpty()) {
            List<String> list = ManagementJson.texts(b, "example");
            ex = list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
          }
          return new Button.CopyCode(ex.orElse(""));
        }
      case "OTP":
        {
          List<Button.AndroidApp> apps =
              ManagementJson.objects(
                  b,
                  "supported_apps",
                  a ->
                      new Button.AndroidApp(
                          ManagementJson.textOrEmpty(a, "package_name"),
                          ManagementJson.textOrEmpty(a, "signature_hash")));
          if (apps.isEmpty() && b.has("package_name")) {
            apps =
                List.of(
                    new Button.AndroidApp(
                        ManagementJson.textOrEmpty(b, "package_name"),
                        ManagementJson.textOrEmpty(b, "signature_hash")));
          }
          return new Button.Otp(
              OtpType.of(ManagementJson.text(b, "otp_type").orElse(null)),
              ManagementJson.text(b, "text"),
              ManagementJson.text(b, "autofill_text"),
              apps,
              ManagementJson.bool(b, "zero_tap_terms_accepted"));
        }
      case "FLOW":
        return new Button.Flow(
            text,
            ManagementJson.text(b, "flow_id"),
            ManagementJson.text(b, "flow_name"),
            ManagementJson.text(b, "flow_json"),
            ManagementJson.text(b, "flow_action"),
            ManagementJson.text(b, "navigate_screen"));
      case "CATALOG":
        return new Button.Catalog(text);
      case "MPM":
        return new Button.MultiProduct(text);
      default:
        return new Button.Unknown(type, ManagementJson.raw(b));
    }
  }
}
