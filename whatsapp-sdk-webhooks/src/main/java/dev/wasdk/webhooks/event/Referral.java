package dev.wasdk.webhooks.event;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * The ad or post that led a user to message the business ({@code messages[].referral}), as for
 * click-to-WhatsApp ads. Every part is optional: Meta leaves out what does not apply, such as
 * {@code ctwa_clid} for WhatsApp Status ads.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @param sourceUrl the URL of the ad or post
 * @param sourceId the ad or post id
 * @param sourceType {@code ad} or {@code post}, as sent
 * @param body the ad's body text
 * @param headline the ad's headline
 * @param mediaType {@code image} or {@code video}, as sent
 * @param imageUrl the ad image URL
 * @param videoUrl the ad video URL
 * @param thumbnailUrl the ad video thumbnail URL
 * @param ctwaClid the click id for conversion reporting
 * @param welcomeMessageText the ad's greeting text ({@code welcome_message.text})
 * @see <a
 *     href="https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages/text">Text
 *     messages webhook reference</a>
 */
public record Referral(
    Optional<String> sourceUrl,
    Optional<String> sourceId,
    Optional<String> sourceType,
    Optional<String> body,
    Optional<String> headline,
    Optional<String> mediaType,
    Optional<String> imageUrl,
    Optional<String> videoUrl,
    Optional<String> thumbnailUrl,
    Optional<String> ctwaClid,
    Optional<String> welcomeMessageText) {

  /** Checks that no component is null. */
  public Referral {
    Objects.requireNonNull(sourceUrl, "sourceUrl");
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(sourceType, "sourceType");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(headline, "headline");
    Objects.requireNonNull(mediaType, "mediaType");
    Objects.requireNonNull(imageUrl, "imageUrl");
    Objects.requireNonNull(videoUrl, "videoUrl");
    Objects.requireNonNull(thumbnailUrl, "thumbnailUrl");
    Objects.requireNonNull(ctwaClid, "ctwaClid");
    Objects.requireNonNull(welcomeMessageText, "welcomeMessageText");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
