package dev.wasdk.testkit.internal;

import static dev.wasdk.testkit.internal.MediaEndpoints.alive;
import static dev.wasdk.testkit.internal.Paging.page;

import dev.wasdk.client.QualityRating;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * The management endpoints: media, templates, phone numbers, business profile and blocked users,
 * with the response shapes of Meta's OpenAPI spec. Thread-safe.
 */
final class ManagementEndpoints {
  private static final List<String> PHONE_DEFAULT_FIELDS =
      List.of(
          "verified_name",
          "code_verification_status",
          "display_phone_number",
          "quality_rating",
          "platform_type",
          "throughput",
          "id");
  private static final List<String> LIST_DEFAULT_FIELDS =
      List.of(
          "verified_name",
          "code_verification_status",
          "display_phone_number",
          "quality_rating",
          "platform_type",
          "throughput",
          "status",
          "id");

  private final Simulator sim;

  ManagementEndpoints(Simulator sim) {
    this.sim = sim;
  }

  // ---- objects: GET/POST/DELETE /{id} ----------------------------------------------------------

  SimResponse object(String method, String id, SimRequest req, Instant now) {
    Simulator.Phone phone = sim.phones.get(id);
    if (phone != null) {
      Simulator.requireMethod(method, id, "GET");
      return SimResponse.json(
          JsonIo.bytes(phoneJson(phone, fields(req, PHONE_DEFAULT_FIELDS), false)));
    }
    if (id.equals(sim.settings.wabaId())) {
      Simulator.requireMethod(method, id, "GET");
      Optional<ObjectNode> analytics = sim.reactions.analytics(req.query("fields"));
      return SimResponse.json(JsonIo.bytes(analytics.orElseGet(this::wabaJson)));
    }
    Optional<MediaStore.Media> media = sim.media.get(id).filter(m -> alive(m, now));
    if (media.isPresent()) {
      Simulator.requireMethod(method, id, "GET", "DELETE");
      MediaStore.Media m = media.get();
      Optional<String> owner = req.query("phone_number_id");
      if (owner.isPresent() && !owner.get().equals(m.phoneNumberId())) {
        throw GraphErrorException.of(
            100, "phone_number_id: the media does not belong to this phone number");
      }
      if (method.equals("DELETE")) {
        sim.media.delete(id);
        return SimResponse.success();
      }
      return SimResponse.json(sim.mediaEndpoints.mediaJson(m, now));
    }
    Optional<TemplateStore.Template> template = sim.templates.byId(id);
    if (template.isPresent()) {
      Simulator.requireMethod(method, id, "GET", "POST");
      if (method.equals("POST")) {
        sim.templates.edit(id, JsonIo.parseOrNull(req.body()));
        return SimResponse.success();
      }
      return SimResponse.json(JsonIo.bytes(TemplateStore.toJson(template.get())));
    }
    throw GraphErrorException.unknownObject(method, id);
  }

  private ObjectNode wabaJson() {
    ObjectNode o = JsonIo.MAPPER.createObjectNode();
    o.put("id", sim.settings.wabaId());
    o.put("name", sim.primary.verifiedName);
    o.put("currency", "USD");
    o.put("timezone_id", "1");
    o.put("message_template_namespace", "simulator_namespace");
    o.put("whatsapp_business_manager_messaging_limit", sim.tier.name());
    return o;
  }

  static List<String> fields(SimRequest req, List<String> defaults) {
    Optional<String> f = req.query("fields");
    if (f.isEmpty() || f.get().isBlank()) {
      return defaults;
    }
    List<String> out = new ArrayList<>();
    for (String s : f.get().split(",")) {
      if (!s.isBlank()) {
        out.add(s.trim());
      }
    }
    return out;
  }

  /**
   * Writes a phone number's fields. {@code status} differs by where it is read, as in the spec: the
   * number's own node reports its account status (CONNECTED), the WABA's list its link status
   * (LINKED).
   */
  private ObjectNode phoneJson(Simulator.Phone phone, List<String> fields, boolean listing) {
    ObjectNode o = JsonIo.MAPPER.createObjectNode();
    for (String f : fields) {
      switch (f) {
        case "id":
          break;
        case "display_phone_number":
          o.put(f, formatted(phone.display));
          break;
        case "verified_name":
          o.put(f, phone.verifiedName);
          break;
        case "quality_rating":
          o.put(f, phone.quality == QualityRating.UNKNOWN ? "UNKNOWN" : phone.quality.name());
          break;
        case "code_verification_status":
          o.put(f, "VERIFIED");
          break;
        case "name_status":
          o.put(f, "APPROVED");
          break;
        case "platform_type":
          o.put(f, "CLOUD_API");
          break;
        case "status":
          o.put(f, listing ? "LINKED" : "CONNECTED");
          break;
        case "account_mode":
          o.put(f, "LIVE");
          break;
        case "is_official_business_account":
          o.put(f, false);
          break;
        case "throughput":
          o.putObject(f).put("level", phone.throughput >= 1000 ? "HIGH" : "STANDARD");
          break;
        case "whatsapp_business_manager_messaging_limit":
        case "messaging_limit_tier":
          o.put(f, sim.tier.name());
          break;
        default:
          throw Simulator.nonexistingField(f, "WhatsAppBusinessPhoneNumber");
      }
    }
    o.put("id", phone.id);
    return o;
  }

  /** Formats digits as Graph shows a display number: {@code +1 555-078-3881} for NANP numbers. */
  static String formatted(String digits) {
    if (digits.length() == 11 && digits.startsWith("1")) {
      return "+1 "
          + digits.substring(1, 4)
          + "-"
          + digits.substring(4, 7)
          + "-"
          + digits.substring(7);
    }
    return "+" + digits;
  }

  SimResponse phoneNumbers(SimRequest req) {
    List<String> fields = fields(req, LIST_DEFAULT_FIELDS);
    List<ObjectNode> all = new ArrayList<>();
    for (Simulator.Phone p : sim.phones.values()) {
      all.add(phoneJson(p, fields, true));
    }
    return SimResponse.json(JsonIo.bytes(page(sim, req, all, o -> o)));
  }

  // ---- templates -------------------------------------------------------------------------------

  SimResponse templates(String method, SimRequest req) {
    switch (method) {
      case "GET":
        {
          Optional<String> name = req.query("name");
          Optional<String> status = req.query("status");
          Optional<String> category = req.query("category");
          Optional<String> language = req.query("language");
          List<TemplateStore.Template> list = new ArrayList<>();
          for (TemplateStore.Template t : sim.templates.all()) {
            if (name.isPresent() && !t.name().contains(name.get())) {
              continue;
            }
            if (status.isPresent() && !listContains(status.get(), t.status())) {
              continue;
            }
            if (category.isPresent() && !listContains(category.get(), t.category())) {
              continue;
            }
            if (language.isPresent() && !listContains(language.get(), t.language())) {
              continue;
            }
            list.add(t);
          }
          return SimResponse.json(JsonIo.bytes(page(sim, req, list, TemplateStore::toJson)));
        }
      case "POST":
        {
          TemplateStore.Template t =
              sim.templates.create(JsonIo.parseOrNull(req.body()), "APPROVED");
          if (sim.webhooks.active()) {
            sim.emitField(
                "message_template_status_update",
                WebhookPayloads.templateStatus(
                    "APPROVED", t.id(), t.name(), t.language(), t.category()));
          }
          return SimResponse.json(
              JsonIo.write(
                  g -> {
                    g.writeStartObject();
                    g.writeStringProperty("id", t.id());
                    g.writeStringProperty("status", t.status());
                    g.writeStringProperty("category", t.category());
                    g.writeEndObject();
                  }));
        }
      case "DELETE":
        {
          String name =
              req.query("name")
                  .filter(s -> !s.isBlank())
                  .orElseThrow(
                      () -> GraphErrorException.of(100, "The parameter name is required."));
          String hsmId = req.query("hsm_id").orElse(null);
          if (sim.templates.delete(name, hsmId) == 0) {
            throw GraphErrorException.of(100, "Message template \"" + name + "\" was not found.");
          }
          return SimResponse.success();
        }
      default:
        throw GraphErrorException.unknownObject(method, sim.settings.wabaId());
    }
  }

  private static boolean listContains(String commaList, String value) {
    for (String s : commaList.split(",")) {
      if (s.trim().equalsIgnoreCase(value)) {
        return true;
      }
    }
    return false;
  }
}
