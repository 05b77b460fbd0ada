package dev.wasdk.webhooks.event;

import static dev.wasdk.webhooks.event.Fixtures.parse;
import static dev.wasdk.webhooks.event.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The fixtures of the {@code calls} field. */
class CallFixturesTest {
  private static final String CALL = "wacid.HBgLMTY1MDU1NTEyMzQVAgARGBIzQ0FMTDAwMDAwMDAwMDAwMQA=";
  private static final String BUSINESS_CALL =
      "wacid.HBgLMTY1MDU1NTEyMzQVAgARGBIzQ0FMTDAwMDAwMDAwMDAwMgA=";

  @Test
  void connect_userInitiated_readsOfferCallerAndPayload() {
    CallConnectReceived c =
        single("fields/calls_connect_user_initiated.json", CallConnectReceived.class);
    assertThat(c.context().field()).isEqualTo("calls");
    assertThat(c.context().phoneNumberId()).contains("106540352242922");
    assertThat(c.callId()).isEqualTo(CALL);
    assertThat(c.direction()).isEqualTo(CallDirection.USER_INITIATED);
    assertThat(c.from()).isEqualTo(UserRef.ofWaId("16505551234"));
    assertThat(c.to()).isEqualTo(UserRef.ofWaId("15550783881"));
    assertThat(c.user()).isEqualTo(c.from());
    assertThat(c.context().contact().flatMap(ContactProfile::name)).contains("Sheena Nelson");
    assertThat(c.timestamp()).isEqualTo(Instant.ofEpochSecond(1750264600L));
    CallSession s = c.session().orElseThrow();
    assertThat(s.sdpType()).isEqualTo(CallSession.SdpType.OFFER);
    assertThat(s.sdp()).startsWith("v=0\r\n").contains("telephone-event/8000");
    assertThat(s.toString()).doesNotContain("127.0.0.1");
    assertThat(c.deeplinkPayload()).contains("order-4711");
    assertThat(c.ctaPayload()).isEmpty();
    assertThat(c.dedupeKey()).contains("calls:" + CALL + ":connect");
  }

  @Test
  void connect_businessInitiated_readsAnswerCalleeAndCallbackData() {
    CallConnectReceived c =
        single("fields/calls_connect_business_initiated.json", CallConnectReceived.class);
    assertThat(c.direction()).isEqualTo(CallDirection.BUSINESS_INITIATED);
    assertThat(c.session().orElseThrow().sdpType()).isEqualTo(CallSession.SdpType.ANSWER);
    assertThat(c.user().userId()).contains("US.13491208655302741918");
    assertThat(c.user().waId()).contains("16505551234");
    assertThat(c.context().contact().flatMap(ContactProfile::username)).contains("@sheena");
    assertThat(c.bizOpaqueCallbackData()).contains("campaign-42");
    assertThat(c.timestamp()).isEqualTo(Instant.ofEpochSecond(1750264700L));
  }

  @Test
  void terminate_completed_readsDurationTimesAndMixedCaseStatus() {
    CallTerminated t = single("fields/calls_terminate_completed.json", CallTerminated.class);
    assertThat(t.callId()).isEqualTo(CALL);
    assertThat(t.rawStatus()).isEqualTo("Completed");
    assertThat(t.status()).isEqualTo(CallTerminated.Status.COMPLETED);
    assertThat(t.wasAnswered()).isTrue();
    assertThat(t.durationSeconds()).isEqualTo(OptionalLong.of(180));
    assertThat(t.startTime()).contains(Instant.ofEpochSecond(1750264620L));
    assertThat(t.endTime()).contains(Instant.ofEpochSecond(1750264800L));
    assertThat(t.bizOpaqueCallbackData()).contains("ticket-7");
    assertThat(t.errors()).isEmpty();
    assertThat(t.dedupeKey()).contains("calls:" + CALL + ":terminate");
  }

  @Test
  void terminate_failed_carriesTheValueErrorsAndNoSeparateErrorEvent() {
    CallTerminated t = single("fields/calls_terminate_failed.json", CallTerminated.class);
    assertThat(t.status()).isEqualTo(CallTerminated.Status.FAILED);
    assertThat(t.wasAnswered()).isFalse();
    assertThat(t.durationSeconds()).isEmpty();
    assertThat(t.errors()).extracting(WebhookError::code).containsExactly(138021);
    assertThat(t.errors().get(0).details())
        .contains("No media was received from the business for 20 seconds.");
  }

  @Test
  void status_oneEventPerStatusOfTheBusinessCall() {
    List<WebhookEvent> events = parse("fields/calls_status_ringing.json");
    assertThat(events).hasSize(2).allMatch(e -> e instanceof CallStatusChanged);
    CallStatusChanged ringing = (CallStatusChanged) events.get(0);
    assertThat(ringing.callId()).isEqualTo(BUSINESS_CALL);
    assertThat(ringing.status()).isEqualTo(CallStatusChanged.Status.RINGING);
    assertThat(ringing.recipient()).isEqualTo(UserRef.ofWaId("16505551234"));
    assertThat(ringing.bizOpaqueCallbackData()).contains("campaign-42");
    assertThat(ringing.timestamp()).isEqualTo(Instant.ofEpochSecond(1750264690L));
    CallStatusChanged accepted = (CallStatusChanged) events.get(1);
    assertThat(accepted.status()).isEqualTo(CallStatusChanged.Status.ACCEPTED);
    assertThat(accepted.bizOpaqueCallbackData()).isEmpty();
    assertThat(ringing.dedupeKey()).contains("calls:" + BUSINESS_CALL + ":RINGING");
    assertThat(accepted.dedupeKey()).contains("calls:" + BUSINESS_CALL + ":ACCEPTED");
  }

  @Test
  void errorsOnly_becomeErrorReportedOnTheCallsField() {
    ErrorReported e = single("fields/calls_errors_only.json", ErrorReported.class);
    assertThat(e.context().field()).isEqualTo("calls");
    assertThat(e.error().code()).isEqualTo(131044);
    assertThat(e.error().title()).contains("Business eligibility payment issue");
  }

  @Test
  void unknownCallEvent_isUnknownEventWithTheCallJson() {
    UnknownEvent u = single("fields/calls_unknown_event.json", UnknownEvent.class);
    assertThat(u.field()).isEqualTo("calls");
    assertThat(u.rawJson()).startsWith("{").contains("call_recording_available");
    assertThat(u.rawJson()).doesNotContain("metadata");
  }
}
