package dev.wasdk.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.spec.OpenApiSpec;
import dev.wasdk.webhooks.event.ButtonReplyReceived;
import dev.wasdk.webhooks.event.ContactsReceived;
import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.GroupLifecycleChanged;
import dev.wasdk.webhooks.event.GroupParticipantsChanged;
import dev.wasdk.webhooks.event.GroupSettingsChanged;
import dev.wasdk.webhooks.event.ImageReceived;
import dev.wasdk.webhooks.event.ListReplyReceived;
import dev.wasdk.webhooks.event.LocationReceived;
import dev.wasdk.webhooks.event.MessageContext;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.OrderReceived;
import dev.wasdk.webhooks.event.QuickReplyReceived;
import dev.wasdk.webhooks.event.ReactionReceived;
import dev.wasdk.webhooks.event.Referral;
import dev.wasdk.webhooks.event.SharedContact;
import dev.wasdk.webhooks.event.SystemMessageReceived;
import dev.wasdk.webhooks.event.SystemMessageType;
import dev.wasdk.webhooks.event.TextReceived;
import dev.wasdk.webhooks.event.UnsupportedMessageReceived;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request example of {@code POST /whatsapp/webhooks} in Meta's OpenAPI spec (v23.0) parses
 * into the expected event, with its key fields read, the three {@code group_*} examples included.
 */
class SpecWebhookExamplesTest {
  private static final Map<String, JsonNode> EXAMPLES =
      OpenApiSpec.requestExamples(OpenApiSpec.WEBHOOKS_PATH, "post");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final WebhookParser PARSER = WebhookParser.create();

  private static <T extends WebhookEvent> T single(String example, Class<T> type) {
    JsonNode node = EXAMPLES.get(example);
    assertThat(node).as("spec example %s", example).isNotNull();
    List<WebhookEvent> events = PARSER.parse(JSON.writeValueAsBytes(node));
    assertThat(events).as(example).hasSize(1);
    assertThat(events.get(0)).as(example).isInstanceOf(type);
    return type.cast(events.get(0));
  }

  private static void assertSheena(MessageReceived m) {
    EventContext ctx = m.context();
    assertThat(ctx.field()).isEqualTo("messages");
    assertThat(ctx.phoneNumberId()).contains("106540352242922");
    assertThat(ctx.displayPhoneNumber()).contains("15550783881");
    assertThat(m.from()).contains("16505551234");
    assertThat(m.contact().flatMap(c -> c.name())).contains("Sheena Nelson");
    assertThat(m.sender().waId()).contains("16505551234");
  }

  @Test
  void examples_count_isSixteenAndEachIsCoveredBelow() {
    assertThat(EXAMPLES.keySet())
        .containsExactlyInAnyOrder(
            "Text Message",
            "Text Message with Context (Product Inquiry)",
            "Text Message from Click to WhatsApp Ad",
            "Reaction Message",
            "Image Message",
            "Location Message",
            "Contact Sharing Message",
            "Unsupported Message",
            "Button Message",
            "Interactive List Reply Message",
            "Interactive Button Reply Message",
            "Order Message",
            "System Message",
            "Group Create Message",
            "Group Settings Update",
            "Group Remove Participants");
  }

  @Test
  void parse_textMessage_readsBodySenderAndTime() {
    TextReceived t = single("Text Message", TextReceived.class);
    assertSheena(t);
    assertThat(t.context().wabaId()).isEqualTo("419561257915477");
    assertThat(t.body()).isEqualTo("Does it come in another color?");
    assertThat(t.id()).isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=");
    assertThat(t.timestamp()).isEqualTo(Instant.ofEpochSecond(1749416383L));
    assertThat(t.messageContext()).isEmpty();
    assertThat(t.dedupeKey()).contains(t.id());
  }

  @Test
  void parse_productInquiry_readsReferredProduct() {
    TextReceived t = single("Text Message with Context (Product Inquiry)", TextReceived.class);
    assertSheena(t);
    assertThat(t.body()).isEqualTo("Is this still available?");
    MessageContext c = t.messageContext().orElseThrow();
    assertThat(c.from()).contains("15550783881");
    assertThat(c.id()).contains("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGA9wcm9kdWN0X2lucXVpcnkA");
    assertThat(c.referredProduct())
        .contains(new MessageContext.ReferredProduct("194836987003835", "di9ozbzfi4"));
  }

  @Test
  void parse_clickToWhatsAppAd_readsReferral() {
    TextReceived t = single("Text Message from Click to WhatsApp Ad", TextReceived.class);
    assertSheena(t);
    Referral r = t.referral().orElseThrow();
    assertThat(r.sourceId()).contains("120226305854810726");
    assertThat(r.sourceType()).contains("ad");
    assertThat(r.sourceUrl()).contains("https://fb.me/3cr4Wqqkv");
    assertThat(r.headline()).contains("Chat with us");
    assertThat(r.mediaType()).contains("image");
    assertThat(r.ctwaClid()).hasValueSatisfying(v -> assertThat(v).startsWith("Aff-n8ZTODiE"));
    assertThat(r.welcomeMessageText()).contains("Hi there! Let us know how we can help!");
    assertThat(r.videoUrl()).isEmpty();
  }

  @Test
  void parse_reaction_readsEmojiAndTarget() {
    ReactionReceived r = single("Reaction Message", ReactionReceived.class);
    assertSheena(r);
    assertThat(r.messageId())
        .isEqualTo("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBI0RTJEOTc2ODVERUY5RDlGNkYA");
    assertThat(r.emoji()).contains("\uD83D\uDC4D");
    assertThat(r.isRemoval()).isFalse();
  }

  @Test
  void parse_image_readsMediaAndCaption() {
    ImageReceived i = single("Image Message", ImageReceived.class);
    assertSheena(i);
    assertThat(i.caption()).contains("Taj Mahal");
    assertThat(i.media().id()).isEqualTo("1003383421387256");
    assertThat(i.media().mimeType()).isEqualTo("image/jpeg");
    assertThat(i.media().sha256()).isEqualTo("SfInY0gGKTsJlUWbwxC1k+FAD0FZHvzwfpvO0zX0GUI=");
    assertThat(i.media().url()).isEmpty();
  }

  @Test
  void parse_location_readsCoordinatesAndPlace() {
    LocationReceived l = single("Location Message", LocationReceived.class);
    assertSheena(l);
    assertThat(l.latitude()).isEqualTo(37.44221496582);
    assertThat(l.longitude()).isEqualTo(-122.16165924072);
    assertThat(l.name()).contains("Philz Coffee");
    assertThat(l.address()).contains("101 Forest Ave, Palo Alto, CA 94301");
    assertThat(l.url()).contains("https://philzcoffee.com/");
  }

  @Test
  void parse_contacts_readsCard() {
    ContactsReceived c = single("Contact Sharing Message", ContactsReceived.class);
    assertSheena(c);
    assertThat(c.contacts()).hasSize(1);
    SharedContact card = c.contacts().get(0);
    assertThat(card.name().flatMap(SharedContact.Name::formattedName)).contains("Lucía Gómez");
    assertThat(card.org().flatMap(SharedContact.Org::company)).contains("Google");
    assertThat(card.phones())
        .containsExactly(
            new SharedContact.Phone(
                java.util.Optional.of("+1 (983) 555-2319"),
                java.util.Optional.of("19835552319"),
                java.util.Optional.of("MOBILE")));
  }

  @Test
  void parse_unsupported_readsError131051() {
    UnsupportedMessageReceived u = single("Unsupported Message", UnsupportedMessageReceived.class);
    assertSheena(u);
    assertThat(u.errors()).hasSize(1);
    assertThat(u.errors().get(0).code()).isEqualTo(131051);
    assertThat(u.errors().get(0).details()).contains("Message type is currently not supported.");
    assertThat(u.unsupportedType()).isEmpty();
  }

  @Test
  void parse_button_readsQuickReplyPayload() {
    QuickReplyReceived b = single("Button Message", QuickReplyReceived.class);
    assertSheena(b);
    assertThat(b.payload()).isEqualTo("Unsubscribe");
    assertThat(b.text()).isEqualTo("Unsubscribe");
    assertThat(b.messageContext().flatMap(MessageContext::id))
        .contains("wamid.HBgLMTY1MDM4Nzk0MzkVAgARGBJFNjk2OTMwNEZCQjhGMzUyQUYA");
  }

  @Test
  void parse_listReply_readsRow() {
    ListReplyReceived l = single("Interactive List Reply Message", ListReplyReceived.class);
    assertSheena(l);
    assertThat(l.rowId()).isEqualTo("priority_express");
    assertThat(l.title()).isEqualTo("Priority Mail Express");
    assertThat(l.description()).contains("Next Day to 2 Days");
  }

  @Test
  void parse_buttonReply_readsButton() {
    ButtonReplyReceived b = single("Interactive Button Reply Message", ButtonReplyReceived.class);
    assertSheena(b);
    assertThat(b.buttonId()).isEqualTo("cancel-button");
    assertThat(b.title()).isEqualTo("Cancel");
    assertThat(b.messageContext().flatMap(MessageContext::from)).contains("15550783881");
  }

  @Test
  void parse_order_readsItems() {
    OrderReceived o = single("Order Message", OrderReceived.class);
    assertSheena(o);
    assertThat(o.catalogId()).isEqualTo("194836987003835");
    assertThat(o.text()).contains("");
    assertThat(o.items()).hasSize(2);
    assertThat(o.items().get(0).productRetailerId()).isEqualTo("di9ozbzfi4");
    assertThat(o.items().get(0).quantity()).isEqualTo(2);
    assertThat(o.items().get(0).itemPrice()).contains(new BigDecimal("30"));
    assertThat(o.items().get(1).currency()).isEqualTo("USD");
  }

  @Test
  void parse_system_readsNumberChangeWithoutContact() {
    SystemMessageReceived s = single("System Message", SystemMessageReceived.class);
    assertThat(s.systemType()).isEqualTo(SystemMessageType.USER_CHANGED_NUMBER);
    assertThat(s.from()).contains("16505551234");
    assertThat(s.newUser().waId()).contains("12195555358");
    assertThat(s.body()).hasValueSatisfying(b -> assertThat(b).contains("changed from"));
    assertThat(s.contact()).isEmpty();
    assertThat(s.context().wabaId()).isEqualTo("102290129340398");
  }

  private static final String SPEC_GROUP =
      "Y2FwaV9ncm91cDoxODA1NTU1MDE3MjoxMjAzNjMyMjI3NzE5NjMwNjcZD";

  @Test
  void parse_groupCreate_readsGroupRequestSubjectAndDescription() {
    GroupLifecycleChanged g = single("Group Create Message", GroupLifecycleChanged.class);
    assertThat(g.context().field()).isEqualTo("group_lifecycle_update");
    assertThat(g.context().phoneNumberId()).contains("106540352242922");
    assertThat(g.type()).isEqualTo(GroupLifecycleChanged.Type.GROUP_CREATE);
    assertThat(g.groupId()).isEqualTo(SPEC_GROUP);
    assertThat(g.requestId()).contains("784D93D0C468593037EA0B1ECA245D9C");
    assertThat(g.subject()).contains("your-group-subject");
    assertThat(g.description()).contains("your-group-description");
    assertThat(g.timestamp()).isEqualTo(Instant.ofEpochSecond(1750269342L));
    assertThat(g.isSuccess()).isTrue();
  }

  @Test
  void parse_groupSettingsUpdate_readsThePictureChange() {
    GroupSettingsChanged g = single("Group Settings Update", GroupSettingsChanged.class);
    assertThat(g.groupId()).isEqualTo(SPEC_GROUP);
    assertThat(g.requestId()).contains("784D93D0C468593037EA0B1ECA245D9C");
    assertThat(g.profilePicture().flatMap(GroupSettingsChanged.PictureSetting::mimeType))
        .contains("image/jpeg");
    assertThat(g.subject()).isEmpty();
    assertThat(g.description()).isEmpty();
  }

  /**
   * The spec's removal example labels itself {@code group_create} (a spec erratum): the event is
   * still a participants change, its kind stays {@code UNKNOWN} with the raw value, and the removed
   * participants are read.
   */
  @Test
  void parse_groupRemoveParticipants_readsRemovedDespiteTheMislabelledType() {
    GroupParticipantsChanged g =
        single("Group Remove Participants", GroupParticipantsChanged.class);
    assertThat(g.context().field()).isEqualTo("group_participants_update");
    assertThat(g.rawType()).isEqualTo("group_create");
    assertThat(g.type()).isEqualTo(GroupParticipantsChanged.Type.UNKNOWN);
    assertThat(g.removed())
        .extracting(p -> p.user().waId().orElseThrow())
        .containsExactly("16505551234", "16505551235");
    assertThat(g.removed().get(0).input()).contains("16505551234");
  }
}
