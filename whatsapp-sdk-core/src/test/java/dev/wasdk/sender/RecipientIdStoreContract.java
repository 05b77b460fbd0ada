package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link RecipientIdStore} must have. A store's test extends this class and
 * implements {@link #store()} and {@link #reopen()}; every test here then runs against that store.
 *
 * <p>Keys come from {@link #newKey(String)}, so the tests may share one store, and one backend.
 */
public abstract class RecipientIdStoreContract {
  /** Threads in the concurrency tests. */
  protected static final int THREADS = 8;

  /**
   * Returns the store under test: the same instance for every call within one test method.
   *
   * @return the store
   */
  protected abstract RecipientIdStore store();

  /**
   * Returns a new store instance over the same backing state as {@link #store()}, as a restarted
   * app or a second app instance would build it. Both stay usable together. A store whose state
   * lives in the object itself cannot have one: it aborts the calling test with a JUnit assumption
   * that says why.
   *
   * @return a second store over the same state
   */
  protected abstract RecipientIdStore reopen();

  /**
   * Returns a key no other test uses.
   *
   * @param kind a readable prefix
   * @return the key
   */
  protected String newKey(String kind) {
    return kind + "-" + UUID.randomUUID();
  }

  @Test
  void canonical_unknownNumber_isEmpty() {
    assertThat(store().canonical(newKey("dialled"))).isEmpty();
  }

  @Test
  void put_thenCanonical_returnsTheMapping() {
    String dialled = newKey("dialled");
    String canonical = newKey("wa");

    store().put(dialled, canonical);

    assertThat(store().canonical(dialled)).contains(canonical);
    assertThat(store().canonical(canonical)).isEmpty();
  }

  @Test
  void put_again_replacesTheMapping() {
    String dialled = newKey("dialled");
    String first = newKey("wa");
    String second = newKey("wa");
    store().put(dialled, first);

    store().put(dialled, second);

    assertThat(store().canonical(dialled)).contains(second);
  }

  @Test
  void put_sameMappingTwice_isKept() {
    String dialled = newKey("dialled");
    String canonical = newKey("wa");
    store().put(dialled, canonical);

    store().put(dialled, canonical);

    assertThat(store().canonical(dialled)).contains(canonical);
    assertThat(store().erase(canonical)).isTrue();
    assertThat(store().canonical(dialled)).isEmpty();
  }

  @Test
  void erase_canonicalWithSeveralDialledForms_removesEveryOne() {
    String canonical = newKey("wa");
    String withNine = newKey("dialled");
    String withoutNine = newKey("dialled");
    String unrelated = newKey("dialled");
    String otherCanonical = newKey("wa");
    store().put(withNine, canonical);
    store().put(withoutNine, canonical);
    store().put(unrelated, otherCanonical);

    assertThat(store().erase(canonical)).isTrue();

    assertThat(store().canonical(withNine)).isEmpty();
    assertThat(store().canonical(withoutNine)).isEmpty();
    assertThat(store().canonical(unrelated)).contains(otherCanonical);
    assertThat(store().erase(canonical)).isFalse();
  }

  @Test
  void erase_canonicalThatMapsToItself_removesThatToo() {
    String canonical = newKey("wa");
    String dialled = newKey("dialled");
    store().put(canonical, canonical);
    store().put(dialled, canonical);

    assertThat(store().erase(canonical)).isTrue();

    assertThat(store().canonical(canonical)).isEmpty();
    assertThat(store().canonical(dialled)).isEmpty();
  }

  @Test
  void erase_keyUsedAsDialledForm_removesItsOwnMapping() {
    String key = newKey("both");
    String canonical = newKey("wa");
    store().put(key, canonical);

    assertThat(store().erase(key)).isTrue();

    assertThat(store().canonical(key)).isEmpty();
  }

  @Test
  void erase_formerCanonicalAfterRemapping_leavesTheNewMappingAlone() {
    String dialled = newKey("dialled");
    String former = newKey("wa");
    String current = newKey("wa");
    store().put(dialled, former);
    store().put(dialled, current);

    assertThat(store().erase(former)).isFalse();

    assertThat(store().canonical(dialled)).contains(current);
    assertThat(store().erase(current)).isTrue();
    assertThat(store().canonical(dialled)).isEmpty();
  }

  @Test
  void erase_unknown_returnsFalse() {
    assertThat(store().erase(newKey("wa"))).isFalse();
  }

  @Test
  void put_manyThreads_keepsEveryMapping() throws Exception {
    String canonical = newKey("wa");
    String prefix = newKey("dialled");
    int perThread = 20;

    StoreContractSupport.onManyThreads(
        THREADS,
        thread -> {
          for (int i = 0; i < perThread; i++) {
            store().put(prefix + "-" + thread + "-" + i, canonical);
          }
          return null;
        });

    for (int thread = 0; thread < THREADS; thread++) {
      for (int i = 0; i < perThread; i++) {
        assertThat(store().canonical(prefix + "-" + thread + "-" + i)).contains(canonical);
      }
    }
    assertThat(store().erase(canonical)).isTrue();
    for (int thread = 0; thread < THREADS; thread++) {
      for (int i = 0; i < perThread; i++) {
        assertThat(store().canonical(prefix + "-" + thread + "-" + i)).isEmpty();
      }
    }
  }

  @Test
  void calls_nullArguments_throwNullPointerException() {
    assertThatThrownBy(() -> store().put(null, "x")).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store().put("x", null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store().canonical(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store().erase(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void reopen_afterPut_seesTheMapping() {
    String dialled = newKey("dialled");
    String canonical = newKey("wa");
    store().put(dialled, canonical);

    RecipientIdStore restarted = reopen();

    assertThat(restarted.canonical(dialled)).contains(canonical);
    assertThat(restarted.erase(canonical)).isTrue();
    assertThat(store().canonical(dialled)).isEmpty();
  }

  @Test
  void reopen_twoInstancesAtOnce_seeEachOthersWrites() {
    String canonical = newKey("wa");
    String one = newKey("dialled");
    String two = newKey("dialled");
    RecipientIdStore a = store();
    RecipientIdStore b = reopen();

    a.put(one, canonical);
    b.put(two, canonical);

    assertThat(b.canonical(one)).contains(canonical);
    assertThat(a.canonical(two)).contains(canonical);
    assertThat(b.erase(canonical)).isTrue();
    assertThat(a.canonical(one)).isEmpty();
    assertThat(a.canonical(two)).isEmpty();
  }
}
