package dev.wasdk.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.wasdk.client.TestClients.PHONE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.internal.http.CapturingLogger;
import dev.wasdk.internal.http.FakeSleeper;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The Groups API over HTTP: exact request bodies, answers read, limits checked first. */
class GroupsApiTest {
  @RegisterExtension
  static WireMockExtension wm =
      WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  static final String P = "/v24.0/" + PHONE_ID;
  static final String G = "Y2FwaV9ncm91cDoxNjUwNTU1MTIzNDoxMjAzNjM0MDk1NTg5NjA3NjU";
  static final String GP = "/v24.0/" + G;

  private final FakeSleeper sleeper = new FakeSleeper();

  private WhatsAppClient client() {
    return TestClients.builder(wm, sleeper, new CapturingLogger("groups")).build();
  }

  @Test
  void create_sendsSubjectDescriptionAndMode_andReturnsTheRequestId() {
    wm.stubFor(
        post(urlEqualTo(P + "/groups"))
            .willReturn(okJson("{\"messaging_product\":\"whatsapp\",\"request_id\":\"req-1\"}")));
    try (WhatsAppClient wa = client()) {
      String id =
          wa.groups()
              .create(
                  GroupCreate.of("  Spring sale VIPs ")
                      .description("Early access")
                      .joinApprovalMode(GroupCreate.JoinApprovalMode.APPROVAL_REQUIRED));
      assertThat(id).isEqualTo("req-1");
      assertThat(wa.groups().create(GroupCreate.of("Plain"))).isEqualTo("req-1");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/groups"))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"subject\":\"Spring sale VIPs\","
                        + "\"description\":\"Early access\","
                        + "\"join_approval_mode\":\"approval_required\"}")));
    wm.verify(
        postRequestedFor(urlEqualTo(P + "/groups"))
            .withRequestBody(
                equalToJson("{\"messaging_product\":\"whatsapp\",\"subject\":\"Plain\"}")));
  }

  @Test
  void create_brokenConnection_isMaybeSentAndNotRetried() {
    wm.stubFor(
        post(urlEqualTo(P + "/groups")).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.groups().create(GroupCreate.of("x")))
          .isInstanceOf(RequestMaybeSentException.class);
    }
    wm.verify(1, postRequestedFor(urlEqualTo(P + "/groups")));
    assertThat(sleeper.waits()).isEmpty();
  }

  @Test
  void get_asksForEveryField_andReadsTheGroup() {
    wm.stubFor(
        get(urlPathEqualTo(GP))
            .willReturn(
                okJson(
                    "{\"messaging_product\":\"whatsapp\",\"id\":\""
                        + G
                        + "\",\"subject\":\"VIPs\",\"description\":\"d\","
                        + "\"creation_timestamp\":\"1761000000\",\"suspended\":false,"
                        + "\"total_participant_count\":2,\"participants\":[{\"wa_id\":\"16505551234\"},"
                        + "{\"user_id\":\"US.1349120865530\",\"username\":\"ana\"}],"
                        + "\"join_approval_mode\":\"approval_required\"}")));
    try (WhatsAppClient wa = client()) {
      GroupInfo g = wa.groups().get(G);
      assertThat(g.id()).isEqualTo(G);
      assertThat(g.subject()).isEqualTo("VIPs");
      assertThat(g.description()).contains("d");
      assertThat(g.createdAt()).contains(Instant.ofEpochSecond(1761000000));
      assertThat(g.suspended()).isFalse();
      assertThat(g.totalParticipantCount()).isEqualTo(2);
      assertThat(g.participants().get(0).waId()).contains("16505551234");
      assertThat(g.participants().get(1).userId()).contains("US.1349120865530");
      assertThat(g.joinApprovalMode()).isEqualTo(GroupCreate.JoinApprovalMode.APPROVAL_REQUIRED);
      assertThat(g.toString()).doesNotContain("16505551234");
    }
    wm.verify(
        getRequestedFor(
            urlEqualTo(
                GP
                    + "?fields=subject%2Cdescription%2Cparticipants%2Cjoin_approval_mode%2C"
                    + "suspended%2Ccreation_timestamp%2Ctotal_participant_count")));
  }

  @Test
  void get_paddedGroupId_isOneEncodedSegment() {
    wm.stubFor(get(urlPathEqualTo(GP + "%3D")).willReturn(okJson("{\"id\":\"" + G + "=\"}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.groups().get(G + "=").id()).isEqualTo(G + "=");
    }
  }

  @Test
  void list_readsDataGroups_andPages() throws Exception {
    wm.stubFor(
        get(urlEqualTo(P + "/groups"))
            .willReturn(
                okJson(
                    "{\"data\":{\"groups\":[{\"id\":\"g1\",\"subject\":\"One\","
                        + "\"created_at\":1761000000}]},\"paging\":{\"cursors\":{\"after\":\"A\"}}}")));
    wm.stubFor(
        get(urlEqualTo(P + "/groups?after=A"))
            .willReturn(okJson("{\"data\":{\"groups\":[{\"id\":\"g2\",\"subject\":\"Two\"}]}}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.groups().stream().map(GroupInfo.Summary::id).toList())
          .containsExactly("g1", "g2");
      Page<GroupInfo.Summary> first =
          wa.groups().listAsync(Optional.empty()).get(20, TimeUnit.SECONDS);
      assertThat(first.items().get(0).createdAt()).contains(Instant.ofEpochSecond(1761000000));
      assertThat(first.after()).contains("A");
    }
  }

  @Test
  void list_withALimit_passesIt_andChecksItsRange() {
    wm.stubFor(
        get(urlEqualTo(P + "/groups?limit=1024&after=Z"))
            .willReturn(okJson("{\"data\":{\"groups\":[{\"id\":\"g9\",\"subject\":\"S\"}]}}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.groups().list(1024, Optional.of("Z")).items())
          .extracting(GroupInfo.Summary::id)
          .containsExactly("g9");
      assertThatThrownBy(() -> wa.groups().list(0, Optional.empty()))
          .hasMessageContaining("1 to 1024");
      assertThatThrownBy(() -> wa.groups().list(1025, Optional.empty()))
          .hasMessageContaining("1 to 1024");
    }
    wm.verify(1, getRequestedFor(urlEqualTo(P + "/groups?limit=1024&after=Z")));
  }

  @Test
  void updates_sendSubjectOrDescription_andAJpegPhoto() {
    wm.stubFor(post(urlEqualTo(GP)).willReturn(okJson("{\"request_id\":\"r9\"}")));
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 1, 2, 3};
    try (WhatsAppClient wa = client()) {
      assertThat(wa.groups().updateSubject(G, " New name ")).contains("r9");
      assertThat(wa.groups().updateDescription(G, "")).contains("r9");
      assertThat(wa.groups().updatePhoto(G, jpeg)).contains("r9");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(GP))
            .withRequestBody(
                equalToJson("{\"messaging_product\":\"whatsapp\",\"subject\":\"New name\"}")));
    wm.verify(
        postRequestedFor(urlEqualTo(GP))
            .withRequestBody(
                equalToJson("{\"messaging_product\":\"whatsapp\",\"description\":\"\"}")));
    wm.verify(
        postRequestedFor(urlEqualTo(GP))
            .withHeader("Content-Type", containing("multipart/form-data"))
            .withRequestBody(containing("name=\"messaging_product\""))
            .withRequestBody(containing("filename=\"group.jpg\""))
            .withRequestBody(containing("Content-Type: image/jpeg")));
  }

  @Test
  void inviteLink_getAndReset() {
    wm.stubFor(
        get(urlEqualTo(GP + "/invite_link"))
            .willReturn(
                okJson(
                    "{\"messaging_product\":\"whatsapp\","
                        + "\"invite_link\":\"https://chat.whatsapp.com/OLD\"}")));
    wm.stubFor(
        post(urlEqualTo(GP + "/invite_link"))
            .willReturn(
                okJson(
                    "{\"messaging_product\":\"whatsapp\","
                        + "\"invite_link\":\"https://chat.whatsapp.com/NEW\"}")));
    try (WhatsAppClient wa = client()) {
      assertThat(wa.groups().inviteLink(G)).isEqualTo("https://chat.whatsapp.com/OLD");
      assertThat(wa.groups().resetInviteLink(G)).isEqualTo("https://chat.whatsapp.com/NEW");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(GP + "/invite_link"))
            .withRequestBody(equalToJson("{\"messaging_product\":\"whatsapp\"}")));
  }

  @Test
  void inviteLink_missingFromTheAnswer_fails() {
    wm.stubFor(get(urlEqualTo(GP + "/invite_link")).willReturn(okJson("{}")));
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> wa.groups().inviteLink(G)).hasMessageContaining("invite_link");
    }
  }

  @Test
  void joinRequests_listApproveReject() {
    wm.stubFor(
        get(urlEqualTo(GP + "/join_requests"))
            .willReturn(
                okJson(
                    "{\"data\":[{\"join_request_id\":\"jr1\",\"wa_id\":\"16505551234\","
                        + "\"creation_timestamp\":1761000000},{\"join_request_id\":\"jr2\","
                        + "\"user_id\":\"US.77\",\"creation_timestamp\":\"1761000001\"}],"
                        + "\"paging\":{\"cursors\":{\"before\":\"B\"}}}")));
    wm.stubFor(
        post(urlEqualTo(GP + "/join_requests"))
            .willReturn(
                okJson(
                    "{\"messaging_product\":\"whatsapp\",\"approved_join_requests\":[\"jr1\"],"
                        + "\"failed_join_requests\":[{\"join_request_id\":\"jr2\",\"errors\":"
                        + "[{\"code\":\"131213\",\"message\":\"unknown join request\"}]}]}")));
    wm.stubFor(
        delete(urlEqualTo(GP + "/join_requests"))
            .willReturn(
                okJson(
                    "{\"messaging_product\":\"whatsapp\",\"rejected_join_requests\":[\"jr3\"]}")));
    try (WhatsAppClient wa = client()) {
      Page<GroupInfo.JoinRequest> page = wa.groups().joinRequests(G, Optional.empty());
      assertThat(page.items()).extracting(GroupInfo.JoinRequest::id).containsExactly("jr1", "jr2");
      assertThat(page.items().get(1).createdAt()).contains(Instant.ofEpochSecond(1761000001));
      assertThat(page.items().get(1).userId()).contains("US.77");
      assertThat(page.before()).contains("B");
      GroupInfo.JoinRequestsResult approved =
          wa.groups().approveJoinRequests(G, List.of("jr1", "jr2"));
      assertThat(approved.done()).containsExactly("jr1");
      assertThat(approved.failed())
          .containsExactly(new GroupInfo.FailedJoinRequest("jr2", 131213, "unknown join request"));
      assertThat(wa.groups().rejectJoinRequests(G, List.of("jr3")).done()).containsExactly("jr3");
    }
    wm.verify(
        postRequestedFor(urlEqualTo(GP + "/join_requests"))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"join_requests\":[\"jr1\",\"jr2\"]}")));
    wm.verify(
        deleteRequestedFor(urlEqualTo(GP + "/join_requests"))
            .withRequestBody(
                equalToJson("{\"messaging_product\":\"whatsapp\",\"join_requests\":[\"jr3\"]}")));
  }

  @Test
  void removeParticipants_andDelete() {
    wm.stubFor(delete(urlEqualTo(GP + "/participants")).willReturn(okJson("{}")));
    wm.stubFor(delete(urlEqualTo(GP)).willReturn(okJson("{\"success\":true}")));
    try (WhatsAppClient wa = client()) {
      wa.groups().removeParticipants(G, List.of("16505551234", "US.77"));
      wa.groups().delete(G);
    }
    wm.verify(
        deleteRequestedFor(urlEqualTo(GP + "/participants"))
            .withRequestBody(
                equalToJson(
                    "{\"messaging_product\":\"whatsapp\",\"participants\":"
                        + "[{\"user\":\"16505551234\"},{\"user\":\"US.77\"}]}")));
    wm.verify(1, deleteRequestedFor(urlEqualTo(GP)));
  }

  @Test
  void documentedLimits_failBeforeTheNetwork() {
    try (WhatsAppClient wa = client()) {
      assertThatThrownBy(() -> GroupCreate.of("   ")).hasMessageContaining("1 to 128");
      assertThatThrownBy(() -> GroupCreate.of("x".repeat(129))).hasMessageContaining("1 to 128");
      assertThat(GroupCreate.of(" " + "x".repeat(128) + " ").subject()).hasSize(128);
      assertThatThrownBy(() -> GroupCreate.of("a").description("d".repeat(2049)))
          .hasMessageContaining("2048");
      assertThatThrownBy(
              () -> GroupCreate.of("a").joinApprovalMode(GroupCreate.JoinApprovalMode.UNKNOWN))
          .isInstanceOf(IllegalArgumentException.class);
      assertThatThrownBy(() -> wa.groups().updateSubject(G, "")).hasMessageContaining("1 to 128");
      assertThatThrownBy(() -> wa.groups().updateDescription(G, "d".repeat(2049)))
          .hasMessageContaining("2048");
      assertThatThrownBy(() -> wa.groups().removeParticipants(G, List.of()))
          .hasMessageContaining("1 to 8");
      assertThatThrownBy(
              () ->
                  wa.groups()
                      .removeParticipants(
                          G,
                          java.util.stream.IntStream.range(0, 9).mapToObj(i -> "u" + i).toList()))
          .hasMessageContaining("1 to 8");
      assertThatThrownBy(() -> wa.groups().removeParticipants(G, List.of("1", "1")))
          .hasMessageContaining("repeat");
      assertThatThrownBy(() -> wa.groups().approveJoinRequests(G, List.of()))
          .hasMessageContaining("joinRequestIds");
      assertThatThrownBy(() -> wa.groups().updatePhoto(G, new byte[] {1, 2, 3}))
          .hasMessageContaining("JPEG");
      byte[] big = new byte[GroupsApi.MAX_PHOTO_BYTES + 1];
      big[0] = (byte) 0xFF;
      big[1] = (byte) 0xD8;
      big[2] = (byte) 0xFF;
      assertThatThrownBy(() -> wa.groups().updatePhoto(G, big)).hasMessageContaining("5 MB");
      assertThatThrownBy(() -> wa.groups().get(" ")).hasMessageContaining("groupId");
      assertThatThrownBy(() -> wa.groups().delete("a b")).hasMessageContaining("groupId");
    }
    wm.verify(0, anyRequestedFor(anyUrl()));
  }
}
