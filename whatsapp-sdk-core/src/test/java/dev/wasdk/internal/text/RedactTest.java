package dev.wasdk.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactTest {
  @Test
  void mask_phoneNumber_keepsFirstFourAndLastThree() {
    assertThat(Redact.mask("+16505551234")).isEqualTo("+165*****234");
  }

  @Test
  void mask_sevenCharactersOrFewer_starsEverything() {
    assertThat(Redact.mask("1234567")).isEqualTo("*******");
    assertThat(Redact.mask(null)).isEqualTo("null");
  }

  @Test
  void maskDigits_textWithPhoneNumbers_masksOnlyLongDigitRuns() {
    assertThat(Redact.maskDigits("(#131026) 16505551234 is not on WhatsApp, code 131026"))
        .isEqualTo("(#131026) 1650****234 is not on WhatsApp, code 131026");
  }
}
