package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a change to a group's subject, description or picture ({@code
 * group_settings_update}). Only the settings the business changed appear, each with whether it
 * succeeded.
 *
 * <p>Immutable and thread-safe.
 *
 * @param context where the event came from
 * @param groupId the group id; empty if absent
 * @param requestId the id the update call returned, if given
 * @param subject the subject change, if the subject was changed
 * @param description the description change, if the description was changed
 * @param profilePicture the picture change, if the picture was changed
 * @param timestamp when it happened; {@link Instant#EPOCH} if unreadable
 * @param errors why the update failed, in whole or in part; empty on success
 * @param rawJson the raw JSON of the group ({@code value.groups[]} element)
 */
public record GroupSettingsChanged(
    EventContext context,
    String groupId,
    Optional<String> requestId,
    Optional<TextSetting> subject,
    Optional<TextSetting> description,
    Optional<PictureSetting> profilePicture,
    Instant timestamp,
    List<WebhookError> errors,
    String rawJson)
    implements WebhookEvent {

  /** Checks that no component is null and copies the list. */
  public GroupSettingsChanged {
    Objects.requireNonNull(context, "context");
    Objects.requireNonNull(groupId, "groupId");
    Objects.requireNonNull(requestId, "requestId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(profilePicture, "profilePicture");
    Objects.requireNonNull(timestamp, "timestamp");
    errors = List.copyOf(errors);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * A changed text setting.
   *
   * @param text the new text, if given
   * @param updated whether the change took effect ({@code update_successful})
   * @param errors why it did not
   */
  public record TextSetting(Optional<String> text, boolean updated, List<WebhookError> errors) {
    /** Checks that no component is null and copies the list. */
    public TextSetting {
      Objects.requireNonNull(text, "text");
      errors = List.copyOf(errors);
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /**
   * A changed group picture.
   *
   * @param mimeType the picture's media type, if given
   * @param sha256 the picture's hash, if given
   * @param updated whether the change took effect ({@code update_successful})
   * @param errors why it did not
   */
  public record PictureSetting(
      Optional<String> mimeType,
      Optional<String> sha256,
      boolean updated,
      List<WebhookError> errors) {
    /** Checks that no component is null and copies the list. */
    public PictureSetting {
      Objects.requireNonNull(mimeType, "mimeType");
      Objects.requireNonNull(sha256, "sha256");
      errors = List.copyOf(errors);
    }

    /** Returns the components by name, a present optional as its value, an absent one left out. */
    @Override
    public String toString() {
      return Values.toString(this);
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
