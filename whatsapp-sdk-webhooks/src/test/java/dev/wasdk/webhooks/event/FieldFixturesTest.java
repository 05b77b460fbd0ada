package dev.wasdk.webhooks.event;

import static dev.wasdk.webhooks.event.Fixtures.parse;
import static dev.wasdk.webhooks.event.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.MessagingTier;
import dev.wasdk.client.QualityRating;
import dev.wasdk.template.TemplateStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The fixtures of every field other than {@code messages} (API-FACTS §6.7). */
class FieldFixturesTest {
  private static final Instant ENTRY_TIME = Instant.ofEpochSecond(1750264300L);

  private static void assertTemplate(WebhookEvent e, String field) {
    assertThat(e.context().field()).isEqualTo(field);
    assertThat(e.context().wabaId()).isEqualTo("102290129340398");
    assertThat(e.context().entryTime()).contains(ENTRY_TIME);
    assertThat(e.dedupeKey()).hasValueSatisfying(k -> assertThat(k).startsWith(field + ":"));
  }

  @Test
  void templateStatus_approved_readsIdsAndCategory() {
    TemplateStatusChanged t =
        single("fields/template_status_approved.json", TemplateStatusChanged.class);
    assertTemplate(t, "message_template_status_update");
    assertThat(t.templateId()).isEqualTo("1689556908129832");
    assertThat(t.templateName()).isEqualTo("order_confirmation");
    assertThat(t.templateLanguage()).isEqualTo("en_US");
    assertThat(t.status()).isEqualTo(TemplateStatus.APPROVED);
    assertThat(t.reason()).contains("NONE");
    assertThat(t.category()).contains("UTILITY");
  }

  @Test
  void templateStatus_rejected_readsRejectionInfo() {
    TemplateStatusChanged t =
        single("fields/template_status_rejected.json", TemplateStatusChanged.class);
    assertThat(t.status()).isEqualTo(TemplateStatus.REJECTED);
    assertThat(t.reason()).contains("INVALID_FORMAT");
    assertThat(t.rejectionReason()).contains("The template contains a malformed variable.");
    assertThat(t.rejectionRecommendation()).contains("Use {{1}}-style variables with no spaces.");
  }

  @Test
  void templateStatus_paused_readsOtherInfoAndNullReason() {
    TemplateStatusChanged t =
        single("fields/template_status_paused.json", TemplateStatusChanged.class);
    assertThat(t.status()).isEqualTo(TemplateStatus.PAUSED);
    assertThat(t.reason()).isEmpty();
    assertThat(t.otherInfoTitle()).contains("FIRST_PAUSE");
    assertThat(t.otherInfoDescription()).hasValueSatisfying(d -> assertThat(d).contains("3 hours"));
  }

  @Test
  void templateStatus_disabled_readsDisableDate() {
    TemplateStatusChanged t =
        single("fields/template_status_disabled.json", TemplateStatusChanged.class);
    assertThat(t.status()).isEqualTo(TemplateStatus.DISABLED);
    assertThat(t.disableDate()).contains("1750350700");
  }

  @Test
  void templateStatus_unknownEvent_mapsToUnknownAndKeepsRaw() {
    TemplateStatusChanged t =
        single("fields/template_status_unknown_event.json", TemplateStatusChanged.class);
    assertThat(t.status()).isEqualTo(TemplateStatus.UNKNOWN);
    assertThat(t.rawEvent()).isEqualTo("QUANTUM_REVIEW");
    assertThat(t.reason()).contains("SOMETHING_NEW");
  }

  @Test
  void templateQuality_readsPreviousAndNewRating() {
    TemplateQualityChanged q =
        single("fields/template_quality_update.json", TemplateQualityChanged.class);
    assertTemplate(q, "message_template_quality_update");
    assertThat(q.previousQuality()).isEqualTo(QualityRating.GREEN);
    assertThat(q.newQuality()).isEqualTo(QualityRating.RED);
    assertThat(q.rawNewQuality()).isEqualTo("RED");
    assertThat(q.templateId()).isEqualTo("1689556908129832");
  }

  @Test
  void templateComponents_readsTextsAndButtons() {
    TemplateComponentsChanged c =
        single("fields/template_components_update.json", TemplateComponentsChanged.class);
    assertTemplate(c, "message_template_components_update");
    assertThat(c.body()).contains("Hi {{1}}, your order {{2}} has shipped.");
    assertThat(c.title()).contains("Order update");
    assertThat(c.footer()).contains("Reply STOP to opt out");
    assertThat(c.buttons())
        .containsExactly(
            new TemplateComponentsChanged.Button(
                "URL", "Track", Optional.of("https://example.com/track/{{1}}"), Optional.empty()),
            new TemplateComponentsChanged.Button(
                "PHONE_NUMBER", "Call us", Optional.empty(), Optional.of("+15550783881")),
            new TemplateComponentsChanged.Button(
                "QUICK_REPLY", "Stop", Optional.empty(), Optional.empty()));
  }

  @Test
  void templateCategory_impending_readsCorrectCategoryAndTime() {
    TemplateCategoryChanged c =
        single("fields/template_category_update_impending.json", TemplateCategoryChanged.class);
    assertTemplate(c, "template_category_update");
    assertThat(c.isImpending()).isTrue();
    assertThat(c.correctCategory()).contains("MARKETING");
    assertThat(c.newCategory()).contains("UTILITY");
    assertThat(c.categoryUpdateTime()).contains(Instant.ofEpochSecond(1750350700L));
  }

  @Test
  void templateCategory_completed_readsPreviousAndNew() {
    TemplateCategoryChanged c =
        single("fields/template_category_update_completed.json", TemplateCategoryChanged.class);
    assertThat(c.isImpending()).isFalse();
    assertThat(c.previousCategory()).contains("UTILITY");
    assertThat(c.newCategory()).contains("MARKETING");
  }

  @Test
  void phoneNumberQuality_throughputUpgrade_isFlaggedAndUnlimited() {
    PhoneNumberQualityChanged q =
        single(
            "fields/phone_number_quality_throughput_upgrade.json", PhoneNumberQualityChanged.class);
    assertThat(q.context().displayPhoneNumber()).contains("15550783881");
    assertThat(q.event()).isEqualTo(PhoneNumberQualityEvent.THROUGHPUT_UPGRADE);
    assertThat(q.isThroughputUpgrade()).isTrue();
    assertThat(q.tier()).contains(MessagingTier.TIER_UNLIMITED);
    assertThat(q.currentLimit()).isEmpty();
  }

  @Test
  void phoneNumberQuality_onboarding_readsTier() {
    PhoneNumberQualityChanged q =
        single("fields/phone_number_quality_onboarding.json", PhoneNumberQualityChanged.class);
    assertThat(q.event()).isEqualTo(PhoneNumberQualityEvent.ONBOARDING);
    assertThat(q.tier()).contains(MessagingTier.TIER_250);
    assertThat(q.currentLimit()).contains(MessagingTier.TIER_250);
    assertThat(q.isThroughputUpgrade()).isFalse();
  }

  @Test
  void phoneNumberQuality_legacyDowngrade_readsOldAndCurrentLimit() {
    PhoneNumberQualityChanged q =
        single(
            "fields/phone_number_quality_legacy_downgrade.json", PhoneNumberQualityChanged.class);
    assertThat(q.event()).isEqualTo(PhoneNumberQualityEvent.DOWNGRADE);
    assertThat(q.oldLimit()).contains(MessagingTier.TIER_1K);
    assertThat(q.tier()).contains(MessagingTier.TIER_250);
    assertThat(q.maxDailyConversationsPerBusiness()).isEmpty();
  }

  @Test
  void phoneNumberQuality_unknownValues_keepRawAndSkipImpossibleTier() {
    PhoneNumberQualityChanged q =
        single("fields/phone_number_quality_unknown_values.json", PhoneNumberQualityChanged.class);
    assertThat(q.event()).isEqualTo(PhoneNumberQualityEvent.UNKNOWN);
    assertThat(q.rawEvent()).isEqualTo("TELEPORTED");
    MessagingTier tier = q.currentLimit().orElseThrow();
    assertThat(tier.name()).isEqualTo("TIER_5M");
    assertThat(tier.isKnown()).isFalse();
    // 0 is no tier at all: absent, not an exception.
    assertThat(q.maxDailyConversationsPerBusiness()).isEmpty();
    assertThat(q.tier()).contains(tier);
  }

  @Test
  void phoneNumberName_approved_readsNameAndNoReason() {
    PhoneNumberNameChanged n =
        single("fields/phone_number_name_update_approved.json", PhoneNumberNameChanged.class);
    assertThat(n.decision()).isEqualTo(ReviewDecision.APPROVED);
    assertThat(n.requestedVerifiedName()).contains("Lucky Shrub");
    assertThat(n.rejectionReason()).isEmpty();
    assertThat(n.context().displayPhoneNumber()).contains("15550783881");
  }

  @Test
  void phoneNumberName_rejected_readsReason() {
    PhoneNumberNameChanged n =
        single("fields/phone_number_name_update_rejected.json", PhoneNumberNameChanged.class);
    assertThat(n.decision()).isEqualTo(ReviewDecision.REJECTED);
    assertThat(n.rejectionReason()).contains("NAME_FORMAT_UNACCEPTABLE");
  }

  @Test
  void accountUpdate_violation_readsViolationType() {
    AccountUpdated a = single("fields/account_update_violation.json", AccountUpdated.class);
    assertTemplate(a, "account_update");
    assertThat(a.event()).isEqualTo(AccountUpdateEvent.ACCOUNT_VIOLATION);
    assertThat(a.rawEvent()).isEqualTo("ACCOUNT_VIOLATION");
    assertThat(a.violationType()).contains("ADULT");
    assertThat(a.isVolumeTierUpdate()).isFalse();
  }

  @Test
  void accountUpdate_volumeTier_readsTierInfo() {
    AccountUpdated a = single("fields/account_update_volume_tier.json", AccountUpdated.class);
    assertThat(a.isVolumeTierUpdate()).isTrue();
    AccountUpdated.VolumeTier v = a.volumeTier().orElseThrow();
    assertThat(v.tier()).contains("25000001:50000000");
    assertThat(v.pricingCategory()).contains("UTILITY");
    assertThat(v.region()).contains("India");
    assertThat(v.effectiveMonth()).contains("2025-10");
    assertThat(v.updatedAt()).contains(ENTRY_TIME);
  }

  @Test
  void accountUpdate_partnerAdded_readsWabaInfo() {
    AccountUpdated a = single("fields/account_update_partner_added.json", AccountUpdated.class);
    AccountUpdated.WabaInfo w = a.wabaInfo().orElseThrow();
    assertThat(w.wabaId()).contains("495709166956424");
    assertThat(w.ownerBusinessId()).contains("184237148051180");
    assertThat(w.partnerAppId()).contains("1057342165922110");
    assertThat(w.solutionId()).contains("880921920637346");
    assertThat(w.solutionPartnerBusinessIds())
        .containsExactly("506914307656634", "321654987012345");
  }

  @Test
  void accountUpdate_ban_readsStateFromList() {
    AccountUpdated a = single("fields/account_update_ban.json", AccountUpdated.class);
    assertThat(a.banInfo())
        .contains(
            new AccountUpdated.BanInfo(
                Optional.of("SCHEDULE_FOR_DISABLE"), Optional.of("2025-07-01")));
    assertThat(a.banInfo().orElseThrow().state())
        .isEqualTo(AccountUpdated.BanState.SCHEDULE_FOR_DISABLE);
    assertThat(a.event()).isEqualTo(AccountUpdateEvent.DISABLED_UPDATE);
  }

  @Test
  void accountUpdate_country_readsCountry() {
    AccountUpdated a = single("fields/account_update_country.json", AccountUpdated.class);
    assertThat(a.event()).isEqualTo(AccountUpdateEvent.BUSINESS_PRIMARY_LOCATION_COUNTRY_UPDATE);
    assertThat(a.country()).contains("BR");
    assertThat(a.wabaInfo()).isEmpty();
  }

  @Test
  void accountAlerts_readsAlertInfo() {
    AccountAlertRaised a = single("fields/account_alerts.json", AccountAlertRaised.class);
    assertTemplate(a, "account_alerts");
    assertThat(a.entityType()).isEqualTo(AccountAlertRaised.EntityType.BUSINESS);
    assertThat(a.rawEntityType()).contains("BUSINESS");
    assertThat(a.entityId()).contains("506914307656634");
    assertThat(a.severity()).isEqualTo(AccountAlertRaised.Severity.WARNING);
    assertThat(a.alertStatus()).isEqualTo(AccountAlertRaised.AlertStatus.ACTIVE);
    assertThat(a.alertType())
        .isEqualTo(AccountAlertRaised.AlertType.INCREASED_CAPABILITIES_ELIGIBILITY_DEFERRED);
    assertThat(a.rawAlertType()).contains("INCREASED_CAPABILITIES_ELIGIBILITY_DEFERRED");
    assertThat(a.description()).isPresent();
  }

  @Test
  void accountReview_readsDecision() {
    AccountReviewUpdated r =
        single("fields/account_review_update.json", AccountReviewUpdated.class);
    assertThat(r.decision()).isEqualTo(ReviewDecision.APPROVED);
  }

  @Test
  void businessCapability_tierString_readsTier() {
    BusinessCapabilityChanged c =
        single("fields/business_capability_update_tier.json", BusinessCapabilityChanged.class);
    assertTemplate(c, "business_capability_update");
    assertThat(c.tier()).contains(MessagingTier.TIER_2K);
    assertThat(c.maxPhoneNumbersPerWaba()).isEqualTo(OptionalLong.of(25));
    assertThat(c.maxPhoneNumbersPerBusiness()).isEmpty();
  }

  @Test
  void businessCapability_numbers_mapToTiers() {
    BusinessCapabilityChanged c =
        single("fields/business_capability_update_numeric.json", BusinessCapabilityChanged.class);
    assertThat(c.maxDailyConversationsPerBusiness()).contains(MessagingTier.TIER_10K);
    assertThat(c.maxDailyConversationPerPhone()).contains(MessagingTier.TIER_10K);
    assertThat(c.maxPhoneNumbersPerBusiness()).isEqualTo(OptionalLong.of(2));
  }

  @Test
  void businessCapability_unlimited_mapsMinusOneAndWord() {
    BusinessCapabilityChanged c =
        single("fields/business_capability_update_unlimited.json", BusinessCapabilityChanged.class);
    assertThat(c.maxDailyConversationPerPhone()).contains(MessagingTier.TIER_UNLIMITED);
    assertThat(c.tier()).contains(MessagingTier.TIER_UNLIMITED);
    assertThat(c.tier().orElseThrow().isUnlimited()).isTrue();
  }

  @Test
  void security_pinChanged_readsEvent() {
    PhoneNumberSecurityChanged s =
        single("fields/security_pin_changed.json", PhoneNumberSecurityChanged.class);
    assertThat(s.event()).isEqualTo(PhoneNumberSecurityEvent.PIN_CHANGED);
    assertThat(s.requester()).isEmpty();
    assertThat(s.context().displayPhoneNumber()).contains("15550783881");
  }

  @Test
  void security_pinResetRequest_readsRequester() {
    PhoneNumberSecurityChanged s =
        single("fields/security_pin_reset_request.json", PhoneNumberSecurityChanged.class);
    assertThat(s.event()).isEqualTo(PhoneNumberSecurityEvent.PIN_RESET_REQUEST);
    assertThat(s.requester()).contains("184237148051180");
  }

  @Test
  void userPreferences_stop_readsUserAndTimeWithKey() {
    UserPreferenceChanged p =
        single("fields/user_preferences_stop.json", UserPreferenceChanged.class);
    assertThat(p.context().field()).isEqualTo("user_preferences");
    assertThat(p.context().phoneNumberId()).contains("106540352242922");
    assertThat(p.user()).isEqualTo(UserRef.ofWaId("16505551234"));
    assertThat(p.isStop()).isTrue();
    assertThat(p.value()).isEqualTo(MarketingPreference.STOP);
    assertThat(p.isResume()).isFalse();
    assertThat(p.isMarketing()).isTrue();
    assertThat(p.category()).contains("marketing_messages");
    assertThat(p.detail()).contains("User requested to stop marketing messages");
    assertThat(p.timestamp()).isEqualTo(Instant.ofEpochSecond(1750264400L));
    assertThat(p.context().contact().flatMap(ContactProfile::name)).contains("Sheena Nelson");
    // The user's number appears only as the first 128 bits of its SHA-256.
    assertThat(p.dedupeKey())
        .contains("user_preferences:6069d14bf122fdfd931dc7beb58e5dfb:stop:1750264400");
    assertThat(p.dedupeKey().get()).doesNotContain("16505551234");
  }

  @Test
  void userPreferences_resumeByBusinessScopedId_readsIds() {
    UserPreferenceChanged p =
        single("fields/user_preferences_resume_bsuid.json", UserPreferenceChanged.class);
    assertThat(p.isResume()).isTrue();
    assertThat(p.user().waId()).isEmpty();
    assertThat(p.user().userId()).contains("US.13491208655302741918");
    assertThat(p.user().parentUserId()).contains("US.ENT.11815799212886844830");
    assertThat(p.context().contact().flatMap(ContactProfile::username)).contains("@jordan.k");
  }

  @Test
  void userPreferences_twoUsers_becomeTwoEventsWithTheirContacts() {
    List<WebhookEvent> events = parse("fields/user_preferences_two_users.json");
    assertThat(events).hasSize(2);
    UserPreferenceChanged bob = (UserPreferenceChanged) events.get(0);
    UserPreferenceChanged ann = (UserPreferenceChanged) events.get(1);
    assertThat(bob.isStop()).isTrue();
    assertThat(bob.context().contact().flatMap(ContactProfile::name)).contains("Bob");
    assertThat(ann.isResume()).isTrue();
    assertThat(ann.context().contact().flatMap(ContactProfile::name)).contains("Ann");
  }

  @Test
  void flows_statusChange_readsStatuses() {
    FlowStatusChanged f = single("fields/flows_status_change.json", FlowStatusChanged.class);
    assertTemplate(f, "flows");
    assertThat(f.flowId()).isEqualTo("1687543215247384");
    assertThat(f.oldStatus()).isEqualTo(FlowStatus.PUBLISHED);
    assertThat(f.newStatus()).isEqualTo(FlowStatus.THROTTLED);
    assertThat(f.rawNewStatus()).contains("THROTTLED");
    assertThat(f.message()).isPresent();
  }

  @Test
  void flows_errorRateAlert_readsMetrics() {
    FlowAlertRaised f = single("fields/flows_endpoint_error_rate.json", FlowAlertRaised.class);
    assertThat(f.event()).isEqualTo(FlowAlertEvent.ENDPOINT_ERROR_RATE);
    assertThat(f.alertState()).isEqualTo(FlowAlertRaised.AlertState.ACTIVATED);
    assertThat(f.metrics())
        .containsExactly(Map.entry("error_rate", 12.5), Map.entry("threshold", 10.0));
  }

  @Test
  void flows_latencyAlert_readsMetricsInOrder() {
    FlowAlertRaised f = single("fields/flows_endpoint_latency.json", FlowAlertRaised.class);
    assertThat(f.event()).isEqualTo(FlowAlertEvent.ENDPOINT_LATENCY);
    assertThat(f.metrics().keySet())
        .containsExactly("p50_latency", "p90_latency", "requests_count", "threshold");
    assertThat(f.metrics()).containsEntry("p90_latency", 7500.0);
  }

  @Test
  void messageEchoes_becomeOneEventPerEchoWithContent() {
    List<WebhookEvent> events = parse("fields/smb_message_echoes.json");
    assertThat(events).hasSize(2);
    MessageEchoed text = (MessageEchoed) events.get(0);
    assertThat(text.context().field()).isEqualTo("smb_message_echoes");
    assertThat(text.from()).contains("15550783881");
    assertThat(text.to()).isEqualTo(UserRef.ofWaId("16505551234"));
    assertThat(text.type()).isEqualTo("text");
    assertThat(text.text()).contains("Your table is ready");
    assertThat(text.timestamp()).isEqualTo(Instant.ofEpochSecond(1750264500L));
    assertThat(text.dedupeKey()).contains("echo:" + text.id());
    MessageEchoed image = (MessageEchoed) events.get(1);
    assertThat(image.content())
        .hasValueSatisfying(c -> assertThat(c).isInstanceOf(ImageReceived.class));
    assertThat(((ImageReceived) image.content().orElseThrow()).media().id())
        .isEqualTo("1379929656626217");
    assertThat(image.text()).contains("Menu");
  }

  @Test
  void unknownField_newField_isUnknownEventWithFieldAndRawValue() {
    UnknownEvent u = single("fields/unknown_field_future.json", UnknownEvent.class);
    assertThat(u.field()).isEqualTo("hologram_update");
    assertThat(u.context().phoneNumberId()).contains("106540352242922");
    assertThat(u.rawJson()).startsWith("{").contains("\"state\": \"PROJECTING\"");
  }
}
