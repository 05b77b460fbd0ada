package dev.wasdk.client;

import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.ManagementJson;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and updates the business profile of this client's phone number ({@code
 * /{phone-number-id}/whatsapp_business_profile}). Get it from {@link
 * WhatsAppClient#businessProfile()}.
 *
 * <pre>{@code
 * BusinessProfile p = wa.businessProfile().get();
 * wa.businessProfile().update(BusinessProfileUpdate.builder().about("Open 9 to 5").build());
 * }</pre>
 *
 * <p>Thread-safe; share one instance.
 */
public final class BusinessProfileApi {
  static final String FIELDS =
      "about,address,description,email,profile_picture_url,websites,vertical";

  private final ManagementCalls calls;
  private final URI uri;
  private final URI getUri;

  BusinessProfileApi(ManagementCalls calls, String phoneNumberId) {
    this.calls = calls;
    String path = GraphTransport.segment(phoneNumberId) + "/whatsapp_business_profile";
    this.uri = calls.uri(path);
    this.getUri = calls.uri(path, Map.of("fields", FIELDS));
  }

  /** Returns the profile. */
  public BusinessProfile get() {
    return calls.call(getCall());
  }

  /** Returns the profile without blocking; the async twin of {@link #get()}. */
  public CompletableFuture<BusinessProfile> getAsync() {
    return calls.callAsync(getCall());
  }

  /**
   * Updates the fields the update sets.
   *
   * @param update the checked update
   */
  public void update(BusinessProfileUpdate update) {
    calls.call(updateCall(update));
  }

  /**
   * Updates the fields the update sets without blocking; the async twin of {@link
   * #update(BusinessProfileUpdate)}.
   *
   * @param update the checked update
   * @return a future that completes when Meta confirmed the update
   */
  public CompletableFuture<Void> updateAsync(BusinessProfileUpdate update) {
    return calls.callAsync(updateCall(update));
  }

  private ManagementCalls.Call<BusinessProfile> getCall() {
    return ManagementCalls.json(
        GraphRequest.get(getUri, "get business profile"), BusinessProfileApi::read);
  }

  private ManagementCalls.Call<Void> updateCall(BusinessProfileUpdate update) {
    Objects.requireNonNull(update, "update");
    return ManagementCalls.success(
        GraphRequest.json(
            "POST",
            uri,
            ManagementJson.bytes(write(update)),
            true,
            "update business profile",
            null));
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  static ObjectNode write(BusinessProfileUpdate u) {
    ObjectNode o = ManagementJson.object();
    o.put("messaging_product", "whatsapp");
    u.about().ifPresent(v -> o.put("about", v));
    u.address().ifPresent(v -> o.put("address", v));
    u.description().ifPresent(v -> o.put("description", v));
    u.email().ifPresent(v -> o.put("email", v));
    u.profilePictureHandle().ifPresent(v -> o.put("profile_picture_handle", v));
    u.websites()
        .ifPresent(
            list -> {
              ArrayNode a = o.putArray("websites");
              list.forEach(a::add);
            });
    u.vertical().ifPresent(v -> o.put("vertical", v.wireValue()));
    return o;
  }

  static BusinessProfile read(JsonNode body) {
    JsonNode data = body.path("data");
    JsonNode p = data.isArray() && data.size() > 0 ? data.get(0) : body;
    if (p.has("business_profile")) {
      p = p.get("business_profile");
    }
    return new BusinessProfile(
        ManagementJson.text(p, "about"),
        ManagementJson.text(p, "address"),
        ManagementJson.text(p, "description"),
        ManagementJson.text(p, "email"),
        ManagementJson.text(p, "profile_picture_url"),
        ManagementJson.texts(p, "websites"),
        BusinessVertical.of(ManagementJson.text(p, "vertical").orElse(null)));
  }
}
