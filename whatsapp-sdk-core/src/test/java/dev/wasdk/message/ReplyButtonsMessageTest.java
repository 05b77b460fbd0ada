package dev.wasdk.message;

import static dev.wasdk.message.Invalid.assertInvalid;
import static dev.wasdk.message.MessageSamples.ID;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplyButtonsMessageTest {
  private static ReplyButtonsMessage.Builder base() {
    return to().buttons().body("Pick one");
  }

  @Test
  void build_noButtons_namesButtons() {
    var e = assertInvalid(() -> base().build(), "interactive.action.buttons", "0 items");
    assertThat(e.limit()).isEqualTo("1 to 3 items");
  }

  @Test
  void build_fourButtons_namesTheFourth() {
    assertInvalid(
        () -> base().button("a", "A").button("b", "B").button("c", "C").button("d", "D").build(),
        "interactive.action.buttons[3]",
        "4 items");
  }

  @Test
  void build_duplicateId_namesTheSecond() {
    var e =
        assertInvalid(
            () -> base().button("a", "A").button("b", "B").button("a", "C").build(),
            "interactive.action.buttons[2].reply.id",
            "a duplicate of interactive.action.buttons[0].reply.id");
    assertThat(e.limit()).isEqualTo("unique among the button ids");
  }

  @Test
  void build_duplicateTitle_namesTheSecond() {
    assertInvalid(
        () -> base().button("a", "Same").button("b", "Same").build(),
        "interactive.action.buttons[1].reply.title",
        "a duplicate of interactive.action.buttons[0].reply.title");
  }

  @Test
  void build_titleTooLong_namesTheTitle() {
    assertInvalid(
        () -> base().button("a", "A").button("b", "x".repeat(21)).build(),
        "interactive.action.buttons[1].reply.title",
        "21 characters");
  }

  @Test
  void build_idTooLong_namesTheId() {
    assertInvalid(
        () -> base().button("i".repeat(257), "A").build(),
        "interactive.action.buttons[0].reply.id",
        "257 characters");
  }

  @Test
  void build_idWithTrailingSpace_namesTheId() {
    assertInvalid(
        () -> base().button("yes ", "Yes").build(),
        "interactive.action.buttons[0].reply.id",
        "leading or trailing whitespace");
  }

  @Test
  void build_emptyTitle_namesTheTitle() {
    assertInvalid(
        () -> base().button("a", "").build(),
        "interactive.action.buttons[0].reply.title",
        "0 characters");
  }

  @Test
  void build_noBody_namesBody() {
    assertInvalid(
        () -> to().buttons().button("a", "A").build(), "interactive.body.text", "missing");
  }

  @Test
  void build_bodyTooLong_namesBody() {
    assertInvalid(
        () -> to().buttons().body("b".repeat(1025)).button("a", "A").build(),
        "interactive.body.text",
        "1025 characters");
  }

  @Test
  void build_footerTooLong_namesFooter() {
    assertInvalid(
        () -> base().footer("f".repeat(61)).button("a", "A").build(),
        "interactive.footer.text",
        "61 characters");
  }

  @Test
  void header_textTooLong_namesHeaderText() {
    assertInvalid(() -> base().header("h".repeat(61)), "interactive.header.text", "61 characters");
  }

  @Test
  void toBuilder_roundTripsAndAllowsChanges() {
    ReplyButtonsMessage m =
        base().header(InteractiveHeader.image(ID)).footer("f").button("a", "A").build();

    assertThat(m.toBuilder().build()).isEqualTo(m);
    assertThat(m.toBuilder().button("b", "B").build().buttons()).hasSize(2);
  }
}
