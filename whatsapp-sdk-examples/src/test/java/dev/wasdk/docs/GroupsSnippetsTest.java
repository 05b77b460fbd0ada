package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wasdk.client.GroupCreate;
import dev.wasdk.client.GroupInfo;
import dev.wasdk.message.Message;
import dev.wasdk.message.Recipient;
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
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The snippets of {@code docs/groups.md}, run against the simulator's Groups API. */
class GroupsSnippetsTest extends SimulatorFixture {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final Map<String, String> groupIdByRequest = new ConcurrentHashMap<>();
  private final List<GroupParticipantsChanged> joins = new CopyOnWriteArrayList<>();

  private JdkWebhookServer serve() {
    // tag::webhooks[]
    WebhookRouter router =
        WebhookRouter.builder()
            .on(
                GroupLifecycleChanged.class,
                e -> {
                  if (e.type() == GroupLifecycleChanged.Type.GROUP_CREATE && e.isSuccess()) {
                    groupIdByRequest.put(e.requestId().orElseThrow(), e.groupId());
                  }
                })
            .on(GroupParticipantsChanged.class, joins::add) // joins, leaves, join requests
            .build();
    // end::webhooks[]
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
  void createInviteApproveSendManage() {
    try (JdkWebhookServer server = serve()) {
      // tag::create[]
      String requestId =
          wa.groups()
              .create(
                  GroupCreate.of("Spring sale VIPs")
                      .description("Early access to our spring offers")
                      .joinApprovalMode(GroupCreate.JoinApprovalMode.APPROVAL_REQUIRED));
      // the group id arrives in the group_create webhook that carries this request id
      // end::create[]
      assertThat(sim.awaitWebhooks(WAIT)).isTrue();
      String groupId = groupIdByRequest.get(requestId);
      assertThat(groupId).isNotNull();

      // tag::invite[]
      String link = wa.groups().inviteLink(groupId); // share it: users join through it
      String fresh = wa.groups().resetInviteLink(groupId); // the old link stops working
      // end::invite[]
      assertThat(fresh).isNotEqualTo(link);

      Optional<String> asked = sim.groups().userJoins(groupId, USER);
      assertThat(sim.awaitWebhooks(WAIT)).isTrue();
      assertThat(asked).isPresent();

      // tag::join-requests[]
      List<String> pending =
          wa.groups().joinRequests(groupId, Optional.empty()).items().stream()
              .map(GroupInfo.JoinRequest::id)
              .toList();
      GroupInfo.JoinRequestsResult result = wa.groups().approveJoinRequests(groupId, pending);
      result.failed().forEach(f -> System.out.println(f.id() + " failed: " + f.code()));
      // end::join-requests[]
      assertThat(result.done()).containsExactly(asked.get());
      assertThat(sim.awaitWebhooks(WAIT)).isTrue();
      assertThat(joins).hasSize(2);

      // tag::send[]
      wa.messages()
          .send(Message.to(Recipient.group(groupId)).text("Our spring sale starts Monday!"));
      // end::send[]
      assertThat(lastJson()).contains("\"recipient_type\":\"group\"");

      // tag::manage[]
      wa.groups().updateSubject(groupId, "Summer sale VIPs");
      GroupInfo info = wa.groups().get(groupId);
      System.out.println(info.subject() + ": " + info.totalParticipantCount() + " participants");
      wa.groups().removeParticipants(groupId, List.of("16505551234")); // cannot rejoin by link
      wa.groups().delete(groupId); // removes everyone, the business too
      // end::manage[]
      assertThat(info.subject()).isEqualTo("Summer sale VIPs");
      assertThat(info.totalParticipantCount()).isEqualTo(1);
      assertThat(sim.groups().groupIds()).isEmpty();
    }
  }

  @Test
  void limits_checkedBeforeTheNetwork() {
    // tag::limits[]
    try {
      GroupCreate.of("x".repeat(129)); // subjects are 1 to 128 characters
    } catch (IllegalArgumentException e) {
      System.out.println(e.getMessage());
    }
    // end::limits[]
    assertThatThrownBy(() -> GroupCreate.of("x".repeat(129))).hasMessageContaining("128");
  }
}
