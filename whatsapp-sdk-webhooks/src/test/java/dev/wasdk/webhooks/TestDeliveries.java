package dev.wasdk.webhooks;

import dev.wasdk.webhooks.event.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds signed webhook deliveries for tests. Each change uses a webhook field this SDK does not
 * model, so it parses into an {@code UnknownEvent} whose raw JSON carries a {@code test_key};
 * {@link #TEST_KEYS} reads it back as the dedupe key.
 */
final class TestDeliveries {
  static final String APP_SECRET = "test-app-secret-0123456789abcdef";
  static final String PREVIOUS_SECRET = "previous-app-secret-fedcba9876543210";
  static final String VERIFY_TOKEN = "verify-token-4f1c2b";
  static final String FIELD = "x_wasdk_test";
  static final WebhookSigner SIGNER = WebhookSigner.of(APP_SECRET);

  private static final Pattern KEY = Pattern.compile("\"test_key\"\\s*:\\s*\"([^\"]+)\"");

  /** Reads {@code test_key} from an event's raw JSON; empty when it has none. */
  static final Function<WebhookEvent, Optional<String>> TEST_KEYS =
      event -> {
        Matcher m = KEY.matcher(event.rawJson());
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
      };

  private TestDeliveries() {}

  /** Returns a webhook body with one change per key; a null key gives a change without one. */
  static byte[] body(String... keys) {
    StringBuilder changes = new StringBuilder();
    for (String key : keys) {
      if (changes.length() > 0) {
        changes.append(',');
      }
      changes.append("{\"field\":\"").append(FIELD).append("\",\"value\":{");
      if (key != null) {
        changes.append("\"test_key\":\"").append(key).append("\",");
      }
      changes.append("\"note\":\"hello\"}}");
    }
    String json =
        "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\","
            + "\"time\":1739321024,\"changes\":["
            + changes
            + "]}]}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** Returns a POST with the body signed by {@link #APP_SECRET}. */
  static WebhookRequest signedPost(byte[] body) {
    return post(body, SIGNER.sign(body));
  }

  /** Returns a POST with the given signature header; null for none. */
  static WebhookRequest post(byte[] body, String signature) {
    WebhookRequest.Builder b =
        WebhookRequest.builder()
            .method("POST")
            .header("Content-Type", "application/json")
            .body(body);
    if (signature != null) {
      b.header("x-hub-signature-256", signature);
    }
    return b.build();
  }

  /** Returns the verification GET Meta sends. */
  static WebhookRequest handshake(String mode, String token, String challenge) {
    WebhookRequest.Builder b = WebhookRequest.builder().method("GET");
    if (mode != null) {
      b.queryParameter("hub.mode", mode);
    }
    if (token != null) {
      b.queryParameter("hub.verify_token", token);
    }
    if (challenge != null) {
      b.queryParameter("hub.challenge", challenge);
    }
    return b.build();
  }

  /** A clock the test moves by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
