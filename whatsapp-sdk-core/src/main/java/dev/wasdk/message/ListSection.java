package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A section of a {@link ListMessage}: an optional title and its rows. A title is required when the
 * message has more than one section; this is checked when the message is built.
 *
 * @param title the title, 1 to {@value Limits#LIST_SECTION_TITLE_MAX} characters, if any
 * @param rows the rows
 */
public record ListSection(Optional<String> title, List<ListRow> rows) {
  /** Copies the list. */
  public ListSection {
    Objects.requireNonNull(title, "title");
    rows = List.copyOf(rows);
  }

  /**
   * Returns a titled section.
   *
   * @param title the title
   * @param rows the rows
   * @return the section
   */
  public static ListSection of(String title, ListRow... rows) {
    return new ListSection(Optional.of(title), List.of(rows));
  }

  /**
   * Returns a section without a title, which is allowed only when it is the message's one section.
   *
   * @param rows the rows
   * @return the section
   */
  public static ListSection untitled(ListRow... rows) {
    return new ListSection(Optional.empty(), List.of(rows));
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
