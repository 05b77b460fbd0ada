package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.CallConnect;
import dev.wasdk.client.CallHours;
import dev.wasdk.client.CallPermission;
import dev.wasdk.client.CallingSettings;
import dev.wasdk.error.ApiException;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.testkit.SimulatedCalls;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.CallConnectReceived;
import dev.wasdk.webhooks.event.CallDirection;
import dev.wasdk.webhooks.event.CallPermissionReplied;
import dev.wasdk.webhooks.event.CallTerminated;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/calling.md}, run against the simulator's Calling API. */
class CallingSnippetsTest extends SimulatorFixture {
  private static final Duration WAIT = Duration.ofSeconds(10);

  /** Where a business's WebRTC stack plugs in; the guide's snippets call it. */
  interface MediaStack {
    String offer();

    String answer(String sdpOffer);

    void apply(String sdpAnswer);

    void stop(String callId);
  }

  /** A stand-in that records what it was given. */
  static final class RecordingMedia implements MediaStack {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public String offer() {
      return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=offer\r\nt=0 0\r\n";
    }

    @Override
    public String answer(String sdpOffer) {
      seen.add("offer:" + sdpOffer);
      return "v=0\r\no=- 2 1 IN IP4 127.0.0.1\r\ns=answer\r\nt=0 0\r\n";
    }

    @Override
    public void apply(String sdpAnswer) {
      seen.add("answer:" + sdpAnswer);
    }

    @Override
    public void stop(String callId) {
      seen.add("stop:" + callId);
    }
  }

  private final RecordingMedia media = new RecordingMedia();

  private JdkWebhookServer serve(WebhookRouter router) {
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("t")
            .router(router)
            .build();
    JdkWebhookServer server =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .start();
    sim.deliverWebhooksTo(server.uri());
    return server;
  }

  @Test
  void settings_enableCallingWithHours() {
    // tag::settings[]
    CallHours hours =
        CallHours.builder("Europe/Berlin")
            .open(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 30))
            .open(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 0))
            .open(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(13, 0))
            .holiday(LocalDate.of(2026, 12, 24), LocalTime.of(9, 0), LocalTime.of(12, 0))
            .build();
    wa.calls()
        .updateSettings(
            CallingSettings.builder()
                .status(CallingSettings.Status.ENABLED)
                .callbackPermission(CallingSettings.Status.ENABLED) // a caller may be called back
                .callHours(hours)
                .build());

    CallingSettings current = wa.calls().settings();
    // end::settings[]

    assertThat(current.status()).contains(CallingSettings.Status.ENABLED);
    assertThat(current.callHours().get().weeklyHours()).hasSize(3);
    assertThatThrownBy(
            () ->
                CallHours.builder("Europe/Berlin")
                    .open(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))
                    .open(DayOfWeek.MONDAY, LocalTime.of(11, 0), LocalTime.of(13, 0))
                    .build())
        .hasMessageContaining("overlap");
  }

  @Test
  void permission_askThenCheck() throws Exception {
    List<CallPermissionReplied> replies = new CopyOnWriteArrayList<>();
    try (JdkWebhookServer server =
        serve(WebhookRouter.builder().on(CallPermissionReplied.class, replies::add).build())) {
      // tag::permission[]
      String request =
          wa.messages()
              .send(
                  Message.to("+16505551234")
                      .callPermissionRequest("May we call you about your order?"))
              .wamid();
      // ... the user's answer arrives as a CallPermissionReplied event

      CallPermission permission = wa.calls().permission("16505551234");
      boolean canCall = permission.canPerform(CallPermission.START_CALL);
      // end::permission[]
      assertThat(canCall).isFalse();
      assertThat(permission.status()).isEqualTo(CallPermission.Status.NO_PERMISSION);

      sim.calls().userRepliesToPermissionRequest(USER, request, true, false);
      assertThat(sim.awaitWebhooks(WAIT)).isTrue();
      assertThat(replies)
          .singleElement()
          .satisfies(
              r -> assertThat(r.response()).isEqualTo(CallPermissionReplied.Response.ACCEPT));
      assertThat(wa.calls().permission("16505551234").canPerform(CallPermission.START_CALL))
          .isTrue();
    }
  }

  @Test
  void userCall_answeredFromTheWebhook() {
    // tag::user-call[]
    WebhookRouter router =
        WebhookRouter.builder()
            .on(
                CallConnectReceived.class,
                call -> {
                  String sdp = call.session().orElseThrow().sdp();
                  if (call.direction() == CallDirection.USER_INITIATED) {
                    String answer = media.answer(sdp); // your WebRTC stack: SDP in, SDP out
                    wa.calls().preAccept(call.callId(), answer); // media may start connecting
                    wa.calls().accept(call.callId(), answer); // within 30 to 60 seconds
                  } else {
                    media.apply(sdp); // Meta's answer to the offer of a call you placed
                  }
                })
            .on(CallTerminated.class, end -> media.stop(end.callId()))
            .build();
    // end::user-call[]
    try (JdkWebhookServer server = serve(router)) {
      String callId = sim.calls().userCalls(USER, SimulatedCalls.USER_SDP);
      assertThat(sim.awaitWebhooks(WAIT)).isTrue();
      assertThat(sim.calls().state(callId)).contains("ACCEPTED");
      sim.calls().userHangsUp(callId);
      assertThat(sim.awaitWebhooks(WAIT)).isTrue();
      assertThat(media.seen).containsExactly("offer:" + SimulatedCalls.USER_SDP, "stop:" + callId);
    }
  }

  @Test
  void businessCall_placedAndEnded() {
    sim.calls().userRepliesToPermissionRequest(USER, "wamid.request", true, true);
    // tag::business-call[]
    String callId =
        wa.calls()
            .connect(
                CallConnect.to(Recipient.waId("16505551234"), media.offer())
                    .withCallbackData("order-1234")); // echoed in this call's webhooks
    // ... RINGING, then ACCEPTED or REJECTED arrive as CallStatusChanged events
    wa.calls().terminate(callId); // when the business hangs up
    // end::business-call[]
    assertThat(sim.calls().state(callId)).contains("ENDED");
    assertThat(sim.calls().businessSdp(callId)).contains(media.offer());
  }

  @Test
  void errors_noPermission() {
    // tag::no-permission[]
    try {
      wa.calls().connect(CallConnect.to(Recipient.waId("16505551234"), media.offer()));
    } catch (ApiException e) {
      int code = e.error().code(); // 138006: no approved call permission; ask first
    }
    // end::no-permission[]
    assertThatThrownBy(
            () -> wa.calls().connect(CallConnect.to(Recipient.waId("16505551234"), media.offer())))
        .isInstanceOfSatisfying(
            ApiException.class, e -> assertThat(e.error().code()).isEqualTo(138006));
  }
}
