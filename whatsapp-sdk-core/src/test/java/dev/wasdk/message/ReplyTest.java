package dev.wasdk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.error.InvalidMessageException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replies in one expression, and what {@code Message.to(String)} does with a bare WhatsApp id. */
class ReplyTest {
  private static final String WAMID =
      "wamid.HBgLMTY1MDU1NTEyMzQVAgASGBQzQUZBOTkyNkQ3RTg5OTE5NTM3OQA=";

  /** An inbound message as a webhook event would present it. */
  record Inbound(String id, Optional<Recipient> replyRecipient) implements InboundMessage {}

  @Test
  void replyTo_inboundFromBrazil_sendsToItsSenderQuotingIt() {
    Inbound in = new Inbound(WAMID, Optional.of(Recipient.waId("5511987654321")));

    TextMessage reply = (TextMessage) Message.replyTo(in).text("Olá!");

    assertThat(reply.recipient()).isEqualTo(Recipient.phone("+5511987654321"));
    assertThat(reply.envelope().replyTo()).contains(WAMID);
    assertThat(reply.body()).isEqualTo("Olá!");
  }

  @Test
  void to_inboundFromMexico_sendsToItsSenderWithoutQuoting() {
    Inbound in = new Inbound(WAMID, Optional.of(Recipient.waId("5215512345678")));

    Message next = Message.to(in).text("¿Algo más?");

    assertThat(next.recipient()).isEqualTo(Recipient.phone("+5215512345678"));
    assertThat(next.envelope().replyTo()).isEmpty();
  }

  @Test
  void replyTo_inboundFromBusinessScopedUser_sendsToTheUserId() {
    Recipient user = Recipient.userId("US.13491208655302741918");
    Inbound in = new Inbound(WAMID, Optional.of(user));

    Message reply = Message.replyTo(in).buttons().body("Pick").button("a", "A").build();

    assertThat(reply.recipient()).isEqualTo(user);
    assertThat(reply.envelope().replyTo()).contains(WAMID);
  }

  @Test
  void replyTo_inboundWithoutAnyId_failsSayingSo() {
    Inbound in = new Inbound(WAMID, Optional.empty());

    assertThatThrownBy(() -> Message.replyTo(in))
        .isInstanceOf(InvalidMessageException.class)
        .hasMessageContaining("to: must be the sender's WhatsApp id or business-scoped user id");
  }

  @Test
  void to_bareWaIdFromBrazilOrMexico_refusedNamingTheMethodsToUse() {
    for (String waId : new String[] {"5511987654321", "5215512345678"}) {
      assertThatThrownBy(() -> Message.to(waId))
          .as(waId)
          .isInstanceOf(InvalidMessageException.class)
          .hasMessageContaining("Message.replyTo(event)")
          .hasMessageContaining("Recipient.waId(id)")
          .hasMessageContaining("'+' and the country code")
          .hasMessageNotContaining(waId);
    }
  }

  @Test
  void to_waIdThroughRecipient_equalsThePhoneNumberWithPlus() {
    assertThat(Message.to(Recipient.waId("5511987654321")).text("x").recipient())
        .isEqualTo(Message.to("+55 11 98765-4321").text("x").recipient());
    assertThat(Message.to(Recipient.waId("5215512345678")).text("x").recipient())
        .isEqualTo(Message.to("+52 1 55 1234 5678").text("x").recipient());
  }
}
