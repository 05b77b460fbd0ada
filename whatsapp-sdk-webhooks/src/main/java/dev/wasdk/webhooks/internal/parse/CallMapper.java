package dev.wasdk.webhooks.internal.parse;

import static dev.wasdk.webhooks.internal.parse.Nodes.id;
import static dev.wasdk.webhooks.internal.parse.Nodes.instantOrEpoch;
import static dev.wasdk.webhooks.internal.parse.Nodes.obj;
import static dev.wasdk.webhooks.internal.parse.Nodes.opt;
import static dev.wasdk.webhooks.internal.parse.Nodes.optInstant;
import static dev.wasdk.webhooks.internal.parse.Nodes.textOr;

import dev.wasdk.internal.text.OpenEnums;
import dev.wasdk.webhooks.event.CallConnectReceived;
import dev.wasdk.webhooks.event.CallDirection;
import dev.wasdk.webhooks.event.CallSession;
import dev.wasdk.webhooks.event.CallStatusChanged;
import dev.wasdk.webhooks.event.CallTerminated;
import dev.wasdk.webhooks.event.ContactProfile;
import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.UnknownEvent;
import dev.wasdk.webhooks.event.UserRef;
import dev.wasdk.webhooks.event.WebhookError;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.util.List;
import java.util.Optional;

/** Maps the elements of the {@code calls} field. */
final class CallMapper {
  /** The {@code event} of a {@code calls[]} element. */
  private enum Kind {
    CONNECT,
    TERMINATE,
    UNKNOWN
  }

  private CallMapper() {}

  /**
   * Maps one {@code value.calls[]} element: connect and terminate are typed; any other event, such
   * as a recording notice, stays an {@link UnknownEvent} with the element's JSON.
   *
   * @param errors the value's {@code errors}, which belong to a terminate
   */
  static WebhookEvent call(
      EventContext base,
      Dom.Obj c,
      String raw,
      List<ContactProfile> contacts,
      List<WebhookError> errors) {
    UserRef from = new UserRef(id(c, "from"), id(c, "from_user_id"), id(c, "from_parent_user_id"));
    UserRef to = new UserRef(id(c, "to"), id(c, "to_user_id"), id(c, "to_parent_user_id"));
    String direction = textOr(c, "direction");
    UserRef user = CallDirection.of(direction) == CallDirection.BUSINESS_INITIATED ? to : from;
    EventContext ctx =
        contacts.isEmpty()
            ? base
            : base.withContact(MessageMapper.match(contacts, user.waId(), user.userId()));
    switch (OpenEnums.parse(Kind.class, Nodes.text(c, "event"), Kind.UNKNOWN)) {
      case CONNECT:
        return new CallConnectReceived(
            ctx,
            textOr(c, "id"),
            from,
            to,
            instantOrEpoch(c, "timestamp"),
            direction,
            session(obj(c, "session")),
            opt(c, "deeplink_payload"),
            opt(c, "cta_payload"),
            opt(c, "biz_opaque_callback_data"),
            raw);
      case TERMINATE:
        return new CallTerminated(
            ctx,
            textOr(c, "id"),
            from,
            to,
            instantOrEpoch(c, "timestamp"),
            direction,
            textOr(c, "status"),
            optInstant(c, "start_time"),
            optInstant(c, "end_time"),
            Nodes.longValue(c, "duration"),
            opt(c, "deeplink_payload"),
            opt(c, "cta_payload"),
            opt(c, "biz_opaque_callback_data"),
            errors,
            raw);
      default:
        return new UnknownEvent(ctx, raw);
    }
  }

  /** Returns whether a {@code calls[]} element is a terminate, which takes the value's errors. */
  static boolean isTerminate(Dom.Obj c) {
    return OpenEnums.parse(Kind.class, Nodes.text(c, "event"), Kind.UNKNOWN) == Kind.TERMINATE;
  }

  /** Maps one {@code value.statuses[]} element of the {@code calls} field. */
  static CallStatusChanged status(
      EventContext base, Dom.Obj s, String raw, List<ContactProfile> contacts) {
    UserRef recipient =
        new UserRef(
            id(s, "recipient_id"), id(s, "recipient_user_id"), id(s, "parent_recipient_user_id"));
    EventContext ctx =
        contacts.isEmpty()
            ? base
            : base.withContact(MessageMapper.match(contacts, recipient.waId(), recipient.userId()));
    return new CallStatusChanged(
        ctx,
        textOr(s, "id"),
        textOr(s, "status"),
        instantOrEpoch(s, "timestamp"),
        recipient,
        opt(s, "biz_opaque_callback_data"),
        MessageMapper.errors(s),
        raw);
  }

  private static Optional<CallSession> session(Dom.Obj s) {
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(new CallSession(textOr(s, "sdp_type"), textOr(s, "sdp")));
  }
}
