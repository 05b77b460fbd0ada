package dev.wasdk.testkit.internal;

import dev.wasdk.message.TemplateMessage;
import dev.wasdk.testkit.AudienceProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a simulated audience does after a template is delivered: text replies and quick-reply button
 * taps (inbound messages whose {@code context} is the template message), and URL-button clicks,
 * counted per template and day and served as {@code template_analytics}. Thread-safe.
 */
final class AudienceReactions {
  private static final long DAY = 86_400;
  private static final Pattern START = Pattern.compile("\\.start\\((\\d+)\\)");
  private static final Pattern END = Pattern.compile("\\.end\\((\\d+)\\)");
  private static final Pattern IDS = Pattern.compile("template_ids\\(\\[([^\\]]*)\\]\\)");

  private final Simulator sim;
  // template id -> day start (epoch second) -> clicks
  private final Map<String, ConcurrentSkipListMap<Long, AtomicLong>> clicks =
      new ConcurrentHashMap<>();

  AudienceReactions(Simulator sim) {
    this.sim = sim;
  }

  /**
   * Adds the reactions to a delivered template message after its statuses: a reply or a button tap
   * when the profile draws one, and a URL click in the day's analytics.
   */
  void afterDelivery(
      Simulator.Phone phone,
      AudienceProfile p,
      TemplateMessage t,
      String user,
      String wamid,
      long sentAt,
      Duration afterLast,
      List<WebhookDispatcher.Post> posts,
      List<Duration> delays) {
    if (AudienceDraws.clicks(p, t.name(), user)) {
      sim.templates
          .find(t.name(), t.languageCode())
          .ifPresent(
              tpl ->
                  clicks
                      .computeIfAbsent(tpl.id(), k -> new ConcurrentSkipListMap<>())
                      .computeIfAbsent(Math.floorDiv(sentAt, DAY) * DAY, k -> new AtomicLong())
                      .incrementAndGet());
    }
    int reaction = AudienceDraws.reaction(p, t.name(), user);
    if (reaction == 0) {
      return;
    }
    String id = Ids.wamid(user, true);
    sim.inboundIds.put(id, phone.id);
    // the reply opens the user's window when it arrives; the simulator counts it from the send
    phone.lastInbound.merge(user, sentAt * 1000, Math::max);
    WebhookPayloads.Inbound in =
        reaction == 1
            ? new WebhookPayloads.Inbound(
                user,
                "Simulated User",
                id,
                sentAt,
                "text",
                phone.display,
                wamid,
                g -> {
                  g.writeObjectPropertyStart("text");
                  g.writeStringProperty("body", p.replyText());
                  g.writeEndObject();
                })
            : new WebhookPayloads.Inbound(
                user,
                "Simulated User",
                id,
                sentAt,
                "button",
                phone.display,
                wamid,
                g -> {
                  g.writeObjectPropertyStart("button");
                  g.writeStringProperty("payload", p.buttonPayload());
                  g.writeStringProperty("text", p.buttonText());
                  g.writeEndObject();
                });
    posts.add(
        new WebhookDispatcher.Post(
            "messages",
            WebhookPayloads.envelope(
                sim.settings.wabaId(),
                "messages",
                -1,
                WebhookPayloads.inbound(phone.display, phone.id, in))));
    delays.add(afterLast);
  }

  /** Returns whether a simulated audience has clicked any template's URL button yet. */
  boolean anyClicks() {
    return !clicks.isEmpty();
  }

  /** Answers {@code GET /{waba}?fields=template_analytics...}, when the fields ask for it. */
  Optional<ObjectNode> analytics(Optional<String> fields) {
    if (fields.isEmpty() || !fields.get().contains("template_analytics")) {
      return Optional.empty();
    }
    String f = fields.get();
    long start = find(START, f).map(Long::parseLong).orElse(0L);
    long end = find(END, f).map(Long::parseLong).orElse(Long.MAX_VALUE);
    String ids = find(IDS, f).orElse("");
    ObjectNode o = JsonIo.MAPPER.createObjectNode();
    ObjectNode a = o.putObject("template_analytics");
    ObjectNode block = a.putArray("data").addObject();
    block.put("granularity", "DAILY");
    ArrayNode points = block.putArray("data_points");
    for (String raw : ids.split(",")) {
      String id = raw.trim().replace("\"", "");
      if (id.isEmpty()) {
        continue;
      }
      Map<Long, AtomicLong> days = clicks.getOrDefault(id, new ConcurrentSkipListMap<>());
      long first = Math.floorDiv(start, DAY) * DAY;
      // Meta serves at most a year of days; an open end stops there
      for (long day = first; day < end && day < first + 400 * DAY; day += DAY) {
        AtomicLong n = days.get(day);
        ObjectNode pt = points.addObject();
        pt.put("template_id", id);
        pt.put("start", day);
        pt.put("end", day + DAY);
        ArrayNode clicked = pt.putArray("clicked");
        if (n != null && n.get() > 0) {
          ObjectNode c = clicked.addObject();
          c.put("type", "url_button");
          c.put("button_content", "Open");
          c.put("count", n.get());
        }
      }
    }
    o.put("id", sim.settings.wabaId());
    return Optional.of(o);
  }

  private static Optional<String> find(Pattern p, String s) {
    Matcher m = p.matcher(s);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
