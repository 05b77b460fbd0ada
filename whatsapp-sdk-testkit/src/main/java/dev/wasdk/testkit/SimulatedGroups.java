package dev.wasdk.testkit;

import dev.wasdk.testkit.internal.GroupEndpoints;
import java.util.List;
import java.util.Optional;

/**
 * Plays the users' side of WhatsApp groups against the simulator, with the signed {@code group_*}
 * and {@code messages} webhooks Meta sends: joining through the invite link (at once, or by a join
 * request the business approves), leaving, and writing to the group. Get it from {@link
 * WhatsAppSimulator#groups()}. The simulator answers the business's Groups API requests.
 *
 * <pre>{@code
 * String groupId = sim.groups().groupIds().get(0);
 * sim.groups().userJoins(groupId, "+16505551234");
 * sim.groups().userSendsToGroup(groupId, "+16505551234", "Hi all");
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class SimulatedGroups {
  private final GroupEndpoints groups;
  private final String phoneNumberId;

  SimulatedGroups(GroupEndpoints groups, String phoneNumberId) {
    this.groups = groups;
    this.phoneNumberId = phoneNumberId;
  }

  /**
   * Returns the ids of the business's groups, oldest first.
   *
   * @return the group ids
   */
  public List<String> groupIds() {
    return groups.groupIds(phoneNumberId);
  }

  /**
   * A user opens the group's invite link: joins at once ({@code group_participants_add}), or leaves
   * a join request ({@code group_join_request_created}) when the group needs approval.
   *
   * @param groupId the group id
   * @param from the user's phone number
   * @return the join request id, or empty when the user joined
   */
  public Optional<String> userJoins(String groupId, String from) {
    return groups.userJoins(groupId, from);
  }

  /**
   * A participant leaves the group ({@code group_participants_remove} by the participant).
   *
   * @param groupId the group id
   * @param from the participant's phone number
   */
  public void userLeaves(String groupId, String from) {
    groups.userLeaves(groupId, from);
  }

  /**
   * A participant writes to the group: an inbound text message carrying {@code group_id}.
   *
   * @param groupId the group id
   * @param from the participant's phone number
   * @param text the text
   * @return the message id
   */
  public String userSendsToGroup(String groupId, String from, String text) {
    return groups.userSendsToGroup(groupId, from, text);
  }

  /**
   * Returns the participants' WhatsApp ids.
   *
   * @param groupId the group id
   * @return the participants
   */
  public List<String> participants(String groupId) {
    return groups.participants(groupId);
  }
}
