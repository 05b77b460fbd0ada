package dev.wasdk.testkit.internal;

import static dev.wasdk.testkit.internal.BodyFields.arr;
import static dev.wasdk.testkit.internal.BodyFields.clip;
import static dev.wasdk.testkit.internal.BodyFields.coordinate;
import static dev.wasdk.testkit.internal.BodyFields.missing;
import static dev.wasdk.testkit.internal.BodyFields.obj;
import static dev.wasdk.testkit.internal.BodyFields.optArray;
import static dev.wasdk.testkit.internal.BodyFields.optBool;
import static dev.wasdk.testkit.internal.BodyFields.optObject;
import static dev.wasdk.testkit.internal.BodyFields.optStr;
import static dev.wasdk.testkit.internal.BodyFields.requireObject;
import static dev.wasdk.testkit.internal.BodyFields.shape;
import static dev.wasdk.testkit.internal.BodyFields.str;
import static dev.wasdk.testkit.internal.InteractiveReader.interactive;
import static dev.wasdk.testkit.internal.TemplateReader.template;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.Contact;
import dev.wasdk.message.DocumentMessage;
import dev.wasdk.message.LocationMessage;
import dev.wasdk.message.MediaRef;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TemplateCategory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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
}
