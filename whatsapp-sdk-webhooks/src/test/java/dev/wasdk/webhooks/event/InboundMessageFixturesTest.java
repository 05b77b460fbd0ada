package dev.wasdk.webhooks.event;

import static dev.wasdk.webhooks.event.Fixtures.parse;
import static dev.wasdk.webhooks.event.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The {@code messages[]} fixtures: one per inbound message type and variant (API-FACTS §6.6). */
class InboundMessageFixturesTest {
  private static final String USER = "16505551234";
  private static final String BSUID = "US.13491208655302741918";

  private static void assertCommon(MessageReceived m) {
    assertThat(m.context().wabaId()).isEqualTo("102290129340398");
    assertThat(m.context().field()).isEqualTo("messages");
    assertThat(m.context().phoneNumberId()).contains("106540352242922");
    assertThat(m.context().displayPhoneNumber()).contains("15550783881");
    assertThat(m.context().entryTime()).isEmpty();
    assertThat(m.id()).startsWith("wamid.");
    assertThat(m.dedupeKey()).contains(m.id());
  }

  private static void assertFromSheena(MessageReceived m) {
    assertCommon(m);
    assertThat(m.from()).contains(USER);
    assertThat(m.sender()).isEqualTo(UserRef.ofWaId(USER));
    assertThat(m.contact().flatMap(ContactProfile::name)).contains("Sheena Nelson");
    assertThat(m.timestamp()).isEqualTo(Instant.ofEpochSecond(1750090702L));
  }

  @Test
  void text_plain_readsBodyAndOpensWindowAtTimestamp() {
    TextReceived t = single("messages/text.json", TextReceived.class);
    assertFromSheena(t);
    assertThat(t.type()).isEqualTo("text");
    assertThat(t.body()).isEqualTo("Hi, is the store open today?");
    assertThat(t.messageContext()).isEmpty();
    assertThat(t.referral()).isEmpty();
    assertThat(t.errors()).isEmpty();
    assertThat(t.groupId()).isEmpty();
    assertThat(t.participant()).isEmpty();
  }

  @Test
  void text_reply_readsRepliedMessage() {
    TextReceived t = single("messages/text_reply.json", TextReceived.class);
    assertFromSheena(t);
    MessageContext c = t.messageContext().orElseThrow();
    assertThat(c.isReply()).isTrue();
    assertThat(c.from()).contains("15550783881");
    assertThat(c.id()).contains("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI3RjE5OEQ2RTI5QjE3MEE3NzEA");
    assertThat(c.forwarded()).isFalse();
    assertThat(c.referredProduct()).isEmpty();
  }

  @Test
  void text_forwarded_setsForwardedOnly() {
    MessageContext c =
        single("messages/text_forwarded.json", TextReceived.class).messageContext().orElseThrow();
    assertThat(c.forwarded()).isTrue();
    assertThat(c.frequentlyForwarded()).isFalse();
    assertThat(c.isReply()).isFalse();
  }

  @Test
  void text_frequentlyForwarded_setsFrequentlyForwarded() {
    MessageContext c =
        single("messages/text_frequently_forwarded.json", TextReceived.class)
            .messageContext()
            .orElseThrow();
    assertThat(c.frequentlyForwarded()).isTrue();
    assertThat(c.forwarded()).isFalse();
  }

  @Test
  void text_productInquiry_readsReferredProduct() {
    TextReceived t = single("messages/text_product_inquiry.json", TextReceived.class);
    assertThat(t.messageContext().flatMap(MessageContext::referredProduct))
        .contains(new MessageContext.ReferredProduct("194836987003835", "di9ozbzfi4"));
  }

  @Test
  void text_clickToWhatsAppVideoAd_readsEveryReferralField() {
    Referral r =
        single("messages/text_ctwa_referral.json", TextReceived.class).referral().orElseThrow();
    assertThat(r.sourceUrl()).contains("https://fb.me/2ZulEu42P");
    assertThat(r.sourceId()).contains("120226305854810726");
    assertThat(r.sourceType()).contains("ad");
    assertThat(r.body()).contains("Spring sale: 20% off");
    assertThat(r.headline()).contains("Chat with us");
    assertThat(r.mediaType()).contains("video");
    assertThat(r.videoUrl()).contains("https://video.xx.fbcdn.net/v/t42.1790-2/sale.mp4");
    assertThat(r.thumbnailUrl()).contains("https://scontent.xx.fbcdn.net/v/t15.5256-10/thumb.jpg");
    assertThat(r.imageUrl()).isEmpty();
    assertThat(r.ctwaClid()).hasValueSatisfying(c -> assertThat(c).startsWith("ARAkLkA8"));
    assertThat(r.welcomeMessageText()).contains("Hi! How can we help?");
  }

  @Test
  void text_statusAdReferral_hasNoClickId() {
    Referral r =
        single("messages/text_status_ad_referral.json", TextReceived.class)
            .referral()
            .orElseThrow();
    assertThat(r.ctwaClid()).isEmpty();
    assertThat(r.welcomeMessageText()).isEmpty();
    assertThat(r.imageUrl()).contains("https://scontent.xx.fbcdn.net/v/t45.1/arrivals.jpg");
  }

  @Test
  void text_group_readsGroupId() {
    TextReceived t = single("messages/text_group.json", TextReceived.class);
    assertThat(t.groupId()).contains("Y2FwaV9ncm91cDoxNjUwNTU1MTIzNDoxMjAzNjMyMjI3NzE5NjMwNjc");
    assertThat(t.participant()).contains(t.sender());
    assertThat(t.participant().flatMap(UserRef::waId)).isEqualTo(t.from());
    assertThat(t.from()).contains(USER);
  }

  @Test
  void text_usernameUserWithoutPhone_isKeyedByBusinessScopedId() {
    TextReceived t = single("messages/text_username_user.json", TextReceived.class);
    assertCommon(t);
    assertThat(t.from()).isEmpty();
    assertThat(t.fromUserId()).contains(BSUID);
    assertThat(t.fromParentUserId()).contains("US.ENT.11815799212886844830");
    assertThat(t.sender().waId()).isEmpty();
    assertThat(t.sender().primaryId()).contains(BSUID);
    ContactProfile c = t.contact().orElseThrow();
    assertThat(c.username()).contains("@jordan.k");
    assertThat(c.name()).contains("Jordan");
    assertThat(c.waId()).isEmpty();
    assertThat(c.userId()).contains(BSUID);
  }

  @Test
  void text_phoneAndBusinessScopedId_readsBothAndIdentityHash() {
    TextReceived t = single("messages/text_phone_and_bsuid.json", TextReceived.class);
    assertThat(t.sender())
        .isEqualTo(new UserRef(Optional.of(USER), Optional.of(BSUID), Optional.empty()));
    assertThat(t.sender().primaryId()).contains(USER);
    ContactProfile c = t.contact().orElseThrow();
    assertThat(c.identityKeyHash()).contains("DF2lS5v2W6x=");
    assertThat(c.username()).contains("@sheena");
    assertThat(c.user()).isEqualTo(t.sender());
  }

  @Test
  void image_readsMediaWithLookasideUrl() {
    ImageReceived i = single("messages/image.json", ImageReceived.class);
    assertFromSheena(i);
    assertThat(i.caption()).contains("My receipt");
    InboundMedia m = i.media();
    assertThat(m.id()).isEqualTo("1003383421387256");
    assertThat(m.mimeType()).isEqualTo("image/jpeg");
    assertThat(m.sha256()).isEqualTo("SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=");
    assertThat(m.url()).hasValueSatisfying(u -> assertThat(u).contains("mid=1003383421387256"));
  }

  @Test
  void video_readsMediaWithoutUrl() {
    VideoReceived v = single("messages/video.json", VideoReceived.class);
    assertThat(v.media().id()).isEqualTo("1137283267843289");
    assertThat(v.media().mimeType()).isEqualTo("video/mp4");
    assertThat(v.media().url()).isEmpty();
    assertThat(v.caption()).contains("Unboxing");
  }

  @Test
  void audio_voiceNote_setsVoice() {
    AudioReceived a = single("messages/audio_voice.json", AudioReceived.class);
    assertThat(a.voice()).isTrue();
    assertThat(a.media().mimeType()).isEqualTo("audio/ogg; codecs=opus");
    assertThat(a.media().url()).isPresent();
    assertThat(a).isInstanceOf(MediaMessageReceived.class);
  }

  @Test
  void audio_file_isNotVoice() {
    AudioReceived a = single("messages/audio_file.json", AudioReceived.class);
    assertThat(a.voice()).isFalse();
    assertThat(a.media().id()).isEqualTo("1282366326315499");
  }

  @Test
  void document_readsFilenameAndCaption() {
    DocumentReceived d = single("messages/document.json", DocumentReceived.class);
    assertThat(d.filename()).contains("contract-2025.pdf");
    assertThat(d.caption()).contains("Signed contract");
    assertThat(d.media().mimeType()).isEqualTo("application/pdf");
    assertThat(d.media().id()).isEqualTo("1584320349132837");
  }

  @Test
  void sticker_readsAnimated() {
    StickerReceived s = single("messages/sticker.json", StickerReceived.class);
    assertThat(s.animated()).isTrue();
    assertThat(s.media().mimeType()).isEqualTo("image/webp");
  }

  @Test
  void location_readsCoordinatesAndPlace() {
    LocationReceived l = single("messages/location.json", LocationReceived.class);
    assertThat(l.latitude()).isEqualTo(52.520008);
    assertThat(l.longitude()).isEqualTo(13.404954);
    assertThat(l.name()).contains("Fernsehturm");
    assertThat(l.address()).contains("Panoramastraße 1A, 10178 Berlin");
    assertThat(l.url()).contains("https://tv-turm.de");
  }

  @Test
  void location_coordinatesAsStrings_areRead() {
    LocationReceived l =
        single("messages/location_string_coordinates.json", LocationReceived.class);
    assertThat(l.latitude()).isEqualTo(-33.8688);
    assertThat(l.longitude()).isEqualTo(151.2093);
    assertThat(l.name()).isEmpty();
  }

  @Test
  void contacts_readsEveryPartOfTheCards() {
    ContactsReceived c = single("messages/contacts.json", ContactsReceived.class);
    assertThat(c.contacts()).hasSize(2);
    SharedContact lucia = c.contacts().get(0);
    SharedContact.Name n = lucia.name().orElseThrow();
    assertThat(n.formattedName()).contains("Lucía Gómez");
    assertThat(n.firstName()).contains("Lucía");
    assertThat(n.lastName()).contains("Gómez");
    assertThat(n.middleName()).contains("María");
    assertThat(n.prefix()).contains("Dr.");
    assertThat(n.suffix()).contains("Jr.");
    assertThat(lucia.org())
        .contains(
            new SharedContact.Org(
                Optional.of("Example Corp"), Optional.of("Sales"), Optional.of("Manager")));
    assertThat(lucia.birthday()).contains("1990-04-12");
    assertThat(lucia.phones()).hasSize(2);
    assertThat(lucia.phones().get(0).waId()).contains("19835552319");
    assertThat(lucia.phones().get(1).waId()).isEmpty();
    assertThat(lucia.emails())
        .containsExactly(
            new SharedContact.Email(Optional.of("lucia@example.com"), Optional.of("WORK")));
    assertThat(lucia.addresses()).hasSize(1);
    assertThat(lucia.addresses().get(0).countryCode()).contains("us");
    assertThat(lucia.addresses().get(0).zip()).contains("94025");
    assertThat(lucia.urls())
        .containsExactly(
            new SharedContact.Url(Optional.of("https://example.com"), Optional.of("WORK")));
    SharedContact ana = c.contacts().get(1);
    assertThat(ana.name().flatMap(SharedContact.Name::formattedName)).contains("Ana");
    assertThat(ana.org()).isEmpty();
    assertThat(ana.emails()).isEmpty();
  }

  @Test
  void interactive_buttonReply_readsButtonAndRepliedMessage() {
    ButtonReplyReceived b =
        single("messages/interactive_button_reply.json", ButtonReplyReceived.class);
    assertFromSheena(b);
    assertThat(b.buttonId()).isEqualTo("confirm-42");
    assertThat(b.title()).isEqualTo("Confirm");
    assertThat(b.messageContext().flatMap(MessageContext::id))
        .contains("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI3MEM2RUJFNkI0RENGQTVDRjUA");
  }

  @Test
  void interactive_listReply_readsRow() {
    ListReplyReceived l = single("messages/interactive_list_reply.json", ListReplyReceived.class);
    assertThat(l.rowId()).isEqualTo("priority_express");
    assertThat(l.title()).isEqualTo("Priority Mail Express");
    assertThat(l.description()).contains("Next Day to 2 Days");
  }

  @Test
  void interactive_flowCompletion_keepsResponseJsonAndReadsIt() {
    FlowReplyReceived f =
        single("messages/interactive_flow_completion.json", FlowReplyReceived.class);
    assertThat(f.isFlowCompletion()).isTrue();
    assertThat(f.isAddress()).isFalse();
    assertThat(f.name()).isEqualTo("flow");
    assertThat(f.body()).contains("Sent");
    assertThat(f.responseJson()).startsWith("{\"flow_token\":\"AQAAAAACS5FpgQ_cAAAAAD0QI3s.\"");
    assertThat(f.flowToken()).contains("AQAAAAACS5FpgQ_cAAAAAD0QI3s.");
    Map<String, Object> r = f.response();
    assertThat(r)
        .containsEntry("screen_0_name_0", "Sheena")
        .containsEntry("screen_0_guests_1", 3L)
        .containsEntry("screen_0_terms_2", true)
        .containsEntry("screen_0_extras_3", List.of("0_parking", "1_breakfast"))
        .doesNotContainKey("screen_0_note_4");
  }

  @Test
  void interactive_addressMessage_readsNestedValues() {
    FlowReplyReceived f =
        single("messages/interactive_address_message.json", FlowReplyReceived.class);
    assertThat(f.isAddress()).isTrue();
    assertThat(f.flowToken()).isEmpty();
    @SuppressWarnings("unchecked")
    Map<String, Object> values = (Map<String, Object>) f.response().get("values");
    assertThat(values).containsEntry("city", "Mumbai").containsEntry("in_pin_code", "400063");
    assertThat(f.response()).containsEntry("saved_address_id", "address1");
  }

  @Test
  void interactive_unknownReplyType_isUnknownMessageWithSender() {
    UnknownMessageReceived u =
        single("messages/interactive_unknown_type.json", UnknownMessageReceived.class);
    assertFromSheena(u);
    assertThat(u.type()).isEqualTo("interactive");
    assertThat(u.rawJson()).contains("quantum_reply");
  }

  @Test
  void interactive_callPermissionReply_readsAnswerAndExpiry() {
    CallPermissionReplied r =
        single("messages/interactive_call_permission_reply.json", CallPermissionReplied.class);
    assertFromSheena(r);
    assertThat(r.response()).isEqualTo(CallPermissionReplied.Response.ACCEPT);
    assertThat(r.permanent()).isFalse();
    assertThat(r.expiration()).contains(Instant.ofEpochSecond(1750694400L));
    assertThat(r.responseSource()).isEqualTo(CallPermissionReplied.ResponseSource.USER_ACTION);
    assertThat(r.dedupeKey()).contains(r.id());
  }

  @Test
  void interactive_callPermissionReplyAutomatic_isPermanentAndNamesTheCall() {
    CallPermissionReplied r =
        single(
            "messages/interactive_call_permission_reply_permanent.json",
            CallPermissionReplied.class);
    assertThat(r.permanent()).isTrue();
    assertThat(r.expiration()).isEmpty();
    assertThat(r.responseSource()).isEqualTo(CallPermissionReplied.ResponseSource.AUTOMATIC);
    assertThat(r.messageContext().flatMap(MessageContext::id))
        .contains("wacid.HBgLMTY1MDU1NTEyMzQVAgARGBIzQ0FMTDAwMDAwMDAwMDAwMQA=");
  }

  @Test
  void button_templateQuickReply_readsPayload() {
    QuickReplyReceived b = single("messages/button.json", QuickReplyReceived.class);
    assertThat(b.payload()).isEqualTo("STOP_PROMOTIONS");
    assertThat(b.text()).isEqualTo("Stop promotions");
    assertThat(b.messageContext().flatMap(MessageContext::id))
        .contains("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBJFNjk2OTMwNEZCQjhGMzUyQUYA");
  }

  @Test
  void reaction_withEmoji_isNotRemoval() {
    ReactionReceived r = single("messages/reaction.json", ReactionReceived.class);
    assertThat(r.emoji()).contains("\u2764\ufe0f");
    assertThat(r.isRemoval()).isFalse();
    assertThat(r.messageId())
        .isEqualTo("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA");
  }

  @Test
  void reaction_withoutEmoji_isRemoval() {
    ReactionReceived r = single("messages/reaction_removed.json", ReactionReceived.class);
    assertThat(r.emoji()).isEmpty();
    assertThat(r.isRemoval()).isTrue();
  }

  @Test
  void order_readsItemsWithDecimalPrices() {
    OrderReceived o = single("messages/order.json", OrderReceived.class);
    assertThat(o.catalogId()).isEqualTo("194836987003835");
    assertThat(o.text()).contains("Please gift-wrap");
    assertThat(o.items())
        .containsExactly(
            new OrderItem("di9ozbzfi4", 2, Optional.of(new BigDecimal("7.99")), "USD"),
            new OrderItem("nqryix03ez", 1, Optional.of(new BigDecimal("25")), "USD"));
  }

  @Test
  void system_userChangedNumber_readsNewWaIdWithoutContact() {
    SystemMessageReceived s =
        single("messages/system_user_changed_number.json", SystemMessageReceived.class);
    assertThat(s.systemType()).isEqualTo(SystemMessageType.USER_CHANGED_NUMBER);
    assertThat(s.rawSystemType()).isEqualTo("user_changed_number");
    assertThat(s.from()).contains(USER);
    assertThat(s.newUser().waId()).contains("12195555358");
    assertThat(s.contact()).isEmpty();
    assertThat(s.identity()).isEmpty();
  }

  @Test
  void system_userChangedUserId_readsNewBusinessScopedIds() {
    SystemMessageReceived s =
        single("messages/system_user_changed_user_id.json", SystemMessageReceived.class);
    assertThat(s.systemType()).isEqualTo(SystemMessageType.USER_CHANGED_USER_ID);
    assertThat(s.from()).isEmpty();
    assertThat(s.fromUserId()).contains(BSUID);
    assertThat(s.newUser())
        .isEqualTo(
            new UserRef(
                Optional.empty(),
                Optional.of("US.99491208655302741000"),
                Optional.of("US.ENT.11815799212886844830")));
  }

  @Test
  void system_customerIdentityChanged_readsIdentity() {
    SystemMessageReceived s =
        single("messages/system_customer_identity_changed.json", SystemMessageReceived.class);
    assertThat(s.systemType()).isEqualTo(SystemMessageType.CUSTOMER_IDENTITY_CHANGED);
    SystemMessageReceived.IdentityChange id = s.identity().orElseThrow();
    assertThat(id.acknowledged()).isTrue();
    assertThat(id.createdAt()).contains(Instant.ofEpochSecond(1750090600L));
    assertThat(id.hash()).contains("Tvk5Xl6r3bU=");
    assertThat(s.newUser().waId()).contains(USER);
  }

  @Test
  void unsupported_readsTypeAndError() {
    UnsupportedMessageReceived u =
        single("messages/unsupported.json", UnsupportedMessageReceived.class);
    assertThat(u.unsupportedType()).contains("poll_creation");
    WebhookError e = u.errors().get(0);
    assertThat(e.code()).isEqualTo(131051);
    assertThat(e.title()).contains("Message type unknown");
    assertThat(e.href()).hasValueSatisfying(h -> assertThat(h).startsWith("https://"));
  }

  @Test
  void edit_readsOriginalIdAndNewText() {
    MessageEdited e = single("messages/edit.json", MessageEdited.class);
    assertThat(e.id()).isEqualTo("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUVEMTEyQjQ3NDlDNUNGNTU0NQA=");
    assertThat(e.originalMessageId())
        .isEqualTo("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUVBMjAwNzk1QTdCQjdFRTFDNgA=");
    MessageReceived now = e.newMessage().orElseThrow();
    assertThat(now).isInstanceOf(TextReceived.class);
    assertThat(((TextReceived) now).body()).isEqualTo("See you at 7pm (not 6)");
    assertThat(now.from()).contains(USER);
    assertThat(now.timestamp()).isEqualTo(e.timestamp());
  }

  @Test
  void revoke_readsOriginalId() {
    MessageRevoked r = single("messages/revoke.json", MessageRevoked.class);
    assertThat(r.originalMessageId())
        .isEqualTo("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUVBMjAwNzk1QTdCQjdFRTFDNgA=");
    assertThat(r.dedupeKey()).contains(r.id());
  }

  @Test
  void unknownType_isUnknownMessageWithRawJsonAndSender() {
    UnknownMessageReceived u = single("messages/unknown_type.json", UnknownMessageReceived.class);
    assertFromSheena(u);
    assertThat(u.type()).isEqualTo("hologram");
    assertThat(u.rawJson()).contains("\"frames\": 24");
  }

  @Test
  void valueErrors_becomeOneErrorReportedEach() {
    List<WebhookEvent> events = parse("messages/value_errors.json");
    assertThat(events).hasSize(2).allSatisfy(e -> assertThat(e).isInstanceOf(ErrorReported.class));
    ErrorReported first = (ErrorReported) events.get(0);
    assertThat(first.code()).isEqualTo(131000);
    assertThat(first.error().details())
        .contains("Message failed to send because of an unknown error.");
    assertThat(first.context().phoneNumberId()).contains("106540352242922");
    assertThat(first.dedupeKey()).isEmpty();
    assertThat(((ErrorReported) events.get(1)).code()).isEqualTo(368);
    assertThat(((ErrorReported) events.get(1)).error().href()).isEmpty();
  }

  @Test
  void twoUsersInOneChange_eachMessageGetsItsOwnContact() {
    List<WebhookEvent> events = parse("messages/two_users_one_change.json");
    assertThat(events).hasSize(2);
    TextReceived first = (TextReceived) events.get(0);
    TextReceived second = (TextReceived) events.get(1);
    assertThat(first.body()).isEqualTo("first");
    assertThat(first.contact().flatMap(ContactProfile::name)).contains("Bob");
    assertThat(second.body()).isEqualTo("second");
    assertThat(second.contact().flatMap(ContactProfile::name)).contains("Ann");
    assertThat(second.timestamp()).isEqualTo(Instant.ofEpochSecond(1750090703L));
  }

  @Test
  void requestWelcome_isWelcomeRequestWithSenderAndNoContent() {
    WelcomeRequestReceived w =
        single("messages/request_welcome.json", WelcomeRequestReceived.class);
    assertFromSheena(w);
    assertThat(w.type()).isEqualTo("request_welcome");
    assertThat(w.id()).isEqualTo("wamid.HBgLMTY1MDU1NTEyMzQVAgASGBRXRUxDT01FMDAwMDAwMDAwMDAxAA==");
    assertThat(w.dedupeKey()).contains(w.id());
  }
}
