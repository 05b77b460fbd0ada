package dev.wasdk.webhooks.event;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.webhooks.Deduplicator;
import dev.wasdk.webhooks.SignatureVerifier;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRequest;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.WebhookSigner;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events without an id of their own (groups, history, settings, templates, numbers, accounts,
 * unknown fields) are keyed from their payload: a repeated delivery reaches the handler once, a
 * different change of the same kind reaches it too.
 */
class PayloadKeysTest {
  private static final String SECRET = "payload-keys-secret";

  /** Every field fixture except calls, whose keys belong to the calling events. */
  static Stream<String> keyedFixtures() {
    return Fixtures.all().stream()
        .filter(n -> n.startsWith("fields/"))
        .filter(n -> !n.startsWith("fields/calls_"));
  }

  /** The fixtures whose events are keyed by their payload, not by an id they carry. */
  static Stream<String> payloadKeyedFixtures() {
    return keyedFixtures()
        .filter(
            n -> Fixtures.parse(n).stream().allMatch(e -> e.dedupeKey().equals(PayloadKeys.of(e))));
  }

  @Test
  void payloadKeyedFixtures_coverGroupsHistorySettingsAndTheOtherChanges() {
    assertThat(payloadKeyedFixtures().toList())
        .contains(
            "fields/group_lifecycle_create.json",
            "fields/group_participants_add.json",
            "fields/group_settings_update.json",
            "fields/group_status_suspend.json",
            "fields/history.json",
            "fields/history_declined.json",
            "fields/account_settings_update.json",
            "fields/smb_app_state_sync.json",
            "fields/template_status_approved.json",
            "fields/phone_number_quality_onboarding.json",
            "fields/partner_solutions.json",
            "fields/payment_configuration_update.json",
            "fields/unknown_field_future.json");
  }

  @ParameterizedTest
  @MethodSource("keyedFixtures")
  void parse_fieldFixture_everyEventHasAKey(String name) {
    List<WebhookEvent> events = Fixtures.parse(name);
    assertThat(events).as(name).isNotEmpty();
    assertThat(events).as(name).allSatisfy(e -> assertThat(e.dedupeKey()).isPresent());
  }

  @ParameterizedTest
  @MethodSource("keyedFixtures")
  void handle_sameDeliveryTwice_handlerRunsOncePerEvent(String name) {
    List<WebhookEvent> handled = new ArrayList<>();
    WebhookEndpoint endpoint = endpoint(handled);
    byte[] body = Fixtures.bytes(name);
    int events = Fixtures.parse(name).size();

    assertThat(endpoint.handle(signed(body)).status()).isEqualTo(200);
    assertThat(endpoint.handle(signed(body)).status()).isEqualTo(200);

    assertThat(handled).as(name).hasSize(events);
  }

  @ParameterizedTest
  @MethodSource("payloadKeyedFixtures")
  void handle_differentChangeOfTheSameKind_bothRun(String name) {
    List<WebhookEvent> handled = new ArrayList<>();
    WebhookEndpoint endpoint = endpoint(handled);
    byte[] body = Fixtures.bytes(name);
    byte[] other = variant(body);
    int events = Fixtures.parse(name).size();

    assertThat(endpoint.handle(signed(body)).status()).isEqualTo(200);
    assertThat(endpoint.handle(signed(other)).status()).isEqualTo(200);
    assertThat(endpoint.handle(signed(other)).status()).isEqualTo(200);

    assertThat(handled).as(name).hasSize(2 * events);
  }

  @Test
  void dedupeKey_groupEvent_namesFieldAccountAndItsOwnTime() {
    WebhookEvent e = Fixtures.parse("fields/group_settings_update.json").get(0);
    assertThat(e.dedupeKey())
        .hasValueSatisfying(
            k ->
                assertThat(k)
                    .matches("group_settings_update:102290129340398:1750274000:[0-9a-f]{32}"));
  }

  @Test
  void dedupeKey_sameChangeAtAnotherEntryTime_differs() {
    TemplateStatusChanged first =
        Fixtures.single("fields/template_status_approved.json", TemplateStatusChanged.class);
    EventContext c = first.context();
    EventContext later =
        new EventContext(
            c.wabaId(),
            c.field(),
            c.phoneNumberId(),
            c.displayPhoneNumber(),
            c.contact(),
            Optional.of(Instant.ofEpochSecond(1760000000L)));
    UnknownEvent atFirst = new UnknownEvent(c, first.rawJson());
    UnknownEvent atLater = new UnknownEvent(later, first.rawJson());

    assertThat(atFirst.dedupeKey()).isPresent();
    assertThat(atLater.dedupeKey()).isPresent().isNotEqualTo(atFirst.dedupeKey());
  }

  @Test
  void dedupeKey_changeWithoutAnyTime_isEmptySoAnIdenticalLaterChangeIsDelivered() {
    UnknownEvent e =
        new UnknownEvent(
            EventContext.of("102290129340398", "phone_number_quality_update"),
            "{\"event\":\"FLAGGED\"}");
    assertThat(e.dedupeKey()).isEmpty();
  }

  @Test
  void dedupeKey_longUnknownField_staysWithinTheStoresKeyLength() {
    String field = "f".repeat(500);
    UnknownEvent e =
        new UnknownEvent(
            new EventContext(
                "102290129340398",
                field,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.of(Instant.ofEpochSecond(1750264300L))),
            "{}");
    assertThat(e.dedupeKey()).hasValueSatisfying(k -> assertThat(k.length()).isLessThan(200));
  }

  /**
   * The same delivery with every event's element changed: a property is added at the start of each
   * element's JSON, which the parser ignores but the digest sees.
   */
  private static byte[] variant(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    for (WebhookEvent e : Fixtures.PARSER.parse(body)) {
      String raw = e.rawJson();
      assertThat(raw).startsWith("{");
      assertThat(text).contains(raw);
      text = text.replace(raw, "{\"variant\":2," + raw.substring(1));
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static WebhookEndpoint endpoint(List<WebhookEvent> handled) {
    return WebhookEndpoint.builder()
        .appSecret(SECRET)
        .verifyToken("token")
        .deduplicator(Deduplicator.inMemory())
        .router(WebhookRouter.builder().on(WebhookEvent.class, handled::add).build())
        .build();
  }

  private static WebhookRequest signed(byte[] body) {
    return WebhookRequest.builder()
        .method("POST")
        .header(SignatureVerifier.HEADER, WebhookSigner.of(SECRET).sign(body))
        .body(body)
        .build();
  }
}
