package dev.wasdk.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.message.TemplateCategory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link ConsentStore} must have. A store's test extends this class and
 * implements {@link #store()} and {@link #reopen()}; every test here then runs against that store.
 *
 * <p>Keys come from {@link #newKey()}, so the tests may share one store, and one backend.
 */
public abstract class ConsentStoreContract {
  /** The start of every test's timeline. */
  protected static final Instant T0 = Instant.parse("2026-03-01T12:00:00.123456789Z");

  /** Threads in the concurrency tests. */
  protected static final int THREADS = 8;

  /**
   * Returns the store under test: the same instance for every call within one test method.
   *
   * @return the store
   */
  protected abstract ConsentStore store();

  /**
   * Returns a new store instance over the same backing state as {@link #store()}, as a restarted
   * app or a second app instance would build it: same backend, same settings, a fresh connection.
   * Both stay usable together. A store whose state lives in the object itself cannot have one: it
   * aborts the calling test with a JUnit assumption that says why.
   *
   * @return a second store over the same state
   */
  protected abstract ConsentStore reopen();

  /**
   * Returns the service-window store of the same backend as {@link #store()}, the one a sender
   * would use with it: the same instance for every call within one test method. {@link
   * ConsentStore#read} is checked against it.
   *
   * @return the window store
   */
  protected abstract ServiceWindowStore windows();

  /**
   * Returns a key no other test uses.
   *
   * @return the key
   */
  protected String newKey() {
    return "consent-" + UUID.randomUUID();
  }

  private static ConsentRecord optIn(int i) {
    return ConsentRecord.optIn(
        TemplateCategory.MARKETING,
        ConsentSource.API,
        "signup form " + i,
        "wamid.in" + i,
        T0.plusSeconds(i));
  }

  private static ConsentRecord optOut(int i) {
    return ConsentRecord.optOut(
        ConsentSource.KEYWORD, "STOP", "wamid.out" + i, T0.plusSeconds(i).plusNanos(1));
  }

  @Test
  void history_unknownKey_isEmpty() {
    assertThat(store().history(newKey())).isEmpty();
  }

  @Test
  void erase_unknownKey_returnsFalse() {
    assertThat(store().erase(newKey())).isFalse();
  }

  @Test
  void append_oneRecord_historyHoldsItExactly() {
    String key = newKey();
    ConsentRecord r = optIn(1);

    store().append(key, r);

    assertThat(store().history(key)).containsExactly(r);
  }

  @Test
  void append_severalRecords_historyOldestFirst() {
    String key = newKey();
    List<ConsentRecord> records = List.of(optIn(1), optOut(2), optIn(3), optOut(4));

    records.forEach(r -> store().append(key, r));

    assertThat(store().history(key)).containsExactlyElementsOf(records);
  }

  @Test
  void append_recordsOutOfTimeOrder_keepsTheOrderOfAppending() {
    String key = newKey();
    ConsentRecord late = optOut(10);
    ConsentRecord early = optIn(1);

    store().append(key, late);
    store().append(key, early);

    assertThat(store().history(key)).containsExactly(late, early);
  }

  @Test
  void append_everyKindSourceAndCategory_roundTripsEveryField() {
    String key = newKey();
    List<ConsentRecord> records = new ArrayList<>();
    int i = 0;
    for (ConsentSource source : ConsentSource.values()) {
      for (TemplateCategory category : TemplateCategory.values()) {
        records.add(
            new ConsentRecord(
                i % 2 == 0 ? ConsentRecord.Kind.OPT_IN : ConsentRecord.Kind.OPT_OUT,
                category,
                source,
                "note " + i,
                i % 3 == 0 ? Optional.empty() : Optional.of("wamid.HBgL" + i),
                T0.plusNanos(i)));
        i++;
      }
    }

    records.forEach(r -> store().append(key, r));

    assertThat(store().history(key)).containsExactlyElementsOf(records);
  }

  @Test
  void append_awkwardText_roundTripsUnchanged() {
    String key = newKey();
    ConsentRecord r =
        new ConsentRecord(
            ConsentRecord.Kind.OPT_OUT,
            TemplateCategory.MARKETING,
            ConsentSource.BUSINESS,
            "a|b\tc\nd%20e \"quoted\" ' ; -- ÄÖ ✓ 日本 😀",
            Optional.of("id|with%odd\nchars"),
            Instant.parse("1999-12-31T23:59:59.999999999Z"));
    ConsentRecord empty =
        new ConsentRecord(
            ConsentRecord.Kind.OPT_IN,
            TemplateCategory.UTILITY,
            ConsentSource.API,
            "",
            Optional.of(""),
            Instant.EPOCH);

    store().append(key, r);
    store().append(key, empty);

    assertThat(store().history(key)).containsExactly(r, empty);
  }

  @Test
  void append_toOneKey_leavesOtherKeysAlone() {
    String a = newKey();
    String b = newKey();

    store().append(a, optIn(1));

    assertThat(store().history(b)).isEmpty();
  }

  @Test
  void append_manyThreadsOneKey_keepsEveryRecordInEachThreadsOrder() throws Exception {
    String key = newKey();
    int perThread = 25;

    StoreContractSupport.onManyThreads(
        THREADS,
        thread -> {
          for (int i = 0; i < perThread; i++) {
            store()
                .append(
                    key,
                    ConsentRecord.optIn(
                        TemplateCategory.MARKETING,
                        ConsentSource.API,
                        "t" + thread,
                        "m" + i,
                        T0.plusSeconds(i)));
          }
          return null;
        });

    List<ConsentRecord> history = store().history(key);
    assertThat(history).hasSize(THREADS * perThread).doesNotHaveDuplicates();
    for (int thread = 0; thread < THREADS; thread++) {
      String detail = "t" + thread;
      List<String> evidence =
          history.stream()
              .filter(r -> r.detail().equals(detail))
              .map(r -> r.evidence().orElseThrow())
              .toList();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < perThread; i++) {
        expected.add("m" + i);
      }
      assertThat(evidence).as("records of thread %d", thread).isEqualTo(expected);
    }
    assertThat(store().history(key)).as("a second read").isEqualTo(history);
  }

  @Test
  void erase_existingHistory_returnsTrueAndRemovesIt() {
    String key = newKey();
    String other = newKey();
    store().append(key, optIn(1));
    store().append(key, optOut(2));
    store().append(other, optIn(3));

    assertThat(store().erase(key)).isTrue();

    assertThat(store().history(key)).isEmpty();
    assertThat(store().erase(key)).isFalse();
    assertThat(store().history(other)).containsExactly(optIn(3));
  }

  @Test
  void append_afterErase_startsAFreshHistory() {
    String key = newKey();
    store().append(key, optIn(1));
    store().erase(key);

    store().append(key, optOut(2));

    assertThat(store().history(key)).containsExactly(optOut(2));
  }

  @Test
  void append_nullArguments_throwNullPointerException() {
    assertThatThrownBy(() -> store().append(null, optIn(1)))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store().append(newKey(), null))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store().history(null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> store().erase(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void reopen_afterAppends_seesTheWholeHistory() {
    String key = newKey();
    store().append(key, optIn(1));
    store().append(key, optOut(2));

    ConsentStore restarted = reopen();

    assertThat(restarted.history(key)).containsExactly(optIn(1), optOut(2));
  }

  @Test
  void reopen_twoInstancesAtOnce_seeEachOthersWrites() {
    String key = newKey();
    ConsentStore a = store();
    ConsentStore b = reopen();

    a.append(key, optIn(1));
    b.append(key, optOut(2));
    a.append(key, optIn(3));

    assertThat(a.history(key)).containsExactly(optIn(1), optOut(2), optIn(3));
    assertThat(b.history(key)).containsExactly(optIn(1), optOut(2), optIn(3));
    assertThat(b.erase(key)).isTrue();
    assertThat(a.history(key)).isEmpty();
  }

  @Test
  void read_unknownKey_hasNoHistoryAndNoInbound() {
    ConsentStore.UserState s = store().read(newKey(), windows());

    assertThat(s.history()).isEmpty();
    assertThat(s.lastInbound()).isEmpty();
  }

  @Test
  void read_historyAndWindow_returnsWhatTheTwoReadsReturn() {
    String key = newKey();
    store().append(key, optIn(1));
    store().append(key, optOut(2));
    Instant inbound = T0.plusSeconds(30).plusNanos(7);
    windows().recordInbound(key, inbound);

    ConsentStore.UserState s = store().read(key, windows());

    assertThat(s.history()).containsExactly(optIn(1), optOut(2));
    assertThat(s.lastInbound()).contains(inbound);
    assertThat(s.history()).isEqualTo(store().history(key));
    assertThat(s.lastInbound()).isEqualTo(windows().lastInbound(key));
  }

  @Test
  void read_historyWithoutWindow_returnsTheHistoryAlone() {
    String key = newKey();
    store().append(key, optIn(1));

    ConsentStore.UserState s = store().read(key, windows());

    assertThat(s.history()).containsExactly(optIn(1));
    assertThat(s.lastInbound()).isEmpty();
  }

  @Test
  void read_windowWithoutHistory_returnsTheWindowAlone() {
    String key = newKey();
    windows().recordInbound(key, T0);

    ConsentStore.UserState s = store().read(key, windows());

    assertThat(s.history()).isEmpty();
    assertThat(s.lastInbound()).contains(T0);
  }

  @Test
  void read_windowMarkedClosed_hasNoInbound() {
    String key = newKey();
    store().append(key, optIn(1));
    windows().recordInbound(key, T0);
    windows().markClosed(key, T0);

    ConsentStore.UserState s = store().read(key, windows());

    assertThat(s.history()).containsExactly(optIn(1));
    assertThat(s.lastInbound()).isEmpty();
  }

  @Test
  void read_aWindowStoreOfAnotherBackend_readsEachFromItsOwnStore() {
    String key = newKey();
    store().append(key, optIn(1));
    ServiceWindowStore other = ServiceWindowStore.inMemory();
    other.recordInbound(key, T0.plusSeconds(5));
    windows().recordInbound(key, T0); // in the backend's own store, which must not be read

    ConsentStore.UserState s = store().read(key, other);

    assertThat(s.history()).containsExactly(optIn(1));
    assertThat(s.lastInbound()).contains(T0.plusSeconds(5));
  }

  @Test
  void read_erased_hasNoHistory() {
    String key = newKey();
    store().append(key, optIn(1));
    store().erase(key);

    assertThat(store().read(key, windows()).history()).isEmpty();
  }
}
