package dev.wasdk.client;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/** Follows {@code after} cursors lazily: a page is fetched only when its first item is needed. */
final class Pages {
  private Pages() {}

  static <T> Iterable<T> iterable(Function<Optional<String>, Page<T>> fetch) {
    return () -> new ItemIterator<>(fetch);
  }

  static <T> Stream<T> stream(Function<Optional<String>, Page<T>> fetch) {
    return StreamSupport.stream(
        () ->
            Spliterators.spliteratorUnknownSize(
                new ItemIterator<>(fetch), Spliterator.ORDERED | Spliterator.NONNULL),
        Spliterator.ORDERED | Spliterator.NONNULL,
        false);
  }

  private static final class ItemIterator<T> implements Iterator<T> {
    private final Function<Optional<String>, Page<T>> fetch;
    private Iterator<T> current;
    private Page<T> page;

    ItemIterator(Function<Optional<String>, Page<T>> fetch) {
      this.fetch = fetch;
    }

    @Override
    public boolean hasNext() {
      while (current == null || !current.hasNext()) {
        if (page != null && !page.hasNext()) {
          return false;
        }
        page = fetch.apply(page == null ? Optional.empty() : page.after());
        current = page.items().iterator();
      }
      return true;
    }

    @Override
    public T next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      return current.next();
    }
  }
}
