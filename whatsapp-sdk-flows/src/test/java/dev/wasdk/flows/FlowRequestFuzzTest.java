package dev.wasdk.flows;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The request parser either parses or throws {@link FlowDecryptionException}; nothing else. */
class FlowRequestFuzzTest {
  private static final String SAMPLE =
      "{\"version\":\"3.0\",\"action\":\"data_exchange\",\"screen\":\"S\",\"data\":{\"a\":[1,"
          + "{\"b\":\"c\"}],\"error_message\":null},\"flow_token\":\"t\"}";

  private static void parseOrDocumentedFailure(String json) {
    try {
      FlowRequest r = FlowRequest.parse(json);
      assertThat(r.action()).isNotNull();
      r.data().toJson();
    } catch (FlowDecryptionException e) {
      assertThat(e.reason()).isEqualTo(FlowDecryptionException.Reason.MALFORMED_PLAINTEXT);
    }
  }

  @Property(tries = 1000)
  void arbitraryText_onlyDocumentedException(@ForAll String json) {
    parseOrDocumentedFailure(json);
  }

  @Property(tries = 1000)
  void bitFlips_onlyDocumentedException(@ForAll @IntRange(min = 0) int bit) {
    byte[] b = SAMPLE.getBytes(StandardCharsets.UTF_8);
    int i = bit % (b.length * 8);
    b[i / 8] ^= (byte) (1 << (i % 8));
    parseOrDocumentedFailure(new String(b, StandardCharsets.UTF_8));
  }

  @Property(tries = 500)
  void truncations_onlyDocumentedException(@ForAll @IntRange(min = 0) int cut) {
    parseOrDocumentedFailure(SAMPLE.substring(0, cut % SAMPLE.length()));
  }

  @Property(tries = 50)
  void deepNesting_onlyDocumentedException(@ForAll @IntRange(min = 1, max = 5000) int depth) {
    parseOrDocumentedFailure(
        "{\"action\":\"INIT\",\"data\":{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}}");
  }
}
