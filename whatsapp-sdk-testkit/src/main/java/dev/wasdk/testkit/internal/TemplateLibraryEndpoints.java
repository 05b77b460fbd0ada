package dev.wasdk.testkit.internal;

import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The template library of the simulator: {@code GET /message_template_library} with its filters,
 * {@code POST /{waba}/message_templates} with a {@code library_template_name} (the new template is
 * approved at once, as library templates often are), and {@code POST
 * /{waba}/migrate_message_templates}, which refuses any source WABA since the simulator holds one.
 * Thread-safe: the library is fixed and templates are stored by {@link TemplateStore}.
 */
final class TemplateLibraryEndpoints {
  private record Item(
      String name, String category, String topic, String usecase, String industry, String body) {}

  private static final List<Item> LIBRARY =
      List.of(
          new Item(
              "delivery_update_1",
              "UTILITY",
              "ORDER_MANAGEMENT",
              "DELIVERY_UPDATE",
              "E_COMMERCE",
              "Good news! Your order {{1}} is on its way."),
          new Item(
              "payment_confirmation_1",
              "UTILITY",
              "PAYMENTS",
              "PAYMENT_CONFIRMATION",
              "FINANCIAL_SERVICES",
              "We received your payment of {{1}} for order {{2}}."),
          new Item(
              "group_invite_link",
              "UTILITY",
              "GROUP_INVITE_LINK",
              "GROUP_INVITE",
              "E_COMMERCE",
              "You are invited to join our group: {{1}}"));

  private final Simulator sim;

  TemplateLibraryEndpoints(Simulator sim) {
    this.sim = sim;
  }

  SimResponse browse(String method, SimRequest req) {
    Simulator.requireMethod(method, "message_template_library", "GET");
    ObjectNode o = JsonIo.MAPPER.createObjectNode();
    ArrayNode data = o.putArray("data");
    String search = req.query("search").orElse("").toLowerCase(Locale.ROOT);
    for (Item i : LIBRARY) {
      if (!matches(req, "topic", i.topic())
          || !matches(req, "usecase", i.usecase())
          || !matches(req, "industry", i.industry())
          || !(search.isEmpty()
              || (i.name() + " " + i.body()).toLowerCase(Locale.ROOT).contains(search))) {
        continue;
      }
      ObjectNode n = data.addObject();
      n.put("name", i.name());
      n.put("language", req.query("language").orElse("en_US"));
      n.put("category", i.category());
      n.put("topic", i.topic());
      n.put("usecase", i.usecase());
      n.putArray("industry").add(i.industry());
      n.put("body", i.body());
    }
    o.putObject("paging").putObject("cursors");
    return SimResponse.json(JsonIo.bytes(o));
  }

  private static boolean matches(SimRequest req, String param, String value) {
    return req.query(param).map(v -> v.equalsIgnoreCase(value)).orElse(true);
  }

  /** Returns whether a template creation names a library template. */
  static boolean fromLibrary(String method, SimRequest req) {
    if (!method.equals("POST")) {
      return false;
    }
    JsonNode body = JsonIo.parseOrNull(req.body());
    return body != null && body.has("library_template_name");
  }

  SimResponse create(SimRequest req) {
    JsonNode body = JsonIo.parseOrNull(req.body());
    String libraryName = body.path("library_template_name").asString("");
    Item item =
        LIBRARY.stream()
            .filter(i -> i.name().equals(libraryName))
            .findFirst()
            .orElseThrow(
                () ->
                    GraphErrorException.of(
                        100, "library_template_name: no library template " + libraryName));
    ObjectNode request = JsonIo.MAPPER.createObjectNode();
    request.put("name", body.path("name").asString(""));
    request.put("language", body.path("language").asString(""));
    request.put("category", body.path("category").asString(item.category()));
    ObjectNode b = request.putArray("components").addObject();
    b.put("type", "BODY");
    b.put("text", item.body());
    ArrayNode examples = b.putObject("example").putArray("body_text").addArray();
    for (int k = 0; k < item.body().split("\\{\\{").length - 1; k++) {
      examples.add("example");
    }
    TemplateStore.Template t = sim.templates.create(request, "APPROVED");
    ObjectNode o = JsonIo.MAPPER.createObjectNode();
    o.put("id", t.id());
    o.put("status", t.status());
    o.put("category", t.category());
    return SimResponse.json(JsonIo.bytes(o));
  }

  SimResponse migrate(String method, SimRequest req) {
    Simulator.requireMethod(method, "migrate_message_templates", "POST");
    JsonNode body = JsonIo.parseOrNull(req.body());
    String source =
        body == null
            ? req.query("source_waba_id").orElse("")
            : body.path("source_waba_id").asString("");
    if (source.isEmpty()) {
      throw GraphErrorException.of(100, "source_waba_id is required");
    }
    throw GraphErrorException.of(
        100,
        "source_waba_id: "
            + source
            + " is not another WhatsApp Business Account of this business portfolio");
  }
}
