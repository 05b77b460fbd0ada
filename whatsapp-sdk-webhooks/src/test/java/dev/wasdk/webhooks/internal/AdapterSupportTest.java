package dev.wasdk.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AdapterSupportTest {
  @Test
  void parse_encodedPairs_decodedAndFirstValueWins() {
    assertThat(QueryString.parse("hub.mode=subscribe&hub.verify_token=a%20b%2Bc&x=1&x=2&flag"))
        .containsEntry("hub.mode", "subscribe")
        .containsEntry("hub.verify_token", "a b+c")
        .containsEntry("x", "1")
        .containsEntry("flag", "");
  }

  @Test
  void parse_badEscape_skipsOnlyThatPair() {
    assertThat(QueryString.parse("a=%zz&b=2&&")).doesNotContainKey("a").containsEntry("b", "2");
    assertThat(QueryString.parse(null)).isEmpty();
    assertThat(QueryString.parse("")).isEmpty();
  }

  @Test
  void read_bodyOverLimit_stopsOneBytePastIt() throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[100]);
    assertThat(BoundedBody.read(in, -1, 10)).hasSize(11);
    assertThat(in.available()).isEqualTo(89);
  }

  @Test
  void read_bodyWithinLimit_readsAll() throws IOException {
    assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[10]), 10, 10)).hasSize(10);
  }

  @Test
  void read_declaredLengthOverLimit_readsNothing() throws IOException {
    ByteArrayInputStream in = new ByteArrayInputStream(new byte[100]);
    assertThat(BoundedBody.read(in, 100, 10)).isEmpty();
    assertThat(in.available()).isEqualTo(100);
  }

  @Test
  void parseLength_values() {
    assertThat(BoundedBody.parseLength(" 42 ")).isEqualTo(42);
    assertThat(BoundedBody.parseLength(null)).isEqualTo(-1);
    assertThat(BoundedBody.parseLength("lots")).isEqualTo(-1);
    assertThat(BoundedBody.parseLength("-7")).isEqualTo(-1);
  }
}
