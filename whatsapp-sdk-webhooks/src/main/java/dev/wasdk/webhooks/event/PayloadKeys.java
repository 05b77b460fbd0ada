package dev.wasdk.webhooks.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Derives the dedupe key of an event that has no id of its own (group, history, settings, template,
 * number and account changes, and unknown fields) from its payload: the field, the account, the
 * time the payload gives, and a SHA-256 digest of the element's raw JSON. A retried delivery
 * carries the same element, so it gets the same key; two different changes differ in their JSON.
 *
 * <p>A key is given only when the payload says when the change happened, either inside the element
 * (a group event's or a settings change's {@code timestamp}) or as the entry's {@code time}.
 * Without a time, two identical changes days apart (a quality rating that goes back to where it
 * was) would look like one retried change and the second would be skipped, so such an event stays
 * keyless and is always delivered. A history chunk needs no time: its threads name the messages
 * they carry.
 *
 * <p>Stateless and thread-safe.
 */
final class PayloadKeys {
  /** Keeps keys within the 200 characters the stores accept, whatever field Meta adds. */
  private static final int MAX_FIELD = 64;

  /** 128 bits of the digest: collisions between different changes are out of reach. */
  private static final int DIGEST_BYTES = 16;

  private PayloadKeys() {}

  static Optional<String> of(WebhookEvent event) {
    Optional<Instant> when = ownTime(event).or(() -> event.context().entryTime());
    if (when.isEmpty() && !(event instanceof HistorySynced)) {
      return Optional.empty();
    }
    EventContext c = event.context();
    String field = c.field().length() > MAX_FIELD ? c.field().substring(0, MAX_FIELD) : c.field();
    StringBuilder key = new StringBuilder(field.length() + 80);
    key.append(field).append(':').append(c.wabaId()).append(':');
    key.append(when.map(t -> Long.toString(t.getEpochSecond())).orElse("-")).append(':');
    key.append(digest(event.rawJson()));
    return Optional.of(key.toString());
  }

  /** The time inside the element, for the events that carry one; {@code EPOCH} means unreadable. */
  private static Optional<Instant> ownTime(WebhookEvent event) {
    Instant t = null;
    if (event instanceof GroupLifecycleChanged g) {
      t = g.timestamp();
    } else if (event instanceof GroupParticipantsChanged g) {
      t = g.timestamp();
    } else if (event instanceof GroupSettingsChanged g) {
      t = g.timestamp();
    } else if (event instanceof GroupStatusChanged g) {
      t = g.timestamp();
    } else if (event instanceof AppStateSynced s) {
      t = s.timestamp().orElse(null);
    } else if (event instanceof AccountSettingsUpdated s) {
      t = s.timestamp().orElse(null);
    } else if (event instanceof PaymentConfigurationChanged p) {
      t = p.updatedAt().or(p::createdAt).orElse(null);
    }
    return t == null || t.equals(Instant.EPOCH) ? Optional.empty() : Optional.of(t);
  }

  private static String digest(String rawJson) {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    byte[] d = sha.digest(rawJson.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d, 0, DIGEST_BYTES);
  }
}
