package dev.wasdk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApiVersionTest {
  @Test
  void of_withOrWithoutV_isTheSameVersion() {
    assertThat(ApiVersion.of("v25.0")).isEqualTo(ApiVersion.V25_0);
    assertThat(ApiVersion.of(" 25.0 ")).isEqualTo(ApiVersion.V25_0);
    assertThat(ApiVersion.of("v101.3").toString()).isEqualTo("v101.3");
  }

  @Test
  void default_isV24() {
    assertThat(ApiVersion.DEFAULT).isEqualTo(ApiVersion.V24_0);
  }

  @Test
  void compareTo_ordersNumerically() {
    assertThat(ApiVersion.of("v9.0")).isLessThan(ApiVersion.of("v10.0"));
    assertThat(ApiVersion.V25_0.isAtLeast(ApiVersion.V24_0)).isTrue();
    assertThat(ApiVersion.V23_0.isAtLeast(ApiVersion.V24_0)).isFalse();
    assertThat(ApiVersion.of("v24.1").major()).isEqualTo(24);
    assertThat(ApiVersion.of("v24.1").minor()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "v", "v24", "24", "v24.0.1", "V24.0", "v24.0/..", "latest"})
  void new_malformed_isRejected(String value) {
    assertThatThrownBy(() -> ApiVersion.of(value)).isInstanceOf(IllegalArgumentException.class);
  }
}
