package dev.wasdk.testkit.internal;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TemplateCategory;
import dev.wasdk.message.TemplateComponent;
import dev.wasdk.message.TemplateMessage;
import dev.wasdk.message.TemplateParameter;
import dev.wasdk.testkit.FailureReporting;
import dev.wasdk.testkit.PlatformRule;
import dev.wasdk.testkit.SentMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * {@code POST /{phone-number-id}/messages}: sends, read receipts and typing indicators. Checks the
 * body through {@link MessageReader}, then the template rules, throughput, pair rate and the policy
 * rules, in that order. Thread-safe.
 */
final class MessagesEndpoint {
  private final Simulator sim;

  MessagesEndpoint(Simulator sim) {
    this.sim = sim;
  }

  SimResponse handle(Simulator.Phone phone, SimRequest req, Instant now) {
    JsonNode root = JsonIo.parseOrNull(req.body());
    if (root == null || !root.isObject()) {
      throw GraphErrorException.of(100, "The request body must be a JSON object.");
    }
    JsonNode product = root.get("messaging_product");
    if (product == null || product.isNull()) {
      throw GraphErrorException.of(100, "The parameter messaging_product is required.");
    }
    if (!product.isString() || !product.stringValue().equals("whatsapp")) {
      throw GraphErrorException.of(
          100, "Param messaging_product must be one of {WHATSAPP} - got \"" + product + "\".");
    }
    if (root.has("status")) {
      return markRead(phone, root);
    }
    return send(phone, root, JsonIo.utf8(req.body()), now);
  }

  private SimResponse markRead(Simulator.Phone phone, JsonNode root) {
    JsonNode status = root.get("status");
    if (!status.isString() || !status.stringValue().equals("read")) {
      throw GraphErrorException.of(131009, "status: must be read");
    }
    JsonNode id = root.get("message_id");
    if (id == null || id.isNull()) {
      throw GraphErrorException.of(131008, "message_id: must be present, but was missing");
    }
    if (!id.isString()) {
      throw GraphErrorException.of(100, "message_id: must be a string");
    }
    String owner = sim.inboundIds.get(id.stringValue());
    if (!phone.id.equals(owner)) {
      throw GraphErrorException.of(
          100, "message_id: must be the id of a message this phone number received");
    }
    JsonNode typing = root.get("typing_indicator");
    if (typing != null && !typing.isNull()) {
      if (!typing.isObject()
          || !typing.path("type").isString()
          || !typing.path("type").stringValue().equals("text")) {
        throw GraphErrorException.of(131009, "typing_indicator.type: must be text");
      }
    }
    sim.markedRead.add(id.stringValue());
    return SimResponse.success();
  }

  private SimResponse send(Simulator.Phone phone, JsonNode root, String json, Instant now) {
    TemplateStore.Template template = null;
    MessageReader.TemplateHints hints = MessageReader.TemplateHints.NONE;
    if (root.path("type").isString()
        && root.path("type").stringValue().equals("template")
        && sim.enforces(PlatformRule.TEMPLATES)) {
      String[] key = MessageReader.templateKey(root);
      if (key != null) {
        template = approvedTemplate(key[0], key[1]);
        hints = new MessageReader.TemplateHints(template.typedCategory(), template.bodyOnly());
      }
    }
    Message message;
    try {
      message = MessageReader.read(root, hints);
    } catch (InvalidMessageException e) {
      throw GraphErrorException.of("missing".equals(e.actual()) ? 131008 : 131009, e.getMessage());
    }
    if (template != null) {
      checkParameters(template, (TemplateMessage) message);
    }
    Recipient r = message.recipient();
    String user = Simulator.userKey(r);
    if (r.kind() == Recipient.Kind.PHONE && user.equals(phone.display)) {
      throw GraphErrorException.of(131021, null);
    }
    long nowMillis = now.toEpochMilli();
    if (sim.enforces(PlatformRule.THROUGHPUT) && !phone.throughputBucket.tryTake(nowMillis)) {
      throw GraphErrorException.of(130429, null);
    }
    boolean group = r.kind() == Recipient.Kind.GROUP;
    if (!group
        && sim.enforces(PlatformRule.PAIR_RATE)
        && !sim.pairBucket(phone, user, nowMillis).tryTake(nowMillis)) {
      throw GraphErrorException.of(131056, null);
    }
    boolean isTemplate = message instanceof TemplateMessage;
    TemplateCategory category =
        isTemplate ? ((TemplateMessage) message).category() : TemplateCategory.UNKNOWN;
    boolean windowOpen = group || sim.windowOpen(phone, user, nowMillis);
    int failure = 0;
    String details = null;
    Integer programmed = sim.deliveryFailures.get(user);
    if (!isTemplate && !windowOpen && sim.enforces(PlatformRule.SERVICE_WINDOW)) {
      failure = 131047;
    } else if (category == TemplateCategory.MARKETING
        && sim.optedOut.contains(user)
        && sim.enforces(PlatformRule.MARKETING_OPT_OUT)) {
      failure = 131050;
    } else if (programmed != null) {
      failure = programmed;
    } else if (isTemplate && audienceFailure(message, user) != 0) {
      failure = audienceFailure(message, user);
    } else if (!windowOpen
        && !group
        && sim.enforces(PlatformRule.MESSAGING_LIMIT)
        && !sim.reach.admit(user, nowMillis, limit())) {
      failure = sim.settings.messagingLimitCode();
      details =
          "The business has reached its messaging limit of "
              + sim.tier.name()
              + " unique users in 24 hours outside the customer service window.";
    }
    if (failure != 0 && sim.settings.policyFailures() == FailureReporting.ERROR_RESPONSE) {
      throw GraphErrorException.of(failure, details);
    }
    sim.flows.admitSend(message, now);
    String wamid = Ids.wamid(group ? "group" : user, false);
    sim.sent.add(
        new SentMessage(
            wamid,
            phone.id,
            message,
            json,
            now,
            failure != 0 ? OptionalInt.of(failure) : OptionalInt.empty()));
    sim.accepted.increment();
    if (failure != 0) {
      sim.countFailure(failure);
    }
    if (sim.webhooks.active()) {
      statuses(phone, message, wamid, now, windowOpen, category, failure, details);
    }
    return SimResponse.json(response(root, r, wamid, isTemplate));
  }

  private long limit() {
    if (sim.tier.isUnlimited()) {
      return -1;
    }
    return sim.tier.uniqueUsersPer24Hours().orElse(-1);
  }

  private TemplateStore.Template approvedTemplate(String name, String language) {
    TemplateStore.Template t =
        sim.templates
            .find(name, language)
            .orElseThrow(
                () ->
                    GraphErrorException.of(
                        132001, "template name (" + name + ") does not exist in " + language));
    switch (t.status()) {
      case "APPROVED":
        return t;
      case "PAUSED":
        throw GraphErrorException.of(
            132015, "Template " + name + " (" + language + ") is paused due to low quality.");
      case "DISABLED":
        throw GraphErrorException.of(
            132016, "Template " + name + " (" + language + ") is disabled.");
      default:
        throw GraphErrorException.of(
            132001,
            "template name ("
                + name
                + ") in "
                + language
                + " is not approved (status "
                + t.status()
                + ")");
    }
  }

  private static void checkParameters(TemplateStore.Template t, TemplateMessage m) {
    boolean header = false;
    List<TemplateParameter.Variable> body = List.of();
    for (TemplateComponent c : m.components()) {
      if (c instanceof TemplateComponent.Header) {
        header = true;
      } else if (c instanceof TemplateComponent.Body b) {
        body = b.parameters();
      }
    }
    if (header != t.headerParam()) {
      throw GraphErrorException.of(
          132000,
          "header: number of localizable_params ("
              + (header ? 1 : 0)
              + ") does not match the expected number of params ("
              + (t.headerParam() ? 1 : 0)
              + ")");
    }
    boolean named = t.parameterFormat().equals("NAMED");
    for (TemplateParameter.Variable v : body) {
      if (v.parameterName().isPresent() != named) {
        throw GraphErrorException.of(
            132012,
            "body: the template uses "
                + t.parameterFormat().toLowerCase(Locale.ROOT)
                + " parameters");
      }
    }
    if (body.size() != t.bodyParams()) {
      throw GraphErrorException.of(
          132000,
          "body: number of localizable_params ("
              + body.size()
              + ") does not match the expected number of params ("
              + t.bodyParams()
              + ")");
    }
    if (named) {
      Set<String> given = new HashSet<>();
      body.forEach(v -> given.add(v.parameterName().orElseThrow()));
      if (!given.equals(t.bodyNames())) {
        throw GraphErrorException.of(
            132000,
            "body: parameter names "
                + new TreeSet<>(given)
                + " do not match the template's "
                + new TreeSet<>(t.bodyNames()));
      }
    }
  }

  private byte[] response(JsonNode root, Recipient r, String wamid, boolean template) {
    String input =
        r.kind() == Recipient.Kind.USER_ID ? r.value() : root.path("to").asString(r.value());
    return JsonIo.write(
        g -> {
          g.writeStartObject();
          g.writeStringProperty("messaging_product", "whatsapp");
          if (r.kind() != Recipient.Kind.GROUP) {
            g.writeArrayPropertyStart("contacts");
            g.writeStartObject();
            g.writeStringProperty("input", input);
            if (r.kind() == Recipient.Kind.PHONE) {
              g.writeStringProperty("wa_id", WaIds.canonical(r.value().substring(1)));
            } else {
              g.writeStringProperty("user_id", r.value());
            }
            g.writeEndObject();
            g.writeEndArray();
          }
          g.writeArrayPropertyStart("messages");
          g.writeStartObject();
          g.writeStringProperty("id", wamid);
          if (r.kind() == Recipient.Kind.GROUP) {
            g.writeStringProperty("group_id", r.value());
          }
          if (template) {
            g.writeStringProperty("message_status", "accepted");
          }
          g.writeEndObject();
          g.writeEndArray();
          g.writeEndObject();
        });
  }

  private void statuses(
      Simulator.Phone phone,
      Message message,
      String wamid,
      Instant now,
      boolean windowOpen,
      TemplateCategory category,
      int failure,
      String details) {
    Recipient r = message.recipient();
    String field = r.kind() == Recipient.Kind.USER_ID ? "recipient_user_id" : "recipient_id";
    String recipient = Simulator.userKey(r);
    boolean group = r.kind() == Recipient.Kind.GROUP;
    String opaque = message.envelope().bizOpaqueCallbackData().orElse(null);
    Settings s = sim.settings;
    long base = now.getEpochSecond();
    List<WebhookDispatcher.Post> posts = new ArrayList<>(3);
    List<Duration> delays = new ArrayList<>(3);
    if (failure != 0) {
      posts.add(
          post(
              phone,
              new WebhookPayloads.Status(
                  wamid,
                  "failed",
                  base + s.sentDelay().toSeconds(),
                  field,
                  recipient,
                  group,
                  opaque,
                  null,
                  null,
                  failure,
                  details)));
      delays.add(s.sentDelay());
    } else {
      boolean isTemplate = message instanceof TemplateMessage;
      String pricingCategory =
          isTemplate
              ? (category == TemplateCategory.UNKNOWN
                  ? "utility"
                  : category.name().toLowerCase(Locale.ROOT))
              : "service";
      String pricingType =
          !isTemplate || (windowOpen && category == TemplateCategory.UTILITY)
              ? "free_customer_service"
              : "regular";
      posts.add(
          post(
              phone,
              new WebhookPayloads.Status(
                  wamid,
                  "sent",
                  base + s.sentDelay().toSeconds(),
                  field,
                  recipient,
                  group,
                  opaque,
                  pricingType,
                  pricingCategory,
                  0,
                  null)));
      delays.add(s.sentDelay());
      posts.add(
          post(
              phone,
              new WebhookPayloads.Status(
                  wamid,
                  "delivered",
                  base + s.deliveredDelay().toSeconds(),
                  field,
                  recipient,
                  group,
                  opaque,
                  pricingType,
                  pricingCategory,
                  0,
                  null)));
      delays.add(nonNegative(s.deliveredDelay().minus(s.sentDelay())));
      dev.wasdk.testkit.AudienceProfile audience = audienceOf(message);
      if (s.readReceipts()
          && (audience == null
              || AudienceDraws.reads(
                  audience, ((TemplateMessage) message).name(), Simulator.userKey(r)))) {
        posts.add(
            post(
                phone,
                new WebhookPayloads.Status(
                    wamid,
                    "read",
                    base + readDelay(s, audience).toSeconds(),
                    field,
                    recipient,
                    group,
                    opaque,
                    null,
                    null,
                    0,
                    null)));
        delays.add(nonNegative(readDelay(s, audience).minus(s.deliveredDelay())));
      }
      if (audience != null) {
        sim.reactions.afterDelivery(
            phone,
            audience,
            (TemplateMessage) message,
            recipient,
            wamid,
            base,
            Duration.ZERO,
            posts,
            delays);
      }
    }
    sim.webhooks.sequence(posts, delays);
  }

  private dev.wasdk.testkit.AudienceProfile audienceOf(Message message) {
    return message instanceof TemplateMessage t ? sim.audiences.get(t.name()) : null;
  }

  private int audienceFailure(Message message, String user) {
    dev.wasdk.testkit.AudienceProfile p = audienceOf(message);
    return p == null ? 0 : AudienceDraws.failure(p, ((TemplateMessage) message).name(), user);
  }

  private static Duration readDelay(Settings s, dev.wasdk.testkit.AudienceProfile p) {
    return p != null && p.readDelay() != null ? p.readDelay() : s.readDelay();
  }

  private WebhookDispatcher.Post post(Simulator.Phone phone, WebhookPayloads.Status status) {
    return new WebhookDispatcher.Post(
        "messages",
        WebhookPayloads.envelope(
            sim.settings.wabaId(),
            "messages",
            -1,
            WebhookPayloads.status(phone.display, phone.id, status)));
  }

  private static Duration nonNegative(Duration d) {
    return d.isNegative() ? Duration.ZERO : d;
  }
}
