package dev.wasdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.CallConnect;
import dev.wasdk.client.CallPermission;
import dev.wasdk.client.CallingSettings;
import dev.wasdk.client.GroupCreate;
import dev.wasdk.client.GroupInfo;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.error.ApiException;
import dev.wasdk.message.Recipient;
import dev.wasdk.webhooks.WebhookParser;
import dev.wasdk.webhooks.event.CallConnectReceived;
import dev.wasdk.webhooks.event.CallPermissionReplied;
import dev.wasdk.webhooks.event.CallStatusChanged;
import dev.wasdk.webhooks.event.CallTerminated;
import dev.wasdk.webhooks.event.GroupLifecycleChanged;
import dev.wasdk.webhooks.event.GroupParticipantsChanged;
import dev.wasdk.webhooks.event.GroupSettingsChanged;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Calling and Groups APIs end to end: wasdk's client against the simulator, and the signed
 * webhooks it posts read back by wasdk's parser as typed events. Waits are bounded waits for real
 * deliveries.
 */
class CallsAndGroupsSimulationTest {
  private static final String USER = "+16505551234";
  private static final String SDP = "v=0\r\no=- 7 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final TestClock clock = TestClock.at(Instant.parse("2026-03-02T10:00:00Z"));
  private final WebhookReceiver receiver = new WebhookReceiver("calls-secret");
  private final WebhookParser parser = WebhookParser.create();
  private WhatsAppSimulator sim;
  private WhatsAppClient wa;

  @BeforeEach
  void start() {
    sim =
        WhatsAppSimulator.builder()
            .clock(clock)
            .appSecret("calls-secret")
            .webhookUrl(receiver.url())
            .start();
    wa =
        WhatsAppClient.builder()
            .accessToken(sim.accessToken())
            .phoneNumberId(sim.phoneNumberId())
            .baseUrl(sim.baseUrl())
            .build();
  }

  @AfterEach
  void close() {
    wa.close();
    sim.close();
    receiver.close();
  }

  private List<WebhookEvent> events(int n) {
    List<WebhookReceiver.Received> got = receiver.await(n, WAIT);
    assertThat(got).hasSize(n).allMatch(WebhookReceiver.Received::signatureValid);
    return got.stream().flatMap(r -> parser.parse(r.body()).stream()).toList();
  }

  @Test
  void userInitiatedCall_connectPreAcceptAcceptHangUp() {
    String callId = sim.calls().userCalls(USER, SimulatedCalls.USER_SDP);
    CallConnectReceived connect = (CallConnectReceived) events(1).get(0);
    assertThat(connect.callId()).isEqualTo(callId);
    assertThat(connect.session().get().sdp()).isEqualTo(SimulatedCalls.USER_SDP);
    assertThat(connect.from().primaryId()).contains("16505551234");

    wa.calls().preAccept(callId, SDP);
    assertThat(sim.calls().state(callId)).contains("PRE_ACCEPTED");
    assertThatThrownBy(() -> wa.calls().accept(callId, SDP + "a=x\r\n"))
        .isInstanceOf(ApiException.class)
        .hasMessageContaining("pre_accept");
    wa.calls().accept(callId, SDP, "ticket-1");
    assertThat(sim.calls().state(callId)).contains("ACCEPTED");
    assertThat(sim.calls().businessSdp(callId)).contains(SDP);

    clock.advance(Duration.ofSeconds(42));
    sim.calls().userHangsUp(callId);
    CallTerminated end = (CallTerminated) events(1).get(0);
    assertThat(end.callId()).isEqualTo(callId);
    assertThat(end.wasAnswered()).isTrue();
    assertThat(end.durationSeconds().getAsLong()).isEqualTo(42);
    assertThat(end.bizOpaqueCallbackData()).contains("ticket-1");
    assertThatThrownBy(() -> wa.calls().terminate(callId)).isInstanceOf(ApiException.class);
  }

  @Test
  void businessInitiatedCall_needsPermission_thenRingsAndEnds() {
    assertThat(wa.calls().permission("16505551234").status())
        .isEqualTo(CallPermission.Status.NO_PERMISSION);
    assertThatThrownBy(() -> wa.calls().connect(CallConnect.to(Recipient.phone(USER), SDP)))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error().code()).isEqualTo(138006));

    sim.calls().userRepliesToPermissionRequest(USER, "wamid.request", true, false);
    CallPermissionReplied reply = (CallPermissionReplied) events(1).get(0);
    assertThat(reply.response()).isEqualTo(CallPermissionReplied.Response.ACCEPT);
    assertThat(reply.expiration()).contains(clock.instant().plus(Duration.ofDays(7)));
    CallPermission p = wa.calls().permission("16505551234");
    assertThat(p.status()).isEqualTo(CallPermission.Status.TEMPORARY);
    assertThat(p.canPerform(CallPermission.START_CALL)).isTrue();

    String callId =
        wa.calls().connect(CallConnect.to(Recipient.phone(USER), SDP).withCallbackData("c-9"));
    List<WebhookEvent> ringing = events(2);
    assertThat(ringing.get(0)).isInstanceOf(CallConnectReceived.class);
    assertThat(((CallConnectReceived) ringing.get(0)).session().get().rawSdpType())
        .isEqualTo("answer");
    assertThat(((CallStatusChanged) ringing.get(1)).rawStatus()).isEqualTo("RINGING");
    sim.calls().userAccepts(callId);
    assertThat(((CallStatusChanged) events(1).get(0)).rawStatus()).isEqualTo("ACCEPTED");
    wa.calls().terminate(callId);
    CallTerminated end = (CallTerminated) events(1).get(0);
    assertThat(end.bizOpaqueCallbackData()).contains("c-9");
    assertThat(sim.calls().state(callId)).contains("ENDED");
  }

  @Test
  void callingSettings_roundTrip() {
    wa.calls()
        .updateSettings(
            CallingSettings.builder()
                .status(CallingSettings.Status.ENABLED)
                .callbackPermission(CallingSettings.Status.ENABLED)
                .build());
    CallingSettings s = wa.calls().settings();
    assertThat(s.status()).contains(CallingSettings.Status.ENABLED);
    assertThat(s.callbackPermission()).contains(CallingSettings.Status.ENABLED);
  }

  @Test
  void group_createJoinApproveMessageRemoveDelete() {
    String requestId =
        wa.groups()
            .create(
                GroupCreate.of("Spring sale VIPs")
                    .joinApprovalMode(GroupCreate.JoinApprovalMode.APPROVAL_REQUIRED));
    GroupLifecycleChanged created = (GroupLifecycleChanged) events(1).get(0);
    assertThat(created.requestId()).contains(requestId);
    assertThat(created.subject()).contains("Spring sale VIPs");
    String groupId = created.groupId();
    assertThat(wa.groups().inviteLink(groupId)).isEqualTo(created.inviteLink().get());
    assertThat(wa.groups().stream().map(GroupInfo.Summary::id)).containsExactly(groupId);

    Optional<String> join = sim.groups().userJoins(groupId, USER);
    assertThat(join).isPresent();
    GroupParticipantsChanged asked = (GroupParticipantsChanged) events(1).get(0);
    assertThat(asked.joinRequestId()).isEqualTo(join);
    assertThat(wa.groups().joinRequests(groupId, Optional.empty()).items())
        .extracting(GroupInfo.JoinRequest::id)
        .containsExactly(join.get());
    GroupInfo.JoinRequestsResult approved =
        wa.groups().approveJoinRequests(groupId, List.of(join.get(), "nope"));
    assertThat(approved.done()).containsExactly(join.get());
    assertThat(approved.failed())
        .extracting(GroupInfo.FailedJoinRequest::code)
        .containsExactly(131213);
    GroupParticipantsChanged added = (GroupParticipantsChanged) events(1).get(0);
    assertThat(added.added()).hasSize(1);
    assertThat(wa.groups().get(groupId).totalParticipantCount()).isEqualTo(1);

    sim.groups().userSendsToGroup(groupId, USER, "Hello group");
    assertThat(events(1).get(0).rawJson()).contains(groupId);

    wa.groups().updateSubject(groupId, "Summer sale VIPs");
    GroupSettingsChanged renamed = (GroupSettingsChanged) events(1).get(0);
    assertThat(renamed.groupId()).isEqualTo(groupId);
    assertThat(wa.groups().get(groupId).subject()).isEqualTo("Summer sale VIPs");

    wa.groups().removeParticipants(groupId, List.of("16505551234"));
    GroupParticipantsChanged removed = (GroupParticipantsChanged) events(1).get(0);
    assertThat(removed.removed()).hasSize(1);
    assertThatThrownBy(() -> sim.groups().userJoins(groupId, USER))
        .isInstanceOf(IllegalStateException.class);

    wa.groups().delete(groupId);
    GroupLifecycleChanged deleted = (GroupLifecycleChanged) events(1).get(0);
    assertThat(deleted.rawType()).isEqualTo("group_delete");
    assertThat(sim.groups().groupIds()).isEmpty();
    assertThat(sim.awaitWebhooks(WAIT)).isTrue();
  }
}
