package dev.wasdk.webhooks.event;

import static dev.wasdk.webhooks.event.Fixtures.parse;
import static dev.wasdk.webhooks.event.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The {@code statuses[]} fixtures (API-FACTS §6.6, §6.8, §7.5, §7.7). */
class StatusFixturesTest {
  private static final String USER = "16505551234";
  private static final String SENT_ID =
      "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI2QzFCNDg2MzE2QTA0QzI1RjUA";

  @Test
  void sentV23_readsConversationPricingAndCallbackData() {
    MessageStatusChanged s =
        single("statuses/sent_v23_conversation.json", MessageStatusChanged.class);
    assertThat(s.context().phoneNumberId()).contains("106540352242922");
    assertThat(s.messageId()).isEqualTo(SENT_ID);
    assertThat(s.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(s.timestamp()).isEqualTo(Instant.ofEpochSecond(1750263773L));
    assertThat(s.recipientId()).contains(USER);
    assertThat(s.bizOpaqueCallbackData()).contains("campaign=spring;batch=7");
    MessageStatusChanged.Conversation c = s.conversation().orElseThrow();
    assertThat(c.id()).isEqualTo("6ceb9d929c7d6a9a5c8b8e4f0f2f1b32");
    assertThat(c.expiration()).contains(Instant.ofEpochSecond(1750350180L));
    assertThat(c.originType()).contains("utility");
    MessageStatusChanged.Pricing p = s.pricing().orElseThrow();
    assertThat(p.billable()).contains(true);
    assertThat(p.pricingModel()).contains("PMP");
    assertThat(p.isPerMessage()).isTrue();
    assertThat(p.type()).contains("regular");
    assertThat(p.category()).contains("utility");
    assertThat(p.isCharged()).isTrue();
    assertThat(s.errors()).isEmpty();
    assertThat(s.errorCode()).isEmpty();
    assertThat(s.dedupeKey()).contains(SENT_ID + ":sent");
  }

  @Test
  void deliveredV24_hasNoConversationAndReadsContact() {
    MessageStatusChanged s =
        single("statuses/delivered_v24_no_conversation.json", MessageStatusChanged.class);
    assertThat(s.status()).isEqualTo(DeliveryStatus.DELIVERED);
    assertThat(s.conversation()).isEmpty();
    assertThat(s.pricing().flatMap(MessageStatusChanged.Pricing::category)).contains("marketing");
    assertThat(s.context().contact().flatMap(ContactProfile::userId))
        .contains("US.13491208655302741918");
    assertThat(s.dedupeKey()).contains(SENT_ID + ":delivered");
  }

  @Test
  void read_hasNoPricing() {
    MessageStatusChanged s = single("statuses/read.json", MessageStatusChanged.class);
    assertThat(s.status()).isEqualTo(DeliveryStatus.READ);
    assertThat(s.pricing()).isEmpty();
    assertThat(s.conversation()).isEmpty();
  }

  @Test
  void played_isVoicePlayed() {
    MessageStatusChanged s = single("statuses/played.json", MessageStatusChanged.class);
    assertThat(s.status()).isEqualTo(DeliveryStatus.PLAYED);
    assertThat(s.dedupeKey()).contains(SENT_ID + ":played");
  }

  @Test
  void failed_readsErrorCodeDetailsAndHref() {
    MessageStatusChanged s = single("statuses/failed.json", MessageStatusChanged.class);
    assertThat(s.isFailed()).isTrue();
    assertThat(s.errorCode()).isEqualTo(OptionalInt.of(131049));
    assertThat(s.hasErrorCode(131049)).isTrue();
    assertThat(s.hasErrorCode(131050)).isFalse();
    WebhookError e = s.errors().get(0);
    assertThat(e.title()).hasValueSatisfying(t -> assertThat(t).contains("healthy ecosystem"));
    assertThat(e.message()).isPresent();
    assertThat(e.details())
        .hasValueSatisfying(d -> assertThat(d).contains("failed to be delivered"));
    assertThat(e.href())
        .contains("https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/");
    assertThat(s.context().contact()).isEmpty();
  }

  @Test
  void failedBatch_readsThePacingCodesPerRecipient() {
    List<WebhookEvent> events = parse("statuses/failed_codes_batch.json");
    assertThat(events).hasSize(3);
    int[] codes = {131056, 131050, 131047};
    for (int i = 0; i < 3; i++) {
      MessageStatusChanged s = (MessageStatusChanged) events.get(i);
      assertThat(s.errorCode()).isEqualTo(OptionalInt.of(codes[i]));
      assertThat(s.recipientId()).contains("1650555000" + (i + 1));
      assertThat(s.dedupeKey()).contains("wamid.F" + (i + 1) + ":failed");
    }
  }

  @Test
  void freeEntryPointV24_keepsConversationAndIsNotCharged() {
    MessageStatusChanged s =
        single("statuses/free_entry_point_v24.json", MessageStatusChanged.class);
    assertThat(s.conversation().flatMap(MessageStatusChanged.Conversation::originType))
        .contains("referral_conversion");
    MessageStatusChanged.Pricing p = s.pricing().orElseThrow();
    assertThat(p.type()).contains("free_entry_point");
    assertThat(p.billable()).contains(false);
    assertThat(p.isCharged()).isFalse();
  }

  @Test
  void freeCustomerService_isNotCharged() {
    MessageStatusChanged.Pricing p =
        single("statuses/free_customer_service.json", MessageStatusChanged.class)
            .pricing()
            .orElseThrow();
    assertThat(p.type()).contains("free_customer_service");
    assertThat(p.isCharged()).isFalse();
  }

  @Test
  void sentCbpLegacy_readsConversationModelWithoutType() {
    MessageStatusChanged.Pricing p =
        single("statuses/sent_cbp_legacy.json", MessageStatusChanged.class).pricing().orElseThrow();
    assertThat(p.pricingModel()).contains("CBP");
    assertThat(p.isPerMessage()).isFalse();
    assertThat(p.type()).isEmpty();
    assertThat(p.isCharged()).isTrue();
  }

  @Test
  void deliveredToUsernameUser_hasNoPhoneButBusinessScopedIds() {
    MessageStatusChanged s =
        single("statuses/delivered_bsuid_no_phone.json", MessageStatusChanged.class);
    assertThat(s.recipientId()).isEmpty();
    assertThat(s.recipient())
        .isEqualTo(
            new UserRef(
                Optional.empty(),
                Optional.of("US.13491208655302741918"),
                Optional.of("US.ENT.11815799212886844830")));
    assertThat(s.recipient().primaryId()).contains("US.13491208655302741918");
    assertThat(s.context().contact().flatMap(ContactProfile::username)).contains("@jordan.k");
    assertThat(s.pricing().flatMap(MessageStatusChanged.Pricing::billable)).isEmpty();
  }

  @Test
  void group_readsGroupAndParticipant() {
    MessageStatusChanged s = single("statuses/group.json", MessageStatusChanged.class);
    assertThat(s.isGroup()).isTrue();
    assertThat(s.recipientType()).isEqualTo(MessageStatusChanged.RecipientType.GROUP);
    assertThat(s.rawRecipientType()).contains("group");
    assertThat(s.recipientParticipantId()).contains("16505550009");
    assertThat(s.participant()).isEqualTo(UserRef.ofWaId("16505550009"));
    assertThat(s.groupId()).contains("Y2FwaV9ncm91cDoxNjUwNTU1MTIzNDoxMjAzNjMyMjI3NzE5NjMwNjc");
  }

  @Test
  void unknownStatus_mapsToUnknownAndKeepsRawValue() {
    MessageStatusChanged s = single("statuses/unknown_status.json", MessageStatusChanged.class);
    assertThat(s.status()).isEqualTo(DeliveryStatus.UNKNOWN);
    assertThat(s.rawStatus()).isEqualTo("deleted");
    assertThat(s.dedupeKey()).contains(SENT_ID + ":deleted");
  }

  @Test
  void groupAggregated_oneEventPerMemberWithItsContactAndKey() {
    List<WebhookEvent> events = parse("statuses/group_read_aggregated.json");
    assertThat(events).hasSize(2).allMatch(e -> e instanceof MessageStatusChanged);
    MessageStatusChanged sheena = (MessageStatusChanged) events.get(0);
    MessageStatusChanged max = (MessageStatusChanged) events.get(1);
    String id = "wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI2QzFCNDg2MzE2QTA0QzI1RjUA";
    assertThat(sheena.isGroup()).isTrue();
    assertThat(sheena.status()).isEqualTo(DeliveryStatus.READ);
    assertThat(sheena.participant().waId()).contains("16505551234");
    assertThat(sheena.context().contact().flatMap(ContactProfile::name)).contains("Sheena Nelson");
    assertThat(sheena.pricing().flatMap(MessageStatusChanged.Pricing::category))
        .contains("group_marketing");
    // The member appears as the first 128 bits of the SHA-256 of their id, not the number.
    assertThat(sheena.dedupeKey()).contains(id + ":read:6069d14bf122fdfd931dc7beb58e5dfb");

    assertThat(max.participant())
        .isEqualTo(
            new UserRef(
                Optional.of("16505559876"),
                Optional.of("US.99887766554433221100"),
                Optional.empty()));
    assertThat(max.context().contact().flatMap(ContactProfile::name)).contains("Max R");
    assertThat(max.dedupeKey()).contains(id + ":read:91a83cb3e1f8d932e5cb862993741679");
  }
}
