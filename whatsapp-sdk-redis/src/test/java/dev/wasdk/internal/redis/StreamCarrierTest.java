package dev.wasdk.internal.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamCarrierTest {
  private static final String TRACEPARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @Test
  void encode_thenDecode_roundTripsUnderThePrefix() {
    Map<String, String> carrier = Map.of("traceparent", TRACEPARENT, "tracestate", "wasdk=1");

    List<String> kv = StreamCarrier.encode(carrier);

    assertThat(entry(kv))
        .isEqualTo(Map.of("ctx.traceparent", TRACEPARENT, "ctx.tracestate", "wasdk=1"));
    Map<String, String> stored = entry(kv);
    stored.put(StreamCodec.RAW, "{\"id\":\"wamid.1\"}");
    stored.put("field", "messages");
    assertThat(StreamCarrier.decode(stored)).isEqualTo(carrier);
  }

  @Test
  void encode_empty_addsNothing() {
    assertThat(StreamCarrier.encode(Map.of())).isEmpty();
  }

  @Test
  void decode_entryWithoutContext_isTheSharedEmptyMap() {
    assertThat(
            StreamCarrier.decode(Map.of(StreamCodec.RAW, "{}", "field", "messages", "ctx.", "x")))
        .isSameAs(Map.of());
  }

  @Test
  void encode_atTheBound_isKept_overIt_isDropped() {
    String name = "traceparent";
    Map<String, String> atBound = Map.of(name, "x".repeat(StreamCarrier.MAX_CHARS - name.length()));
    Map<String, String> overBound =
        Map.of(name, "x".repeat(StreamCarrier.MAX_CHARS - name.length() + 1));

    assertThat(StreamCarrier.encode(atBound)).hasSize(2);
    assertThat(StreamCarrier.encode(overBound)).isEmpty();
    assertThat(StreamCarrier.encode(fields(StreamCarrier.MAX_FIELDS)))
        .hasSize(StreamCarrier.MAX_FIELDS * 2);
    assertThat(StreamCarrier.encode(fields(StreamCarrier.MAX_FIELDS + 1))).isEmpty();
  }

  @Test
  void decode_overTheBound_isIgnored() {
    assertThat(StreamCarrier.decode(entry(StreamCarrier.encode(fields(StreamCarrier.MAX_FIELDS)))))
        .hasSize(StreamCarrier.MAX_FIELDS);
    Map<String, String> tooMany = new HashMap<>();
    fields(StreamCarrier.MAX_FIELDS + 1).forEach((k, v) -> tooMany.put("ctx." + k, v));
    assertThat(StreamCarrier.decode(tooMany)).isEmpty();
    assertThat(StreamCarrier.decode(Map.of("ctx.traceparent", "x".repeat(StreamCarrier.MAX_CHARS))))
        .isEmpty();
  }

  private static Map<String, String> fields(int n) {
    Map<String, String> out = new HashMap<>();
    for (int i = 0; i < n; i++) {
      out.put("f" + i, "v" + i);
    }
    return out;
  }

  private static Map<String, String> entry(List<String> kv) {
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < kv.size(); i += 2) {
      out.put(kv.get(i), kv.get(i + 1));
    }
    return out;
  }
}
