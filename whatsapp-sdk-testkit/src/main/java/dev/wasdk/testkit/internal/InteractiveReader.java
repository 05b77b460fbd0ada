package dev.wasdk.testkit.internal;

import static dev.wasdk.testkit.internal.BodyFields.arr;
import static dev.wasdk.testkit.internal.BodyFields.clip;
import static dev.wasdk.testkit.internal.BodyFields.enumValue;
import static dev.wasdk.testkit.internal.BodyFields.missing;
import static dev.wasdk.testkit.internal.BodyFields.obj;
import static dev.wasdk.testkit.internal.BodyFields.optArray;
import static dev.wasdk.testkit.internal.BodyFields.optObject;
import static dev.wasdk.testkit.internal.BodyFields.optStr;
import static dev.wasdk.testkit.internal.BodyFields.requireObject;
import static dev.wasdk.testkit.internal.BodyFields.shape;
import static dev.wasdk.testkit.internal.BodyFields.str;
import static dev.wasdk.testkit.internal.BodyFields.stringMap;
import static dev.wasdk.testkit.internal.MessageReader.mediaRef;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.AddressMessage;
import dev.wasdk.message.CatalogMessage;
import dev.wasdk.message.CtaUrlMessage;
import dev.wasdk.message.FlowMessage;
import dev.wasdk.message.InteractiveHeader;
import dev.wasdk.message.ListMessage;
import dev.wasdk.message.ListRow;
import dev.wasdk.message.ListSection;
import dev.wasdk.message.Message;
import dev.wasdk.message.ProductListMessage;
import dev.wasdk.message.ProductMessage;
import dev.wasdk.message.ProductSection;
import dev.wasdk.message.ReplyButtonsMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the {@code interactive} object of a message body: buttons, lists, CTA URL, Flow, product,
 * catalog, address and request messages. Part of {@link MessageReader}; stateless.
 */
final class InteractiveReader {
  private InteractiveReader() {}

  // ---- interactive ----------------------------------------------------------------------------

  static Message interactive(Message.Builder b, JsonNode node) {
    String kind = str(node, "type", "interactive.type");
    JsonNode action =
        "location_request_message".equals(kind) || "call_permission_request".equals(kind)
            ? node.get("action")
            : obj(node, "action", "interactive.action");
    switch (kind) {
      case "button":
        return buttons(b, node, action);
      case "list":
        return list(b, node, action);
      case "cta_url":
        return ctaUrl(b, node, action);
      case "flow":
        return flow(b, node, action);
      case "product":
        return product(b, node, action);
      case "product_list":
        return productList(b, node, action);
      case "catalog_message":
        return catalog(b, node, action);
      case "location_request_message":
        return b.locationRequest(body(node));
      case "address_message":
        return address(b, node, action);
      case "call_permission_request":
        return b.callPermissionRequest(body(node));
      default:
        throw shape(
            "interactive.type",
            "one of button, list, cta_url, flow, product, product_list, catalog_message,"
                + " location_request_message, address_message or call_permission_request",
            "'" + clip(kind) + "'");
    }
  }

  private static String body(JsonNode node) {
    return str(obj(node, "body", "interactive.body"), "text", "interactive.body.text");
  }

  private static Optional<String> optBody(JsonNode node) {
    JsonNode body = optObject(node, "body", "interactive.body");
    return body == null
        ? Optional.empty()
        : Optional.of(str(body, "text", "interactive.body.text"));
  }

  private static Optional<String> footer(JsonNode node) {
    JsonNode footer = optObject(node, "footer", "interactive.footer");
    return footer == null
        ? Optional.empty()
        : Optional.of(str(footer, "text", "interactive.footer.text"));
  }

  private static Optional<InteractiveHeader> header(JsonNode node) {
    JsonNode h = optObject(node, "header", "interactive.header");
    if (h == null) {
      return Optional.empty();
    }
    String type = str(h, "type", "interactive.header.type");
    switch (type) {
      case "text":
        return Optional.of(InteractiveHeader.text(str(h, "text", "interactive.header.text")));
      case "image":
        return Optional.of(
            InteractiveHeader.image(
                mediaRef(obj(h, "image", "interactive.header.image"), "interactive.header.image")));
      case "video":
        return Optional.of(
            InteractiveHeader.video(
                mediaRef(obj(h, "video", "interactive.header.video"), "interactive.header.video")));
      case "document":
        return Optional.of(
            InteractiveHeader.document(
                mediaRef(
                    obj(h, "document", "interactive.header.document"),
                    "interactive.header.document")));
      default:
        throw new InvalidMessageException(
            "interactive.header.type", "text, image, video or document", "'" + clip(type) + "'");
    }
  }

  private static Optional<String> textHeader(JsonNode node) {
    Optional<InteractiveHeader> h = header(node);
    if (h.isEmpty()) {
      return Optional.empty();
    }
    if (h.get() instanceof InteractiveHeader.Text t) {
      return Optional.of(t.text());
    }
    throw new InvalidMessageException(
        "interactive.header.type", "text for this interactive type", h.get().type());
  }

  private static Message buttons(Message.Builder b, JsonNode node, JsonNode action) {
    ReplyButtonsMessage.Builder m = b.buttons();
    header(node).ifPresent(m::header);
    m.body(body(node));
    footer(node).ifPresent(m::footer);
    JsonNode buttons = arr(action, "buttons", "interactive.action.buttons");
    for (int i = 0; i < buttons.size(); i++) {
      String p = "interactive.action.buttons[" + i + "]";
      JsonNode button = buttons.get(i);
      requireObject(button, p);
      String type = str(button, "type", p + ".type");
      if (!type.equals("reply")) {
        throw new InvalidMessageException(p + ".type", "reply", "'" + clip(type) + "'");
      }
      JsonNode reply = obj(button, "reply", p + ".reply");
      m.button(str(reply, "id", p + ".reply.id"), str(reply, "title", p + ".reply.title"));
    }
    return m.build();
  }

  private static Message list(Message.Builder b, JsonNode node, JsonNode action) {
    ListMessage.Builder m = b.list();
    textHeader(node).ifPresent(m::header);
    m.body(body(node));
    footer(node).ifPresent(m::footer);
    m.button(str(action, "button", "interactive.action.button"));
    JsonNode sections = arr(action, "sections", "interactive.action.sections");
    for (int s = 0; s < sections.size(); s++) {
      String p = "interactive.action.sections[" + s + "]";
      JsonNode section = sections.get(s);
      requireObject(section, p);
      List<ListRow> rows = new ArrayList<>();
      JsonNode rowsNode = arr(section, "rows", p + ".rows");
      for (int r = 0; r < rowsNode.size(); r++) {
        String rp = p + ".rows[" + r + "]";
        JsonNode row = rowsNode.get(r);
        requireObject(row, rp);
        rows.add(
            new ListRow(
                str(row, "id", rp + ".id"),
                str(row, "title", rp + ".title"),
                optStr(row, "description", rp + ".description")));
      }
      m.section(new ListSection(optStr(section, "title", p + ".title"), rows));
    }
    return m.build();
  }

  private static Message ctaUrl(Message.Builder b, JsonNode node, JsonNode action) {
    CtaUrlMessage.Builder m = b.ctaUrl();
    header(node).ifPresent(m::header);
    m.body(body(node));
    footer(node).ifPresent(m::footer);
    expectName(action, "cta_url");
    JsonNode params = obj(action, "parameters", "interactive.action.parameters");
    m.displayText(str(params, "display_text", "interactive.action.parameters.display_text"));
    m.url(str(params, "url", "interactive.action.parameters.url"));
    return m.build();
  }

  private static Message flow(Message.Builder b, JsonNode node, JsonNode action) {
    String p = "interactive.action.parameters";
    FlowMessage.Builder m = b.flow();
    header(node).ifPresent(m::header);
    m.body(body(node));
    footer(node).ifPresent(m::footer);
    expectName(action, "flow");
    JsonNode params = obj(action, "parameters", p);
    String version = str(params, "flow_message_version", p + ".flow_message_version");
    if (!version.equals(FlowMessage.FLOW_MESSAGE_VERSION)) {
      throw new InvalidMessageException(
          p + ".flow_message_version",
          "\"" + FlowMessage.FLOW_MESSAGE_VERSION + "\"",
          "'" + clip(version) + "'");
    }
    optStr(params, "flow_id", p + ".flow_id").ifPresent(m::flowId);
    optStr(params, "flow_name", p + ".flow_name").ifPresent(m::flowName);
    m.flowCta(str(params, "flow_cta", p + ".flow_cta"));
    Optional<String> mode = optStr(params, "mode", p + ".mode");
    if (mode.isPresent()) {
      m.mode(enumValue(FlowMessage.Mode.class, mode.get(), p + ".mode", "draft or published"));
    }
    optStr(params, "flow_token", p + ".flow_token").ifPresent(m::flowToken);
    Optional<FlowMessage.FlowAction> flowAction =
        optStr(params, "flow_action", p + ".flow_action")
            .map(
                a ->
                    enumValue(
                        FlowMessage.FlowAction.class,
                        a,
                        p + ".flow_action",
                        "navigate or data_exchange"));
    JsonNode payload = optObject(params, "flow_action_payload", p + ".flow_action_payload");
    Optional<String> screen =
        payload == null
            ? Optional.empty()
            : Optional.of(str(payload, "screen", p + ".flow_action_payload.screen"));
    Map<String, Object> data = new LinkedHashMap<>();
    if (payload != null) {
      JsonNode d = optObject(payload, "data", p + ".flow_action_payload.data");
      if (d != null) {
        @SuppressWarnings("unchecked")
        Map<String, Object> converted = (Map<String, Object>) JsonIo.toJava(d);
        data.putAll(converted);
      }
    }
    if (flowAction.orElse(null) == FlowMessage.FlowAction.DATA_EXCHANGE) {
      if (payload != null) {
        throw new InvalidMessageException(
            p + ".flow_action_payload", "absent when flow_action is data_exchange", "present");
      }
      m.dataExchange();
      return m.build();
    }
    if (screen.isPresent()) {
      m.navigate(screen.get(), data);
      FlowMessage built = m.build();
      return flowAction.isPresent() ? built : withoutFlowAction(built);
    }
    FlowMessage built = m.build();
    if (flowAction.isEmpty()) {
      return built;
    }
    // navigate without a payload: the builder has no call for it, the record does.
    return new FlowMessage(
        built.envelope(),
        built.header(),
        built.body(),
        built.footer(),
        built.flowId(),
        built.flowName(),
        built.flowCta(),
        built.mode(),
        built.flowToken(),
        flowAction,
        Optional.empty(),
        Map.of());
  }

  /** Keeps the typed message true to the JSON, which named a screen but no flow_action. */
  private static FlowMessage withoutFlowAction(FlowMessage m) {
    return new FlowMessage(
        m.envelope(),
        m.header(),
        m.body(),
        m.footer(),
        m.flowId(),
        m.flowName(),
        m.flowCta(),
        m.mode(),
        m.flowToken(),
        Optional.empty(),
        m.screen(),
        m.data());
  }

  private static Message product(Message.Builder b, JsonNode node, JsonNode action) {
    if (node.has("header")) {
      throw new InvalidMessageException(
          "interactive.header", "absent for a single-product message", "present");
    }
    ProductMessage.Builder m = b.product();
    optBody(node).ifPresent(m::body);
    footer(node).ifPresent(m::footer);
    m.catalogId(str(action, "catalog_id", "interactive.action.catalog_id"));
    m.productRetailerId(
        str(action, "product_retailer_id", "interactive.action.product_retailer_id"));
    return m.build();
  }

  private static Message productList(Message.Builder b, JsonNode node, JsonNode action) {
    ProductListMessage.Builder m = b.productList();
    Optional<String> header = textHeader(node);
    if (header.isEmpty()) {
      throw missing("interactive.header");
    }
    m.header(header.get());
    m.body(body(node));
    footer(node).ifPresent(m::footer);
    m.catalogId(str(action, "catalog_id", "interactive.action.catalog_id"));
    JsonNode sections = arr(action, "sections", "interactive.action.sections");
    for (int s = 0; s < sections.size(); s++) {
      String p = "interactive.action.sections[" + s + "]";
      JsonNode section = sections.get(s);
      requireObject(section, p);
      List<String> ids = new ArrayList<>();
      JsonNode items = arr(section, "product_items", p + ".product_items");
      for (int i = 0; i < items.size(); i++) {
        String ip = p + ".product_items[" + i + "]";
        requireObject(items.get(i), ip);
        ids.add(str(items.get(i), "product_retailer_id", ip + ".product_retailer_id"));
      }
      m.section(new ProductSection(optStr(section, "title", p + ".title"), ids));
    }
    return m.build();
  }

  private static Message catalog(Message.Builder b, JsonNode node, JsonNode action) {
    CatalogMessage.Builder m = b.catalog();
    m.body(body(node));
    footer(node).ifPresent(m::footer);
    expectName(action, "catalog_message");
    JsonNode params = obj(action, "parameters", "interactive.action.parameters");
    m.thumbnailProductRetailerId(
        str(
            params,
            "thumbnail_product_retailer_id",
            "interactive.action.parameters.thumbnail_product_retailer_id"));
    return m.build();
  }

  private static Message address(Message.Builder b, JsonNode node, JsonNode action) {
    String p = "interactive.action.parameters";
    AddressMessage.Builder m = b.address();
    textHeader(node).ifPresent(m::header);
    m.body(body(node));
    footer(node).ifPresent(m::footer);
    expectName(action, "address_message");
    JsonNode params = obj(action, "parameters", p);
    m.country(str(params, "country", p + ".country"));
    JsonNode values = optObject(params, "values", p + ".values");
    if (values != null) {
      stringMap(values, p + ".values").forEach(m::value);
    }
    JsonNode saved = optArray(params, "saved_addresses", p + ".saved_addresses");
    for (int i = 0; saved != null && i < saved.size(); i++) {
      String sp = p + ".saved_addresses[" + i + "]";
      requireObject(saved.get(i), sp);
      m.savedAddress(
          str(saved.get(i), "id", sp + ".id"),
          stringMap(obj(saved.get(i), "value", sp + ".value"), sp + ".value"));
    }
    JsonNode errors = optObject(params, "validation_errors", p + ".validation_errors");
    if (errors != null) {
      stringMap(errors, p + ".validation_errors").forEach(m::validationError);
    }
    return m.build();
  }

  private static void expectName(JsonNode action, String name) {
    Optional<String> actual = optStr(action, "name", "interactive.action.name");
    if (actual.isPresent() && !actual.get().equals(name)) {
      throw new InvalidMessageException(
          "interactive.action.name", "\"" + name + "\"", "'" + clip(actual.get()) + "'");
    }
  }
}
