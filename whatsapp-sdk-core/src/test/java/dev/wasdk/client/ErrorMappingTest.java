package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.MESSAGES_PATH;
import static dev.wasdk.client.TestClients.TO;
import static dev.wasdk.client.TestClients.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.AccountException;
import dev.wasdk.error.ApiError;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.AuthException;
import dev.wasdk.error.ErrorCategory;
import dev.wasdk.error.InvalidRequestException;
import dev.wasdk.error.PermissionException;
import dev.wasdk.error.RateLimitException;
import dev.wasdk.error.RateLimitKind;
import dev.wasdk.error.RecipientException;
import dev.wasdk.error.RecipientReason;
import dev.wasdk.error.RetryAdvice;
import dev.wasdk.error.ServerException;
import dev.wasdk.error.TemplateException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import dev.wasdk.message.Message;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Realistic Graph error bodies, served over HTTP, map to the right exception family. */
class ErrorMappingTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  private static final String TRACE = "AQx7dTk2Zq9-Fb_3kLm";

  static Stream<Arguments> families() {
    return Stream.of(
        Arguments.of(
            401,
            "{\"error\":{\"message\":\"Error validating access token: Session has expired on"
                + " Friday, 27-Feb-26 09:00:00 PST.\",\"type\":\"OAuthException\",\"code\":190,"
                + "\"error_subcode\":463,\"fbtrace_id\":\""
                + TRACE
                + "\"}}",
            AuthException.class,
            ErrorCategory.AUTH,
            190),
        Arguments.of(
            401,
            err(0, "AuthException", "Invalid OAuth access token"),
            AuthException.class,
            ErrorCategory.AUTH,
            0),
        Arguments.of(
            403,
            err(10, "Application does not have permission for this action", "No permission"),
            PermissionException.class,
            ErrorCategory.PERMISSION,
            10),
        Arguments.of(
            403,
            err(200, "Permissions error", "The system user lacks access to the WABA"),
            PermissionException.class,
            ErrorCategory.PERMISSION,
            200),
        Arguments.of(
            400,
            err(100, "Invalid parameter", "Param text['body'] is required"),
            InvalidRequestException.class,
            ErrorCategory.INVALID_REQUEST,
            100),
        Arguments.of(
            400,
            err(131009, "Parameter value is not valid", "Reaction to an unknown message"),
            InvalidRequestException.class,
            ErrorCategory.INVALID_REQUEST,
            131009),
        Arguments.of(
            400,
            err(130429, "Rate limit hit", "Cloud API message throughput has been reached."),
            RateLimitException.class,
            ErrorCategory.RATE_LIMIT,
            130429),
        Arguments.of(
            400,
            err(131056, "(Business Account, Consumer Account) pair rate limit hit", "Too many"),
            RateLimitException.class,
            ErrorCategory.RATE_LIMIT,
            131056),
        Arguments.of(
            400,
            err(131048, "Spam rate limit hit", "Too many messages were flagged"),
            RateLimitException.class,
            ErrorCategory.RATE_LIMIT,
            131048),
        Arguments.of(
            400,
            err(80007, "Rate limit issues", "The WABA reached its rate limit."),
            RateLimitException.class,
            ErrorCategory.RATE_LIMIT,
            80007),
        Arguments.of(
            400,
            err(131047, "Re-engagement message", "More than 24 hours have passed"),
            RecipientException.class,
            ErrorCategory.RECIPIENT,
            131047),
        Arguments.of(
            400,
            err(131026, "Message Undeliverable", "Unable to deliver message"),
            RecipientException.class,
            ErrorCategory.RECIPIENT,
            131026),
        Arguments.of(
            400,
            err(131050, "Unable to deliver the message", "The user stopped marketing messages"),
            RecipientException.class,
            ErrorCategory.RECIPIENT,
            131050),
        Arguments.of(
            400,
            err(131049, "Not delivered", "This message was not delivered to maintain healthy"),
            RecipientException.class,
            ErrorCategory.RECIPIENT,
            131049),
        Arguments.of(
            404,
            err(132001, "Template name does not exist in the translation", "en_US not found"),
            TemplateException.class,
            ErrorCategory.TEMPLATE,
            132001),
        Arguments.of(
            400,
            err(132000, "Number of parameters does not match", "expected 2, got 1"),
            TemplateException.class,
            ErrorCategory.TEMPLATE,
            132000),
        Arguments.of(
            403,
            err(368, "Temporarily blocked for policies violations", "Blocked"),
            AccountException.class,
            ErrorCategory.ACCOUNT,
            368),
        Arguments.of(
            400,
            err(131042, "Business eligibility payment issue", "No valid payment method"),
            AccountException.class,
            ErrorCategory.ACCOUNT,
            131042),
        Arguments.of(
            500,
            err(131000, "Something went wrong", "Unknown error"),
            ServerException.class,
            ErrorCategory.SERVER,
            131000),
        Arguments.of(
            503,
            err(133004, "Server temporarily unavailable", "Try again later"),
            ServerException.class,
            ErrorCategory.SERVER,
            133004),
        Arguments.of(
            503,
            err(2, "Service temporarily unavailable", "Overloaded"),
            ServerException.class,
            ErrorCategory.SERVER,
            2),
        Arguments.of(
            400,
            err(999999, "A brand-new error", "Nobody documented this yet"),
            ApiException.class,
            ErrorCategory.UNKNOWN,
            999999),
        Arguments.of(
            503,
            err(999998, "A brand-new server error", "Nobody documented this yet"),
            ServerException.class,
            ErrorCategory.SERVER,
            999998));
  }

  @ParameterizedTest(name = "HTTP {0} code {4} -> {2}")
  @MethodSource("families")
  void send_graphError_throwsFamilyWithCodeAndTrace(
      int status,
      String body,
      Class<? extends ApiException> family,
      ErrorCategory category,
      int code) {
    ApiException e = sendAndCatch(status, body);

    assertThat(e).isExactlyInstanceOf(family);
    assertThat(e.category()).isEqualTo(category);
    assertThat(e.error().code()).isEqualTo(code);
    assertThat(e.error().httpStatus()).isEqualTo(status);
    assertThat(e.error().fbtraceId()).contains(TRACE);
    assertThat(e.getMessage()).contains(String.valueOf(code)).contains(TRACE);
    assertThat(e.getMessage()).doesNotContain(TOKEN);
    wm.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
  }

  @Test
  void send_rateLimitKinds_areReported() {
    assertThat(((RateLimitException) sendAndCatch(400, err(130429, "Rate limit hit", "x"))).kind())
        .isEqualTo(RateLimitKind.THROUGHPUT);
    assertThat(((RateLimitException) sendAndCatch(400, err(131056, "Pair", "x"))).kind())
        .isEqualTo(RateLimitKind.PAIR);
    assertThat(((RateLimitException) sendAndCatch(400, err(131048, "Spam", "x"))).kind())
        .isEqualTo(RateLimitKind.SPAM);
    assertThat(((RateLimitException) sendAndCatch(400, err(4, "Too many calls", "x"))).kind())
        .isEqualTo(RateLimitKind.MANAGEMENT);
  }

  @Test
  void send_recipientReasons_areReported() {
    assertThat(((RecipientException) sendAndCatch(400, err(131047, "R", "x"))).reason())
        .isEqualTo(RecipientReason.WINDOW_CLOSED);
    assertThat(((RecipientException) sendAndCatch(400, err(131026, "U", "x"))).reason())
        .isEqualTo(RecipientReason.UNDELIVERABLE);
    assertThat(((RecipientException) sendAndCatch(400, err(131050, "O", "x"))).reason())
        .isEqualTo(RecipientReason.OPTED_OUT);
    assertThat(((RecipientException) sendAndCatch(400, err(131049, "F", "x"))).reason())
        .isEqualTo(RecipientReason.FREQUENCY_CAPPED);
  }

  @Test
  void send_codeAsJsonString_stillMapsToFamily() {
    String body =
        "{\"error\":{\"message\":\"(#131056) pair rate limit hit\",\"type\":\"OAuthException\","
            + "\"code\":\"131056\",\"error_subcode\":\"2494055\",\"fbtrace_id\":\""
            + TRACE
            + "\"}}";

    ApiException e = sendAndCatch(400, body);

    assertThat(e)
        .isInstanceOfSatisfying(
            RateLimitException.class, r -> assertThat(r.kind()).isEqualTo(RateLimitKind.PAIR));
    assertThat(e.error().subcode()).contains(2494055);
  }

  @Test
  void send_errorDataAsString_keepsItRaw() {
    String body =
        "{\"error\":{\"message\":\"Invalid parameter\",\"type\":\"OAuthException\",\"code\":100,"
            + "\"error_subcode\":2388040,\"is_transient\":false,"
            + "\"error_user_title\":\"Message template character limit exceeded\","
            + "\"error_user_msg\":\"The body may have at most 1024 characters.\","
            + "\"error_data\":\"{\\\"blame_field_specs\\\":[[\\\"components\\\"]]}\","
            + "\"fbtrace_id\":\""
            + TRACE
            + "\"}}";

    ApiException e = sendAndCatch(400, body);

    assertThat(e).isInstanceOf(InvalidRequestException.class);
    ApiError error = e.error();
    assertThat(error.errorData()).contains("{\"blame_field_specs\":[[\"components\"]]}");
    assertThat(error.details()).isEmpty();
    assertThat(error.errorUserTitle()).contains("Message template character limit exceeded");
    assertThat(error.errorUserMessage()).contains("The body may have at most 1024 characters.");
    assertThat(error.isTransient()).isFalse();
  }

  @Test
  void send_htmlBadGateway_throwsServerExceptionWithoutGraphCode() {
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(502)
                    .withHeader("Content-Type", "text/html")
                    .withBody("<html><body>Bad Gateway</body></html>")));

    ApiException e = catchApi();

    assertThat(e).isInstanceOf(ServerException.class);
    assertThat(e.error().code()).isEqualTo(ApiError.NO_CODE);
    assertThat(e.advice()).isEqualTo(RetryAdvice.RETRY);
    assertThat(e.getMessage()).contains("HTTP 502").contains("text/html").doesNotContain("<html>");
    wm.verify(1, postRequestedFor(urlEqualTo(MESSAGES_PATH)));
  }

  @Test
  void send_rateLimitWithUsageHeaders_exposesThemAndTheRegainEstimate() {
    String buc =
        "{\"102290129340398\":[{\"type\":\"whatsapp\",\"call_count\":100,\"total_cputime\":30,"
            + "\"total_time\":40,\"estimated_time_to_regain_access\":7}]}";
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("X-Business-Use-Case-Usage", buc)
                    .withHeader("X-App-Usage", "{\"call_count\":99,\"total_time\":5}")
                    .withBody(err(80007, "Rate limit issues", "WABA limit"))));

    RateLimitException e = (RateLimitException) catchApi();

    assertThat(e.businessUseCaseUsage()).contains(buc);
    assertThat(e.appUsage()).contains("{\"call_count\":99,\"total_time\":5}");
    assertThat(e.retryAfter()).contains(Duration.ofMinutes(7));
  }

  private static String err(int code, String message, String details) {
    return TestClients.graphError(code, message, details, TRACE);
  }

  private ApiException sendAndCatch(int status, String body) {
    wm.resetAll();
    wm.stubFor(
        post(urlEqualTo(MESSAGES_PATH))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
    return catchApi();
  }

  private ApiException catchApi() {
    try (WhatsAppClient wa =
        TestClients.builder(wm, new FakeSleeper(), new CapturingLogger("t"))
            .retryPolicy(RetryPolicy.none())
            .build()) {
      return catchThrowableOfType(
          ApiException.class, () -> wa.messages().send(Message.to(TO).text("Hello")));
    }
  }
}
