package dev.wasdk.benchmarks.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DedupeMemoryTest {
  @Test
  void wamid_distinctIndexes_distinctIdsShapedLikeMetas() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 200_000; i++) {
      ids.add(DedupeMemory.wamid(i));
    }

    assertThat(ids).hasSize(200_000);
    assertThat(DedupeMemory.wamid(12_345)).startsWith("wamid.").endsWith("RgA=").hasSize(62);
  }
}
