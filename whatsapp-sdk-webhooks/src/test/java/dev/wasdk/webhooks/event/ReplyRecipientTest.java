package dev.wasdk.webhooks.event;

import static dev.wasdk.webhooks.event.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.message.TextMessage;
import dev.wasdk.webhooks.WebhookParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every inbound message names the recipient that answers it, whichever ids Meta sent. */
class ReplyRecipientTest {
  private static final String BSUID = "US.13491208655302741918";

  @Test
  void replyRecipient_phoneUser_isTheWaIdWithPlus() {
    TextReceived t = single("messages/text.json", TextReceived.class);

    TextMessage reply = (TextMessage) Message.replyTo(t).text("We open at 9");

    assertThat(reply.recipient()).isEqualTo(Recipient.phone("+16505551234"));
    assertThat(reply.envelope().replyTo()).contains(t.id());
  }

  @Test
  void replyRecipient_brazilianAndMexicanWaIds_roundTripIntoMessages() {
    for (String waId : List.of("5511987654321", "5215512345678")) {
      String json =
          new String(Fixtures.bytes("messages/text.json"), StandardCharsets.UTF_8)
              .replace("16505551234", waId);
      TextReceived t =
          (TextReceived) WebhookParser.create().parse(json.getBytes(StandardCharsets.UTF_8)).get(0);

      assertThat(t.from()).contains(waId);
      assertThat(Message.to(t).text("Hi").recipient()).isEqualTo(Recipient.phone("+" + waId));
    }
  }

  @Test
  void replyRecipient_phoneAndBusinessScopedId_prefersThePhone() {
    TextReceived t = single("messages/text_phone_and_bsuid.json", TextReceived.class);

    assertThat(t.replyRecipient()).contains(Recipient.phone("+16505551234"));
  }

  @Test
  void replyRecipient_usernameUserWithoutPhone_isTheBusinessScopedId() {
    TextReceived t = single("messages/text_username_user.json", TextReceived.class);

    assertThat(t.from()).isEmpty();
    assertThat(Message.replyTo(t).text("Hi Jordan").recipient()).isEqualTo(Recipient.userId(BSUID));
  }

  @Test
  void replyRecipient_groupMessage_isTheGroup() {
    TextReceived t = single("messages/text_group.json", TextReceived.class);

    Recipient r = t.replyRecipient().orElseThrow();

    assertThat(r.kind()).isEqualTo(Recipient.Kind.GROUP);
    assertThat(r.value()).isEqualTo(t.groupId().orElseThrow());
  }

  @Test
  void replyRecipient_everyInboundFixture_namesSomeoneToAnswer() {
    for (String name : Fixtures.all()) {
      if (!name.startsWith("messages/")) {
        continue;
      }
      for (WebhookEvent e : Fixtures.parse(name)) {
        if (e instanceof MessageReceived m && (m.from().isPresent() || m.contact().isPresent())) {
          assertThat(m.replyRecipient()).as(name).isPresent();
        }
      }
    }
  }
}
