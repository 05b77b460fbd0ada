package dev.wasdk.examples;

import dev.wasdk.client.CallConnect;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.testkit.SimulatedCalls;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.CallConnectReceived;
import dev.wasdk.webhooks.event.CallDirection;
import dev.wasdk.webhooks.event.CallPermissionReplied;
import dev.wasdk.webhooks.event.CallTerminated;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A call desk: asks a user for call permission, calls the user once they accept, and answers the
 * user's own calls. wasdk carries no media; the business plugs its WebRTC stack in through {@link
 * MediaStack}, which turns SDP offers into answers and applies Meta's answers.
 *
 * <p>Run {@link #main(String[])} to play the whole flow on the local simulator: the business sends
 * the permission request, the simulated user accepts, the desk places the call, the user picks up
 * and hangs up.
 *
 * <pre>{@code
 * try (CallDesk desk = CallDesk.start(wa, appSecret, "verify", address, myMediaStack)) {
 *   desk.askPermission("+16505551234");
 * }
 * }</pre>
 *
 * <p>Thread-safe: webhooks are handled on the server's threads.
 */
public final class CallDesk implements AutoCloseable {
  /** Where the business's media stack plugs in: SDP in, SDP out. */
  public interface MediaStack {
    /** Returns the SDP offer of a new outgoing call. */
    String offer();

    /** Returns the SDP answer to a user's offer, and starts media for that call. */
    String answer(String callId, String sdpOffer);

    /** Applies Meta's SDP answer to an offer this stack made. */
    void applyAnswer(String callId, String sdpAnswer);

    /** Stops the media of a call. */
    void stop(String callId);
  }

  private final WhatsAppClient wa;
  private final MediaStack media;
  private final JdkWebhookServer server;
  private final BlockingQueue<String> journal = new LinkedBlockingQueue<>();

  private CallDesk(
      WhatsAppClient wa,
      MediaStack media,
      String appSecret,
      String verifyToken,
      InetSocketAddress a) {
    this.wa = wa;
    this.media = media;
    WebhookRouter router =
        WebhookRouter.builder()
            .on(CallPermissionReplied.class, this::onPermission)
            .on(CallConnectReceived.class, this::onConnect)
            .on(CallTerminated.class, this::onTerminate)
            .build();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(appSecret)
            .verifyToken(verifyToken)
            .router(router)
            .build();
    this.server = JdkWebhookServer.builder(endpoint).address(a).path("/webhook").start();
  }

  /**
   * Starts the desk's webhook server.
   *
   * @param wa the client; not closed by the desk
   * @param appSecret the app secret that signs Meta's webhooks
   * @param verifyToken the token of the subscription handshake
   * @param address where to listen; port 0 picks a free port
   * @param media the business's media stack
   * @return the running desk
   */
  public static CallDesk start(
      WhatsAppClient wa,
      String appSecret,
      String verifyToken,
      InetSocketAddress address,
      MediaStack media) {
    return new CallDesk(
        Objects.requireNonNull(wa, "wa"),
        Objects.requireNonNull(media, "media"),
        appSecret,
        verifyToken,
        address);
  }

  /** Returns the webhook URL. */
  public URI uri() {
    return server.uri();
  }

  /**
   * Sends a call-permission request; inside the customer-service window only (outside it, send a
   * template with a call-permission-request component).
   *
   * @param to the user
   * @return the request's message id
   */
  public String askPermission(String to) {
    return wa.messages()
        .send(Message.to(to).callPermissionRequest("May we call you about your order?"))
        .wamid();
  }

  private void onPermission(CallPermissionReplied reply) {
    String user = reply.header().from().orElseThrow();
    journal.add("permission " + reply.response());
    if (reply.response() == CallPermissionReplied.Response.ACCEPT) {
      String callId =
          wa.calls()
              .connect(
                  CallConnect.to(Recipient.waId(user), media.offer()).withCallbackData("desk"));
      journal.add("placed " + callId);
    }
  }

  private void onConnect(CallConnectReceived call) {
    String sdp = call.session().map(s -> s.sdp()).orElseThrow();
    if (call.direction() == CallDirection.USER_INITIATED) {
      String answer = media.answer(call.callId(), sdp);
      wa.calls().preAccept(call.callId(), answer);
      wa.calls().accept(call.callId(), answer);
      journal.add("accepted " + call.callId());
    } else {
      media.applyAnswer(call.callId(), sdp);
      journal.add("ringing " + call.callId());
    }
  }

  private void onTerminate(CallTerminated end) {
    media.stop(end.callId());
    journal.add(
        "ended "
            + end.callId()
            + (end.durationSeconds().isPresent()
                ? " after " + end.durationSeconds().getAsLong() + "s"
                : ""));
  }

  /**
   * Waits for the next journal line: what the desk did, in order.
   *
   * @param timeout how long to wait
   * @return the line
   * @throws IllegalStateException if nothing happened in time
   */
  public String next(Duration timeout) {
    try {
      String line = journal.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        throw new IllegalStateException("the desk did nothing within " + timeout);
      }
      return line;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Stops the webhook server; the client stays open. */
  @Override
  public void close() {
    server.close();
  }

  /** A stand-in media stack that makes up SDP text; a real one wraps a WebRTC library. */
  static final class FakeMedia implements MediaStack {
    @Override
    public String offer() {
      return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=desk offer\r\nt=0 0\r\n";
    }

    @Override
    public String answer(String callId, String sdpOffer) {
      return "v=0\r\no=- 2 1 IN IP4 127.0.0.1\r\ns=desk answer\r\nt=0 0\r\n";
    }

    @Override
    public void applyAnswer(String callId, String sdpAnswer) {}

    @Override
    public void stop(String callId) {}
  }

  /**
   * Plays the flow on a simulator: permission, a business call the user takes and ends, then a call
   * from the user.
   *
   * @return the desk's journal, in order
   */
  static List<String> playOnSimulator(WhatsAppSimulator sim, WhatsAppClient wa, Duration timeout) {
    String user = "+16505551234";
    try (CallDesk desk =
        start(
            wa,
            sim.appSecret(),
            "desk-verify",
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
            new FakeMedia())) {
      sim.deliverWebhooksTo(desk.uri());
      List<String> lines = new java.util.ArrayList<>();
      sim.userSends(user, "Please call me about my order"); // opens the service window
      String request = desk.askPermission(user);
      sim.calls().userRepliesToPermissionRequest(user, request, true, false);
      lines.add(desk.next(timeout)); // permission ACCEPT
      String placed = desk.next(timeout); // placed <call id>
      lines.add(placed);
      lines.add(desk.next(timeout)); // ringing <call id>
      String callId = placed.substring("placed ".length());
      sim.calls().userAccepts(callId);
      sim.calls().userHangsUp(callId);
      lines.add(desk.next(timeout)); // ended
      String inbound = sim.calls().userCalls(user, SimulatedCalls.USER_SDP);
      lines.add(desk.next(timeout)); // accepted <inbound id>
      sim.calls().userHangsUp(inbound);
      lines.add(desk.next(timeout)); // ended
      return lines;
    }
  }

  /**
   * Runs the flow on the local simulator and prints the desk's journal.
   *
   * @param args unused
   */
  public static void main(String[] args) {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = EchoBot.simulatorClient(sim)) {
      playOnSimulator(sim, wa, Duration.ofSeconds(10)).forEach(System.out::println);
    }
  }
}
