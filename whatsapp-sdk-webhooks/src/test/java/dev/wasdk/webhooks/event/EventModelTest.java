package dev.wasdk.webhooks.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.template.TemplateStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The behaviour of the event values themselves: open enums, keys, ids and immutability. */
class EventModelTest {
  private static final EventContext CTX = EventContext.of("1", "messages");

  private static MessageStatusChanged status(String id, String status, List<WebhookError> errors) {
    return new MessageStatusChanged(
        CTX,
        id,
        status,
        Instant.EPOCH,
        UserRef.ofWaId("16505551234"),
        Optional.empty(),
        UserRef.none(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        errors,
        "{}");
  }

  @Test
  void deliveryStatus_of_mapsKnownValuesCaseInsensitivelyAndElseUnknown() {
    assertThat(DeliveryStatus.of("sent")).isEqualTo(DeliveryStatus.SENT);
    assertThat(DeliveryStatus.of("DELIVERED")).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(DeliveryStatus.of("read")).isEqualTo(DeliveryStatus.READ);
    assertThat(DeliveryStatus.of("played")).isEqualTo(DeliveryStatus.PLAYED);
    assertThat(DeliveryStatus.of("failed")).isEqualTo(DeliveryStatus.FAILED);
    assertThat(DeliveryStatus.of("deleted")).isEqualTo(DeliveryStatus.UNKNOWN);
    assertThat(DeliveryStatus.of(null)).isEqualTo(DeliveryStatus.UNKNOWN);
  }

  @Test
  void deliveryStatus_rank_ordersTheLifeOfAMessage() {
    assertThat(DeliveryStatus.UNKNOWN.rank()).isLessThan(DeliveryStatus.SENT.rank());
    assertThat(DeliveryStatus.SENT.rank()).isLessThan(DeliveryStatus.DELIVERED.rank());
    assertThat(DeliveryStatus.DELIVERED.rank()).isLessThan(DeliveryStatus.READ.rank());
    assertThat(DeliveryStatus.READ.rank()).isLessThan(DeliveryStatus.PLAYED.rank());
    assertThat(DeliveryStatus.PLAYED.rank()).isLessThan(DeliveryStatus.FAILED.rank());
  }

  @Test
  void openEnums_of_unknownOrNull_mapToUnknown() {
    assertThat(TemplateStatus.of("paused")).isEqualTo(TemplateStatus.PAUSED);
    assertThat(TemplateStatus.of("PENDING_DELETION")).isEqualTo(TemplateStatus.PENDING_DELETION);
    assertThat(TemplateStatus.of("UNKNOWN")).isEqualTo(TemplateStatus.UNKNOWN);
    assertThat(TemplateStatus.of(null)).isEqualTo(TemplateStatus.UNKNOWN);
    assertThat(TemplateStatus.of(" approved ")).isEqualTo(TemplateStatus.APPROVED);
    assertThat(DeliveryStatus.of(" Read")).isEqualTo(DeliveryStatus.READ);
    assertThat(AccountUpdateEvent.of("partner_added")).isEqualTo(AccountUpdateEvent.PARTNER_ADDED);
    assertThat(AccountUpdateEvent.of("")).isEqualTo(AccountUpdateEvent.UNKNOWN);
    assertThat(FlowAlertEvent.of("client_error_rate")).isEqualTo(FlowAlertEvent.CLIENT_ERROR_RATE);
    assertThat(FlowStatus.of(" blocked")).isEqualTo(FlowStatus.BLOCKED);
    assertThat(PhoneNumberSecurityEvent.of("pin_request_success"))
        .isEqualTo(PhoneNumberSecurityEvent.PIN_REQUEST_SUCCESS);
    assertThat(MarketingPreference.of("Resume")).isEqualTo(MarketingPreference.RESUME);
    assertThat(MarketingPreference.of("pause")).isEqualTo(MarketingPreference.UNKNOWN);
    assertThat(ReviewDecision.of("deferred")).isEqualTo(ReviewDecision.DEFERRED);
    assertThat(ReviewDecision.of("")).isEqualTo(ReviewDecision.UNKNOWN);
    assertThat(PhoneNumberQualityEvent.of("throughput_upgrade"))
        .isEqualTo(PhoneNumberQualityEvent.THROUGHPUT_UPGRADE);
    assertThat(PhoneNumberQualityEvent.of("SOMETHING")).isEqualTo(PhoneNumberQualityEvent.UNKNOWN);
    assertThat(SystemMessageType.of("user_changed_user_id"))
        .isEqualTo(SystemMessageType.USER_CHANGED_USER_ID);
    assertThat(SystemMessageType.of("")).isEqualTo(SystemMessageType.UNKNOWN);
    assertThat(SystemMessageType.CUSTOMER_IDENTITY_CHANGED.value())
        .isEqualTo("customer_identity_changed");
    assertThat(AccountAlertRaised.Severity.of("critical"))
        .isEqualTo(AccountAlertRaised.Severity.CRITICAL);
    assertThat(AccountAlertRaised.Severity.of(null)).isEqualTo(AccountAlertRaised.Severity.UNKNOWN);
  }

  @Test
  void userRef_primaryId_prefersWaIdThenUserIdThenParent() {
    assertThat(new UserRef(Optional.of("1"), Optional.of("US.2"), Optional.of("US.3")).primaryId())
        .contains("1");
    assertThat(new UserRef(Optional.empty(), Optional.of("US.2"), Optional.of("US.3")).primaryId())
        .contains("US.2");
    assertThat(new UserRef(Optional.empty(), Optional.empty(), Optional.of("US.3")).primaryId())
        .contains("US.3");
    assertThat(UserRef.none().primaryId()).isEmpty();
    assertThat(UserRef.none().isEmpty()).isTrue();
    assertThat(UserRef.ofWaId("1").isEmpty()).isFalse();
  }

  @Test
  void statusDedupeKey_isIdColonStatus_orEmptyWhenEitherIsMissing() {
    assertThat(status("wamid.1", "read", List.of()).dedupeKey()).contains("wamid.1:read");
    MessageStatusChanged group =
        new MessageStatusChanged(
            CTX,
            "wamid.G",
            "read",
            Instant.EPOCH,
            UserRef.none(),
            Optional.empty(),
            UserRef.ofWaId("16505551234"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            "{}");
    // A group member's number appears only as the first 128 bits of its SHA-256.
    assertThat(group.dedupeKey()).contains("wamid.G:read:6069d14bf122fdfd931dc7beb58e5dfb");
    assertThat(status("", "read", List.of()).dedupeKey()).isEmpty();
    assertThat(status("wamid.1", "", List.of()).dedupeKey()).isEmpty();
  }

  @Test
  void statusErrorCode_isTheFirstErrorsCode() {
    MessageStatusChanged s =
        status("wamid.1", "failed", List.of(WebhookError.of(131056), WebhookError.of(131026)));
    assertThat(s.errorCode()).hasValue(131056);
    assertThat(s.hasErrorCode(131026)).isTrue();
    assertThat(s.isFailed()).isTrue();
    assertThat(s.isGroup()).isFalse();
  }

  @Test
  void messageReceived_sender_completesMissingIdsFromTheContact() {
    ContactProfile contact =
        new ContactProfile(
            Optional.of("Jo"),
            Optional.empty(),
            Optional.of("16505551234"),
            Optional.of("US.1"),
            Optional.empty(),
            Optional.empty());
    MessageHeader header =
        new MessageHeader(
            "text",
            "wamid.1",
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Instant.EPOCH,
            Optional.empty(),
            Optional.empty(),
            List.of());
    TextReceived t = new TextReceived(CTX.withContact(Optional.of(contact)), header, "hi", "{}");
    assertThat(t.sender())
        .isEqualTo(new UserRef(Optional.of("16505551234"), Optional.of("US.1"), Optional.empty()));
    assertThat(t.from()).isEmpty();
    assertThat(t.contact()).contains(contact);
  }

  @Test
  void messageReceived_dedupeKey_isTheIdOrEmpty() {
    TextReceived withId =
        new TextReceived(CTX, MessageHeader.of("text", "wamid.9", "1", Instant.EPOCH), "x", "{}");
    TextReceived withoutId =
        new TextReceived(CTX, MessageHeader.of("text", "", "1", Instant.EPOCH), "x", "{}");
    assertThat(withId.dedupeKey()).contains("wamid.9");
    assertThat(withoutId.dedupeKey()).isEmpty();
  }

  @Test
  void flowReply_response_isEmptyForAnythingButAJsonObjectAndNeverThrows() {
    for (String json :
        List.of(
            "", "null", "[1,2]", "\"text\"", "{broken", "{\"a\":1} trailing", "[".repeat(10_000))) {
      FlowReplyReceived f =
          new FlowReplyReceived(
              CTX,
              MessageHeader.of("interactive", "w", "1", Instant.EPOCH),
              "flow",
              Optional.empty(),
              json,
              "{}");
      assertThat(f.response()).as(json.length() > 20 ? "deep" : json).isEmpty();
      assertThat(f.flowToken()).isEmpty();
    }
  }

  @Test
  void flowReply_response_isUnmodifiable() {
    FlowReplyReceived f =
        new FlowReplyReceived(
            CTX,
            MessageHeader.of("interactive", "w", "1", Instant.EPOCH),
            "flow",
            Optional.empty(),
            "{\"flow_token\":\"t\",\"list\":[1]}",
            "{}");
    assertThat(f.flowToken()).contains("t");
    assertThatThrownBy(() -> f.response().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void pricing_isCharged_fallsBackToBillableWithoutType() {
    assertThat(
            new MessageStatusChanged.Pricing(
                    Optional.of(true), Optional.of("CBP"), Optional.empty(), Optional.empty())
                .isCharged())
        .isTrue();
    assertThat(
            new MessageStatusChanged.Pricing(
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())
                .isCharged())
        .isFalse();
    assertThat(
            new MessageStatusChanged.Pricing(
                    Optional.of(true),
                    Optional.of("PMP"),
                    Optional.of("free_entry_point"),
                    Optional.empty())
                .isCharged())
        .isFalse();
  }

  @Test
  void userPreference_dedupeKey_needsUserAndValue() {
    UserPreferenceChanged noUser =
        new UserPreferenceChanged(
            CTX, UserRef.none(), "stop", Optional.empty(), Optional.empty(), Instant.EPOCH, "{}");
    UserPreferenceChanged bsuid =
        new UserPreferenceChanged(
            CTX,
            new UserRef(Optional.empty(), Optional.of("US.7"), Optional.empty()),
            "resume",
            Optional.empty(),
            Optional.empty(),
            Instant.ofEpochSecond(5),
            "{}");
    assertThat(noUser.dedupeKey()).isEmpty();
    assertThat(noUser.isMarketing()).isTrue();
    assertThat(bsuid.dedupeKey())
        .contains("user_preferences:f167bd3af4a8e78c96ff66abbc2badd9:resume:5");
  }

  @Test
  void eventContext_fourArgumentConstructor_hasNoContactOrTime() {
    EventContext ctx = new EventContext("1", "messages", Optional.of("2"), Optional.of("3"));
    assertThat(ctx.contact()).isEmpty();
    assertThat(ctx.entryTime()).isEmpty();
    assertThat(ctx.phoneNumberId()).contains("2");
    assertThat(EventContext.of("1", "f").phoneNumberId()).isEmpty();
  }

  @Test
  void records_rejectNullsAndCopyLists() {
    assertThatThrownBy(() -> new TextReceived(CTX, null, "x", "{}"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("header");
    List<SharedContact> cards = new ArrayList<>();
    ContactsReceived c =
        new ContactsReceived(
            CTX, MessageHeader.of("contacts", "w", "1", Instant.EPOCH), cards, "{}");
    cards.add(
        new SharedContact(
            Optional.empty(),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty()));
    assertThat(c.contacts()).isEmpty();
    assertThatThrownBy(() -> c.contacts().add(cards.get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void echo_text_isEmptyWithoutContent() {
    MessageEchoed e =
        new MessageEchoed(
            CTX, "", Optional.empty(), UserRef.none(), Instant.EPOCH, "", Optional.empty(), "{}");
    assertThat(e.text()).isEmpty();
    assertThat(e.dedupeKey()).isEmpty();
  }
}
