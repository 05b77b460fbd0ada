package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.Objects;
import java.util.Optional;

/**
 * An app subscribed to the webhooks of a WhatsApp Business Account, as {@code GET
 * /{waba-id}/subscribed_apps} lists it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param appId the app's id ({@code whatsapp_business_api_data.id})
 * @param name the app's name, when sent
 * @param link the app's link, when sent
 * @param overrideCallbackUri the callback URL that overrides the app's own for this WABA, when set
 * @param json the entry's JSON as received
 */
public record SubscribedApp(
    String appId,
    Optional<String> name,
    Optional<String> link,
    Optional<String> overrideCallbackUri,
    String json) {
  /** Checks that nothing is null. */
  public SubscribedApp {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(link, "link");
    Objects.requireNonNull(overrideCallbackUri, "overrideCallbackUri");
    Objects.requireNonNull(json, "json");
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
