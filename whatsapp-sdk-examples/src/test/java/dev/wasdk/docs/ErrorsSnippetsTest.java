package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.client.RetryPolicy;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.AuthException;
import dev.wasdk.error.ErrorCategory;
import dev.wasdk.error.ErrorCode;
import dev.wasdk.error.RateLimitException;
import dev.wasdk.error.RateLimitKind;
import dev.wasdk.error.RecipientException;
import dev.wasdk.error.RecipientReason;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.RequestNotSentException;
import dev.wasdk.error.RequestState;
import dev.wasdk.error.RetryAdvice;
import dev.wasdk.error.TemplateException;
import dev.wasdk.error.TransportException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.message.Message;
import dev.wasdk.testkit.FailureReporting;
import dev.wasdk.testkit.Fault;
import dev.wasdk.testkit.WhatsAppSimulator;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/errors.md}, with each failure produced by the simulator. */
class ErrorsSnippetsTest extends SimulatorFixture {
  private final List<String> log = new ArrayList<>();

  @Override
  WhatsAppSimulator.Builder simulatorBuilder() {
    return WhatsAppSimulator.builder().policyFailures(FailureReporting.ERROR_RESPONSE);
  }

  /** Sends a message and reports how it failed, as the guide's snippet shows. */
  void send(Message message) {
    // tag::catch[]
    try {
      wa.messages().send(message);
    } catch (RecipientException e) { // this user cannot get this message now
      if (e.reason() == RecipientReason.WINDOW_CLOSED) {
        log.add("send an approved template instead"); // 131047
      } else if (e.reason() == RecipientReason.OPTED_OUT) {
        log.add("stop marketing to this user"); // 131050
      }
    } catch (RateLimitException e) { // THROUGHPUT, PAIR, SPAM, MANAGEMENT, ...
      log.add(e.kind() + ", retry after " + e.retryAfter().orElse(Duration.ofSeconds(1)));
    } catch (TemplateException e) { // missing, paused or mismatched template
      log.add("template problem " + e.errorCode().code() + ": " + e.errorCode().meaning());
    } catch (AuthException e) { // expired or revoked token
      log.add("refresh the access token");
    } catch (ApiException e) { // every other Graph error: code, fbtrace_id, advice
      log.add(e.category() + " " + e.advice() + ": " + e.getMessage());
    } catch (TransportException e) { // no answer from Meta; see below
      log.add(e.failure() + ", " + e.requestState());
    }
    // end::catch[]
  }

  @Test
  void catch_eachFamily_takesItsBranch() {
    Message late = Message.to("+16505550123").text("Hi"); // this user never wrote
    send(late);
    sim.injectFault(Fault.error(400, 130429));
    sim.injectFault(Fault.error(400, 130429));
    sim.injectFault(Fault.error(400, 130429));
    send(Message.to(USER).text("Throttled three times"));
    send(Message.to(USER).template("no_such_template", "en_US").build());
    sim.injectFault(Fault.error(403, 368));
    send(Message.to(USER).text("Blocked"));

    assertThat(log)
        .containsExactly(
            "send an approved template instead",
            "THROUGHPUT, retry after PT1S",
            "template problem 132001: template does not exist in that language, or is not"
                + " approved",
            log.get(3));
    assertThat(log.get(3)).startsWith("ACCOUNT STOP: ");
  }

  @Test
  void transport_maybeSentVersusNotSent() {
    sim.injectFault(Fault.connectionReset().onlyMessages());
    Message message = Message.to(USER).bizOpaqueCallbackData("order-8812").text("Shipped!");
    List<String> actions = new ArrayList<>();
    // tag::transport[]
    try {
      wa.messages().send(message);
    } catch (RequestNotSentException e) { // nothing left this machine: resending is safe
      actions.add("resend later");
    } catch (RequestMaybeSentException e) { // Meta may have it: resending could send it twice
      actions.add("wait for the status webhook carrying order-8812, then decide");
    }
    // end::transport[]

    try (WhatsAppClient closedPort =
        WhatsAppClient.builder()
            .accessToken("t")
            .phoneNumberId("1")
            .baseUrl(URI.create("http://127.0.0.1:1"))
            .retryPolicy(RetryPolicy.none())
            .build()) {
      try {
        closedPort.messages().send(Message.to(USER).text("x"));
      } catch (RequestNotSentException e) {
        assertThat(e.requestState()).isEqualTo(RequestState.NOT_SENT);
        assertThat(e.failure()).isEqualTo(TransportFailure.CONNECT_FAILED);
        actions.add("not sent");
      }
    }

    assertThat(actions)
        .containsExactly(
            "wait for the status webhook carrying order-8812, then decide", "not sent");
    assertThat(sim.sentMessages()).hasSize(1);
  }

  @Test
  void errorCode_lookup_givesFamilyAdviceAndMeaning() {
    // tag::lookup[]
    ErrorCode code = ErrorCode.of(131056);
    code.category(); // RATE_LIMIT
    code.rateLimitKind(); // Optional[PAIR]
    code.advice(); // RETRY_LATER: back off this user only
    code.meaning(); // "pair rate limit: too many messages to this user; ..."

    ErrorCode unknown = ErrorCode.of(999_999); // never fails: isKnown() is false, advice NO
    // end::lookup[]

    assertThat(code.category()).isEqualTo(ErrorCategory.RATE_LIMIT);
    assertThat(code.rateLimitKind()).hasValue(RateLimitKind.PAIR);
    assertThat(code.advice()).isEqualTo(RetryAdvice.RETRY_LATER);
    assertThat(code.meaning()).startsWith("pair rate limit: too many messages to this user;");
    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown.advice()).isEqualTo(RetryAdvice.NO);
  }

  @Test
  void retryPolicy_isConfiguredOnTheClient() {
    // tag::retry-policy[]
    RetryPolicy policy =
        RetryPolicy.builder()
            .maxAttempts(4) // the first attempt included; default 3
            .initialBackoff(Duration.ofMillis(500))
            .maxBackoff(Duration.ofSeconds(10))
            .multiplier(2)
            .jitter(0.5)
            .maxRetryAfter(Duration.ofSeconds(30)) // longer announced waits end the retries
            .build();

    WhatsAppClient client =
        WhatsAppClient.builder()
            .accessToken(sim.accessToken())
            .phoneNumberId(sim.phoneNumberId())
            .baseUrl(sim.baseUrl())
            .retryPolicy(policy) // or RetryPolicy.none()
            .build();
    // end::retry-policy[]

    try (client) {
      sim.injectFault(Fault.error(400, 130429).times(3)); // throughput: provably not accepted
      String wamid = client.messages().send(Message.to(USER).text("Fourth time lucky")).wamid();
      assertThat(wamid).isNotBlank();
    }
    assertThat(sim.stats().rejected(130429)).isEqualTo(3);
    assertThat(sim.sentMessages()).hasSize(1);
  }

  @Test
  void rootException_catchesEverything() {
    // WhatsAppException is the root of every exception the SDK throws.
    assertThat(WhatsAppException.class).isAssignableFrom(ApiException.class);
    assertThat(WhatsAppException.class).isAssignableFrom(TransportException.class);
  }
}
