package dev.wasdk.examples;

import dev.wasdk.client.GroupCreate;
import dev.wasdk.client.WhatsAppClient;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
import dev.wasdk.testkit.WhatsAppSimulator;
import dev.wasdk.webhooks.WebhookEndpoint;
import dev.wasdk.webhooks.WebhookRouter;
import dev.wasdk.webhooks.event.GroupLifecycleChanged;
import dev.wasdk.webhooks.event.GroupParticipantsChanged;
import dev.wasdk.webhooks.jdk.JdkWebhookServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A group announcement: the business creates a group, learns its id from the {@code group_create}
 * webhook, shares the invite link, waits for members to join, and posts an announcement to the
 * group as one recipient.
 *
 * <p>Run {@link #main(String[])} to play it on the local simulator with two simulated users.
 *
 * <pre>{@code
 * GroupAnnouncement.Result r = GroupAnnouncement.runOnSimulator(sim, wa, Duration.ofSeconds(10));
 * }</pre>
 */
public final class GroupAnnouncement {
  private GroupAnnouncement() {}

  /**
   * What the announcement did.
   *
   * @param groupId the group's id
   * @param inviteLink the link shared with users
   * @param announcementWamid the id of the announcement message
   */
  public record Result(String groupId, String inviteLink, String announcementWamid) {}

  /**
   * Plays the announcement on a simulator.
   *
   * @param sim the simulator
   * @param wa a client of the simulator
   * @param timeout how long to wait for each webhook
   * @return what was done
   */
  public static Result runOnSimulator(WhatsAppSimulator sim, WhatsAppClient wa, Duration timeout)
      throws Exception {
    List<String> members = List.of("+16505551234", "+16505559876");
    Map<String, CompletableFuture<String>> created = new ConcurrentHashMap<>();
    CountDownLatch joined = new CountDownLatch(members.size());
    WebhookRouter router =
        WebhookRouter.builder()
            .on(
                GroupLifecycleChanged.class,
                e ->
                    e.requestId()
                        .ifPresent(
                            id ->
                                created
                                    .computeIfAbsent(id, k -> new CompletableFuture<>())
                                    .complete(e.groupId())))
            .on(GroupParticipantsChanged.class, e -> e.added().forEach(p -> joined.countDown()))
            .build();
    WebhookEndpoint endpoint =
        WebhookEndpoint.builder()
            .appSecret(sim.appSecret())
            .verifyToken("groups-verify")
            .router(router)
            .build();
    try (JdkWebhookServer server =
        JdkWebhookServer.builder(endpoint)
            .address(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .start()) {
      sim.deliverWebhooksTo(server.uri());

      // 1. Create: the answer is a request id; the group id arrives by webhook.
      String requestId =
          wa.groups()
              .create(GroupCreate.of("Spring sale VIPs").description("Early access to our offers"));
      String groupId =
          created
              .computeIfAbsent(requestId, k -> new CompletableFuture<>())
              .get(timeout.toMillis(), TimeUnit.MILLISECONDS);

      // 2. Share the invite link; the business cannot add people itself.
      String link = wa.groups().inviteLink(groupId);
      for (String m : members) {
        sim.groups().userJoins(groupId, m);
      }
      if (!joined.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("the members did not join in time");
      }

      // 3. One message to the group reaches every member.
      String wamid =
          wa.messages()
              .send(Message.to(Recipient.group(groupId)).text("Our spring sale starts Monday!"))
              .wamid();
      return new Result(groupId, link, wamid);
    }
  }

  /**
   * Runs the announcement on the local simulator.
   *
   * @param args unused
   * @throws Exception if a step fails
   */
  public static void main(String[] args) throws Exception {
    try (WhatsAppSimulator sim = WhatsAppSimulator.start();
        WhatsAppClient wa = EchoBot.simulatorClient(sim)) {
      Result r = runOnSimulator(sim, wa, Duration.ofSeconds(10));
      System.out.println("Group " + r.groupId() + " (" + r.inviteLink() + ")");
      System.out.println("Announcement " + r.announcementWamid());
    }
  }
}
