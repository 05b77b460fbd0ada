package dev.wasdk.sender;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link RecipientIdStore} in this JVM's memory: the default, lost on restart. */
final class InMemoryRecipientIdStore implements RecipientIdStore {
  private final ConcurrentHashMap<String, String> canonicalOf = new ConcurrentHashMap<>();

  @Override
  public void put(String dialled, String canonical) {
    Objects.requireNonNull(dialled, "dialled");
    Objects.requireNonNull(canonical, "canonical");
    canonicalOf.put(dialled, canonical);
  }

  @Override
  public Optional<String> canonical(String dialled) {
    Objects.requireNonNull(dialled, "dialled");
    return Optional.ofNullable(canonicalOf.get(dialled));
  }

  @Override
  public boolean erase(String canonical) {
    Objects.requireNonNull(canonical, "canonical");
    boolean self = canonicalOf.remove(canonical) != null;
    boolean others = canonicalOf.values().removeIf(canonical::equals);
    return self || others;
  }

  @Override
  public String toString() {
    return "InMemoryRecipientIdStore[numbers=" + canonicalOf.size() + "]";
  }
}
