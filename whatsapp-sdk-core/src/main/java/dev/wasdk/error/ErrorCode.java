package dev.wasdk.error;

import static dev.wasdk.error.ErrorCategory.ACCOUNT;
import static dev.wasdk.error.ErrorCategory.AUTH;
import static dev.wasdk.error.ErrorCategory.INVALID_REQUEST;
import static dev.wasdk.error.ErrorCategory.PERMISSION;
import static dev.wasdk.error.ErrorCategory.RATE_LIMIT;
import static dev.wasdk.error.ErrorCategory.RECIPIENT;
import static dev.wasdk.error.ErrorCategory.SERVER;
import static dev.wasdk.error.ErrorCategory.TEMPLATE;
import static dev.wasdk.error.RetryAdvice.NO;
import static dev.wasdk.error.RetryAdvice.RETRY;
import static dev.wasdk.error.RetryAdvice.RETRY_LATER;
import static dev.wasdk.error.RetryAdvice.STOP;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of wasdk's catalog of Graph API error codes: what the code means, its {@link
 * ErrorCategory family} and the {@link RetryAdvice} derived from Meta's documented solutions.
 *
 * <p>{@link #of(int)} looks a code up by exact code first, then by documented range (such as
 * 200–299, "permission not granted"), and otherwise returns an entry that {@link #isKnown() is not
 * known}, with category {@link ErrorCategory#UNKNOWN} and advice {@link RetryAdvice#NO}. It never
 * fails, so a code Meta adds tomorrow still yields a usable exception.
 *
 * <pre>{@code
 * ErrorCode c = ErrorCode.of(131047);
 * c.category();         // RECIPIENT
 * c.recipientReason();  // Optional[WINDOW_CLOSED]
 * c.advice();           // NO: send an approved template instead
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; the catalog is built once and never changes.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/support/error-codes">Meta:
 *     error codes</a>
 */
public final class ErrorCode {
  private static final Map<Integer, ErrorCode> EXACT;
  private static final List<ErrorCode> RANGES;
  private static final List<ErrorCode> CATALOG;

  private final int code;
  private final int firstCode;
  private final int lastCode;
  private final String meaning;
  private final ErrorCategory category;
  private final RetryAdvice advice;
  private final Duration retryAfterHint;
  private final RateLimitKind rateLimitKind;
  private final RecipientReason recipientReason;
  private final boolean known;

  private ErrorCode(
      int code,
      int firstCode,
      int lastCode,
      String meaning,
      ErrorCategory category,
      RetryAdvice advice,
      Duration retryAfterHint,
      RateLimitKind rateLimitKind,
      RecipientReason recipientReason,
      boolean known) {
    this.code = code;
    this.firstCode = firstCode;
    this.lastCode = lastCode;
    this.meaning = meaning;
    this.category = category;
    this.advice = advice;
    this.retryAfterHint = retryAfterHint;
    this.rateLimitKind = rateLimitKind;
    this.recipientReason = recipientReason;
    this.known = known;
  }

  /**
   * Returns the catalog entry for a code: the exact entry, else the entry of the documented range
   * that holds it, else an unknown entry (category {@link ErrorCategory#UNKNOWN}, advice {@link
   * RetryAdvice#NO}).
   *
   * @param code the Graph error code, such as {@code 131047}
   * @return the entry; never null
   */
  public static ErrorCode of(int code) {
    ErrorCode exact = EXACT.get(code);
    if (exact != null) {
      return exact;
    }
    for (ErrorCode range : RANGES) {
      if (code >= range.firstCode && code <= range.lastCode) {
        return range.withCode(code);
      }
    }
    return unknown(code);
  }

  /**
   * Returns the catalog entry for a code sent as text, as some proxies do ({@code "131056"}).
   * Surrounding blanks are ignored. Text that is not an integer yields the unknown entry for code
   * {@value ApiError#NO_CODE}.
   *
   * @param code the code as text, may be null
   * @return the entry; never null
   */
  public static ErrorCode of(String code) {
    return of(parse(code));
  }

  /**
   * Returns every entry of the catalog, ordered by code: one per exact code and one per range
   * (whose {@link #code()} is the range's first code).
   *
   * @return an unmodifiable list
   */
  public static List<ErrorCode> catalog() {
    return CATALOG;
  }

  static int parse(String code) {
    if (code == null) {
      return ApiError.NO_CODE;
    }
    try {
      return Integer.parseInt(code.trim());
    } catch (NumberFormatException e) {
      return ApiError.NO_CODE;
    }
  }

  private static ErrorCode unknown(int code) {
    return new ErrorCode(
        code,
        code,
        code,
        "not in wasdk's catalog; see Meta's error-code reference",
        ErrorCategory.UNKNOWN,
        NO,
        null,
        null,
        null,
        false);
  }

  private ErrorCode withCode(int newCode) {
    return new ErrorCode(
        newCode,
        firstCode,
        lastCode,
        meaning,
        category,
        advice,
        retryAfterHint,
        rateLimitKind,
        recipientReason,
        known);
  }

  /** Returns the code this entry was looked up for, such as {@code 131047}. */
  public int code() {
    return code;
  }

  /** Returns the first code of the documented range, or {@link #code()} for an exact entry. */
  public int firstCode() {
    return firstCode;
  }

  /** Returns the last code of the documented range, or {@link #code()} for an exact entry. */
  public int lastCode() {
    return lastCode;
  }

  /** Returns what the code means and, where it helps, how to fix it. */
  public String meaning() {
    return meaning;
  }

  /** Returns the family, which picks the {@link ApiException} subclass. */
  public ErrorCategory category() {
    return category;
  }

  /** Returns what a caller should do. */
  public RetryAdvice advice() {
    return advice;
  }

  /**
   * Returns the documented wait before a retry can succeed, for {@link RetryAdvice#RETRY_LATER}
   * codes that state one (such as 60 seconds for 131057, maintenance mode).
   */
  public Optional<Duration> retryAfterHint() {
    return Optional.ofNullable(retryAfterHint);
  }

  /** Returns which limit was hit, for {@link ErrorCategory#RATE_LIMIT} codes. */
  public Optional<RateLimitKind> rateLimitKind() {
    return Optional.ofNullable(rateLimitKind);
  }

  /**
   * Returns why the recipient cannot get the message, for {@link ErrorCategory#RECIPIENT} codes.
   */
  public Optional<RecipientReason> recipientReason() {
    return Optional.ofNullable(recipientReason);
  }

  /** Returns whether the code is in the catalog, exactly or through a range. */
  public boolean isKnown() {
    return known;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ErrorCode e
        && e.code == code
        && e.firstCode == firstCode
        && e.lastCode == lastCode
        && e.known == known;
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, firstCode, lastCode, known);
  }

  /**
   * Returns the code, family, advice and meaning, such as {@code 131047 RECIPIENT, do not retry:
   * fix the request: ...}.
   */
  @Override
  public String toString() {
    return code + " " + category + ", " + advice.inWords() + ": " + meaning;
  }

  // ---------------------------------------------------------------------------------------------
  // The catalog. Meanings paraphrase Meta's error-code reference (and, where noted in API-FACTS §5,
  // other public sources); the advice is wasdk's reading of Meta's "possible solutions".

  private static final class Catalog {
    final Map<Integer, ErrorCode> exact = new HashMap<>();
    final List<ErrorCode> ranges = new ArrayList<>();

    Catalog add(int code, ErrorCategory cat, RetryAdvice advice, String meaning) {
      return add(code, code, cat, advice, null, null, null, meaning);
    }

    Catalog later(int code, ErrorCategory cat, Duration hint, String meaning) {
      return add(code, code, cat, RETRY_LATER, hint, null, null, meaning);
    }

    Catalog limit(int code, RateLimitKind kind, RetryAdvice advice, Duration hint, String meaning) {
      return add(code, code, RATE_LIMIT, advice, hint, kind, null, meaning);
    }

    Catalog recipient(
        int code, RecipientReason reason, RetryAdvice advice, Duration hint, String meaning) {
      return add(code, code, RECIPIENT, advice, hint, null, reason, meaning);
    }

    Catalog range(int first, int last, ErrorCategory cat, RetryAdvice advice, String meaning) {
      return add(first, last, cat, advice, null, null, null, meaning);
    }

    Catalog add(
        int first,
        int last,
        ErrorCategory cat,
        RetryAdvice advice,
        Duration hint,
        RateLimitKind kind,
        RecipientReason reason,
        String meaning) {
      ErrorCode e =
          new ErrorCode(first, first, last, meaning, cat, advice, hint, kind, reason, true);
      if (first == last) {
        if (exact.put(first, e) != null) {
          throw new IllegalStateException("duplicate catalog entry " + first);
        }
      } else {
        ranges.add(e);
      }
      return this;
    }
  }

  static {
    Duration minute = Duration.ofMinutes(1);
    Catalog c = new Catalog();
    // Authentication, permissions and general Graph errors.
    c.add(0, AUTH, NO, "the access token expired or was invalidated, or the app lost access");
    c.add(1, SERVER, RETRY, "unknown API error: an invalid request or a server error; retry once");
    c.add(2, SERVER, RETRY, "temporary downtime or overload of the API service");
    c.add(3, PERMISSION, NO, "capability or permission issue with the API method");
    c.limit(
        4,
        RateLimitKind.MANAGEMENT,
        RETRY_LATER,
        null,
        "the app reached its API call rate limit (rolling one-hour window)");
    c.add(10, PERMISSION, NO, "permission not granted or removed (or number not allow-listed)");
    c.add(
        33, INVALID_REQUEST, NO, "invalid parameter value: the business phone number was deleted");
    c.add(100, INVALID_REQUEST, NO, "invalid parameter: unsupported, misspelled or too large");
    c.add(190, AUTH, NO, "the access token expired; generate or fetch a new one");
    c.range(
        200,
        299,
        PERMISSION,
        NO,
        "API permission not granted or removed, or the system user lacks access to the WABA");
    c.add(368, ACCOUNT, STOP, "temporarily blocked for policy violations");
    c.recipient(
        470,
        RecipientReason.WINDOW_CLOSED,
        NO,
        null,
        "legacy: outside the customer-service window; send a template (Cloud API uses 131047)");
    c.limit(
        80007,
        RateLimitKind.MANAGEMENT,
        RETRY_LATER,
        null,
        "the WhatsApp Business Account reached its API rate limit (rolling one-hour window)");
    c.limit(
        130429,
        RateLimitKind.THROUGHPUT,
        RETRY,
        null,
        "the phone number's message throughput was reached; slow down and retry");
    c.recipient(
        130472,
        RecipientReason.EXPERIMENT,
        NO,
        null,
        "the user is part of a marketing-message experiment; do not resend");
    c.add(130497, ACCOUNT, NO, "the business may not message users in this country");
    // Cloud API messaging errors.
    c.add(131000, SERVER, RETRY, "something went wrong on Meta's side; retry a bounded number");
    c.add(131005, PERMISSION, NO, "access denied");
    c.add(131008, INVALID_REQUEST, NO, "a required parameter is missing");
    c.add(131009, INVALID_REQUEST, NO, "a parameter value is not valid");
    c.add(131016, SERVER, RETRY, "a service is temporarily unavailable");
    c.recipient(
        131021,
        RecipientReason.SENDER_IS_RECIPIENT,
        NO,
        null,
        "the recipient is the sending number itself");
    c.recipient(
        131026,
        RecipientReason.UNDELIVERABLE,
        NO,
        null,
        "undeliverable: not a WhatsApp user, terms not accepted, or an outdated client");
    c.recipient(
        131030,
        RecipientReason.NOT_ALLOWED,
        NO,
        null,
        "the recipient is not in the test number's allowed list");
    c.add(131031, ACCOUNT, STOP, "the business account is locked or disabled, or data mismatched");
    c.add(131037, ACCOUNT, NO, "the number's display name must be approved first");
    c.add(131042, ACCOUNT, NO, "a payment or eligibility problem with the business account");
    c.add(131044, ACCOUNT, NO, "a payment problem (calling)");
    c.add(131045, ACCOUNT, NO, "incorrect certificate: register the phone number again");
    c.recipient(
        131047,
        RecipientReason.WINDOW_CLOSED,
        NO,
        null,
        "more than 24 hours since the user's last message: send an approved template");
    c.limit(
        131048,
        RateLimitKind.SPAM,
        STOP,
        null,
        "spam rate limit: too many messages were blocked or flagged; improve quality");
    c.recipient(
        131049,
        RecipientReason.FREQUENCY_CAPPED,
        RETRY_LATER,
        Duration.ofHours(24),
        "not delivered to keep the ecosystem healthy (per-user marketing limit)");
    c.recipient(
        131050,
        RecipientReason.OPTED_OUT,
        STOP,
        null,
        "the user stopped marketing messages from this business");
    c.add(131051, INVALID_REQUEST, NO, "unsupported message type");
    c.add(131052, INVALID_REQUEST, NO, "the user's media could not be downloaded; ask again");
    c.add(
        131053, INVALID_REQUEST, NO, "the media could not be uploaded: unsupported or wrong type");
    c.add(131055, INVALID_REQUEST, NO, "method not allowed: only marketing templates here");
    c.limit(
        131056,
        RateLimitKind.PAIR,
        RETRY_LATER,
        null,
        "pair rate limit: too many messages to this user; back off for this user only");
    c.later(131057, SERVER, minute, "the business account is in maintenance mode");
    c.add(131059, INVALID_REQUEST, NO, "invalid pagination cursor; list again from the start");
    c.recipient(
        131062,
        RecipientReason.USER_ID_NOT_SUPPORTED,
        NO,
        null,
        "this message cannot be sent to a business-scoped user id; use the phone number");
    c.add(131063, ACCOUNT, NO, "marketing templates are disabled on the Cloud API for this WABA");
    c.limit(
        131064,
        RateLimitKind.MESSAGING_LIMIT,
        STOP,
        null,
        "messaging limit reached because of template classification violations");
    // Templates and flows.
    c.add(132000, TEMPLATE, NO, "template parameter count does not match the template");
    c.add(132001, TEMPLATE, NO, "template does not exist in that language, or is not approved");
    c.add(132005, TEMPLATE, NO, "the template text with its parameters is too long");
    c.add(132007, TEMPLATE, NO, "template content breaks a formatting or character policy");
    c.add(132008, TEMPLATE, NO, "a template parameter value is invalid");
    c.add(132012, TEMPLATE, NO, "template parameter format does not match the template");
    c.later(132015, TEMPLATE, Duration.ofHours(3), "the template is paused for low quality");
    c.add(132016, TEMPLATE, NO, "the template is disabled (paused too often); create a new one");
    c.add(132068, INVALID_REQUEST, NO, "the flow is blocked");
    c.limit(
        132069,
        RateLimitKind.OTHER,
        RETRY_LATER,
        Duration.ofHours(1),
        "the flow is throttled: 10 messages with it in the last hour");
    // Registration and account state.
    c.add(133000, ACCOUNT, NO, "incomplete deregistration: deregister again, then register");
    c.range(133001, 133003, ACCOUNT, NO, "registration or migration error (undocumented)");
    c.add(133004, SERVER, RETRY, "the server is temporarily unavailable");
    c.add(133005, ACCOUNT, NO, "two-step verification PIN mismatch");
    c.add(133006, ACCOUNT, NO, "the phone number must be verified again");
    c.add(133007, ACCOUNT, NO, "registration error (undocumented)");
    c.later(133008, ACCOUNT, null, "too many two-step PIN guesses; the details say how long");
    c.later(133009, ACCOUNT, null, "two-step PIN entered too fast; the details say how long");
    c.add(133010, ACCOUNT, NO, "the phone number is not registered");
    c.range(133011, 133014, ACCOUNT, NO, "registration error (undocumented)");
    c.later(133015, ACCOUNT, Duration.ofMinutes(5), "the number was deleted recently");
    c.limit(
        133016,
        RateLimitKind.MANAGEMENT,
        RETRY_LATER,
        Duration.ofHours(72),
        "register/deregister rate limit: 10 attempts per 72 hours");
    c.add(134011, ACCOUNT, NO, "WhatsApp Payments terms not accepted");
    c.add(134100, TEMPLATE, NO, "Marketing Messages API: only marketing templates can be sent");
    c.later(134101, TEMPLATE, Duration.ofMinutes(10), "the template is still syncing");
    c.add(134102, TEMPLATE, NO, "Marketing Messages API: the template is unavailable");
    c.add(135000, INVALID_REQUEST, NO, "generic user error: an unknown problem with parameters");
    c.recipient(
        137000,
        RecipientReason.IDENTITY_CHANGED,
        NO,
        null,
        "the recipient's identity key changed; verify the user, then resend without the hash");
    c.limit(138002, RateLimitKind.OTHER, RETRY_LATER, null, "Calling API: concurrent calls limit");
    // Calling API (CALLING-GROUPS.md §A.6): each documented code with its own advice.
    c.add(138000, ACCOUNT, NO, "calling is not enabled on this number: enable it in the settings");
    c.recipient(
        138001,
        RecipientReason.UNDELIVERABLE,
        NO,
        null,
        "the user cannot be called (not on WhatsApp, terms not accepted or an unsupported client)");
    c.later(138003, INVALID_REQUEST, null, "a call with this user is already in progress");
    c.add(138004, SERVER, RETRY, "Calling API: connection error");
    c.limit(138005, RateLimitKind.OTHER, RETRY_LATER, null, "the number's call rate limit");
    c.add(138006, PERMISSION, NO, "no approved call permission from the user: ask for it first");
    c.add(
        138007,
        SERVER,
        RETRY,
        "call connect timeout: the SDP was not applied or the call not accepted in time");
    c.add(138008, INVALID_REQUEST, NO, "Calling API error (undocumented)");
    c.limit(
        138009,
        RateLimitKind.OTHER,
        RETRY_LATER,
        null,
        "call permission request limit for this user (1 a day, 2 a week)");
    c.add(138010, INVALID_REQUEST, NO, "Calling API error (undocumented)");
    c.add(138011, INVALID_REQUEST, NO, "Calling API error (undocumented)");
    c.limit(
        138012,
        RateLimitKind.OTHER,
        RETRY_LATER,
        null,
        "daily limit of connected business-initiated calls to this user; details say when");
    c.add(138013, ACCOUNT, NO, "business-initiated calls are not available in this country");
    c.later(138014, ACCOUNT, null, "calling is paused for low call quality");
    c.add(138015, ACCOUNT, NO, "calling needs a messaging limit of at least 2,000");
    c.add(138016, INVALID_REQUEST, NO, "Calling API error (undocumented)");
    c.add(
        138017, INVALID_REQUEST, NO, "the user already granted permanent permission: call instead");
    c.add(
        138018,
        ACCOUNT,
        NO,
        "calling cannot be enabled: subscribe an app to the calls field or set up SIP");
    c.add(138019, SERVER, RETRY, "call setup failed");
    c.add(138020, SERVER, RETRY, "call relay connection failed");
    c.add(138021, SERVER, RETRY, "call media receive timeout");
    c.add(138022, SERVER, RETRY, "call media send timeout");
    c.add(138023, SERVER, RETRY, "the call was accepted but ended without media");
    c.range(138024, 138099, INVALID_REQUEST, NO, "Calling API error (undocumented)");
    c.add(139000, INVALID_REQUEST, NO, "flow blocked by an integrity issue");
    c.add(139001, INVALID_REQUEST, NO, "the flow failed to update");
    c.add(139002, INVALID_REQUEST, NO, "the flow failed to publish");
    c.add(139003, INVALID_REQUEST, NO, "the flow failed to deprecate");
    c.add(139004, INVALID_REQUEST, NO, "the flow failed to delete");
    c.add(139100, INVALID_REQUEST, NO, "block users: the bulk request partly failed");
    c.add(139101, INVALID_REQUEST, NO, "block users: the 64,000-user block list is full");
    c.add(139102, INVALID_REQUEST, RETRY, "block users: concurrent update; retry");
    c.add(139103, SERVER, RETRY, "block users: internal error; retry");
    c.range(2388000, 2388999, TEMPLATE, NO, "template creation or management error");
    c.add(2388019, TEMPLATE, NO, "template limit reached for this WABA");
    c.add(2388040, TEMPLATE, NO, "a template field exceeds its character limit");
    c.add(2388047, TEMPLATE, NO, "the template header format is invalid");
    c.add(2388072, TEMPLATE, NO, "the template body format is invalid");
    c.add(2388073, TEMPLATE, NO, "the template footer format is invalid");
    c.add(2388293, TEMPLATE, NO, "too many parameters for the template's text length");
    c.add(2388299, TEMPLATE, NO, "parameters at the start or end of the template text");
    c.later(2494100, SERVER, Duration.ofMinutes(5), "maintenance mode (phone number migration)");

    EXACT = Map.copyOf(c.exact);
    RANGES = List.copyOf(c.ranges);
    List<ErrorCode> all = new ArrayList<>(c.exact.values());
    all.addAll(c.ranges);
    all.sort(
        Comparator.comparingInt((ErrorCode e) -> e.firstCode).thenComparingInt(e -> e.lastCode));
    CATALOG = Collections.unmodifiableList(all);
  }
}
