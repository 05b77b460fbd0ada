package dev.wasdk.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every code of API-FACTS §5 maps to its documented family and advice. */
class ErrorCodeTest {

  @ParameterizedTest(name = "{0} -> {1}/{2} {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "0,       AUTH,            NO,          -",
        "1,       SERVER,          RETRY,       -",
        "2,       SERVER,          RETRY,       -",
        "3,       PERMISSION,      NO,          -",
        "4,       RATE_LIMIT,      RETRY_LATER, MANAGEMENT",
        "10,      PERMISSION,      NO,          -",
        "33,      INVALID_REQUEST, NO,          -",
        "100,     INVALID_REQUEST, NO,          -",
        "190,     AUTH,            NO,          -",
        "200,     PERMISSION,      NO,          -",
        "250,     PERMISSION,      NO,          -",
        "299,     PERMISSION,      NO,          -",
        "368,     ACCOUNT,         STOP,        -",
        "470,     RECIPIENT,       NO,          WINDOW_CLOSED",
        "80007,   RATE_LIMIT,      RETRY_LATER, MANAGEMENT",
        "130429,  RATE_LIMIT,      RETRY,       THROUGHPUT",
        "130472,  RECIPIENT,       NO,          EXPERIMENT",
        "130497,  ACCOUNT,         NO,          -",
        "131000,  SERVER,          RETRY,       -",
        "131005,  PERMISSION,      NO,          -",
        "131008,  INVALID_REQUEST, NO,          -",
        "131009,  INVALID_REQUEST, NO,          -",
        "131016,  SERVER,          RETRY,       -",
        "131021,  RECIPIENT,       NO,          SENDER_IS_RECIPIENT",
        "131026,  RECIPIENT,       NO,          UNDELIVERABLE",
        "131030,  RECIPIENT,       NO,          NOT_ALLOWED",
        "131031,  ACCOUNT,         STOP,        -",
        "131037,  ACCOUNT,         NO,          -",
        "131042,  ACCOUNT,         NO,          -",
        "131044,  ACCOUNT,         NO,          -",
        "131045,  ACCOUNT,         NO,          -",
        "131047,  RECIPIENT,       NO,          WINDOW_CLOSED",
        "131048,  RATE_LIMIT,      STOP,        SPAM",
        "131049,  RECIPIENT,       RETRY_LATER, FREQUENCY_CAPPED",
        "131050,  RECIPIENT,       STOP,        OPTED_OUT",
        "131051,  INVALID_REQUEST, NO,          -",
        "131052,  INVALID_REQUEST, NO,          -",
        "131053,  INVALID_REQUEST, NO,          -",
        "131055,  INVALID_REQUEST, NO,          -",
        "131056,  RATE_LIMIT,      RETRY_LATER, PAIR",
        "131057,  SERVER,          RETRY_LATER, -",
        "131059,  INVALID_REQUEST, NO,          -",
        "131062,  RECIPIENT,       NO,          USER_ID_NOT_SUPPORTED",
        "131063,  ACCOUNT,         NO,          -",
        "131064,  RATE_LIMIT,      STOP,        MESSAGING_LIMIT",
        "132000,  TEMPLATE,        NO,          -",
        "132001,  TEMPLATE,        NO,          -",
        "132005,  TEMPLATE,        NO,          -",
        "132007,  TEMPLATE,        NO,          -",
        "132008,  TEMPLATE,        NO,          -",
        "132012,  TEMPLATE,        NO,          -",
        "132015,  TEMPLATE,        RETRY_LATER, -",
        "132016,  TEMPLATE,        NO,          -",
        "132068,  INVALID_REQUEST, NO,          -",
        "132069,  RATE_LIMIT,      RETRY_LATER, OTHER",
        "133000,  ACCOUNT,         NO,          -",
        "133001,  ACCOUNT,         NO,          -",
        "133002,  ACCOUNT,         NO,          -",
        "133003,  ACCOUNT,         NO,          -",
        "133004,  SERVER,          RETRY,       -",
        "133005,  ACCOUNT,         NO,          -",
        "133006,  ACCOUNT,         NO,          -",
        "133007,  ACCOUNT,         NO,          -",
        "133008,  ACCOUNT,         RETRY_LATER, -",
        "133009,  ACCOUNT,         RETRY_LATER, -",
        "133010,  ACCOUNT,         NO,          -",
        "133011,  ACCOUNT,         NO,          -",
        "133012,  ACCOUNT,         NO,          -",
        "133013,  ACCOUNT,         NO,          -",
        "133014,  ACCOUNT,         NO,          -",
        "133015,  ACCOUNT,         RETRY_LATER, -",
        "133016,  RATE_LIMIT,      RETRY_LATER, MANAGEMENT",
        "134011,  ACCOUNT,         NO,          -",
        "134100,  TEMPLATE,        NO,          -",
        "134101,  TEMPLATE,        RETRY_LATER, -",
        "134102,  TEMPLATE,        NO,          -",
        "135000,  INVALID_REQUEST, NO,          -",
        "137000,  RECIPIENT,       NO,          IDENTITY_CHANGED",
        "138000,  ACCOUNT,         NO,          -",
        "138004,  SERVER,          RETRY,       -",
        "138006,  PERMISSION,      NO,          -",
        "138009,  RATE_LIMIT,      RETRY_LATER, OTHER",
        "138012,  RATE_LIMIT,      RETRY_LATER, OTHER",
        "138021,  SERVER,          RETRY,       -",
        "138002,  RATE_LIMIT,      RETRY_LATER, OTHER",
        "138050,  INVALID_REQUEST, NO,          -",
        "138099,  INVALID_REQUEST, NO,          -",
        "139000,  INVALID_REQUEST, NO,          -",
        "139001,  INVALID_REQUEST, NO,          -",
        "139002,  INVALID_REQUEST, NO,          -",
        "139003,  INVALID_REQUEST, NO,          -",
        "139004,  INVALID_REQUEST, NO,          -",
        "139100,  INVALID_REQUEST, NO,          -",
        "139101,  INVALID_REQUEST, NO,          -",
        "139102,  INVALID_REQUEST, RETRY,       -",
        "139103,  SERVER,          RETRY,       -",
        "2388000, TEMPLATE,        NO,          -",
        "2388019, TEMPLATE,        NO,          -",
        "2388040, TEMPLATE,        NO,          -",
        "2388047, TEMPLATE,        NO,          -",
        "2388072, TEMPLATE,        NO,          -",
        "2388073, TEMPLATE,        NO,          -",
        "2388293, TEMPLATE,        NO,          -",
        "2388299, TEMPLATE,        NO,          -",
        "2388555, TEMPLATE,        NO,          -",
        "2388999, TEMPLATE,        NO,          -",
        "2494100, SERVER,          RETRY_LATER, -"
      })
  void of_documentedCode_hasFamilyAdviceAndDetail(
      int code, ErrorCategory category, RetryAdvice advice, String detail) {
    ErrorCode e = ErrorCode.of(code);

    assertThat(e.isKnown()).isTrue();
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.category()).isEqualTo(category);
    assertThat(e.advice()).isEqualTo(advice);
    assertThat(e.meaning()).isNotBlank();
    if (category == ErrorCategory.RATE_LIMIT) {
      assertThat(e.rateLimitKind()).contains(RateLimitKind.valueOf(detail));
    } else {
      assertThat(e.rateLimitKind()).isEmpty();
    }
    if (category == ErrorCategory.RECIPIENT) {
      assertThat(e.recipientReason()).contains(RecipientReason.valueOf(detail));
    } else {
      assertThat(e.recipientReason()).isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} waits {1}")
  @CsvSource({
    "131057, PT1M",
    "131049, PT24H",
    "132015, PT3H",
    "132069, PT1H",
    "133015, PT5M",
    "133016, PT72H",
    "134101, PT10M",
    "2494100, PT5M"
  })
  void retryAfterHint_retryLaterCodesWithADocumentedWait_haveIt(int code, Duration hint) {
    assertThat(ErrorCode.of(code).retryAfterHint()).contains(hint);
  }

  @Test
  void of_rangeMember_keepsItsOwnCodeAndTheRange() {
    ErrorCode e = ErrorCode.of(250);

    assertThat(e.code()).isEqualTo(250);
    assertThat(e.firstCode()).isEqualTo(200);
    assertThat(e.lastCode()).isEqualTo(299);
  }

  @Test
  void of_exactCodeInsideARange_winsOverTheRange() {
    assertThat(ErrorCode.of(138002).category()).isEqualTo(ErrorCategory.RATE_LIMIT);
    assertThat(ErrorCode.of(2388019).firstCode()).isEqualTo(2388019);
  }

  @Test
  void of_unknownCode_isUnknownWithAdviceNo() {
    ErrorCode e = ErrorCode.of(987654);

    assertThat(e.isKnown()).isFalse();
    assertThat(e.code()).isEqualTo(987654);
    assertThat(e.category()).isEqualTo(ErrorCategory.UNKNOWN);
    assertThat(e.advice()).isEqualTo(RetryAdvice.NO);
    assertThat(e.retryAfterHint()).isEmpty();
  }

  @Test
  void of_codeAsString_parsesLeniently() {
    assertThat(ErrorCode.of("131056")).isEqualTo(ErrorCode.of(131056));
    assertThat(ErrorCode.of(" 130429 ").rateLimitKind()).contains(RateLimitKind.THROUGHPUT);
    assertThat(ErrorCode.of("not-a-code").code()).isEqualTo(ApiError.NO_CODE);
    assertThat(ErrorCode.of("not-a-code").isKnown()).isFalse();
    assertThat(ErrorCode.of((String) null).code()).isEqualTo(ApiError.NO_CODE);
  }

  @Test
  void catalog_isOrderedAndEveryFamilyHasItsDetail() {
    List<ErrorCode> catalog = ErrorCode.catalog();

    assertThat(catalog)
        .isSortedAccordingTo((a, b) -> Integer.compare(a.firstCode(), b.firstCode()));
    assertThat(catalog)
        .filteredOn(e -> e.category() == ErrorCategory.RATE_LIMIT)
        .allMatch(e -> e.rateLimitKind().isPresent());
    assertThat(catalog)
        .filteredOn(e -> e.category() == ErrorCategory.RECIPIENT)
        .allMatch(e -> e.recipientReason().isPresent());
    assertThat(catalog).allMatch(ErrorCode::isKnown);
    assertThat(catalog.stream().map(ErrorCode::firstCode).collect(Collectors.toSet()))
        .hasSize(catalog.size());
  }

  @Test
  void catalog_coversTheExactCodesAndRangesOfTheFactSheet() {
    List<ErrorCode> catalog = ErrorCode.catalog();
    long ranges = catalog.stream().filter(e -> e.firstCode() != e.lastCode()).count();

    assertThat(ranges).as("200-299, 133001-3, 133011-14, 138024-99, 2388xxx").isEqualTo(5);
    // 86 codes, and 138000 to 138023 one by one (CALLING-GROUPS.md §A.6), 138002 already among them
    assertThat(catalog).as("109 exact codes and 5 ranges").hasSize(114);
  }
}
