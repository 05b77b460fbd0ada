package dev.wasdk.webhooks.event;

import static dev.wasdk.webhooks.event.Fixtures.parse;
import static dev.wasdk.webhooks.event.Fixtures.single;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The fixtures of the four {@code group_*} fields. */
class GroupFixturesTest {
  private static final String GROUP = "Y2FwaV9ncm91cDoxNjUwNTU1MTIzNDoxMjAzNjMyMjI3NzE5NjMwNjc";

  @Test
  void lifecycle_create_readsGroupLinkAndRequest() {
    GroupLifecycleChanged g =
        single("fields/group_lifecycle_create.json", GroupLifecycleChanged.class);
    assertThat(g.context().field()).isEqualTo("group_lifecycle_update");
    assertThat(g.context().phoneNumberId()).contains("106540352242922");
    assertThat(g.type()).isEqualTo(GroupLifecycleChanged.Type.GROUP_CREATE);
    assertThat(g.groupId()).isEqualTo(GROUP);
    assertThat(g.requestId()).contains("784D93D0C468593037EA0B1ECA245D9C");
    assertThat(g.subject()).contains("Weekend riders");
    assertThat(g.description()).contains("Ride plans and route changes");
    assertThat(g.inviteLink()).contains("https://chat.whatsapp.com/KqT4x9RideRs2");
    assertThat(g.joinApprovalMode())
        .isEqualTo(GroupLifecycleChanged.JoinApprovalMode.APPROVAL_REQUIRED);
    assertThat(g.timestamp()).isEqualTo(Instant.ofEpochSecond(1750269342L));
    assertThat(g.isSuccess()).isTrue();
    assertThat(g.dedupeKey())
        .hasValueSatisfying(
            k -> assertThat(k).startsWith("group_lifecycle_update:102290129340398:1750269342:"));
  }

  @Test
  void lifecycle_createFailed_readsStringErrorCodeAndNoGroup() {
    GroupLifecycleChanged g =
        single("fields/group_lifecycle_create_failed.json", GroupLifecycleChanged.class);
    assertThat(g.isSuccess()).isFalse();
    assertThat(g.groupId()).isEmpty();
    assertThat(g.errors()).extracting(WebhookError::code).containsExactly(131211);
  }

  @Test
  void lifecycle_delete_readsKind() {
    GroupLifecycleChanged g =
        single("fields/group_lifecycle_delete.json", GroupLifecycleChanged.class);
    assertThat(g.type()).isEqualTo(GroupLifecycleChanged.Type.GROUP_DELETE);
    assertThat(g.requestId()).contains("A1B2C3D4E5F60718293A4B5C6D7E8F90");
    assertThat(g.subject()).isEmpty();
  }

  @Test
  void participants_add_readsJoinedUsersWithBsuidAndUsername() {
    GroupParticipantsChanged g =
        single("fields/group_participants_add.json", GroupParticipantsChanged.class);
    assertThat(g.context().field()).isEqualTo("group_participants_update");
    assertThat(g.type()).isEqualTo(GroupParticipantsChanged.Type.GROUP_PARTICIPANTS_ADD);
    assertThat(g.reason()).isEqualTo(GroupParticipantsChanged.Reason.INVITE_LINK);
    assertThat(g.added()).hasSize(2);
    assertThat(g.added().get(0).user()).isEqualTo(UserRef.ofWaId("16505551234"));
    assertThat(g.added().get(0).input()).isEmpty();
    GroupParticipantsChanged.Participant max = g.added().get(1);
    assertThat(max.input()).contains("16505559876");
    assertThat(max.user().userId()).contains("US.99887766554433221100");
    assertThat(max.username()).contains("@max.r");
    assertThat(g.removed()).isEmpty();
    assertThat(g.errors()).isEmpty();
  }

  @Test
  void participants_removeByBusiness_readsPartialFailureAndOuterInitiator() {
    GroupParticipantsChanged g =
        single("fields/group_participants_remove_business.json", GroupParticipantsChanged.class);
    assertThat(g.type()).isEqualTo(GroupParticipantsChanged.Type.GROUP_PARTICIPANTS_REMOVE);
    assertThat(g.initiatedBy()).isEqualTo(GroupParticipantsChanged.InitiatedBy.BUSINESS);
    assertThat(g.requestId()).contains("F00DFACE00000000000000000000CAFE");
    assertThat(g.removed()).extracting(p -> p.input().orElseThrow()).containsExactly("16505551234");
    assertThat(g.failed()).hasSize(1);
    assertThat(g.failed().get(0).input()).isEqualTo("16505550000");
    assertThat(g.failed().get(0).errors()).extracting(WebhookError::code).containsExactly(131212);
    assertThat(g.errors()).extracting(WebhookError::code).containsExactly(131201);
  }

  @Test
  void participants_left_readsParticipantInitiator() {
    GroupParticipantsChanged g =
        single("fields/group_participants_left.json", GroupParticipantsChanged.class);
    assertThat(g.initiatedBy()).isEqualTo(GroupParticipantsChanged.InitiatedBy.PARTICIPANT);
    assertThat(g.removed().get(0).user())
        .isEqualTo(
            new UserRef(
                Optional.of("16505559876"),
                Optional.of("US.99887766554433221100"),
                Optional.empty()));
    assertThat(g.requestId()).isEmpty();
  }

  @Test
  void participants_joinRequestCreated_readsRequestRequesterAndNumericTime() {
    GroupParticipantsChanged g =
        single("fields/group_join_request_created.json", GroupParticipantsChanged.class);
    assertThat(g.type()).isEqualTo(GroupParticipantsChanged.Type.GROUP_JOIN_REQUEST_CREATED);
    assertThat(g.joinRequestId()).contains("MTIzNDU2Nzg5MDEyMzQ1");
    assertThat(g.requester().waId()).contains("16505554321");
    assertThat(g.requester().userId()).contains("US.11223344556677889900");
    assertThat(g.reason()).isEqualTo(GroupParticipantsChanged.Reason.ADMIN_APPROVAL);
    assertThat(g.timestamp()).isEqualTo(Instant.ofEpochSecond(1750273000L));
  }

  @Test
  void participants_joinRequestRevoked_readsKind() {
    GroupParticipantsChanged g =
        single("fields/group_join_request_revoked.json", GroupParticipantsChanged.class);
    assertThat(g.type()).isEqualTo(GroupParticipantsChanged.Type.GROUP_JOIN_REQUEST_REVOKED);
    assertThat(g.joinRequestId()).contains("MTIzNDU2Nzg5MDEyMzQ1");
    assertThat(g.requester()).isEqualTo(UserRef.ofWaId("16505554321"));
  }

  @Test
  void settings_readsEachChangedSettingWithItsOutcome() {
    GroupSettingsChanged g =
        single("fields/group_settings_update.json", GroupSettingsChanged.class);
    assertThat(g.context().field()).isEqualTo("group_settings_update");
    assertThat(g.groupId()).isEqualTo(GROUP);
    assertThat(g.requestId()).contains("0123456789ABCDEF0123456789ABCDEF");
    GroupSettingsChanged.TextSetting subject = g.subject().orElseThrow();
    assertThat(subject.text()).contains("Weekend riders (summer)");
    assertThat(subject.updated()).isTrue();
    GroupSettingsChanged.TextSetting description = g.description().orElseThrow();
    assertThat(description.updated()).isFalse();
    assertThat(description.errors()).extracting(WebhookError::code).containsExactly(131200);
    GroupSettingsChanged.PictureSetting picture = g.profilePicture().orElseThrow();
    assertThat(picture.mimeType()).contains("image/jpeg");
    assertThat(picture.sha256()).contains("3b7f0e1c5d9a");
    assertThat(picture.updated()).isTrue();
  }

  @Test
  void status_suspendAndCleared_oneEventEach() {
    List<WebhookEvent> events = parse("fields/group_status_suspend.json");
    assertThat(events).hasSize(2).allMatch(e -> e instanceof GroupStatusChanged);
    GroupStatusChanged suspend = (GroupStatusChanged) events.get(0);
    GroupStatusChanged cleared = (GroupStatusChanged) events.get(1);
    assertThat(suspend.context().field()).isEqualTo("group_status_update");
    assertThat(suspend.type()).isEqualTo(GroupStatusChanged.Type.GROUP_SUSPEND);
    assertThat(suspend.isSuspended()).isTrue();
    assertThat(suspend.groupId()).isEqualTo(GROUP);
    assertThat(cleared.type()).isEqualTo(GroupStatusChanged.Type.GROUP_SUSPEND_CLEARED);
    assertThat(cleared.isSuspended()).isFalse();
    assertThat(cleared.timestamp()).isEqualTo(Instant.ofEpochSecond(1750361400L));
  }
}
