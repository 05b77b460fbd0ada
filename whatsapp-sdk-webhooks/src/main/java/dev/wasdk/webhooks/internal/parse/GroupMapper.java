package dev.wasdk.webhooks.internal.parse;

import static dev.wasdk.webhooks.internal.parse.Nodes.arr;
import static dev.wasdk.webhooks.internal.parse.Nodes.flag;
import static dev.wasdk.webhooks.internal.parse.Nodes.id;
import static dev.wasdk.webhooks.internal.parse.Nodes.instantOrEpoch;
import static dev.wasdk.webhooks.internal.parse.Nodes.obj;
import static dev.wasdk.webhooks.internal.parse.Nodes.opt;
import static dev.wasdk.webhooks.internal.parse.Nodes.textOr;

import dev.wasdk.webhooks.event.EventContext;
import dev.wasdk.webhooks.event.GroupLifecycleChanged;
import dev.wasdk.webhooks.event.GroupParticipantsChanged;
import dev.wasdk.webhooks.event.GroupSettingsChanged;
import dev.wasdk.webhooks.event.GroupStatusChanged;
import dev.wasdk.webhooks.event.UserRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps the {@code groups[]} elements of the four {@code group_*} fields. */
final class GroupMapper {
  private GroupMapper() {}

  static GroupLifecycleChanged lifecycle(EventContext ctx, Dom.Obj g, String raw) {
    return new GroupLifecycleChanged(
        ctx,
        textOr(g, "group_id"),
        textOr(g, "type"),
        id(g, "request_id"),
        opt(g, "subject"),
        opt(g, "description"),
        id(g, "invite_link"),
        opt(g, "join_approval_mode"),
        instantOrEpoch(g, "timestamp"),
        MessageMapper.errors(g),
        raw);
  }

  /**
   * Maps a participants change. {@code outerInitiatedBy} is the value's own {@code initiated_by},
   * where some samples put it, used when the group object has none.
   */
  static GroupParticipantsChanged participants(
      EventContext ctx, Dom.Obj g, String raw, Optional<String> outerInitiatedBy) {
    Optional<String> initiatedBy = opt(g, "initiated_by");
    List<GroupParticipantsChanged.FailedParticipant> failed = new ArrayList<>();
    for (Object fo : arr(g, "failed_participants")) {
      if (fo instanceof Dom.Obj) {
        Dom.Obj f = (Dom.Obj) fo;
        failed.add(
            new GroupParticipantsChanged.FailedParticipant(
                textOr(f, "input"), MessageMapper.errors(f)));
      }
    }
    return new GroupParticipantsChanged(
        ctx,
        textOr(g, "group_id"),
        textOr(g, "type"),
        id(g, "request_id"),
        initiatedBy.isPresent() ? initiatedBy : outerInitiatedBy,
        opt(g, "reason"),
        participantList(arr(g, "added_participants")),
        participantList(arr(g, "removed_participants")),
        failed,
        id(g, "join_request_id"),
        user(g),
        instantOrEpoch(g, "timestamp"),
        MessageMapper.errors(g),
        raw);
  }

  static GroupSettingsChanged settings(EventContext ctx, Dom.Obj g, String raw) {
    Dom.Obj picture = obj(g, "profile_picture");
    return new GroupSettingsChanged(
        ctx,
        textOr(g, "group_id"),
        id(g, "request_id"),
        textSetting(obj(g, "group_subject")),
        textSetting(obj(g, "group_description")),
        picture == null
            ? Optional.empty()
            : Optional.of(
                new GroupSettingsChanged.PictureSetting(
                    opt(picture, "mime_type"),
                    opt(picture, "sha256"),
                    flag(picture, "update_successful"),
                    MessageMapper.errors(picture))),
        instantOrEpoch(g, "timestamp"),
        MessageMapper.errors(g),
        raw);
  }

  static GroupStatusChanged status(EventContext ctx, Dom.Obj g, String raw) {
    return new GroupStatusChanged(
        ctx, textOr(g, "group_id"), textOr(g, "type"), instantOrEpoch(g, "timestamp"), raw);
  }

  private static Optional<GroupSettingsChanged.TextSetting> textSetting(Dom.Obj s) {
    if (s == null) {
      return Optional.empty();
    }
    return Optional.of(
        new GroupSettingsChanged.TextSetting(
            opt(s, "text"), flag(s, "update_successful"), MessageMapper.errors(s)));
  }

  private static List<GroupParticipantsChanged.Participant> participantList(Dom.Arr items) {
    if (items.isEmpty()) {
      return List.of();
    }
    List<GroupParticipantsChanged.Participant> out = new ArrayList<>(items.size());
    for (Object po : items) {
      if (po instanceof Dom.Obj) {
        Dom.Obj p = (Dom.Obj) po;
        out.add(
            new GroupParticipantsChanged.Participant(user(p), id(p, "input"), opt(p, "username")));
      }
    }
    return out;
  }

  private static UserRef user(Dom.Obj o) {
    return new UserRef(id(o, "wa_id"), id(o, "user_id"), id(o, "parent_user_id"));
  }
}
