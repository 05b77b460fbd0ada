package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** Faults on demand: errors, resets after acceptance, cut-off bodies, latency, fractions. */
class FaultsTest {
  private static final String USER = "+16505551234";

  private WhatsAppSimulator sim = WhatsAppSimulator.start();
  private Http http = new Http(sim);

  @AfterEach
  void close() {
    sim.close();
  }

  @Test
  void serverError_nextTwoRequests_500WithMetaBodyThenNormal() {
    sim.userSends(USER, "hi");
    sim.injectFault(Fault.serverError().times(2));

    Http.Response first = http.send(Http.text(USER, "a"));
    Http.Response second = http.send(Http.text(USER, "b"));
    Http.Response third = http.send(Http.text(USER, "c"));

    assertThat(first.status()).isEqualTo(500);
    assertThat(first.errorCode()).isEqualTo(131000);
    assertThat(first.json().path("error").path("message").asString())
        .isEqualTo("(#131000) Something went wrong");
    assertThat(first.details()).isNotBlank();
    assertThat(second.status()).isEqualTo(500);
    assertThat(third.status()).isEqualTo(200);
    assertThat(sim.sentMessages()).hasSize(1);
    assertThat(sim.receivedRequests().get(0).fault()).isEqualTo("ERROR");
  }

  @Test
  void serviceUnavailable_503Code2() {
    sim.injectFault(Fault.serviceUnavailable());

    Http.Response r = http.get(Http.V + sim.phoneNumberId());

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.errorCode()).isEqualTo(2);
  }

  @Test
  void customError_anyCodeAndStatus() {
    sim.injectFault(Fault.error(403, 368));

    Http.Response r = http.send(Http.template(USER, "hello_world", "en_US"));

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.errorCode()).isEqualTo(368);
  }

  @Test
  void connectionReset_messageAcceptedButAnswerLost() {
    sim.userSends(USER, "hi");
    sim.injectFault(Fault.connectionReset());

    assertThatThrownBy(() -> http.send(Http.text(USER, "maybe")))
        .isInstanceOf(UncheckedIOException.class)
        .hasCauseInstanceOf(IOException.class);

    assertThat(sim.sentMessages()).hasSize(1);
    RecordedRequest rec = sim.receivedRequests().get(0);
    assertThat(rec.fault()).isEqualTo("CONNECTION_RESET");
    assertThat(rec.status()).isZero();
    assertThat(http.send(Http.text(USER, "next")).status()).isEqualTo(200);
  }

  @Test
  void malformedBody_200WithCutOffJson_messageAccepted() {
    sim.userSends(USER, "hi");
    sim.injectFault(Fault.malformedBody());

    Http.Response r = http.send(Http.text(USER, "maybe"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bytes()).isNotEmpty();
    assertThatThrownBy(r::json).isInstanceOf(JacksonException.class);
    assertThat(sim.sentMessages()).hasSize(1);
  }

  @Test
  void latency_answerComesLateButComplete() {
    sim.userSends(USER, "hi");
    sim.injectFault(Fault.latency(Duration.ofMillis(150)));

    long start = System.nanoTime();
    Http.Response r = http.send(Http.text(USER, "slow"));
    long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

    assertThat(r.status()).isEqualTo(200);
    assertThat(elapsedMillis).isGreaterThanOrEqualTo(150);
    assertThat(sim.receivedRequests().get(0).fault()).isEqualTo("LATENCY");
  }

  @Test
  void onlyMessages_otherRequestsUntouched() {
    sim.userSends(USER, "hi");
    sim.injectFault(Fault.serverError().onlyMessages());

    assertThat(http.get(Http.V + sim.phoneNumberId()).status()).isEqualTo(200);
    assertThat(http.send(Http.text(USER, "x")).status()).isEqualTo(500);
    assertThat(http.send(Http.text(USER, "y")).status()).isEqualTo(200);
  }

  @Test
  void fraction_seeded_repeatableAndUntilCleared() {
    int first = failuresWithSeed(7);
    sim.close();
    int second = failuresWithSeed(7);

    assertThat(first).isEqualTo(second);
    assertThat(first).isBetween(5, 35);
    sim.clearFaults();
    assertThat(http.send(Http.template(USER, "hello_world", "en_US")).status()).isEqualTo(200);
  }

  private int failuresWithSeed(long seed) {
    sim = WhatsAppSimulator.builder().randomSeed(seed).disable(PlatformRule.PAIR_RATE).start();
    http = new Http(sim);
    sim.injectFault(Fault.serverError().fraction(0.3));
    int failures = 0;
    for (int i = 0; i < 60; i++) {
      if (http.send(Http.template(USER, "hello_world", "en_US")).status() == 500) {
        failures++;
      }
    }
    return failures;
  }

  @Test
  void faults_queuedInOrder() {
    sim.injectFault(Fault.error(400, 131048));
    sim.injectFault(Fault.serviceUnavailable());

    assertThat(http.get(Http.V + sim.phoneNumberId()).errorCode()).isEqualTo(131048);
    assertThat(http.get(Http.V + sim.phoneNumberId()).errorCode()).isEqualTo(2);
    assertThat(http.get(Http.V + sim.phoneNumberId()).status()).isEqualTo(200);
  }

  @Test
  void fault_invalidArguments_refused() {
    assertThatThrownBy(() -> Fault.latency(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.error(200, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.serverError().times(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.serverError().fraction(1.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Fault.error(403, 368).times(2).onlyMessages().toString())
        .contains("403")
        .contains("368")
        .contains("times=2")
        .contains("messages only");
  }
}
