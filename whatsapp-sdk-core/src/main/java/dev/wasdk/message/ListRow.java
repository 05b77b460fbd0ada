package dev.wasdk.message;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * A row of a {@link ListMessage} section: the choice the user can pick. When picked, the inbound
 * webhook carries its id, title and description.
 *
 * <p>The limits (id {@value Limits#LIST_ROW_ID_MAX} characters and unique in the message, title
 * {@value Limits#LIST_ROW_TITLE_MAX}, description {@value Limits#LIST_ROW_DESCRIPTION_MAX}) are
 * checked when the message is built, so the error names the row's place, such as {@code
 * interactive.action.sections[1].rows[0].title}.
 *
 * @param id the id sent back when the row is picked
 * @param title the row's title
 * @param description the row's description, if any
 */
public record ListRow(String id, String title, Optional<String> description) {
  /** Checks the arguments. */
  public ListRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(description, "description");
  }

  /**
   * Returns a row without a description.
   *
   * @param id the id sent back when the row is picked
   * @param title the row's title
   * @return the row
   */
  public static ListRow of(String id, String title) {
    return new ListRow(id, title, Optional.empty());
  }

  /**
   * Returns a row with a description.
   *
   * @param id the id sent back when the row is picked
   * @param title the row's title
   * @param description the row's description
   * @return the row
   */
  public static ListRow of(String id, String title, String description) {
    return new ListRow(id, title, Optional.of(description));
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
