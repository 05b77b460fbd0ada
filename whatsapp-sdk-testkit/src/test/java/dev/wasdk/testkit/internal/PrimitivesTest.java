package dev.wasdk.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The simulator's small building blocks. */
class PrimitivesTest {

  @Test
  void hmac_rfc4231Case2_knownAnswer() {
    Hmac hmac = new Hmac("Jefe");

    String sig = hmac.sign("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8));

    assertThat(sig)
        .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    assertThat(hmac.toString()).doesNotContain("Jefe");
  }

  @Test
  void tokenBucket_burstThenExactRefill() {
    TokenBucket b = new TokenBucket(2, 6_000_000_000L, 0);

    assertThat(b.tryTake(0)).isTrue();
    assertThat(b.tryTake(0)).isTrue();
    assertThat(b.tryTake(0)).isFalse();
    assertThat(b.tryTake(5_999)).isFalse();
    assertThat(b.tryTake(6_000)).isTrue();
    assertThat(b.isFull(18_000)).isTrue();
  }

  @Test
  void tokenBucket_perSecond_neverAboveCapacity() {
    TokenBucket b = TokenBucket.perSecond(80, 0);
    int taken = 0;
    while (b.tryTake(1_000_000)) {
      taken++;
    }
    assertThat(taken).isEqualTo(80);
    assertThat(b.tryTake(1_000_012)).isFalse();
    assertThat(b.tryTake(1_000_013)).isTrue();
  }

  @Test
  void uniqueUserWindow_limitRepeatUsersFreeAndRolling() {
    UniqueUserWindow w = new UniqueUserWindow(1000);

    assertThat(w.admit("a", 0, 2)).isTrue();
    assertThat(w.admit("b", 10, 2)).isTrue();
    assertThat(w.admit("a", 20, 2)).isTrue();
    assertThat(w.admit("c", 30, 2)).isFalse();
    assertThat(w.admit("c", 1010, 2)).isTrue();
    assertThat(w.size(1010)).isEqualTo(2);
    assertThat(w.admit("d", 1010, -1)).isTrue();
  }

  @Test
  void boundedLog_keepsNewest() {
    BoundedLog<Integer> log = new BoundedLog<>(3);
    for (int i = 0; i < 5; i++) {
      log.add(i);
    }
    assertThat(log.snapshot()).containsExactly(2, 3, 4);
    log.clear();
    assertThat(log.snapshot()).isEmpty();
    BoundedLog<Integer> none = new BoundedLog<>(0);
    none.add(1);
    assertThat(none.snapshot()).isEmpty();
  }

  @Test
  void faultQueue_timesAreConsumedAndMessagesOnlyRespected() {
    FaultQueue q = new FaultQueue(new Random(1));
    FaultQueue.Spec spec = new FaultQueue.Spec(FaultQueue.Kind.ERROR, 0, 500, 131000);
    q.add(spec, 2, 0, true);

    assertThat(q.next(false)).isNull();
    assertThat(q.next(true)).isSameAs(spec);
    assertThat(q.next(true)).isSameAs(spec);
    assertThat(q.next(true)).isNull();
  }

  @Test
  void ids_wamidDecodesToUserDigits_numericIdsAndTraceIds() {
    String wamid = Ids.wamid("16505551234", false);

    assertThat(wamid).startsWith("wamid.HBgL");
    String decoded =
        new String(Base64.getDecoder().decode(wamid.substring(6)), StandardCharsets.ISO_8859_1);
    assertThat(decoded).contains("16505551234");
    assertThat(Ids.numeric()).matches("[1-9]\\d{15}");
    assertThat(Ids.fbtraceId()).matches("[A-Za-z0-9_-]{23}");
    assertThat(Ids.wamid("16505551234", true)).isNotEqualTo(Ids.wamid("16505551234", true));
  }

  @Test
  void errorCatalog_knownAndUnknownCodes() {
    assertThat(ErrorCatalog.entry(131047).title()).isEqualTo("Re-engagement message");
    assertThat(ErrorCatalog.entry(132001).httpStatus()).isEqualTo(404);
    assertThat(ErrorCatalog.knows(999_999)).isFalse();
    assertThat(ErrorCatalog.entry(999_999).httpStatus()).isEqualTo(400);
  }

  @Test
  void graphError_envelopeWithDetailsAndTrace() {
    byte[] json = GraphErrorException.of(131056, null).toJson("TRACE");

    var node = JsonIo.MAPPER.readTree(json).path("error");
    assertThat(node.path("message").asString())
        .isEqualTo("(#131056) (Business Account, Consumer Account) pair rate limit hit");
    assertThat(node.path("code").asInt()).isEqualTo(131056);
    assertThat(node.path("error_data").path("details").asString()).isNotBlank();
    assertThat(node.path("fbtrace_id").asString()).isEqualTo("TRACE");
  }
}
