package dev.wasdk.message;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.internal.text.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A list message ({@code interactive.type: list}): a body and a button that opens a menu of up to
 * {@value Limits#LIST_ROWS_MAX} rows in up to {@value Limits#LIST_SECTIONS_MAX} sections, with an
 * optional text header and footer.
 *
 * <p>Rules checked when it is built: at least one row in every section and at most {@value
 * Limits#LIST_ROWS_MAX} in all; unique row ids across sections; a title on every section when there
 * is more than one; the body at most {@value Limits#LIST_BODY_MAX} characters (see {@link
 * Limits#LIST_BODY_MAX} for why not 4,096).
 *
 * <pre>{@code
 * Message.to("+16505551234").list()
 *     .body("Which slot suits you?")
 *     .button("Pick a slot")
 *     .section("Morning", ListRow.of("am-9", "9:00"), ListRow.of("am-10", "10:00"))
 *     .section("Afternoon", ListRow.of("pm-2", "14:00", "Quietest time"))
 *     .build();
 * }</pre>
 *
 * @param envelope the recipient and common options
 * @param header the header text, 1 to {@value Limits#INTERACTIVE_HEADER_TEXT_MAX} characters, if
 *     any
 * @param body the body text, 1 to {@value Limits#LIST_BODY_MAX} characters
 * @param footer the footer text, 1 to {@value Limits#INTERACTIVE_FOOTER_MAX} characters, if any
 * @param button the label of the button that opens the list, 1 to {@value Limits#LIST_BUTTON_MAX}
 *     characters
 * @param sections the sections, 1 to {@value Limits#LIST_SECTIONS_MAX}
 */
public record ListMessage(
    Envelope envelope,
    Optional<String> header,
    String body,
    Optional<String> footer,
    String button,
    List<ListSection> sections)
    implements InteractiveMessage {

  /** Checks the limits and copies the list; see the component descriptions. */
  public ListMessage {
    Objects.requireNonNull(envelope, "envelope");
    Validation.optionalText("interactive.header.text", header, Limits.INTERACTIVE_HEADER_TEXT_MAX);
    Validation.text("interactive.body.text", body, 1, Limits.LIST_BODY_MAX);
    Validation.optionalText("interactive.footer.text", footer, Limits.INTERACTIVE_FOOTER_MAX);
    Validation.text("interactive.action.button", button, 1, Limits.LIST_BUTTON_MAX);
    sections = List.copyOf(sections);
    checkSections(sections);
  }

  private static void checkSections(List<ListSection> sections) {
    String path = "interactive.action.sections";
    Validation.items(path, sections, 1, Limits.LIST_SECTIONS_MAX);
    int total = sections.stream().mapToInt(s -> s.rows().size()).sum();
    List<ListRow> all = new ArrayList<>();
    List<String> allPaths = new ArrayList<>();
    for (int s = 0; s < sections.size(); s++) {
      ListSection section = sections.get(s);
      String at = path + "[" + s + "]";
      if (section.title().isPresent()) {
        Validation.text(at + ".title", section.title().get(), 1, Limits.LIST_SECTION_TITLE_MAX);
      } else if (sections.size() > 1) {
        throw new InvalidMessageException(
            at + ".title", "present when there is more than one section", "missing");
      }
      if (section.rows().isEmpty()) {
        throw new InvalidMessageException(at + ".rows", "at least 1 row", "0 rows");
      }
      for (int r = 0; r < section.rows().size(); r++) {
        String rowPath = at + ".rows[" + r + "]";
        if (all.size() == Limits.LIST_ROWS_MAX) {
          throw new InvalidMessageException(
              rowPath,
              "at most " + Limits.LIST_ROWS_MAX + " rows in all sections",
              total + " rows");
        }
        ListRow row = section.rows().get(r);
        Validation.text(rowPath + ".id", row.id(), 1, Limits.LIST_ROW_ID_MAX);
        Validation.text(rowPath + ".title", row.title(), 1, Limits.LIST_ROW_TITLE_MAX);
        Validation.optionalText(
            rowPath + ".description", row.description(), Limits.LIST_ROW_DESCRIPTION_MAX);
        int first = indexOfId(all, row.id());
        if (first >= 0) {
          throw new InvalidMessageException(
              rowPath + ".id",
              "unique among the row ids of all sections",
              "a duplicate of " + allPaths.get(first) + ".id");
        }
        all.add(row);
        allPaths.add(rowPath);
      }
    }
  }

  private static int indexOfId(List<ListRow> rows, String id) {
    for (int i = 0; i < rows.size(); i++) {
      if (rows.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  static Builder builder(Envelope envelope) {
    return new Builder(envelope);
  }

  /** Returns a builder holding this message's values. */
  public Builder toBuilder() {
    Builder b = new Builder(envelope);
    b.header = header.orElse(null);
    b.body = body;
    b.footer = footer.orElse(null);
    b.button = button;
    b.sections.addAll(sections);
    return b;
  }

  /** Builds a {@link ListMessage}; {@link #build()} checks every limit. Not thread-safe. */
  public static final class Builder extends SectionListBuilder<Builder, ListSection> {
    private final Envelope envelope;
    private String button;

    private Builder(Envelope envelope) {
      this.envelope = envelope;
    }

    /**
     * Sets the label of the button that opens the list (required).
     *
     * @param button the label, 1 to {@value Limits#LIST_BUTTON_MAX} characters
     * @return this builder
     */
    public Builder button(String button) {
      this.button = Objects.requireNonNull(button, "button");
      return this;
    }

    /**
     * Adds a titled section.
     *
     * @param title the title, 1 to {@value Limits#LIST_SECTION_TITLE_MAX} characters
     * @param rows the section's rows
     * @return this builder
     */
    public Builder section(String title, ListRow... rows) {
      return section(ListSection.of(title, rows));
    }

    /**
     * Builds the message.
     *
     * @return the message
     * @throws dev.wasdk.error.InvalidMessageException if a documented limit is broken
     */
    public ListMessage build() {
      return new ListMessage(
          envelope,
          Optional.ofNullable(header),
          body,
          Optional.ofNullable(footer),
          button,
          sections);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
