package dev.wasdk.webhooks.internal.parse;

import static dev.wasdk.webhooks.internal.parse.Nodes.arr;
import static dev.wasdk.webhooks.internal.parse.Nodes.bool;
import static dev.wasdk.webhooks.internal.parse.Nodes.decimal;
import static dev.wasdk.webhooks.internal.parse.Nodes.doubleOr;
import static dev.wasdk.webhooks.internal.parse.Nodes.flag;
import static dev.wasdk.webhooks.internal.parse.Nodes.flagOf;
import static dev.wasdk.webhooks.internal.parse.Nodes.id;
import static dev.wasdk.webhooks.internal.parse.Nodes.idOf;
import static dev.wasdk.webhooks.internal.parse.Nodes.instantOrEpoch;
import static dev.wasdk.webhooks.internal.parse.Nodes.longOr;
import static dev.wasdk.webhooks.internal.parse.Nodes.obj;
import static dev.wasdk.webhooks.internal.parse.Nodes.objOf;
import static dev.wasdk.webhooks.internal.parse.Nodes.opt;
import static dev.wasdk.webhooks.internal.parse.Nodes.optInstant;
import static dev.wasdk.webhooks.internal.parse.Nodes.scalar;
import static dev.wasdk.webhooks.internal.parse.Nodes.text;
import static dev.wasdk.webhooks.internal.parse.Nodes.textOf;
import static dev.wasdk.webhooks.internal.parse.Nodes.textOr;

import dev.wasdk.webhooks.event.AudioReceived;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.CallPermissionReplied;
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
import dev.wasdk.webhooks.event.WelcomeRequestReceived;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps the elements of the {@code messages}, {@code user_preferences} and echo fields. */
final class MessageMapper {
  private MessageMapper() {}

  // ---------------------------------------------------------------- inbound messages

  static MessageReceived message(
      EventContext base, Dom.Obj node, String raw, List<ContactProfile> contacts) {
    MessageHeader h = header(node);
    EventContext ctx =
        contacts.isEmpty() ? base : base.withContact(match(contacts, h.from(), h.fromUserId()));
    return content(ctx, h, node, raw, 0);
  }

  static MessageHeader header(Dom.Obj node) {
    // One pass over the properties: most lookups would miss, and a message has few properties.
    String type = "";
    String id = "";
    String from = null;
    String fromUserId = null;
    String fromParentUserId = null;
    String groupId = null;
    Object timestamp = null;
    Dom.Obj context = null;
    Dom.Obj referral = null;
    Object errors = null;
    for (int i = 0, n = node.size(); i < n; i++) {
      Object v = node.value(i);
      switch (node.name(i)) {
        case "type":
          type = textOf(v);
          break;
        case "id":
          id = textOf(v);
          break;
        case "from":
          from = idOf(v);
          break;
        case "from_user_id":
          fromUserId = idOf(v);
          break;
        case "from_parent_user_id":
          fromParentUserId = idOf(v);
          break;
        case "group_id":
          groupId = idOf(v);
          break;
        case "timestamp":
          timestamp = v;
          break;
        case "context":
          context = objOf(v);
          break;
        case "referral":
          referral = objOf(v);
          break;
        case "errors":
          errors = v;
          break;
        default:
          break;
      }
    }
    Instant time = Nodes.instant(timestamp);
    return new MessageHeader(
        type,
        id,
        Optional.ofNullable(from),
        Optional.ofNullable(fromUserId),
        Optional.ofNullable(fromParentUserId),
        Optional.ofNullable(groupId),
        time == null ? Instant.EPOCH : time,
        messageContext(context),
        referral(referral),
        errorList(errors));
  }

  /** Maps the type-specific part; {@code depth} is 1 inside an edit or an echo. */
  static MessageReceived content(
      EventContext ctx, MessageHeader h, Dom.Obj node, String raw, int depth) {
    switch (h.type()) {
      case "text":
        return new TextReceived(ctx, h, textOr(obj(node, "text"), "body"), raw);
      case "image":
        {
          Dom.Obj m = obj(node, "image");
          return new ImageReceived(ctx, h, media(m), opt(m, "caption"), raw);
        }
      case "video":
        {
          Dom.Obj m = obj(node, "video");
          return new VideoReceived(ctx, h, media(m), opt(m, "caption"), raw);
        }
      case "audio":
        {
          Dom.Obj m = obj(node, "audio");
          return new AudioReceived(ctx, h, media(m), flag(m, "voice"), raw);
        }
      case "document":
        {
          Dom.Obj m = obj(node, "document");
          return new DocumentReceived(ctx, h, media(m), opt(m, "caption"), opt(m, "filename"), raw);
        }
      case "sticker":
        {
          Dom.Obj m = obj(node, "sticker");
          return new StickerReceived(ctx, h, media(m), flag(m, "animated"), raw);
        }
      case "location":
        {
          Dom.Obj l = obj(node, "location");
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
          Dom.Obj b = obj(node, "button");
          return new QuickReplyReceived(ctx, h, textOr(b, "payload"), textOr(b, "text"), raw);
        }
      case "reaction":
        {
          Dom.Obj r = obj(node, "reaction");
          Optional<String> emoji = opt(r, "emoji").filter(e -> !e.isEmpty());
          return new ReactionReceived(ctx, h, textOr(r, "message_id"), emoji, raw);
        }
      case "order":
        {
          Dom.Obj o = obj(node, "order");
          return new OrderReceived(
              ctx, h, textOr(o, "catalog_id"), opt(o, "text"), orderItems(o), raw);
        }
      case "system":
        return system(ctx, h, node, raw);
      case "unsupported":
        return new UnsupportedMessageReceived(ctx, h, opt(obj(node, "unsupported"), "type"), raw);
      case "edit":
        if (depth == 0) {
          Dom.Obj edit = obj(node, "edit");
          Dom.Obj inner = obj(edit, "message");
          Optional<MessageReceived> edited =
              inner == null ? Optional.empty() : Optional.of(edited(ctx, h, inner));
          return new MessageEdited(ctx, h, textOr(edit, "original_message_id"), edited, raw);
        }
        return new UnknownMessageReceived(ctx, h, raw);
      case "revoke":
        return new MessageRevoked(ctx, h, textOr(obj(node, "revoke"), "original_message_id"), raw);
      case "request_welcome":
        return new WelcomeRequestReceived(ctx, h, raw);
      default:
        return new UnknownMessageReceived(ctx, h, raw);
    }
  }

  private static MessageReceived edited(EventContext ctx, MessageHeader outer, Dom.Obj inner) {
    Dom.Obj context = obj(inner, "context");
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
    return content(ctx, h, inner, Dom.toJson(inner), 1);
  }

  private static MessageReceived interactive(
      EventContext ctx, MessageHeader h, Dom.Obj i, String raw) {
    String type = textOr(i, "type");
    switch (type) {
      case "button_reply":
        {
          Dom.Obj b = obj(i, "button_reply");
          return new ButtonReplyReceived(ctx, h, textOr(b, "id"), textOr(b, "title"), raw);
        }
      case "list_reply":
        {
          Dom.Obj l = obj(i, "list_reply");
          return new ListReplyReceived(
              ctx, h, textOr(l, "id"), textOr(l, "title"), opt(l, "description"), raw);
        }
      case "call_permission_reply":
        {
          Dom.Obj r = obj(i, "call_permission_reply");
          return new CallPermissionReplied(
              ctx,
              h,
              textOr(r, "response"),
              flag(r, "is_permanent"),
              optInstant(r, "expiration_timestamp"),
              textOr(r, "response_source"),
              raw);
        }
      case "nfm_reply":
        {
          Dom.Obj n = obj(i, "nfm_reply");
          return new FlowReplyReceived(
              ctx, h, textOr(n, "name"), opt(n, "body"), responseJson(n), raw);
        }
      default:
        return new UnknownMessageReceived(ctx, h, raw);
    }
  }

  private static String responseJson(Dom.Obj nfm) {
    Object r = nfm == null ? null : nfm.get("response_json");
    if (r instanceof String) {
      return (String) r;
    }
    // Tolerate the answers arriving as an object rather than as a string.
    return r instanceof Dom.Obj ? Dom.toJson(r) : "";
  }

  private static SystemMessageReceived system(
      EventContext ctx, MessageHeader h, Dom.Obj node, String raw) {
    Dom.Obj s = obj(node, "system");
    Optional<String> waId = id(s, "wa_id");
    if (waId.isEmpty()) {
      waId = id(s, "customer");
    }
    UserRef newUser = new UserRef(waId, id(s, "user_id"), id(s, "parent_user_id"));
    Optional<SystemMessageReceived.IdentityChange> identity = Optional.empty();
    Dom.Obj idn = obj(node, "identity");
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

  static InboundMedia media(Dom.Obj m) {
    return new InboundMedia(
        textOr(m, "id"), textOr(m, "mime_type"), textOr(m, "sha256"), id(m, "url"));
  }

  private static List<OrderItem> orderItems(Dom.Obj order) {
    Dom.Arr items = arr(order, "product_items");
    if (items.isEmpty()) {
      return List.of();
    }
    List<OrderItem> out = new ArrayList<>(items.size());
    for (Object io : items) {
      if (io instanceof Dom.Obj) {
        Dom.Obj i = (Dom.Obj) io;
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

  private static List<SharedContact> sharedContacts(Dom.Arr cards) {
    if (cards.isEmpty()) {
      return List.of();
    }
    List<SharedContact> out = new ArrayList<>(cards.size());
    for (Object co : cards) {
      if (!(co instanceof Dom.Obj)) {
        continue;
      }
      Dom.Obj c = (Dom.Obj) co;
      Dom.Obj n = obj(c, "name");
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
      Dom.Obj o = obj(c, "org");
      Optional<SharedContact.Org> org =
          o == null
              ? Optional.empty()
              : Optional.of(
                  new SharedContact.Org(opt(o, "company"), opt(o, "department"), opt(o, "title")));
      List<SharedContact.Phone> phones = new ArrayList<>();
      for (Object po : arr(c, "phones")) {
        if (po instanceof Dom.Obj) {
          Dom.Obj p = (Dom.Obj) po;
          phones.add(new SharedContact.Phone(opt(p, "phone"), id(p, "wa_id"), opt(p, "type")));
        }
      }
      List<SharedContact.Email> emails = new ArrayList<>();
      for (Object eo : arr(c, "emails")) {
        if (eo instanceof Dom.Obj) {
          Dom.Obj e = (Dom.Obj) eo;
          emails.add(new SharedContact.Email(opt(e, "email"), opt(e, "type")));
        }
      }
      List<SharedContact.Address> addresses = new ArrayList<>();
      for (Object ao : arr(c, "addresses")) {
        if (ao instanceof Dom.Obj) {
          Dom.Obj a = (Dom.Obj) ao;
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
      for (Object uo : arr(c, "urls")) {
        if (uo instanceof Dom.Obj) {
          Dom.Obj u = (Dom.Obj) uo;
          urls.add(new SharedContact.Url(opt(u, "url"), opt(u, "type")));
        }
      }
      out.add(new SharedContact(name, org, phones, emails, addresses, urls, opt(c, "birthday")));
    }
    return out;
  }

  static Optional<MessageContext> messageContext(Dom.Obj c) {
    if (c == null) {
      return Optional.empty();
    }
    String from = null;
    String id = null;
    Dom.Obj product = null;
    boolean forwarded = false;
    boolean frequentlyForwarded = false;
    for (int i = 0, n = c.size(); i < n; i++) {
      Object v = c.value(i);
      switch (c.name(i)) {
        case "from":
          from = idOf(v);
          break;
        case "id":
          id = idOf(v);
          break;
        case "referred_product":
          product = objOf(v);
          break;
        case "forwarded":
          forwarded = flagOf(v);
          break;
        case "frequently_forwarded":
          frequentlyForwarded = flagOf(v);
          break;
        default:
          break;
      }
    }
    Optional<MessageContext.ReferredProduct> referred =
        product == null
            ? Optional.empty()
            : Optional.of(
                new MessageContext.ReferredProduct(
                    textOr(product, "catalog_id"), textOr(product, "product_retailer_id")));
    return Optional.of(
        new MessageContext(
            Optional.ofNullable(from),
            Optional.ofNullable(id),
            referred,
            forwarded,
            frequentlyForwarded));
  }

  private static Optional<Referral> referral(Dom.Obj r) {
    if (r == null) {
      return Optional.empty();
    }
    String sourceUrl = null;
    String sourceId = null;
    String sourceType = null;
    String body = null;
    String headline = null;
    String mediaType = null;
    String imageUrl = null;
    String videoUrl = null;
    String thumbnailUrl = null;
    String ctwaClid = null;
    String welcome = null;
    for (int i = 0, n = r.size(); i < n; i++) {
      Object v = r.value(i);
      switch (r.name(i)) {
        case "source_url":
          sourceUrl = scalar(v);
          break;
        case "source_id":
          sourceId = scalar(v);
          break;
        case "source_type":
          sourceType = scalar(v);
          break;
        case "body":
          body = scalar(v);
          break;
        case "headline":
          headline = scalar(v);
          break;
        case "media_type":
          mediaType = scalar(v);
          break;
        case "image_url":
          imageUrl = scalar(v);
          break;
        case "video_url":
          videoUrl = scalar(v);
          break;
        case "thumbnail_url":
          thumbnailUrl = scalar(v);
          break;
        case "ctwa_clid":
          ctwaClid = scalar(v);
          break;
        case "welcome_message":
          welcome = text(objOf(v), "text");
          break;
        default:
          break;
      }
    }
    return Optional.of(
        new Referral(
            Optional.ofNullable(sourceUrl),
            Optional.ofNullable(sourceId),
            Optional.ofNullable(sourceType),
            Optional.ofNullable(body),
            Optional.ofNullable(headline),
            Optional.ofNullable(mediaType),
            Optional.ofNullable(imageUrl),
            Optional.ofNullable(videoUrl),
            Optional.ofNullable(thumbnailUrl),
            Optional.ofNullable(ctwaClid),
            Optional.ofNullable(welcome)));
  }

  static List<WebhookError> errors(Dom.Obj parent) {
    return errorList(parent == null ? null : parent.get("errors"));
  }

  private static List<WebhookError> errorList(Object errors) {
    if (!(errors instanceof Dom.Arr) || ((Dom.Arr) errors).isEmpty()) {
      return List.of();
    }
    Dom.Arr items = (Dom.Arr) errors;
    List<WebhookError> out = new ArrayList<>(items.size());
    for (Object e : items) {
      if (e instanceof Dom.Obj) {
        out.add(error((Dom.Obj) e));
      }
    }
    return out;
  }

  static WebhookError error(Dom.Obj e) {
    long code = longOr(e, "code", 0);
    return new WebhookError(
        code < Integer.MIN_VALUE || code > Integer.MAX_VALUE ? 0 : (int) code,
        opt(e, "title"),
        opt(e, "message"),
        opt(obj(e, "error_data"), "details"),
        opt(e, "href"));
  }

  // ---------------------------------------------------------------- contacts

  static List<ContactProfile> contacts(Dom.Obj value) {
    Dom.Arr items = arr(value, "contacts");
    if (items.isEmpty()) {
      return List.of();
    }
    List<ContactProfile> out = new ArrayList<>(items.size());
    for (Object co : items) {
      if (!(co instanceof Dom.Obj)) {
        continue;
      }
      Dom.Obj c = (Dom.Obj) co;
      Dom.Obj profile = null;
      String username = null;
      String waId = null;
      String userId = null;
      String parentUserId = null;
      String hash = null;
      for (int i = 0, n = c.size(); i < n; i++) {
        Object v = c.value(i);
        switch (c.name(i)) {
          case "profile":
            profile = objOf(v);
            break;
          case "username":
            username = scalar(v);
            break;
          case "wa_id":
            waId = idOf(v);
            break;
          case "user_id":
            userId = idOf(v);
            break;
          case "parent_user_id":
            parentUserId = idOf(v);
            break;
          case "identity_key_hash":
            hash = scalar(v);
            break;
          default:
            break;
        }
      }
      String profileUsername = text(profile, "username");
      out.add(
          new ContactProfile(
              opt(profile, "name"),
              Optional.ofNullable(profileUsername != null ? profileUsername : username),
              Optional.ofNullable(waId),
              Optional.ofNullable(userId),
              Optional.ofNullable(parentUserId),
              Optional.ofNullable(hash)));
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
      EventContext base, Dom.Obj s, String raw, List<ContactProfile> contacts) {
    String id = "";
    String status = "";
    Object timestamp = null;
    String recipientId = null;
    String recipientUserId = null;
    String parentRecipientUserId = null;
    String recipientType = null;
    String participant = null;
    String participantUserId = null;
    String participantParentUserId = null;
    String groupId = null;
    String keyHash = null;
    String callbackData = null;
    Dom.Obj c = null;
    Dom.Obj p = null;
    Object errors = null;
    for (int i = 0, n = s.size(); i < n; i++) {
      Object v = s.value(i);
      switch (s.name(i)) {
        case "id":
          id = textOf(v);
          break;
        case "status":
          status = textOf(v);
          break;
        case "timestamp":
          timestamp = v;
          break;
        case "recipient_id":
          recipientId = idOf(v);
          break;
        case "recipient_user_id":
          recipientUserId = idOf(v);
          break;
        case "parent_recipient_user_id":
          parentRecipientUserId = idOf(v);
          break;
        case "recipient_type":
          recipientType = scalar(v);
          break;
        case "recipient_participant_id":
        case "participant_recipient_id": // as some of Meta's samples spell it
          participant = participant == null ? idOf(v) : participant;
          break;
        case "recipient_participant_user_id":
          participantUserId = idOf(v);
          break;
        case "recipient_participant_parent_user_id":
          participantParentUserId = idOf(v);
          break;
        case "group_id":
          groupId = idOf(v);
          break;
        case "recipient_identity_key_hash":
          keyHash = scalar(v);
          break;
        case "biz_opaque_callback_data":
          callbackData = scalar(v);
          break;
        case "conversation":
          c = objOf(v);
          break;
        case "pricing":
          p = objOf(v);
          break;
        case "errors":
          errors = v;
          break;
        default:
          break;
      }
    }
    UserRef recipient =
        new UserRef(
            Optional.ofNullable(recipientId),
            Optional.ofNullable(recipientUserId),
            Optional.ofNullable(parentRecipientUserId));
    UserRef member =
        participant == null && participantUserId == null && participantParentUserId == null
            ? UserRef.none()
            : new UserRef(
                Optional.ofNullable(participant),
                Optional.ofNullable(participantUserId),
                Optional.ofNullable(participantParentUserId));
    if (groupId == null
        && MessageStatusChanged.RecipientType.of(recipientType)
            == MessageStatusChanged.RecipientType.GROUP) {
      groupId = recipientId;
    }
    // A group status's contacts are its members, one per status.
    UserRef whom = member.isEmpty() ? recipient : member;
    EventContext ctx =
        contacts.isEmpty() ? base : base.withContact(match(contacts, whom.waId(), whom.userId()));
    Optional<MessageStatusChanged.Conversation> conversation =
        c == null
            ? Optional.empty()
            : Optional.of(
                new MessageStatusChanged.Conversation(
                    textOr(c, "id"),
                    optInstant(c, "expiration_timestamp"),
                    opt(obj(c, "origin"), "type")));
    Optional<MessageStatusChanged.Pricing> pricing =
        p == null
            ? Optional.empty()
            : Optional.of(
                new MessageStatusChanged.Pricing(
                    bool(p, "billable"),
                    opt(p, "pricing_model"),
                    opt(p, "type"),
                    opt(p, "category")));
    Instant time = Nodes.instant(timestamp);
    return new MessageStatusChanged(
        ctx,
        id,
        status,
        time == null ? Instant.EPOCH : time,
        recipient,
        Optional.ofNullable(recipientType),
        member,
        Optional.ofNullable(groupId),
        Optional.ofNullable(keyHash),
        Optional.ofNullable(callbackData),
        conversation,
        pricing,
        errorList(errors),
        raw);
  }

  // ---------------------------------------------------------------- user preferences, echoes

  static UserPreferenceChanged preference(
      EventContext base, Dom.Obj n, String raw, List<ContactProfile> contacts) {
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

  static MessageEchoed echo(EventContext ctx, Dom.Obj n, String raw) {
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
