package dev.wasdk.sender;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ConsentStore} in this JVM's memory: the default, lost on restart. */
final class InMemoryConsentStore implements ConsentStore {
  private final ConcurrentHashMap<String, List<ConsentRecord>> histories =
      new ConcurrentHashMap<>();

  @Override
  public void append(String key, ConsentRecord record) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(record, "record");
    histories.compute(
        key,
        (k, old) -> {
          List<ConsentRecord> next = old == null ? new ArrayList<>(2) : new ArrayList<>(old);
          next.add(record);
          return List.copyOf(next);
        });
  }

  @Override
  public List<ConsentRecord> history(String key) {
    Objects.requireNonNull(key, "key");
    return histories.getOrDefault(key, List.of());
  }

  @Override
  public boolean erase(String key) {
    Objects.requireNonNull(key, "key");
    return histories.remove(key) != null;
  }

  int size() {
    return histories.size();
  }

  @Override
  public String toString() {
    return "InMemoryConsentStore[users=" + histories.size() + "]";
  }
}
