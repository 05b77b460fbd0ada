package dev.wasdk.message;

import static dev.wasdk.message.Invalid.assertInvalid;
import static dev.wasdk.message.MessageSamples.to;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListMessageTest {
  private static ListMessage.Builder base() {
    return to().list().body("Choose").button("Open");
  }

  private static ListRow[] rows(String prefix, int n) {
    ListRow[] rows = new ListRow[n];
    for (int i = 0; i < n; i++) {
      rows[i] = ListRow.of(prefix + i, "Row " + i);
    }
    return rows;
  }

  @Test
  void build_noSections_namesSections() {
    assertInvalid(() -> base().build(), "interactive.action.sections", "0 items");
  }

  @Test
  void build_elevenSections_namesTheEleventh() {
    ListMessage.Builder b = base();
    for (int i = 0; i < 11; i++) {
      b.section("S" + i, ListRow.of("r" + i, "R"));
    }

    assertInvalid(b::build, "interactive.action.sections[10]", "11 items");
  }

  @Test
  void build_elevenRowsOverTwoSections_namesTheEleventhRow() {
    var e =
        assertInvalid(
            () -> base().section("A", rows("a", 6)).section("B", rows("b", 5)).build(),
            "interactive.action.sections[1].rows[4]",
            "11 rows");
    assertThat(e.limit()).isEqualTo("at most 10 rows in all sections");
  }

  @Test
  void build_tenRowsOverTwoSections_builds() {
    ListMessage m = base().section("A", rows("a", 6)).section("B", rows("b", 4)).build();

    assertThat(m.sections()).hasSize(2);
  }

  @Test
  void build_sectionWithoutRows_namesItsRows() {
    assertInvalid(
        () -> base().section("A", rows("a", 1)).section("B").build(),
        "interactive.action.sections[1].rows",
        "0 rows");
  }

  @Test
  void build_untitledSectionAmongTwo_namesItsTitle() {
    assertInvalid(
        () -> base().section("A", rows("a", 1)).section(ListSection.untitled(rows("b", 1))).build(),
        "interactive.action.sections[1].title",
        "missing");
  }

  @Test
  void build_oneUntitledSection_builds() {
    ListMessage m = base().section(ListSection.untitled(rows("a", 2))).build();

    assertThat(m.sections().get(0).title()).isEqualTo(Optional.empty());
  }

  @Test
  void build_sectionTitleTooLong_namesTitle() {
    assertInvalid(
        () -> base().section("t".repeat(25), rows("a", 1)).build(),
        "interactive.action.sections[0].title",
        "25 characters");
  }

  @Test
  void build_rowIdTooLong_namesRowId() {
    assertInvalid(
        () ->
            base()
                .section("A", rows("a", 1))
                .section("B", ListRow.of("i".repeat(201), "T"))
                .build(),
        "interactive.action.sections[1].rows[0].id",
        "201 characters");
  }

  @Test
  void build_rowTitleTooLong_namesRowTitle() {
    assertInvalid(
        () -> base().section("A", ListRow.of("a", "A"), ListRow.of("x", "t".repeat(25))).build(),
        "interactive.action.sections[0].rows[1].title",
        "25 characters");
  }

  @Test
  void build_rowDescriptionTooLong_namesRowDescription() {
    assertInvalid(
        () -> base().section("A", ListRow.of("x", "T", "d".repeat(73))).build(),
        "interactive.action.sections[0].rows[0].description",
        "73 characters");
  }

  @Test
  void build_duplicateRowIdAcrossSections_namesTheSecond() {
    assertInvalid(
        () -> base().section("A", rows("r", 2)).section("B", ListRow.of("r1", "Again")).build(),
        "interactive.action.sections[1].rows[0].id",
        "a duplicate of interactive.action.sections[0].rows[1].id");
  }

  @Test
  void build_buttonTooLong_namesActionButton() {
    assertInvalid(
        () -> to().list().body("b").button("b".repeat(21)).section("A", rows("a", 1)).build(),
        "interactive.action.button",
        "21 characters");
  }

  @Test
  void build_noButton_namesActionButton() {
    assertInvalid(
        () -> to().list().body("b").section("A", rows("a", 1)).build(),
        "interactive.action.button",
        "missing");
  }

  @Test
  void build_bodyOverTheStricterLimit_namesBody() {
    var e =
        assertInvalid(
            () ->
                to().list()
                    .body("b".repeat(1025))
                    .button("Open")
                    .section("A", rows("a", 1))
                    .build(),
            "interactive.body.text",
            "1025 characters");
    assertThat(e.limit()).isEqualTo("1 to 1024 characters");
  }

  @Test
  void build_headerTooLong_namesHeaderText() {
    assertInvalid(
        () -> base().header("h".repeat(61)).section("A", rows("a", 1)).build(),
        "interactive.header.text",
        "61 characters");
  }

  @Test
  void toBuilder_roundTrips() {
    ListMessage m = base().header("H").footer("F").section("A", rows("a", 3)).build();

    assertThat(m.toBuilder().build()).isEqualTo(m);
  }
}
