package dev.wasdk.webhooks.internal.parse;

import static dev.wasdk.webhooks.internal.parse.Nodes.arr;
import static dev.wasdk.webhooks.internal.parse.Nodes.bool;
import static dev.wasdk.webhooks.internal.parse.Nodes.decimal;
import static dev.wasdk.webhooks.internal.parse.Nodes.doubleOr;
import static dev.wasdk.webhooks.internal.parse.Nodes.flag;
import static dev.wasdk.webhooks.internal.parse.Nodes.id;
import static dev.wasdk.webhooks.internal.parse.Nodes.instantOrEpoch;
import static dev.wasdk.webhooks.internal.parse.Nodes.longOr;
import static dev.wasdk.webhooks.internal.parse.Nodes.obj;
import static dev.wasdk.webhooks.internal.parse.Nodes.opt;
import static dev.wasdk.webhooks.internal.parse.Nodes.optInstant;
import static dev.wasdk.webhooks.internal.parse.Nodes.textOr;

import dev.wasdk.webhooks.event.AudioReceived;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.ContactProfile;
import dev.wasdk.webhooks.event.ContactsReceived;
import dev.wasdk.webhooks.event.DocumentReceived;
import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.FlowReplyReceived;
import dev.wasdk.webhooks.event.ImageReceived;
import dev.wasdk.webhooks.event.InboundMedia;
import dev.wasdk.webhooks.event.ListReplyReceived;
import dev.wasdk.webhooks.event.LocationReceived;
import dev.wasdk.webhooks.event.MessageContext;
import dev.wasdk.webhooks.event.MessageEchoed;
import dev.wasdk.webhooks.event.MessageEdited;
import dev.wasdk.webhooks.event.MessageHeader;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.MessageRevoked;
import dev.wasdk.webhooks.event.MessageStatusChanged;
import dev.wasdk.webhooks.event.OrderItem;
import dev.wasdk.webhooks.event.OrderReceived;
import dev.wasdk.webhooks.event.QuickReplyReceived;
import dev.wasdk.webhooks.event.ReactionReceived;
import dev.wasdk.webhooks.event.Referral;
import dev.wasdk.webhooks.event.SharedContact;
import dev.wasdk.webhooks.event.StickerReceived;
import dev.wasdk.webhooks.event.SystemMessageReceived;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.event.UnknownMessageReceived;
import dev.wasdk.webhooks.event.UnsupportedMessageReceived;
import dev.wasdk.webhooks.event.UserPreferenceChanged;
import dev.wasdk.webhooks.event.UserRef;
import dev.wasdk.webhooks.event.VideoReceived;
import dev.wasdk.webhooks.event.WebhookError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Maps the elements of the {@code messages}, {@code user_preferences} and echo fields. */
final class MessageMapper {
  private MessageMapper() {}

  // ---------------------------------------------------------------- inbound messages

  static MessageReceived message(
      EventContext base, JsonNode node, String raw, List<ContactProfile> contacts) {
    MessageHeader h = header(node);
    EventContext ctx =
        contacts.isEmpty() ? base : base.withContact(match(contacts, h.from(), h.fromUserId()));
    return content(ctx, h, node, raw, 0);
  }

  static MessageHeader header(JsonNode node) {
    return new MessageHeader(
        textOr(node, "type"),
        textOr(node, "id"),
        id(node, "from"),
        id(node, "from_user_id"),
        id(node, "from_parent_user_id"),
        id(node, "group_id"),
        instantOrEpoch(node, "timestamp"),
        messageContext(obj(node, "context")),
        referral(obj(node, "referral")),
        errors(node));
  }

  /** Maps the type-specific part; {@code depth} is 1 inside an edit or an echo. */
  static MessageReceived content(
      EventContext ctx, MessageHeader h, JsonNode node, String raw, int depth) {
    switch (h.type()) {
      case "text":
        return new TextReceived(ctx, h, textOr(obj(node, "text"), "body"), raw);
      case "image":
        {
          JsonNode m = obj(node, "image");
          return new ImageReceived(ctx, h, media(m), opt(m, "caption"), raw);
        }
      case "video":
        {
          JsonNode m = obj(node, "video");
          return new VideoReceived(ctx, h, media(m), opt(m, "caption"), raw);
        }
      case "audio":
        {
          JsonNode m = obj(node, "audio");
          return new AudioReceived(ctx, h, media(m), flag(m, "voice"), raw);
        }
      case "document":
        {
          JsonNode m = obj(node, "document");
          return new DocumentReceived(ctx, h, media(m), opt(m, "caption"), opt(m, "filename"), raw);
        }
      case "sticker":
        {
          JsonNode m = obj(node, "sticker");
          return new StickerReceived(ctx, h, media(m), flag(m, "animated"), raw);
        }
      case "location":
        {
          JsonNode l = obj(node, "location");
          return new LocationReceived(
              ctx,
              h,
              doubleOr(l, "latitude"),
              doubleOr(l, "longitude"),
              opt(l, "name"),
              opt(l, "address"),
              opt(l, "url"),
              raw);
        }
      case "contacts":
        return new ContactsReceived(ctx, h, sharedContacts(arr(node, "contacts")), raw);
      case "interactive":
        return interactive(ctx, h, obj(node, "interactive"), raw);
      case "button":
        {
          JsonNode b = obj(node, "button");
          return new QuickReplyReceived(ctx, h, textOr(b, "payload"), textOr(b, "text"), raw);
        }
      case "reaction":
        {
          JsonNode r = obj(node, "reaction");
          Optional<String> emoji = opt(r, "emoji").filter(e -> !e.isEmpty());
          return new ReactionReceived(ctx, h, textOr(r, "message_id"), emoji, raw);
        }
      case "order":
        {
          JsonNode o = obj(node, "order");
          return new OrderReceived(
              ctx, h, textOr(o, "catalog_id"), opt(o, "text"), orderItems(o), raw);
        }
      case "system":
        return system(ctx, h, node, raw);
      case "unsupported":
        return new UnsupportedMessageReceived(ctx, h, opt(obj(node, "unsupported"), "type"), raw);
      case "edit":
        if (depth == 0) {
          JsonNode edit = obj(node, "edit");
          JsonNode inner = obj(edit, "message");
          Optional<MessageReceived> edited =
              inner == null ? Optional.empty() : Optional.of(edited(ctx, h, inner));
          return new MessageEdited(ctx, h, textOr(edit, "original_message_id"), edited, raw);
        }
        return new UnknownMessageReceived(ctx, h, raw);
      case "revoke":
        return new MessageRevoked(ctx, h, textOr(obj(node, "revoke"), "original_message_id"), raw);
      default:
        return new UnknownMessageReceived(ctx, h, raw);
    }
  }

  private static MessageReceived edited(EventContext ctx, MessageHeader outer, JsonNode inner) {
    JsonNode context = obj(inner, "context");
    String innerId = textOr(inner, "id");
    MessageHeader h =
        new MessageHeader(
            textOr(inner, "type"),
            innerId.isEmpty() ? outer.id() : innerId,
            outer.from(),
            outer.fromUserId(),
            outer.fromParentUserId(),
            outer.groupId(),
            outer.timestamp(),
            context == null ? Optional.empty() : messageContext(context),
            Optional.empty(),
            List.of());
    return content(ctx, h, inner, inner.toString(), 1);
  }

  private static MessageReceived interactive(
      EventContext ctx, MessageHeader h, JsonNode i, String raw) {
    String type = textOr(i, "type");
    switch (type) {
      case "button_reply":
        {
          JsonNode b = obj(i, "button_reply");
          return new ButtonReplyReceived(ctx, h, textOr(b, "id"), textOr(b, "title"), raw);
        }
      case "list_reply":
        {
          JsonNode l = obj(i, "list_reply");
          return new ListReplyReceived(
              ctx, h, textOr(l, "id"), textOr(l, "title"), opt(l, "description"), raw);
        }
      case "nfm_reply":
        {
          JsonNode n = obj(i, "nfm_reply");
          return new FlowReplyReceived(
              ctx, h, textOr(n, "name"), opt(n, "body"), responseJson(n), raw);
        }
      default:
        return new UnknownMessageReceived(ctx, h, raw);
    }
  }

  private static String responseJson(JsonNode nfm) {
    JsonNode r = nfm == null ? null : nfm.get("response_json");
    if (r == null) {
      return "";
    }
    if (r.isString()) {
      return r.stringValue();
    }
    // Tolerate the answers arriving as an object rather than as a string.
    return r.isObject() ? r.toString() : "";
  }

  private static SystemMessageReceived system(
      EventContext ctx, MessageHeader h, JsonNode node, String raw) {
    JsonNode s = obj(node, "system");
    Optional<String> waId = id(s, "wa_id");
    if (waId.isEmpty()) {
      waId = id(s, "customer");
    }
    UserRef newUser = new UserRef(waId, id(s, "user_id"), id(s, "parent_user_id"));
    Optional<SystemMessageReceived.IdentityChange> identity = Optional.empty();
    JsonNode idn = obj(node, "identity");
    if (idn != null) {
      identity =
          Optional.of(
              new SystemMessageReceived.IdentityChange(
                  flag(idn, "acknowledged"),
                  optInstant(idn, "created_timestamp"),
                  opt(idn, "hash")));
    } else if (id(s, "identity").isPresent()) {
      identity =
          Optional.of(
              new SystemMessageReceived.IdentityChange(false, Optional.empty(), id(s, "identity")));
    }
    return new SystemMessageReceived(
        ctx, h, textOr(s, "type"), opt(s, "body"), newUser, identity, raw);
  }

  static InboundMedia media(JsonNode m) {
    return new InboundMedia(
        textOr(m, "id"), textOr(m, "mime_type"), textOr(m, "sha256"), id(m, "url"));
  }

  private static List<OrderItem> orderItems(JsonNode order) {
    Collection<JsonNode> items = arr(order, "product_items");
    if (items.isEmpty()) {
      return List.of();
    }
    List<OrderItem> out = new ArrayList<>(items.size());
    for (JsonNode i : items) {
      if (i.isObject()) {
        out.add(
            new OrderItem(
                textOr(i, "product_retailer_id"),
                longOr(i, "quantity", 0),
                decimal(i, "item_price"),
                textOr(i, "currency")));
      }
    }
    return out;
  }

  private static List<SharedContact> sharedContacts(Collection<JsonNode> cards) {
    if (cards.isEmpty()) {
      return List.of();
    }
    List<SharedContact> out = new ArrayList<>(cards.size());
    for (JsonNode c : cards) {
      if (!c.isObject()) {
        continue;
      }
      JsonNode n = obj(c, "name");
      Optional<SharedContact.Name> name =
          n == null
              ? Optional.empty()
              : Optional.of(
                  new SharedContact.Name(
                      opt(n, "formatted_name"),
                      opt(n, "first_name"),
                      opt(n, "last_name"),
                      opt(n, "middle_name"),
                      opt(n, "prefix"),
                      opt(n, "suffix")));
      JsonNode o = obj(c, "org");
      Optional<SharedContact.Org> org =
          o == null
              ? Optional.empty()
              : Optional.of(
                  new SharedContact.Org(opt(o, "company"), opt(o, "department"), opt(o, "title")));
      List<SharedContact.Phone> phones = new ArrayList<>();
      for (JsonNode p : arr(c, "phones")) {
        if (p.isObject()) {
          phones.add(new SharedContact.Phone(opt(p, "phone"), id(p, "wa_id"), opt(p, "type")));
        }
      }
      List<SharedContact.Email> emails = new ArrayList<>();
      for (JsonNode e : arr(c, "emails")) {
        if (e.isObject()) {
          emails.add(new SharedContact.Email(opt(e, "email"), opt(e, "type")));
        }
      }
      List<SharedContact.Address> addresses = new ArrayList<>();
      for (JsonNode a : arr(c, "addresses")) {
        if (a.isObject()) {
          addresses.add(
              new SharedContact.Address(
                  opt(a, "street"),
                  opt(a, "city"),
                  opt(a, "state"),
                  opt(a, "zip"),
                  opt(a, "country"),
                  opt(a, "country_code"),
                  opt(a, "type")));
        }
      }
      List<SharedContact.Url> urls = new ArrayList<>();
      for (JsonNode u : arr(c, "urls")) {
        if (u.isObject()) {
          urls.add(new SharedContact.Url(opt(u, "url"), opt(u, "type")));
        }
      }
      out.add(new SharedContact(name, org, phones, emails, addresses, urls, opt(c, "birthday")));
    }
    return out;
  }

  static Optional<MessageContext> messageContext(JsonNode c) {
    if (c == null) {
      return Optional.empty();
    }
    JsonNode rp = obj(c, "referred_product");
    Optional<MessageContext.ReferredProduct> product =
        rp == null
            ? Optional.empty()
            : Optional.of(
                new MessageContext.ReferredProduct(
                    textOr(rp, "catalog_id"), textOr(rp, "product_retailer_id")));
    return Optional.of(
        new MessageContext(
            id(c, "from"),
            id(c, "id"),
            product,
            flag(c, "forwarded"),
            flag(c, "frequently_forwarded")));
  }

  private static Optional<Referral> referral(JsonNode r) {
    if (r == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Referral(
            opt(r, "source_url"),
            opt(r, "source_id"),
            opt(r, "source_type"),
            opt(r, "body"),
            opt(r, "headline"),
            opt(r, "media_type"),
            opt(r, "image_url"),
            opt(r, "video_url"),
            opt(r, "thumbnail_url"),
            opt(r, "ctwa_clid"),
            opt(obj(r, "welcome_message"), "text")));
  }

  static List<WebhookError> errors(JsonNode parent) {
    Collection<JsonNode> items = arr(parent, "errors");
    if (items.isEmpty()) {
      return List.of();
    }
    List<WebhookError> out = new ArrayList<>(items.size());
    for (JsonNode e : items) {
      if (e.isObject()) {
        out.add(error(e));
      }
    }
    return out;
  }

  static WebhookError error(JsonNode e) {
    long code = longOr(e, "code", 0);
    return new WebhookError(
        code < Integer.MIN_VALUE || code > Integer.MAX_VALUE ? 0 : (int) code,
        opt(e, "title"),
        opt(e, "message"),
        opt(obj(e, "error_data"), "details"),
        opt(e, "href"));
  }

  // ---------------------------------------------------------------- contacts

  static List<ContactProfile> contacts(JsonNode value) {
    Collection<JsonNode> items = arr(value, "contacts");
    if (items.isEmpty()) {
      return List.of();
    }
    List<ContactProfile> out = new ArrayList<>(items.size());
    for (JsonNode c : items) {
      if (!c.isObject()) {
        continue;
      }
      JsonNode profile = obj(c, "profile");
      Optional<String> username = opt(profile, "username");
      out.add(
          new ContactProfile(
              opt(profile, "name"),
              username.isPresent() ? username : opt(c, "username"),
              id(c, "wa_id"),
              id(c, "user_id"),
              id(c, "parent_user_id"),
              opt(c, "identity_key_hash")));
    }
    return out;
  }

  /**
   * Finds the contact for a user: by WhatsApp id, then by business-scoped id, else the only contact
   * if its ids do not contradict the user's.
   */
  static Optional<ContactProfile> match(
      List<ContactProfile> contacts, Optional<String> waId, Optional<String> userId) {
    if (waId.isPresent()) {
      for (ContactProfile c : contacts) {
        if (c.waId().equals(waId)) {
          return Optional.of(c);
        }
      }
    }
    if (userId.isPresent()) {
      for (ContactProfile c : contacts) {
        if (c.userId().equals(userId)) {
          return Optional.of(c);
        }
      }
    }
    if (contacts.size() == 1) {
      ContactProfile c = contacts.get(0);
      boolean conflict =
          (waId.isPresent() && c.waId().isPresent())
              || (userId.isPresent() && c.userId().isPresent());
      // Both sides name an id and none matched above: a different user.
      return conflict ? Optional.empty() : Optional.of(c);
    }
    return Optional.empty();
  }

  // ---------------------------------------------------------------- statuses

  static MessageStatusChanged status(
      EventContext base, JsonNode s, String raw, List<ContactProfile> contacts) {
    UserRef recipient =
        new UserRef(
            id(s, "recipient_id"), id(s, "recipient_user_id"), id(s, "parent_recipient_user_id"));
    Optional<String> recipientType = opt(s, "recipient_type");
    Optional<String> groupId = id(s, "group_id");
    if (groupId.isEmpty() && recipientType.filter("group"::equals).isPresent()) {
      groupId = recipient.waId();
    }
    EventContext ctx =
        contacts.isEmpty()
            ? base
            : base.withContact(match(contacts, recipient.waId(), recipient.userId()));
    JsonNode c = obj(s, "conversation");
    Optional<MessageStatusChanged.Conversation> conversation =
        c == null
            ? Optional.empty()
            : Optional.of(
                new MessageStatusChanged.Conversation(
                    textOr(c, "id"),
                    optInstant(c, "expiration_timestamp"),
                    opt(obj(c, "origin"), "type")));
    JsonNode p = obj(s, "pricing");
    Optional<MessageStatusChanged.Pricing> pricing =
        p == null
            ? Optional.empty()
            : Optional.of(
                new MessageStatusChanged.Pricing(
                    bool(p, "billable"),
                    opt(p, "pricing_model"),
                    opt(p, "type"),
                    opt(p, "category")));
    return new MessageStatusChanged(
        ctx,
        textOr(s, "id"),
        textOr(s, "status"),
        instantOrEpoch(s, "timestamp"),
        recipient,
        recipientType,
        id(s, "recipient_participant_id"),
        groupId,
        opt(s, "recipient_identity_key_hash"),
        opt(s, "biz_opaque_callback_data"),
        conversation,
        pricing,
        errors(s),
        raw);
  }

  // ---------------------------------------------------------------- user preferences, echoes

  static UserPreferenceChanged preference(
      EventContext base, JsonNode n, String raw, List<ContactProfile> contacts) {
    UserRef user = new UserRef(id(n, "wa_id"), id(n, "user_id"), id(n, "parent_user_id"));
    EventContext ctx =
        contacts.isEmpty() ? base : base.withContact(match(contacts, user.waId(), user.userId()));
    return new UserPreferenceChanged(
        ctx,
        user,
        textOr(n, "value"),
        opt(n, "category"),
        opt(n, "detail"),
        instantOrEpoch(n, "timestamp"),
        raw);
  }

  static MessageEchoed echo(EventContext ctx, JsonNode n, String raw) {
    String type = textOr(n, "type");
    Instant timestamp = instantOrEpoch(n, "timestamp");
    Optional<String> from = id(n, "from");
    Optional<MessageReceived> content = Optional.empty();
    if (!type.isEmpty()) {
      MessageHeader h =
          new MessageHeader(
              type,
              textOr(n, "id"),
              from,
              Optional.empty(),
              Optional.empty(),
              Optional.empty(),
              timestamp,
              messageContext(obj(n, "context")),
              Optional.empty(),
              errors(n));
      content = Optional.of(content(ctx, h, n, raw, 1));
    }
    return new MessageEchoed(
        ctx,
        textOr(n, "id"),
        from,
        new UserRef(id(n, "to"), id(n, "to_user_id"), id(n, "to_parent_user_id")),
        timestamp,
        type,
        content,
        raw);
  }
}
