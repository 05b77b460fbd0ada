package dev.wasdk.testkit.internal;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.QualityRating;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import tools.jackson.core.JsonGenerator;

/**
 * What tests make happen on the simulated platform: users' inbound messages and preferences,
 * delivery failures, quality, tier, throughput and template status changes, each with its webhook.
 * Thread-safe.
 */
public final class PlatformEvents {
  private final Simulator sim;

  PlatformEvents(Simulator sim) {
    this.sim = sim;
  }

  /**
   * Records an inbound message from a user: it opens the user's 24-hour window, and a webhook is
   * posted when a callback URL is set.
   *
   * @return the inbound message id
   */
  public String inbound(
      String phoneNumberId,
      String from,
      String profileName,
      String type,
      String contextId,
      Consumer<JsonGenerator> content) {
    Simulator.Phone phone = sim.phone(phoneNumberId);
    String user = Simulator.waId(from);
    Instant now = sim.clock.instant();
    String wamid = Ids.wamid(user, true);
    phone.lastInbound.merge(user, now.toEpochMilli(), Math::max);
    sim.inboundIds.put(wamid, phone.id);
    if (sim.webhooks.active()) {
      sim.emitMessages(
          WebhookPayloads.inbound(
              phone.display,
              phone.id,
              new WebhookPayloads.Inbound(
                  user,
                  profileName,
                  wamid,
                  now.getEpochSecond(),
                  type,
                  contextId == null ? null : phone.display,
                  contextId,
                  content)));
    }
    return wamid;
  }

  /** Stores media a user sends, so it can be fetched and downloaded. */
  public MediaStore.Media storeInboundMedia(String phoneNumberId, byte[] bytes, String mimeType) {
    return sim.media.put(sim.phone(phoneNumberId).id, bytes, mimeType, sim.clock.millis());
  }

  /** Marks a user as having stopped (or resumed) marketing messages, with the webhook. */
  public void marketingPreference(String phoneNumberId, String from, boolean stop) {
    Simulator.Phone phone = sim.phone(phoneNumberId);
    String user = Simulator.waId(from);
    if (stop) {
      sim.optedOut.add(user);
    } else {
      sim.optedOut.remove(user);
    }
    if (sim.webhooks.active()) {
      emitMessagesField(
          "user_preferences",
          WebhookPayloads.userPreference(
              phone.display,
              phone.id,
              user,
              "Simulated User",
              stop,
              sim.clock.instant().getEpochSecond()));
    }
  }

  void emitMessagesField(String field, Consumer<JsonGenerator> value) {
    sim.emit(field, WebhookPayloads.envelope(sim.settings.wabaId(), field, -1, value));
  }

  /** Makes every later message to a user fail delivery with a code (0 removes the rule). */
  public void failDeliveryTo(String to, int code) {
    String user = Simulator.waId(to);
    if (code == 0) {
      sim.deliveryFailures.remove(user);
    } else {
      sim.deliveryFailures.put(user, code);
    }
  }

  /** Sets how the users who get a template behave (see {@code AudienceProfile}). */
  public void audience(String template, dev.wasdk.testkit.AudienceProfile profile) {
    sim.audiences.put(template, profile);
  }

  /** Changes the quality rating; a drop to RED or a rise from it posts the legacy event. */
  public void quality(String phoneNumberId, QualityRating rating) {
    Simulator.Phone phone = sim.phone(phoneNumberId);
    QualityRating old = phone.quality;
    phone.quality = rating;
    String event = null;
    if (rating == QualityRating.RED && old != QualityRating.RED) {
      event = "FLAGGED";
    } else if (old == QualityRating.RED && rating != QualityRating.RED) {
      event = "UNFLAGGED";
    }
    if (event != null && sim.webhooks.active()) {
      sim.emitField(
          "phone_number_quality_update",
          WebhookPayloads.phoneNumberQuality(phone.display, event, sim.tier.name()));
    }
  }

  /** Changes the messaging tier and posts business_capability_update. */
  public void tier(MessagingTier newTier) {
    sim.tier = newTier;
    if (sim.webhooks.active()) {
      long perPhone = newTier.isUnlimited() ? -1 : newTier.uniqueUsersPer24Hours().orElse(-1);
      sim.emitField(
          "business_capability_update",
          WebhookPayloads.businessCapability(perPhone, newTier.name()));
    }
  }

  /** Raises a number's throughput and posts the THROUGHPUT_UPGRADE event. */
  public void throughput(String phoneNumberId, int mps, boolean announce) {
    Simulator.Phone phone = sim.phone(phoneNumberId);
    Simulator.setThroughput(phone, mps, sim.clock.millis());
    if (announce && sim.webhooks.active()) {
      sim.emitField(
          "phone_number_quality_update",
          WebhookPayloads.phoneNumberQuality(phone.display, "THROUGHPUT_UPGRADE", sim.tier.name()));
    }
  }

  /** Sets a template's status and posts message_template_status_update. */
  public boolean templateStatus(String name, String language, String status) {
    Optional<TemplateStore.Template> t = sim.templates.setStatus(name, language, status);
    t.ifPresent(
        x -> {
          if (sim.webhooks.active()) {
            sim.emitField(
                "message_template_status_update",
                WebhookPayloads.templateStatus(
                    status, x.id(), x.name(), x.language(), x.category()));
          }
        });
    return t.isPresent();
  }

  /** Creates a template from creation JSON; returns its id. */
  public String createTemplate(String json) {
    return sim.templates.create(JsonIo.MAPPER.readTree(json), "APPROVED").id();
  }
}
