package dev.wasdk.conversations;

import static dev.wasdk.conversations.Events.USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.webhooks.event.ImageReceived;
import dev.wasdk.webhooks.event.MessageReceived;
import dev.wasdk.webhooks.event.TextReceived;
import org.junit.jupiter.api.Test;

class FiltersTest {

  @Test
  void textEquals_caseAccentsAndSpaces_areIgnored() {
    Filter<MessageReceived> f = Filters.textEquals("Menú del día");

    assertThat(f.test(Events.text("  MENU   del DIA "))).isTrue();
    assertThat(f.test(Events.text("menu del dia!"))).isFalse();
    assertThat(f.test(Events.button(USER, "menu del dia", "Menu del dia"))).isFalse();
  }

  @Test
  void textContains_findsFoldedPart() {
    Filter<MessageReceived> f = Filters.textContains("atención");

    assertThat(f.test(Events.text("Quiero ATENCION humana"))).isTrue();
    assertThat(f.test(Events.text("hola"))).isFalse();
  }

  @Test
  void keyword_firstWholeWord_matches() {
    Filter<MessageReceived> f = Filters.keyword("track", "cardápio");

    assertThat(f.test(Events.text("TRACK 1234"))).isTrue();
    assertThat(f.test(Events.text("Track!"))).isTrue();
    assertThat(f.test(Events.text("cardapio"))).isTrue();
    assertThat(f.test(Events.text("tracking 1234"))).isFalse();
    assertThat(f.test(Events.text("please track 1234"))).isFalse();
  }

  @Test
  void textMatches_string_isCaseInsensitiveAndFindsAnywhere() {
    Filter<MessageReceived> f = Filters.textMatches("^track\\s+(\\d+)$");

    assertThat(f.test(Events.text("TRACK 1234"))).isTrue();
    assertThat(f.test(Events.text("track abc"))).isFalse();
    assertThat(Filters.textMatches("\\d{4}").test(Events.text("order 1234 please"))).isTrue();
  }

  @Test
  void replyIds_matchTheirOwnKindOnly() {
    assertThat(Filters.buttonId("yes").test(Events.button(USER, "yes", "Yes"))).isTrue();
    assertThat(Filters.buttonId("yes").test(Events.listRow(USER, "yes", "Yes"))).isFalse();
    assertThat(Filters.listRowId("pizza").test(Events.listRow(USER, "pizza", "Pizza"))).isTrue();
    assertThat(Filters.listRowId("pizza").test(Events.text("pizza"))).isFalse();
    Filter<MessageReceived> any = Filters.replyId("go");
    assertThat(any.test(Events.button(USER, "go", "Go"))).isTrue();
    assertThat(any.test(Events.listRow(USER, "go", "Go"))).isTrue();
    assertThat(any.test(Events.quickReply(USER, "go"))).isTrue();
    assertThat(any.test(Events.text("go"))).isFalse();
  }

  @Test
  void messageTypeAndMedia_matchByClass() {
    assertThat(Filters.messageType(ImageReceived.class).test(Events.image(USER))).isTrue();
    assertThat(Filters.messageType(TextReceived.class).test(Events.image(USER))).isFalse();
    assertThat(Filters.hasMedia().test(Events.image(USER))).isTrue();
    assertThat(Filters.hasMedia().test(Events.text("photo"))).isFalse();
  }

  @Test
  void from_matchesWaIdPhoneOrUserId() {
    assertThat(Filters.from("+16505551234").test(Events.text("hi"))).isTrue();
    assertThat(Filters.from("16505551234").test(Events.text("hi"))).isTrue();
    assertThat(Filters.from("16505550000").test(Events.text("hi"))).isFalse();
    MessageReceived byUserId = Events.textFromUserId("US.13491208655302741918", "hi");
    assertThat(Filters.from("US.13491208655302741918").test(byUserId)).isTrue();
  }

  @Test
  void inGroup_anyOrOne() {
    MessageReceived inGroup = Events.groupText(USER, "G1", "hi");

    assertThat(Filters.inGroup().test(inGroup)).isTrue();
    assertThat(Filters.inGroup("G1").test(inGroup)).isTrue();
    assertThat(Filters.inGroup("G2").test(inGroup)).isFalse();
    assertThat(Filters.inGroup().test(Events.text("hi"))).isFalse();
  }

  @Test
  void isReplyTo_matchesTheQuotedMessage() {
    MessageReceived reply = Events.replyText(USER, "wamid.OFFER", "yes please");

    assertThat(Filters.isReply().test(reply)).isTrue();
    assertThat(Filters.isReplyTo("wamid.OFFER").test(reply)).isTrue();
    assertThat(Filters.isReplyTo("wamid.OTHER").test(reply)).isFalse();
    assertThat(Filters.isReply().test(Events.text("yes"))).isFalse();
  }

  @Test
  void andOrNot_compose() {
    Filter<MessageReceived> yes = Filters.textEquals("yes");
    Filter<MessageReceived> group = Filters.inGroup();

    assertThat(yes.and(Filter.not(group)).test(Events.text("yes"))).isTrue();
    assertThat(yes.and(Filter.not(group)).test(Events.groupText(USER, "G", "yes"))).isFalse();
    assertThat(yes.or(Filters.buttonId("y")).test(Events.button(USER, "y", "Y"))).isTrue();
    assertThat(yes.or(Filters.buttonId("y")).test(Events.text("no"))).isFalse();
  }

  @Test
  void factories_badArguments_areRefused() {
    assertThatThrownBy(() -> Filters.textEquals())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
    assertThatThrownBy(() -> Filters.keyword("  "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("blank");
    assertThatThrownBy(() -> Filters.from("+")).isInstanceOf(IllegalArgumentException.class);
  }
}
