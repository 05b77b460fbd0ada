package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a Graph list, with the cursors that lead to its neighbours.
 *
 * <p>Most callers use the lazy {@code stream(...)} or {@code iterable(...)} methods of the APIs,
 * which follow the {@code after} cursor page by page. Cursors are opaque and short-lived; an
 * expired or foreign cursor fails (for templates with error 131059): list again from the start.
 *
 * <p>Immutable and thread-safe.
 *
 * @param items the items of this page, in Meta's order
 * @param before the cursor of the previous page, when Meta gave one
 * @param after the cursor of the next page, when there is one
 * @param <T> the item type
 */
public record Page<T>(List<T> items, Optional<String> before, Optional<String> after) {
  /** Copies the items and checks that nothing is null. */
  public Page {
    items = List.copyOf(items);
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
  }

  /**
   * Returns whether a next page may exist. Meta sometimes returns an {@code after} cursor on the
   * last page; the next call then returns an empty page, which ends iteration.
   */
  public boolean hasNext() {
    return after.isPresent() && !items.isEmpty();
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
