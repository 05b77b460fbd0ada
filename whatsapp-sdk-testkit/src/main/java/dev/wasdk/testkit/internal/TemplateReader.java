package dev.wasdk.testkit.internal;

import static dev.wasdk.testkit.internal.BodyFields.arr;
import static dev.wasdk.testkit.internal.BodyFields.clip;
import static dev.wasdk.testkit.internal.BodyFields.coordinate;
import static dev.wasdk.testkit.internal.BodyFields.intValue;
import static dev.wasdk.testkit.internal.BodyFields.longValue;
import static dev.wasdk.testkit.internal.BodyFields.missing;
import static dev.wasdk.testkit.internal.BodyFields.obj;
import static dev.wasdk.testkit.internal.BodyFields.optArray;
import static dev.wasdk.testkit.internal.BodyFields.optObject;
import static dev.wasdk.testkit.internal.BodyFields.optStr;
import static dev.wasdk.testkit.internal.BodyFields.requireObject;
import static dev.wasdk.testkit.internal.BodyFields.str;
import static dev.wasdk.testkit.internal.MessageReader.TemplateHints;
import static dev.wasdk.testkit.internal.MessageReader.mediaRef;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.message.TemplateButton;
import dev.wasdk.message.TemplateCarouselCard;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TemplateParameter;
import dev.wasdk.message.TemplateProductSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code template} object of a message body: components, parameters, buttons and carousel
 * cards. Part of {@link MessageReader}; stateless.
 */
final class TemplateReader {
  private TemplateReader() {}

  static Message template(Message.Builder b, JsonNode node, TemplateHints hints) {
    String name = str(node, "name", "template.name");
    JsonNode language = obj(node, "language", "template.language");
    String code = str(language, "code", "template.language.code");
    TemplateMessage.Builder m = b.template(name, code).category(hints.category());
    Optional<String> policy = optStr(language, "policy", "template.language.policy");
    if (policy.isPresent()) {
      if (!policy.get().equals("deterministic")) {
        throw new InvalidMessageException(
            "template.language.policy", "deterministic", "'" + clip(policy.get()) + "'");
      }
      m.deterministicLanguagePolicy();
    }
    if (hints.bodyOnly()) {
      m.bodyOnlyTemplate();
    }
    JsonNode components = optArray(node, "components", "template.components");
    boolean seenHeader = false;
    boolean seenBody = false;
    boolean seenOffer = false;
    boolean seenCarousel = false;
    boolean seenTap = false;
    for (int i = 0; components != null && i < components.size(); i++) {
      String p = "template.components[" + i + "]";
      JsonNode c = components.get(i);
      requireObject(c, p);
      String type = str(c, "type", p + ".type").toLowerCase(Locale.ROOT);
      switch (type) {
        case "header":
          seenHeader = once(seenHeader, p, "header");
          m.header(single(c, p));
          break;
        case "body":
          seenBody = once(seenBody, p, "body");
          m.body(variables(c, p).toArray(new TemplateParameter.Variable[0]));
          break;
        case "button":
          m.button(button(c, p));
          break;
        case "limited_time_offer":
          seenOffer = once(seenOffer, p, "limited_time_offer");
          {
            JsonNode param = firstParameter(c, p);
            String pp = p + ".parameters[0]";
            JsonNode lto = obj(param, "limited_time_offer", pp + ".limited_time_offer");
            m.limitedTimeOffer(
                longValue(
                    lto, "expiration_time_ms", pp + ".limited_time_offer.expiration_time_ms"));
          }
          break;
        case "carousel":
          seenCarousel = once(seenCarousel, p, "carousel");
          m.carousel(cards(c, p));
          break;
        case "tap_target_configuration":
          seenTap = once(seenTap, p, "tap_target_configuration");
          {
            JsonNode param = firstParameter(c, p);
            String pp = p + ".parameters[0].tap_target_configuration";
            JsonNode list = arr(param, "tap_target_configuration", pp);
            if (list.isEmpty()) {
              throw missing(pp + "[0]");
            }
            JsonNode tap = list.get(0);
            requireObject(tap, pp + "[0]");
            m.tapTarget(str(tap, "url", pp + "[0].url"), str(tap, "title", pp + "[0].title"));
          }
          break;
        default:
          throw new InvalidMessageException(
              p + ".type",
              "header, body, button, limited_time_offer, carousel or tap_target_configuration",
              "'" + clip(type) + "'");
      }
    }
    return m.build();
  }

  private static boolean once(boolean seen, String path, String type) {
    if (seen) {
      throw new InvalidMessageException(path, "the only " + type + " component", "a second one");
    }
    return true;
  }

  private static JsonNode firstParameter(JsonNode component, String path) {
    JsonNode params = arr(component, "parameters", path + ".parameters");
    if (params.isEmpty()) {
      throw missing(path + ".parameters[0]");
    }
    if (params.size() > 1) {
      throw new InvalidMessageException(
          path + ".parameters[1]", "exactly 1 items", params.size() + " items");
    }
    JsonNode first = params.get(0);
    requireObject(first, path + ".parameters[0]");
    return first;
  }

  private static TemplateParameter single(JsonNode component, String path) {
    JsonNode param = firstParameter(component, path);
    return parameter(param, path + ".parameters[0]");
  }

  private static List<TemplateParameter.Variable> variables(JsonNode component, String path) {
    JsonNode params = arr(component, "parameters", path + ".parameters");
    List<TemplateParameter.Variable> out = new ArrayList<>();
    for (int i = 0; i < params.size(); i++) {
      String pp = path + ".parameters[" + i + "]";
      requireObject(params.get(i), pp);
      TemplateParameter p = parameter(params.get(i), pp);
      if (!(p instanceof TemplateParameter.Variable v)) {
        throw new InvalidMessageException(
            pp + ".type", "text, currency or date_time in a body", typeOf(params.get(i)));
      }
      out.add(v);
    }
    return out;
  }

  private static String typeOf(JsonNode param) {
    JsonNode t = param.get("type");
    return t != null && t.isString() ? "'" + clip(t.stringValue()) + "'" : "missing";
  }

  private static TemplateParameter parameter(JsonNode p, String path) {
    String type = str(p, "type", path + ".type");
    Optional<String> name = optStr(p, "parameter_name", path + ".parameter_name");
    switch (type) {
      case "text":
        {
          String text = str(p, "text", path + ".text");
          return name.isPresent()
              ? TemplateParameter.namedText(name.get(), text)
              : TemplateParameter.text(text);
        }
      case "currency":
        {
          JsonNode c = obj(p, "currency", path + ".currency");
          TemplateParameter.Currency cur =
              TemplateParameter.currency(
                  str(c, "fallback_value", path + ".currency.fallback_value"),
                  str(c, "code", path + ".currency.code"),
                  longValue(c, "amount_1000", path + ".currency.amount_1000"));
          return name.isPresent() ? cur.named(name.get()) : cur;
        }
      case "date_time":
        {
          JsonNode d = obj(p, "date_time", path + ".date_time");
          TemplateParameter.DateTime dt =
              TemplateParameter.dateTime(
                  str(d, "fallback_value", path + ".date_time.fallback_value"));
          return name.isPresent() ? dt.named(name.get()) : dt;
        }
      case "image":
        return TemplateParameter.image(mediaRef(obj(p, "image", path + ".image"), path + ".image"));
      case "video":
        return TemplateParameter.video(mediaRef(obj(p, "video", path + ".video"), path + ".video"));
      case "document":
        {
          JsonNode d = obj(p, "document", path + ".document");
          MediaRef ref = mediaRef(d, path + ".document");
          Optional<String> filename = optStr(d, "filename", path + ".document.filename");
          return filename.isPresent()
              ? TemplateParameter.document(ref, filename.get())
              : TemplateParameter.document(ref);
        }
      case "location":
        {
          JsonNode l = obj(p, "location", path + ".location");
          double lat = coordinate(l, "latitude", path + ".location.latitude");
          double lon = coordinate(l, "longitude", path + ".location.longitude");
          return new TemplateParameter.Location(
              lat,
              lon,
              optStr(l, "name", path + ".location.name"),
              optStr(l, "address", path + ".location.address"));
        }
      case "product":
        {
          JsonNode pr = obj(p, "product", path + ".product");
          return TemplateParameter.product(
              str(pr, "catalog_id", path + ".product.catalog_id"),
              str(pr, "product_retailer_id", path + ".product.product_retailer_id"));
        }
      default:
        throw new InvalidMessageException(
            path + ".type",
            "text, currency, date_time, image, video, document, location or product",
            "'" + clip(type) + "'");
    }
  }

  private static TemplateButton button(JsonNode c, String path) {
    String subType = str(c, "sub_type", path + ".sub_type").toLowerCase(Locale.ROOT);
    int index = intValue(c, "index", path + ".index");
    JsonNode param = firstParameter(c, path);
    String pp = path + ".parameters[0]";
    switch (subType) {
      case "quick_reply":
        expectParameterType(param, pp, "payload");
        return TemplateButton.quickReply(index, str(param, "payload", pp + ".payload"));
      case "url":
        expectParameterType(param, pp, "text");
        return TemplateButton.url(index, str(param, "text", pp + ".text"));
      case "copy_code":
        expectParameterType(param, pp, "coupon_code");
        return TemplateButton.copyCode(index, str(param, "coupon_code", pp + ".coupon_code"));
      case "flow":
        {
          expectParameterType(param, pp, "action");
          JsonNode a = obj(param, "action", pp + ".action");
          String token = str(a, "flow_token", pp + ".action.flow_token");
          JsonNode data = optObject(a, "flow_action_data", pp + ".action.flow_action_data");
          if (data == null) {
            return TemplateButton.flow(index, token);
          }
          @SuppressWarnings("unchecked")
          Map<String, Object> map = (Map<String, Object>) JsonIo.toJava(data);
          return TemplateButton.flow(index, token, map);
        }
      case "catalog":
        {
          expectParameterType(param, pp, "action");
          JsonNode a = obj(param, "action", pp + ".action");
          return TemplateButton.catalog(
              index,
              str(
                  a,
                  "thumbnail_product_retailer_id",
                  pp + ".action.thumbnail_product_retailer_id"));
        }
      case "mpm":
        {
          expectParameterType(param, pp, "action");
          JsonNode a = obj(param, "action", pp + ".action");
          String thumbnail =
              str(a, "thumbnail_product_retailer_id", pp + ".action.thumbnail_product_retailer_id");
          JsonNode sections = arr(a, "sections", pp + ".action.sections");
          List<TemplateProductSection> out = new ArrayList<>();
          for (int s = 0; s < sections.size(); s++) {
            String sp = pp + ".action.sections[" + s + "]";
            requireObject(sections.get(s), sp);
            JsonNode items = arr(sections.get(s), "product_items", sp + ".product_items");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
              String ip = sp + ".product_items[" + i + "]";
              requireObject(items.get(i), ip);
              ids.add(str(items.get(i), "product_retailer_id", ip + ".product_retailer_id"));
            }
            out.add(new TemplateProductSection(str(sections.get(s), "title", sp + ".title"), ids));
          }
          return TemplateButton.multiProduct(index, thumbnail, out);
        }
      default:
        throw new InvalidMessageException(
            path + ".sub_type",
            "quick_reply, url, copy_code, flow, catalog or mpm",
            "'" + clip(subType) + "'");
    }
  }

  private static void expectParameterType(JsonNode param, String path, String type) {
    String actual = str(param, "type", path + ".type");
    if (!actual.equals(type)) {
      throw new InvalidMessageException(path + ".type", type, "'" + clip(actual) + "'");
    }
  }

  private static List<TemplateCarouselCard> cards(JsonNode c, String path) {
    JsonNode cards = arr(c, "cards", path + ".cards");
    List<TemplateCarouselCard> out = new ArrayList<>();
    for (int i = 0; i < cards.size(); i++) {
      String cp = path + ".cards[" + i + "]";
      JsonNode card = cards.get(i);
      requireObject(card, cp);
      JsonNode index = card.get("card_index");
      if (index != null && index.isNumber() && index.asInt() != i) {
        throw new InvalidMessageException(
            cp + ".card_index", "the card's position, " + i, String.valueOf(index.asInt()));
      }
      JsonNode components = arr(card, "components", cp + ".components");
      TemplateParameter header = null;
      List<TemplateParameter.Variable> body = List.of();
      List<TemplateButton> buttons = new ArrayList<>();
      for (int k = 0; k < components.size(); k++) {
        String kp = cp + ".components[" + k + "]";
        JsonNode comp = components.get(k);
        requireObject(comp, kp);
        String type = str(comp, "type", kp + ".type").toLowerCase(Locale.ROOT);
        switch (type) {
          case "header":
            if (header != null) {
              throw new InvalidMessageException(kp, "the only header component", "a second one");
            }
            header = single(comp, kp);
            break;
          case "body":
            body = variables(comp, kp);
            break;
          case "button":
            buttons.add(button(comp, kp));
            break;
          default:
            throw new InvalidMessageException(
                kp + ".type", "header, body or button", "'" + clip(type) + "'");
        }
      }
      if (header == null) {
        throw missing(cp + ".components[0]");
      }
      TemplateCarouselCard.Builder cb = TemplateCarouselCard.builder(header);
      cb.body(body.toArray(new TemplateParameter.Variable[0]));
      buttons.forEach(cb::button);
      out.add(cb.build());
    }
    return out;
  }
}
