package dev.wasdk.client;

import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.http.MultipartBody;
import dev.wasdk.internal.json.GroupJson;
import dev.wasdk.internal.json.ManagementJson;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Creates and manages WhatsApp groups of this client's phone number (Groups API): create, read,
 * list, update the subject, description and photo, the invite link, join requests, participants and
 * deletion. Get it from {@link WhatsAppClient#groups()}; send to a group with {@code
 * Message.to(Recipient.group(groupId))}.
 *
 * <pre>{@code
 * String requestId = wa.groups().create(GroupCreate.of("Spring sale VIPs"));
 * // the group id and invite link arrive in a group_lifecycle_update webhook with this request id
 * String link = wa.groups().inviteLink(groupId);
 * }</pre>
 *
 * <p>Groups need an Official Business Account. Documented limits are checked before the network: a
 * subject of 1 to 128 characters, a description of at most 2,048, 1 to 8 distinct participants per
 * removal, a JPEG photo of at most 5 MB. Meta also caps a group at 8 participants and a number at
 * 10,000 groups. Participants cannot be added by the business: they join through the invite link.
 * Creation, deletion, participant removal and join-request decisions are asynchronous on Meta's
 * side; their outcome arrives in the {@code group_*} webhooks. Those calls are not retried once
 * they may have reached Meta; reads and settings updates are retried per the {@link RetryPolicy}.
 *
 * <p>Thread-safe; share one instance.
 *
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/groups/reference">Groups
 *     API reference</a>
 */
public final class GroupsApi {
  /** At most this many participants per removal, the size of a group. */
  public static final int MAX_PARTICIPANTS = 8;

  /** The most groups one page of {@link #list(int, Optional)} holds. */
  public static final int MAX_LIST_LIMIT = 1024;

  /** The largest group photo, in bytes. */
  public static final int MAX_PHOTO_BYTES = 5 * 1024 * 1024;

  private final ManagementCalls calls;
  private final String phone;

  GroupsApi(ManagementCalls calls, String phoneNumberId) {
    this.calls = calls;
    this.phone = GraphTransport.segment(phoneNumberId);
  }

  /**
   * Asks Meta to create a group. The group id and invite link arrive later, in a {@code
   * group_lifecycle_update} webhook of kind {@code group_create} carrying the returned request id.
   *
   * @param group the subject, description and join mode
   * @return the request id
   */
  public String create(GroupCreate group) {
    return calls.call(createCall(group));
  }

  /** The async twin of {@link #create(GroupCreate)}. */
  public CompletableFuture<String> createAsync(GroupCreate group) {
    return calls.callAsync(createCall(group));
  }

  private ManagementCalls.Call<String> createCall(GroupCreate group) {
    Objects.requireNonNull(group, "group");
    GraphRequest request =
        GraphRequest.json(
            "POST",
            calls.uri(phone + "/groups"),
            GroupJson.create(group),
            false,
            "create group",
            null);
    return ManagementCalls.json(request, body -> ManagementJson.textOrEmpty(body, "request_id"));
  }

  /**
   * Returns a group's details: subject, description, participants, join mode, creation time,
   * suspension and participant count.
   *
   * @param groupId the group id
   * @return the group
   */
  public GroupInfo get(String groupId) {
    return calls.call(getCall(groupId));
  }

  /** The async twin of {@link #get(String)}. */
  public CompletableFuture<GroupInfo> getAsync(String groupId) {
    return calls.callAsync(getCall(groupId));
  }

  private ManagementCalls.Call<GroupInfo> getCall(String groupId) {
    return ManagementCalls.json(
        GraphRequest.get(
            calls.uri(
                group(groupId),
                Map.of(
                    "fields",
                    "subject,description,participants,join_approval_mode,suspended,"
                        + "creation_timestamp,total_participant_count")),
            "get group"),
        GroupJson::readInfo);
  }

  /**
   * Returns one page of this number's active groups.
   *
   * @param after the cursor of the previous page, or empty
   * @return the page
   */
  public Page<GroupInfo.Summary> list(Optional<String> after) {
    return calls.call(listCall(after));
  }

  /** The async twin of {@link #list(Optional)}. */
  public CompletableFuture<Page<GroupInfo.Summary>> listAsync(Optional<String> after) {
    return calls.callAsync(listCall(after));
  }

  /**
   * Returns one page of this number's active groups, of at most {@code limit} groups.
   *
   * @param limit 1 to 1,024 groups per page (Meta's default is 25)
   * @param after the cursor of the previous page, or empty
   * @return the page
   */
  public Page<GroupInfo.Summary> list(int limit, Optional<String> after) {
    return calls.call(listCall(java.util.OptionalInt.of(limit), after));
  }

  /** The async twin of {@link #list(int, Optional)}. */
  public CompletableFuture<Page<GroupInfo.Summary>> listAsync(int limit, Optional<String> after) {
    return calls.callAsync(listCall(java.util.OptionalInt.of(limit), after));
  }

  private ManagementCalls.Call<Page<GroupInfo.Summary>> listCall(Optional<String> after) {
    return listCall(java.util.OptionalInt.empty(), after);
  }

  private ManagementCalls.Call<Page<GroupInfo.Summary>> listCall(
      java.util.OptionalInt pageSize, Optional<String> after) {
    Objects.requireNonNull(after, "after");
    Map<String, String> q = new LinkedHashMap<>();
    if (pageSize.isPresent()) {
      int limit = pageSize.getAsInt();
      if (limit < 1 || limit > MAX_LIST_LIMIT) {
        throw new IllegalArgumentException(
            "limit must be 1 to " + MAX_LIST_LIMIT + " groups per page, was " + limit);
      }
      q.put("limit", Integer.toString(limit));
    }
    after.ifPresent(a -> q.put("after", a));
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(phone + "/groups", q), "list groups"),
        body ->
            new Page<>(
                GroupJson.readSummaries(body),
                ManagementJson.before(body),
                ManagementJson.after(body)));
  }

  /** Returns every active group as a lazy stream, page by page. */
  public Stream<GroupInfo.Summary> stream() {
    return Pages.stream(this::list);
  }

  /**
   * Changes a group's subject. The outcome arrives in a {@code group_settings_update} webhook.
   *
   * @param groupId the group id
   * @param subject 1 to 128 characters after trimming
   * @return the request id, when Meta returns one
   */
  public Optional<String> updateSubject(String groupId, String subject) {
    return calls.call(
        settingsCall(groupId, Optional.of(GroupCreate.checkSubject(subject)), Optional.empty()));
  }

  /** The async twin of {@link #updateSubject(String, String)}. */
  public CompletableFuture<Optional<String>> updateSubjectAsync(String groupId, String subject) {
    return calls.callAsync(
        settingsCall(groupId, Optional.of(GroupCreate.checkSubject(subject)), Optional.empty()));
  }

  /**
   * Changes a group's description. The outcome arrives in a {@code group_settings_update} webhook.
   *
   * @param groupId the group id
   * @param description at most 2,048 characters
   * @return the request id, when Meta returns one
   */
  public Optional<String> updateDescription(String groupId, String description) {
    return calls.call(
        settingsCall(
            groupId, Optional.empty(), Optional.of(GroupCreate.checkDescription(description))));
  }

  /** The async twin of {@link #updateDescription(String, String)}. */
  public CompletableFuture<Optional<String>> updateDescriptionAsync(
      String groupId, String description) {
    return calls.callAsync(
        settingsCall(
            groupId, Optional.empty(), Optional.of(GroupCreate.checkDescription(description))));
  }

  private ManagementCalls.Call<Optional<String>> settingsCall(
      String groupId, Optional<String> subject, Optional<String> description) {
    GraphRequest request =
        GraphRequest.json(
            "POST",
            calls.uri(group(groupId)),
            GroupJson.settings(subject, description),
            true,
            "update group settings",
            null);
    return ManagementCalls.json(request, body -> ManagementJson.text(body, "request_id"));
  }

  /**
   * Changes a group's photo. Meta wants a square JPEG of at least 192x192 pixels (errors 131209 and
   * 131210); this checks that it is a JPEG of at most 5 MB.
   *
   * @param groupId the group id
   * @param jpeg the JPEG bytes
   * @return the request id, when Meta returns one
   */
  public Optional<String> updatePhoto(String groupId, byte[] jpeg) {
    return calls.call(photoCall(groupId, jpeg));
  }

  /** The async twin of {@link #updatePhoto(String, byte[])}. */
  public CompletableFuture<Optional<String>> updatePhotoAsync(String groupId, byte[] jpeg) {
    return calls.callAsync(photoCall(groupId, jpeg));
  }

  private ManagementCalls.Call<Optional<String>> photoCall(String groupId, byte[] jpeg) {
    Objects.requireNonNull(jpeg, "jpeg");
    if (jpeg.length < 3
        || (jpeg[0] & 0xff) != 0xFF
        || (jpeg[1] & 0xff) != 0xD8
        || (jpeg[2] & 0xff) != 0xFF) {
      throw new IllegalArgumentException("a group photo must be a JPEG image");
    }
    if (jpeg.length > MAX_PHOTO_BYTES) {
      throw new IllegalArgumentException(
          "a group photo must be at most 5 MB, was " + jpeg.length + " bytes");
    }
    MultipartBody body =
        MultipartBody.create()
            .field("messaging_product", "whatsapp")
            .file("file", "group.jpg", "image/jpeg", jpeg);
    GraphRequest request =
        new GraphRequest(
            "POST",
            calls.uri(group(groupId)),
            body.publisher(),
            body.contentType(),
            true,
            "update group photo",
            null,
            null);
    return ManagementCalls.json(request, b -> ManagementJson.text(b, "request_id"));
  }

  /**
   * Returns a group's invite link.
   *
   * @param groupId the group id
   * @return the link, such as {@code https://chat.whatsapp.com/...}
   */
  public String inviteLink(String groupId) {
    return calls.call(inviteLinkCall(groupId, false));
  }

  /** The async twin of {@link #inviteLink(String)}. */
  public CompletableFuture<String> inviteLinkAsync(String groupId) {
    return calls.callAsync(inviteLinkCall(groupId, false));
  }

  /**
   * Replaces a group's invite link with a new one; the old links stop working.
   *
   * @param groupId the group id
   * @return the new link
   */
  public String resetInviteLink(String groupId) {
    return calls.call(inviteLinkCall(groupId, true));
  }

  /** The async twin of {@link #resetInviteLink(String)}. */
  public CompletableFuture<String> resetInviteLinkAsync(String groupId) {
    return calls.callAsync(inviteLinkCall(groupId, true));
  }

  private ManagementCalls.Call<String> inviteLinkCall(String groupId, boolean reset) {
    var uri = calls.uri(group(groupId) + "/invite_link");
    GraphRequest request =
        reset
            // A resent reset only makes one more new link, and returns the newest: safe to retry.
            ? GraphRequest.json(
                "POST", uri, GroupJson.product(), true, "reset group invite link", null)
            : GraphRequest.get(uri, "get group invite link");
    return ManagementCalls.json(
        request,
        body ->
            ManagementJson.text(body, "invite_link")
                .orElseThrow(
                    () ->
                        new dev.wasdk.error.WhatsAppException(
                            request.describe() + " was answered without an invite_link")));
  }

  /**
   * Returns one page of the pending join requests of an approval-required group.
   *
   * @param groupId the group id
   * @param after the cursor of the previous page, or empty
   * @return the page
   */
  public Page<GroupInfo.JoinRequest> joinRequests(String groupId, Optional<String> after) {
    return calls.call(joinRequestsCall(groupId, after));
  }

  /** The async twin of {@link #joinRequests(String, Optional)}. */
  public CompletableFuture<Page<GroupInfo.JoinRequest>> joinRequestsAsync(
      String groupId, Optional<String> after) {
    return calls.callAsync(joinRequestsCall(groupId, after));
  }

  private ManagementCalls.Call<Page<GroupInfo.JoinRequest>> joinRequestsCall(
      String groupId, Optional<String> after) {
    Objects.requireNonNull(after, "after");
    Map<String, String> q = new LinkedHashMap<>();
    after.ifPresent(a -> q.put("after", a));
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(group(groupId) + "/join_requests", q), "list join requests"),
        body ->
            new Page<>(
                GroupJson.readJoinRequests(body),
                ManagementJson.before(body),
                ManagementJson.after(body)));
  }

  /**
   * Approves join requests; the users then join and a {@code group_participants_update} webhook
   * follows.
   *
   * @param groupId the group id
   * @param joinRequestIds the ids from {@link #joinRequests(String, Optional)}
   * @return which were approved and which failed
   */
  public GroupInfo.JoinRequestsResult approveJoinRequests(
      String groupId, List<String> joinRequestIds) {
    return calls.call(decideCall("POST", groupId, joinRequestIds));
  }

  /** The async twin of {@link #approveJoinRequests(String, List)}. */
  public CompletableFuture<GroupInfo.JoinRequestsResult> approveJoinRequestsAsync(
      String groupId, List<String> joinRequestIds) {
    return calls.callAsync(decideCall("POST", groupId, joinRequestIds));
  }

  /**
   * Rejects join requests.
   *
   * @param groupId the group id
   * @param joinRequestIds the ids from {@link #joinRequests(String, Optional)}
   * @return which were rejected and which failed
   */
  public GroupInfo.JoinRequestsResult rejectJoinRequests(
      String groupId, List<String> joinRequestIds) {
    return calls.call(decideCall("DELETE", groupId, joinRequestIds));
  }

  /** The async twin of {@link #rejectJoinRequests(String, List)}. */
  public CompletableFuture<GroupInfo.JoinRequestsResult> rejectJoinRequestsAsync(
      String groupId, List<String> joinRequestIds) {
    return calls.callAsync(decideCall("DELETE", groupId, joinRequestIds));
  }

  private ManagementCalls.Call<GroupInfo.JoinRequestsResult> decideCall(
      String method, String groupId, List<String> ids) {
    List<String> checked = distinct("joinRequestIds", ids, Integer.MAX_VALUE);
    boolean approve = method.equals("POST");
    GraphRequest request =
        GraphRequest.json(
            method,
            calls.uri(group(groupId) + "/join_requests"),
            GroupJson.joinRequests(checked),
            false,
            approve ? "approve join requests" : "reject join requests",
            null);
    String done = approve ? "approved_join_requests" : "rejected_join_requests";
    return ManagementCalls.json(request, body -> GroupJson.readJoinRequestsResult(body, done));
  }

  /**
   * Removes participants from a group; a removed participant cannot rejoin through the link. The
   * outcome, which may be partial, arrives in a {@code group_participants_update} webhook.
   *
   * @param groupId the group id
   * @param users 1 to 8 distinct phone numbers, WhatsApp ids or business-scoped user ids
   */
  public void removeParticipants(String groupId, List<String> users) {
    calls.call(removeCall(groupId, users));
  }

  /** The async twin of {@link #removeParticipants(String, List)}. */
  public CompletableFuture<Void> removeParticipantsAsync(String groupId, List<String> users) {
    return calls.callAsync(removeCall(groupId, users));
  }

  private ManagementCalls.Call<Void> removeCall(String groupId, List<String> users) {
    List<String> checked = distinct("users", users, MAX_PARTICIPANTS);
    GraphRequest request =
        GraphRequest.json(
            "DELETE",
            calls.uri(group(groupId) + "/participants"),
            GroupJson.participants(checked),
            false,
            "remove group participants",
            null);
    return ManagementCalls.json(request, body -> null);
  }

  /**
   * Deletes a group, removing everyone, the business included. A {@code group_lifecycle_update}
   * webhook of kind {@code group_delete} follows. Not retried once it may have reached Meta.
   *
   * @param groupId the group id
   */
  public void delete(String groupId) {
    calls.call(deleteCall(groupId));
  }

  /** The async twin of {@link #delete(String)}. */
  public CompletableFuture<Void> deleteAsync(String groupId) {
    return calls.callAsync(deleteCall(groupId));
  }

  private ManagementCalls.Call<Void> deleteCall(String groupId) {
    GraphRequest request =
        new GraphRequest(
            "DELETE", calls.uri(group(groupId)), null, null, false, "delete group", null, null);
    return ManagementCalls.json(request, body -> null);
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  private static String group(String groupId) {
    Objects.requireNonNull(groupId, "groupId");
    if (groupId.isBlank() || groupId.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("groupId must be a group id without spaces");
    }
    return GraphTransport.segment(groupId);
  }

  private static List<String> distinct(String name, List<String> values, int max) {
    Objects.requireNonNull(values, name);
    if (values.isEmpty() || values.size() > max) {
      throw new IllegalArgumentException(
          name
              + " must hold 1"
              + (max == Integer.MAX_VALUE ? " or more" : " to " + max)
              + " entries, got "
              + values.size());
    }
    Set<String> seen = new HashSet<>();
    for (String v : values) {
      Objects.requireNonNull(v, name + " entry");
      if (v.isBlank()) {
        throw new IllegalArgumentException(name + " must not hold a blank entry");
      }
      if (!seen.add(v)) {
        throw new IllegalArgumentException(name + " must not repeat an entry (error 131202)");
      }
    }
    return List.copyOf(values);
  }
}
