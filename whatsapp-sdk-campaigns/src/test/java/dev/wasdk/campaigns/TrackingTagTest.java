package dev.wasdk.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.message.Limits;
import org.junit.jupiter.api.Test;

class TrackingTagTest {

  @Test
  void encode_decode_roundTrips() {
    TrackingTag tag = TrackingTag.of("spring-sale_2026", "B", 1_234_567L);
    String data = tag.encode();
    assertThat(data).startsWith("wc1.spring-sale_2026.B.").hasSize(data.length());
    assertThat(TrackingTag.decode(data)).contains(tag);
    assertThat(TrackingTag.parse(data)).isEqualTo(tag);
  }

  @Test
  void encode_longestTag_fitsMetaLimit() {
    TrackingTag tag = TrackingTag.of("c".repeat(64), "v".repeat(16), Long.MAX_VALUE);
    assertThat(tag.encode().length())
        .isLessThanOrEqualTo(108)
        .isLessThan(Limits.BIZ_OPAQUE_CALLBACK_DATA_MAX);
    assertThat(TrackingTag.decode(tag.encode())).contains(tag);
  }

  @Test
  void decode_foreignData_isEmpty() {
    assertThat(TrackingTag.decode(null)).isEmpty();
    assertThat(TrackingTag.decode("")).isEmpty();
    assertThat(TrackingTag.decode("order-1234")).isEmpty();
    assertThat(TrackingTag.decode("wc2.a.b.1.000000")).isEmpty();
    assertThat(TrackingTag.decode("wc1.")).isEmpty();
  }

  @Test
  void decode_garbledData_isEmpty() {
    String data = TrackingTag.of("sale", "A", 42).encode();
    // another recipient index with the old check
    String otherIndex = data.replace(".A.16.", ".A.17.");
    assertThat(otherIndex).isNotEqualTo(data);
    assertThat(TrackingTag.decode(otherIndex)).isEmpty();
    assertThat(TrackingTag.decode(data.substring(0, data.length() - 1))).isEmpty();
    assertThat(TrackingTag.decode(data + "0")).isEmpty();
    assertThatThrownBy(() -> TrackingTag.parse(otherIndex))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a campaign tracking tag");
  }

  @Test
  void of_badIds_areRefusedClearly() {
    assertThatThrownBy(() -> TrackingTag.of("", "A", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("campaignId must be 1 to 64");
    assertThatThrownBy(() -> TrackingTag.of("a.b", "A", 1)).hasMessageContaining("campaignId");
    assertThatThrownBy(() -> TrackingTag.of("a", "v".repeat(17), 1))
        .hasMessageContaining("variant must be 1 to 16");
    assertThatThrownBy(() -> TrackingTag.of("a", "A", -1)).hasMessageContaining("index");
  }

  @Test
  void failureAdvice_knownCodes() {
    assertThat(FailureAdvice.of(131049)).isEqualTo(FailureAdvice.LATER);
    assertThat(FailureAdvice.of(131026)).isEqualTo(FailureAdvice.NOT_REACHABLE);
    assertThat(FailureAdvice.of(131050)).isEqualTo(FailureAdvice.STOP);
    assertThat(FailureAdvice.of(132001)).isEqualTo(FailureAdvice.DO_NOT_RETRY);
  }
}
