package dev.wasdk.webhooks.internal.parse;

import static dev.wasdk.webhooks.internal.parse.Nodes.arr;
import static dev.wasdk.webhooks.internal.parse.Nodes.id;
import static dev.wasdk.webhooks.internal.parse.Nodes.longValue;
import static dev.wasdk.webhooks.internal.parse.Nodes.obj;
import static dev.wasdk.webhooks.internal.parse.Nodes.opt;
import static dev.wasdk.webhooks.internal.parse.Nodes.optInstant;
import static dev.wasdk.webhooks.internal.parse.Nodes.scalar;
import static dev.wasdk.webhooks.internal.parse.Nodes.text;
import static dev.wasdk.webhooks.internal.parse.Nodes.textOr;
import static dev.wasdk.webhooks.internal.parse.Nodes.texts;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.webhooks.event.AccountAlertRaised;
import dev.wasdk.webhooks.event.AccountReviewUpdated;
import dev.wasdk.webhooks.event.AccountUpdated;
import dev.wasdk.webhooks.event.BusinessCapabilityChanged;
import dev.wasdk.webhooks.event.ContactProfile;
import dev.wasdk.webhooks.event.ErrorReported;
import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.FlowAlertRaised;
import dev.wasdk.webhooks.event.FlowStatusChanged;
import dev.wasdk.webhooks.event.PhoneNumberNameChanged;
import dev.wasdk.webhooks.event.PhoneNumberQualityChanged;
import dev.wasdk.webhooks.event.PhoneNumberSecurityChanged;
import dev.wasdk.webhooks.event.TemplateCategoryChanged;
import dev.wasdk.webhooks.event.TemplateComponentsChanged;
import dev.wasdk.webhooks.event.TemplateQualityChanged;
import dev.wasdk.webhooks.event.TemplateStatusChanged;
import dev.wasdk.webhooks.event.UnknownEvent;
import dev.wasdk.webhooks.event.WebhookError;
import dev.wasdk.webhooks.event.WebhookEvent;
import dev.wasdk.webhooks.internal.parse.WebhookReader.Change;
import dev.wasdk.webhooks.internal.parse.WebhookReader.Element;
import dev.wasdk.webhooks.internal.parse.WebhookReader.Value;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns one change into events, by field. */
final class EventMapper {
  private static final Logger LOG = LoggerFactory.getLogger(EventMapper.class);

  private EventMapper() {}

  static void map(
      String wabaId, Instant entryTime, Change change, byte[] body, List<WebhookEvent> out) {
    String field = change.field();
    Value v = change.value();
    Optional<Instant> time = Optional.ofNullable(entryTime);
    if (v == null || !v.isObject()) {
      EventContext ctx =
          new EventContext(
              wabaId, field, Optional.empty(), Optional.empty(), Optional.empty(), time);
      out.add(new UnknownEvent(ctx, v == null ? "null" : v.raw(body)));
      return;
    }
    Dom.Obj tree = v.obj();
    Dom.Obj metadata = obj(tree, "metadata");
    Optional<String> display = opt(metadata, "display_phone_number");
    EventContext ctx =
        new EventContext(
            wabaId,
            field,
            id(metadata, "phone_number_id"),
            display.isPresent() ? display : opt(tree, "display_phone_number"),
            Optional.empty(),
            time);
    int before = out.size();
    try {
      value(ctx, field, v, body, out);
    } catch (RuntimeException e) {
      // A safety net for shapes no test foresaw: keep the change, raw, rather than fail the batch.
      warn(field, e);
      out.subList(before, out.size()).clear();
      out.add(new UnknownEvent(ctx, v.raw(body)));
    }
  }

  /** Maps an object value of a change to its events, by field. */
  static void value(EventContext ctx, String field, Value v, byte[] body, List<WebhookEvent> out) {
    Dom.Obj tree = v.obj();
    switch (field) {
      case "messages":
        messages(ctx, v, body, out);
        break;
      case "user_preferences":
        preferences(ctx, v, body, out);
        break;
      case "smb_message_echoes":
        each(ctx, v, body, "message_echoes", MessageMapper::echo, out);
        break;
      case "history":
        each(ctx, v, body, "history", CoexistenceMapper::history, out);
        break;
      case "smb_app_state_sync":
        each(ctx, v, body, "state_sync", CoexistenceMapper::stateSync, out);
        break;
      case "automatic_events":
        each(ctx, v, body, "automatic_events", BusinessMapper::automaticEvent, out);
        break;
      case "calls":
        calls(ctx, v, body, out);
        break;
      case "group_lifecycle_update":
        each(ctx, v, body, "groups", GroupMapper::lifecycle, out);
        break;
      case "group_participants_update":
      case "group_participant_update": // the name in Meta's OpenAPI file
        {
          Optional<String> initiatedBy = opt(tree, "initiated_by");
          each(
              ctx,
              v,
              body,
              "groups",
              (c, g, raw) -> GroupMapper.participants(c, g, raw, initiatedBy),
              out);
          break;
        }
      case "group_settings_update":
        each(ctx, v, body, "groups", GroupMapper::settings, out);
        break;
      case "group_status_update":
        each(ctx, v, body, "groups", GroupMapper::status, out);
        break;
      default:
        out.add(change(ctx, field, tree, v.raw(body)));
    }
  }

  private static void messages(EventContext ctx, Value v, byte[] body, List<WebhookEvent> out) {
    int before = out.size();
    List<ContactProfile> contacts = MessageMapper.contacts(v.obj());
    for (Element e : v.elements("messages")) {
      if (e.obj() != null) {
        String raw = e.raw(body);
        try {
          out.add(MessageMapper.message(ctx, e.obj(), raw, contacts));
        } catch (RuntimeException ex) {
          warn("messages", ex);
          out.add(new UnknownEvent(ctx, raw));
        }
      }
    }
    for (Element e : v.elements("statuses")) {
      if (e.obj() != null) {
        String raw = e.raw(body);
        try {
          out.add(MessageMapper.status(ctx, e.obj(), raw, contacts));
        } catch (RuntimeException ex) {
          warn("messages", ex);
          out.add(new UnknownEvent(ctx, raw));
        }
      }
    }
    for (Element e : v.elements("errors")) {
      if (e.obj() != null) {
        String raw = e.raw(body);
        try {
          out.add(new ErrorReported(ctx, MessageMapper.error(e.obj()), raw));
        } catch (RuntimeException ex) {
          warn("messages", ex);
          out.add(new UnknownEvent(ctx, raw));
        }
      }
    }
    if (out.size() == before) {
      // Neither messages, statuses nor errors: something new in this field; pass it on whole.
      out.add(new UnknownEvent(ctx, v.raw(body)));
    }
  }

  private static void preferences(EventContext ctx, Value v, byte[] body, List<WebhookEvent> out) {
    int before = out.size();
    List<ContactProfile> contacts = MessageMapper.contacts(v.obj());
    for (Element e : v.elements("user_preferences")) {
      if (e.obj() != null) {
        String raw = e.raw(body);
        try {
          out.add(MessageMapper.preference(ctx, e.obj(), raw, contacts));
        } catch (RuntimeException ex) {
          warn("user_preferences", ex);
          out.add(new UnknownEvent(ctx, raw));
        }
      }
    }
    if (out.size() == before) {
      out.add(new UnknownEvent(ctx, v.raw(body)));
    }
  }

  /** Maps one element of an array of the value to one event. */
  @FunctionalInterface
  interface ElementMapper {
    WebhookEvent map(EventContext ctx, Dom.Obj element, String raw);
  }

  /**
   * Maps each object element of {@code value[array]}; an element that cannot be read becomes an
   * {@link UnknownEvent} of its own, and a value without any becomes one {@link UnknownEvent}.
   */
  private static void each(
      EventContext ctx,
      Value v,
      byte[] body,
      String array,
      ElementMapper mapper,
      List<WebhookEvent> out) {
    int before = out.size();
    elements(ctx, v, body, array, mapper, out);
    if (out.size() == before) {
      // None of the expected elements: something new in this field; pass it on whole.
      out.add(new UnknownEvent(ctx, v.raw(body)));
    }
  }

  /** Maps each object element of {@code value[array]}, each unreadable one to an UnknownEvent. */
  private static void elements(
      EventContext ctx,
      Value v,
      byte[] body,
      String array,
      ElementMapper mapper,
      List<WebhookEvent> out) {
    for (Element e : v.elements(array)) {
      if (e.obj() != null) {
        String raw = e.raw(body);
        try {
          out.add(mapper.map(ctx, e.obj(), raw));
        } catch (RuntimeException ex) {
          warn(ctx.field(), ex);
          out.add(new UnknownEvent(ctx, raw));
        }
      }
    }
  }

  /**
   * Maps a {@code calls} change: its calls and call statuses. The value's errors belong to its
   * terminate events; with no terminate to carry them, each becomes an {@link ErrorReported}.
   */
  private static void calls(EventContext ctx, Value v, byte[] body, List<WebhookEvent> out) {
    int before = out.size();
    Dom.Obj tree = v.obj();
    List<ContactProfile> contacts = MessageMapper.contacts(tree);
    List<WebhookError> errors = MessageMapper.errors(tree);
    boolean terminated = false;
    for (Element e : v.elements("calls")) {
      terminated |= e.obj() != null && CallMapper.isTerminate(e.obj());
    }
    elements(
        ctx, v, body, "calls", (c, n, raw) -> CallMapper.call(c, n, raw, contacts, errors), out);
    elements(ctx, v, body, "statuses", (c, n, raw) -> CallMapper.status(c, n, raw, contacts), out);
    if (!terminated) {
      elements(
          ctx,
          v,
          body,
          "errors",
          (c, n, raw) -> new ErrorReported(c, MessageMapper.error(n), raw),
          out);
    }
    if (out.size() == before) {
      out.add(new UnknownEvent(ctx, v.raw(body)));
    }
  }

  static WebhookEvent change(EventContext ctx, String field, Dom.Obj t, String raw) {
    switch (field) {
      case "message_template_status_update":
        {
          Dom.Obj other = obj(t, "other_info");
          Dom.Obj rejection = obj(t, "rejection_info");
          return new TemplateStatusChanged(
              ctx,
              textOr(t, "message_template_id"),
              textOr(t, "message_template_name"),
              textOr(t, "message_template_language"),
              textOr(t, "event"),
              opt(t, "reason"),
              opt(t, "message_template_category"),
              opt(obj(t, "disable_info"), "disable_date"),
              opt(other, "title"),
              opt(other, "description"),
              opt(rejection, "reason"),
              opt(rejection, "recommendation"),
              raw);
        }
      case "message_template_quality_update":
        return new TemplateQualityChanged(
            ctx,
            textOr(t, "message_template_id"),
            textOr(t, "message_template_name"),
            textOr(t, "message_template_language"),
            opt(t, "previous_quality_score"),
            textOr(t, "new_quality_score"),
            raw);
      case "message_template_components_update":
        {
          List<TemplateComponentsChanged.Button> buttons = new ArrayList<>();
          for (Object bo : arr(t, "message_template_buttons")) {
            if (bo instanceof Dom.Obj) {
              Dom.Obj b = (Dom.Obj) bo;
              buttons.add(
                  new TemplateComponentsChanged.Button(
                      textOr(b, "message_template_button_type"),
                      textOr(b, "message_template_button_text"),
                      opt(b, "message_template_button_url"),
                      opt(b, "message_template_button_phone_number")));
            }
          }
          return new TemplateComponentsChanged(
              ctx,
              textOr(t, "message_template_id"),
              textOr(t, "message_template_name"),
              textOr(t, "message_template_language"),
              opt(t, "message_template_element"),
              opt(t, "message_template_title"),
              opt(t, "message_template_footer"),
              buttons,
              raw);
        }
      case "template_category_update":
        return new TemplateCategoryChanged(
            ctx,
            textOr(t, "message_template_id"),
            textOr(t, "message_template_name"),
            textOr(t, "message_template_language"),
            opt(t, "previous_category"),
            opt(t, "new_category"),
            opt(t, "correct_category"),
            optInstant(t, "category_update_timestamp"),
            raw);
      case "phone_number_quality_update":
        return new PhoneNumberQualityChanged(
            ctx,
            textOr(t, "event"),
            tier(t, "current_limit"),
            tier(t, "old_limit"),
            tier(t, "max_daily_conversations_per_business"),
            raw);
      case "phone_number_name_update":
        return new PhoneNumberNameChanged(
            ctx,
            textOr(t, "decision"),
            opt(t, "requested_verified_name"),
            opt(t, "rejection_reason"),
            raw);
      case "account_update":
        return accountUpdate(ctx, t, raw);
      case "account_alerts":
        {
          Dom.Obj info = obj(t, "alert_info");
          return new AccountAlertRaised(
              ctx,
              opt(t, "entity_type"),
              id(t, "entity_id"),
              opt(info, "alert_severity"),
              opt(info, "alert_status"),
              opt(info, "alert_type"),
              opt(info, "alert_description"),
              raw);
        }
      case "account_review_update":
        return new AccountReviewUpdated(ctx, textOr(t, "decision"), raw);
      case "business_capability_update":
        return new BusinessCapabilityChanged(
            ctx,
            tier(t, "max_daily_conversations_per_business"),
            tier(t, "max_daily_conversation_per_phone"),
            longValue(t, "max_phone_numbers_per_business"),
            longValue(t, "max_phone_numbers_per_waba"),
            raw);
      case "security":
        return new PhoneNumberSecurityChanged(ctx, textOr(t, "event"), opt(t, "requester"), raw);
      case "flows":
        return flows(ctx, t, raw);
      case "account_settings_update":
        return BusinessMapper.accountSettings(ctx, t, raw);
      case "partner_solutions":
        return BusinessMapper.partnerSolution(ctx, t, raw);
      case "payment_configuration_update":
        return BusinessMapper.paymentConfiguration(ctx, t, raw);
      default:
        return new UnknownEvent(ctx, raw);
    }
  }

  private static AccountUpdated accountUpdate(EventContext ctx, Dom.Obj t, String raw) {
    Dom.Obj w = obj(t, "waba_info");
    Optional<AccountUpdated.WabaInfo> waba =
        w == null
            ? Optional.empty()
            : Optional.of(
                new AccountUpdated.WabaInfo(
                    id(w, "waba_id"),
                    id(w, "owner_business_id"),
                    id(w, "partner_app_id"),
                    id(w, "solution_id"),
                    texts(w, "solution_partner_business_ids")));
    Dom.Obj b = obj(t, "ban_info");
    Optional<AccountUpdated.BanInfo> ban =
        b == null
            ? Optional.empty()
            : Optional.of(
                new AccountUpdated.BanInfo(
                    firstText(b, "waba_ban_state"), opt(b, "waba_ban_date")));
    Dom.Obj vt = obj(t, "volume_tier_info");
    Optional<AccountUpdated.VolumeTier> volume =
        vt == null
            ? Optional.empty()
            : Optional.of(
                new AccountUpdated.VolumeTier(
                    opt(vt, "tier"),
                    opt(vt, "pricing_category"),
                    opt(vt, "region"),
                    opt(vt, "effective_month"),
                    optInstant(vt, "tier_update_time")));
    return new AccountUpdated(
        ctx,
        textOr(t, "event"),
        opt(t, "country"),
        waba,
        opt(obj(t, "violation_info"), "violation_type"),
        ban,
        volume,
        raw);
  }

  private static WebhookEvent flows(EventContext ctx, Dom.Obj t, String raw) {
    String event = textOr(t, "event");
    if ("FLOW_STATUS_CHANGE".equals(event)) {
      return new FlowStatusChanged(
          ctx,
          textOr(t, "flow_id"),
          opt(t, "old_status"),
          opt(t, "new_status"),
          opt(t, "message"),
          raw);
    }
    Map<String, Double> metrics = new LinkedHashMap<>();
    for (int i = 0; i < t.size(); i++) {
      if (t.value(i) instanceof Number) {
        metrics.put(t.name(i), ((Number) t.value(i)).doubleValue());
      }
    }
    return new FlowAlertRaised(
        ctx, event, textOr(t, "flow_id"), opt(t, "message"), opt(t, "alert_state"), metrics, raw);
  }

  /** Reads a tier sent as {@code TIER_*} or as a number; empty if absent or unreadable. */
  private static Optional<MessagingTier> tier(Dom.Obj t, String name) {
    String s = text(t, name);
    if (s == null || s.isBlank() || s.length() > 64) {
      return Optional.empty();
    }
    try {
      return Optional.of(MessagingTier.of(s));
    } catch (RuntimeException e) {
      // Such as 0 or a negative number other than -1: not a tier.
      return Optional.empty();
    }
  }

  /** Reads a scalar, or the first scalar of an array (Meta sends some states as a list). */
  private static Optional<String> firstText(Dom.Obj parent, String name) {
    Object n = parent.get(name);
    if (n instanceof Dom.Arr) {
      for (Object e : (Dom.Arr) n) {
        String s = scalar(e);
        if (s != null) {
          return Optional.of(s);
        }
      }
      return Optional.empty();
    }
    return opt(parent, name);
  }

  static void warn(String field, RuntimeException e) {
    LOG.warn(
        "Could not read part of a webhook '{}' change; passing it on as an UnknownEvent ({})",
        printable(field),
        e.getClass().getName());
  }

  // The field name comes from the body: keep log lines single and short.
  private static String printable(String s) {
    StringBuilder b = new StringBuilder(Math.min(s.length(), 64));
    for (int i = 0; i < s.length() && i < 64; i++) {
      char c = s.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return b.toString();
  }
}
