package dev.wasdk.testkit.internal;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.AddressMessage;
import dev.wasdk.message.CatalogMessage;
import dev.wasdk.message.Contact;
import dev.wasdk.message.CtaUrlMessage;
import dev.wasdk.message.DocumentMessage;
import dev.wasdk.message.FlowMessage;
import dev.wasdk.message.InteractiveHeader;
import dev.wasdk.message.ListMessage;
import dev.wasdk.message.ListRow;
import dev.wasdk.message.ListSection;
import dev.wasdk.message.LocationMessage;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.message.ProductListMessage;
import dev.wasdk.message.ProductMessage;
import dev.wasdk.message.ProductSection;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.ReplyButtonsMessage;
import dev.wasdk.message.TemplateButton;
import dev.wasdk.message.TemplateCarouselCard;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TemplateParameter;
import dev.wasdk.message.TemplateProductSection;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON body of {@code POST /{phone-number-id}/messages} back into the typed {@link
 * Message} model, through the model's own builders, so every documented rule the builders enforce
 * is enforced here too, for hand-written JSON as well.
 *
 * <p>Failures are {@link InvalidMessageException}s that name the JSON path (a missing value has
 * {@code actual} "missing"), or a {@link GraphErrorException} with code 100 when the JSON has the
 * wrong shape (a string where an object belongs, an unknown {@code type}). Unknown properties are
 * ignored. Stateless and thread-safe.
 */
public final class MessageReader {
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  /** What the simulator knows about the template a template message names. */
  public record TemplateHints(TemplateCategory category, boolean bodyOnly) {
    /** Hints for a template the simulator does not know. */
    public static final TemplateHints NONE = new TemplateHints(TemplateCategory.UNKNOWN, false);
  }

  private MessageReader() {}

  /**
   * Reads a message.
   *
   * @param root the request body
   * @param hints what is known about the named template, for template messages
   * @return the message
   * @throws InvalidMessageException if a documented rule is broken
   * @throws GraphErrorException if the JSON does not have the documented shape
   */
  public static Message read(JsonNode root, TemplateHints hints) {
    Message.Builder b = Message.to(recipient(root));
    JsonNode context = optObject(root, "context", "context");
    if (context != null) {
      b.replyTo(str(context, "message_id", "context.message_id"));
    }
    optStr(root, "biz_opaque_callback_data", "biz_opaque_callback_data")
        .ifPresent(b::bizOpaqueCallbackData);
    optStr(root, "recipient_identity_key_hash", "recipient_identity_key_hash")
        .ifPresent(b::recipientIdentityKeyHash);
    // Meta sends a text message when type is left out.
    String type = optStr(root, "type", "type").orElse("text");
    switch (type) {
      case "text":
        return text(b, obj(root, "text", "text"));
      case "image":
      case "video":
      case "document":
      case "audio":
      case "sticker":
        return media(b, type, obj(root, type, type));
      case "location":
        return location(b, obj(root, "location", "location"));
      case "contacts":
        return contacts(b, arr(root, "contacts", "contacts"));
      case "reaction":
        return reaction(b, obj(root, "reaction", "reaction"));
      case "interactive":
        return interactive(b, obj(root, "interactive", "interactive"));
      case "template":
        return template(b, obj(root, "template", "template"), hints);
      default:
        throw shape(
            "type",
            "one of text, image, video, document, audio, sticker, location,"
                + " contacts, reaction, interactive or template",
            "'" + clip(type) + "'");
    }
  }

  /**
   * Returns the recipient a body names, with the same rules as {@link #read}.
   *
   * @param root the request body
   * @return the recipient
   */
  public static Recipient recipient(JsonNode root) {
    String recipientType = optStr(root, "recipient_type", "recipient_type").orElse("individual");
    if (recipientType.equals("group")) {
      return Recipient.group(str(root, "to", "to"));
    }
    if (!recipientType.equals("individual")) {
      throw new InvalidMessageException(
          "recipient_type", "individual or group", "'" + clip(recipientType) + "'");
    }
    Optional<String> to = optStr(root, "to", "to");
    if (to.isPresent()) {
      return phone(to.get());
    }
    Optional<String> userId = optStr(root, "recipient", "recipient");
    if (userId.isPresent()) {
      return Recipient.userId(userId.get());
    }
    throw missing("to");
  }

  private static Recipient phone(String to) {
    // A number without '+' already carries its country code, as a WhatsApp id does.
    return DIGITS.matcher(to).matches() ? Recipient.waId(to) : Recipient.phone(to);
  }

  private static Message text(Message.Builder b, JsonNode text) {
    String body = str(text, "body", "text.body");
    boolean preview = optBool(text, "preview_url", "text.preview_url").orElse(false);
    return b.text(body, preview);
  }

  private static Message media(Message.Builder b, String type, JsonNode node) {
    MediaRef ref = mediaRef(node, type);
    switch (type) {
      case "image":
        {
          Optional<String> caption = optStr(node, "caption", "image.caption");
          return caption.isPresent() ? b.image(ref, caption.get()) : b.image(ref);
        }
      case "video":
        {
          Optional<String> caption = optStr(node, "caption", "video.caption");
          return caption.isPresent() ? b.video(ref, caption.get()) : b.video(ref);
        }
      case "document":
        {
          Optional<String> caption = optStr(node, "caption", "document.caption");
          DocumentMessage d =
              caption.isPresent() ? b.document(ref, caption.get()) : b.document(ref);
          Optional<String> filename = optStr(node, "filename", "document.filename");
          return filename.isPresent() ? d.withFilename(filename.get()) : d;
        }
      case "audio":
        return optBool(node, "voice", "audio.voice").orElse(false) ? b.voice(ref) : b.audio(ref);
      default:
        return b.sticker(ref);
    }
  }

  /** Reads {@code id} or {@code link} (exactly one) of a media object at {@code path}. */
  static MediaRef mediaRef(JsonNode node, String path) {
    Optional<String> id = optStr(node, "id", path + ".id");
    Optional<String> link = optStr(node, "link", path + ".link");
    if (id.isPresent() && link.isPresent()) {
      throw new InvalidMessageException(path + ".link", "absent when id is given", "both");
    }
    if (id.isEmpty() && link.isEmpty()) {
      throw missing(path + ".id");
    }
    try {
      return id.isPresent() ? MediaRef.id(id.get()) : MediaRef.link(link.get());
    } catch (InvalidMessageException e) {
      throw new InvalidMessageException(path + "." + e.fieldPath(), e.limit(), e.actual());
    }
  }

  private static Message location(Message.Builder b, JsonNode node) {
    double lat = coordinate(node, "latitude", "location.latitude");
    double lon = coordinate(node, "longitude", "location.longitude");
    Optional<String> name = optStr(node, "name", "location.name");
    Optional<String> address = optStr(node, "address", "location.address");
    if (name.isPresent() && address.isPresent()) {
      return b.location(lat, lon, name.get(), address.get());
    }
    LocationMessage plain = b.location(lat, lon);
    if (name.isEmpty() && address.isEmpty()) {
      return plain;
    }
    return new LocationMessage(plain.envelope(), lat, lon, name, address);
  }

  private static Message contacts(Message.Builder b, JsonNode array) {
    List<Contact> contacts = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      contacts.add(contact(array.get(i), "contacts[" + i + "]"));
    }
    return b.contacts(contacts);
  }

  private static Contact contact(JsonNode c, String path) {
    requireObject(c, path);
    JsonNode name = obj(c, "name", path + ".name");
    Contact.Name n =
        new Contact.Name(
            str(name, "formatted_name", path + ".name.formatted_name"),
            optStr(name, "first_name", path + ".name.first_name"),
            optStr(name, "last_name", path + ".name.last_name"),
            optStr(name, "middle_name", path + ".name.middle_name"),
            optStr(name, "suffix", path + ".name.suffix"),
            optStr(name, "prefix", path + ".name.prefix"));
    List<Contact.Address> addresses = new ArrayList<>();
    JsonNode a = optArray(c, "addresses", path + ".addresses");
    for (int i = 0; a != null && i < a.size(); i++) {
      JsonNode x = a.get(i);
      String p = path + ".addresses[" + i + "]";
      requireObject(x, p);
      addresses.add(
          new Contact.Address(
              optStr(x, "street", p + ".street"),
              optStr(x, "city", p + ".city"),
              optStr(x, "state", p + ".state"),
              optStr(x, "zip", p + ".zip"),
              optStr(x, "country", p + ".country"),
              optStr(x, "country_code", p + ".country_code"),
              optStr(x, "type", p + ".type")));
    }
    Optional<LocalDate> birthday =
        optStr(c, "birthday", path + ".birthday").map(s -> date(s, path + ".birthday"));
    List<Contact.Email> emails = new ArrayList<>();
    JsonNode e = optArray(c, "emails", path + ".emails");
    for (int i = 0; e != null && i < e.size(); i++) {
      String p = path + ".emails[" + i + "]";
      requireObject(e.get(i), p);
      emails.add(
          new Contact.Email(str(e.get(i), "email", p + ".email"), optStr(e.get(i), "type", p)));
    }
    Optional<Contact.Organization> org = Optional.empty();
    JsonNode o = optObject(c, "org", path + ".org");
    if (o != null) {
      org =
          Optional.of(
              new Contact.Organization(
                  optStr(o, "company", path + ".org.company"),
                  optStr(o, "department", path + ".org.department"),
                  optStr(o, "title", path + ".org.title")));
    }
    List<Contact.Phone> phones = new ArrayList<>();
    JsonNode ph = optArray(c, "phones", path + ".phones");
    for (int i = 0; ph != null && i < ph.size(); i++) {
      String p = path + ".phones[" + i + "]";
      requireObject(ph.get(i), p);
      phones.add(
          new Contact.Phone(
              str(ph.get(i), "phone", p + ".phone"),
              optStr(ph.get(i), "type", p + ".type"),
              optStr(ph.get(i), "wa_id", p + ".wa_id")));
    }
    List<Contact.Url> urls = new ArrayList<>();
    JsonNode u = optArray(c, "urls", path + ".urls");
    for (int i = 0; u != null && i < u.size(); i++) {
      String p = path + ".urls[" + i + "]";
      requireObject(u.get(i), p);
      urls.add(new Contact.Url(str(u.get(i), "url", p + ".url"), optStr(u.get(i), "type", p)));
    }
    return new Contact(n, addresses, birthday, emails, org, phones, urls);
  }

  private static LocalDate date(String value, String path) {
    try {
      return LocalDate.parse(value);
    } catch (DateTimeParseException ex) {
      throw new InvalidMessageException(path, "a date as YYYY-MM-DD", "not a date");
    }
  }

  private static Message reaction(Message.Builder b, JsonNode node) {
    String messageId = str(node, "message_id", "reaction.message_id");
    // An empty emoji is documented: it removes an earlier reaction.
    String emoji = str(node, "emoji", "reaction.emoji");
    return b.reaction(messageId, emoji);
  }

  // ---- interactive ----------------------------------------------------------------------------

  private static Message interactive(Message.Builder b, JsonNode node) {
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

  // ---- template -------------------------------------------------------------------------------

  /**
   * Returns the template name and language code a template message names, or null when either is
   * missing or not a string (the full read then reports it).
   */
  public static String[] templateKey(JsonNode root) {
    JsonNode t = root.get("template");
    if (t == null || !t.isObject()) {
      return null;
    }
    JsonNode name = t.get("name");
    JsonNode code = t.path("language").get("code");
    if (name == null || !name.isString() || code == null || !code.isString()) {
      return null;
    }
    return new String[] {name.stringValue(), code.stringValue()};
  }

  private static Message template(Message.Builder b, JsonNode node, TemplateHints hints) {
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

  // ---- primitives -----------------------------------------------------------------------------

  private static InvalidMessageException missing(String path) {
    return new InvalidMessageException(path, "present", "missing");
  }

  private static GraphErrorException shape(String path, String expected, String actual) {
    return GraphErrorException.of(100, path + ": must be " + expected + ", but was " + actual);
  }

  private static String kind(JsonNode n) {
    if (n.isString()) {
      return "a string";
    } else if (n.isNumber()) {
      return "a number";
    } else if (n.isBoolean()) {
      return "a boolean";
    } else if (n.isArray()) {
      return "an array";
    } else if (n.isObject()) {
      return "an object";
    }
    return "null";
  }

  private static void requireObject(JsonNode n, String path) {
    if (n == null || n.isNull()) {
      throw missing(path);
    }
    if (!n.isObject()) {
      throw shape(path, "an object", kind(n));
    }
  }

  static String str(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw missing(path);
    }
    if (!v.isString()) {
      throw shape(path, "a string", kind(v));
    }
    return v.stringValue();
  }

  static Optional<String> optStr(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isString()) {
      throw shape(path, "a string", kind(v));
    }
    return Optional.of(v.stringValue());
  }

  private static Optional<Boolean> optBool(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isBoolean()) {
      throw shape(path, "a boolean", kind(v));
    }
    return Optional.of(v.booleanValue());
  }

  static JsonNode obj(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    requireObject(v, path);
    return v;
  }

  private static JsonNode optObject(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    requireObject(v, path);
    return v;
  }

  private static JsonNode arr(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw missing(path);
    }
    if (!v.isArray()) {
      throw shape(path, "an array", kind(v));
    }
    return v;
  }

  private static JsonNode optArray(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw shape(path, "an array", kind(v));
    }
    return v;
  }

  /** Reads a coordinate given as a number or a decimal string; Meta takes both. */
  private static double coordinate(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw missing(path);
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isString()) {
      try {
        return new BigDecimal(v.stringValue().trim()).doubleValue();
      } catch (NumberFormatException e) {
        throw new InvalidMessageException(path, "a decimal number", "not a number");
      }
    }
    throw shape(path, "a number", kind(v));
  }

  private static long longValue(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw missing(path);
    }
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      return v.asLong();
    }
    throw shape(path, "an integer", kind(v));
  }

  /** Reads an integer given as a number or a digit string; Meta takes both for button indexes. */
  private static int intValue(JsonNode node, String field, String path) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      throw missing(path);
    }
    if (v.isIntegralNumber() && v.canConvertToInt()) {
      return v.asInt();
    }
    if (v.isString() && v.stringValue().matches("\\d{1,9}")) {
      return Integer.parseInt(v.stringValue());
    }
    throw shape(path, "an integer", kind(v));
  }

  private static Map<String, String> stringMap(JsonNode node, String path) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      JsonNode v = e.getValue();
      if (!v.isString()) {
        throw shape(path + "." + e.getKey(), "a string", kind(v));
      }
      out.put(e.getKey(), v.stringValue());
    }
    return out;
  }

  private static <E extends Enum<E>> E enumValue(
      Class<E> type, String value, String path, String expected) {
    for (E e : type.getEnumConstants()) {
      if (e.name().equalsIgnoreCase(value)) {
        return e;
      }
    }
    throw new InvalidMessageException(path, expected, "'" + clip(value) + "'");
  }

  /** Shortens a value for an error message; values may hold personal data, so keep them short. */
  static String clip(String value) {
    return value.length() <= 24 ? value : value.substring(0, 24) + "…";
  }
}
