package dev.wasdk.client;

import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.BusinessProfileJson;
import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

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
        GraphRequest.get(getUri, "get business profile"), BusinessProfileJson::read);
  }

  private ManagementCalls.Call<Void> updateCall(BusinessProfileUpdate update) {
    Objects.requireNonNull(update, "update");
    return ManagementCalls.success(
        GraphRequest.json(
            "POST", uri, BusinessProfileJson.write(update), true, "update business profile", null));
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }
}
