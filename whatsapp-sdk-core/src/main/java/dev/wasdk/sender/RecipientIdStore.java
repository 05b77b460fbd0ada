package dev.wasdk.sender;

import java.util.Optional;

/**
 * The storage behind recipient identity: which WhatsApp id ({@code wa_id}) each dialled number
 * belongs to. In some countries the {@code wa_id} differs from the number a business dials (in
 * Brazil the mobile 9 after the area code, in Mexico the 1 after 52). Meta reports the canonical id
 * in each send response's {@code contacts[].wa_id}; the sender keeps it here, so consent, windows
 * and limits key by one id, whichever form a number arrives in.
 *
 * <p>Keys and values are opaque pseudonyms that the sender derives with a keyed hash, never phone
 * numbers. Implementations must be thread-safe and each call atomic. A store that cannot reach its
 * backend throws an unchecked exception; the sender then uses the dialled form. Every
 * implementation passes the same contract suite ({@code RecipientIdStoreContract} in the core
 * test-jar).
 */
public interface RecipientIdStore {

  /**
   * Returns a new store that keeps its state in this JVM's memory: the default, right for one app
   * instance whose state may be lost on restart.
   *
   * @return a new, empty store
   */
  static RecipientIdStore inMemory() {
    return new InMemoryRecipientIdStore();
  }

  /**
   * Records that {@code dialled} belongs to {@code canonical}, replacing an earlier mapping.
   *
   * @param dialled the pseudonym of the number as dialled
   * @param canonical the pseudonym of its {@code wa_id}
   */
  void put(String dialled, String canonical);

  /**
   * Returns the canonical id of {@code dialled}, if known.
   *
   * @param dialled the pseudonym of the number as dialled
   * @return the pseudonym of its {@code wa_id}
   */
  Optional<String> canonical(String dialled);

  /**
   * Removes every mapping from or to {@code canonical}.
   *
   * @param canonical the pseudonym of a {@code wa_id}
   * @return whether there was anything to remove
   */
  boolean erase(String canonical);
}
