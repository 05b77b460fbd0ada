package dev.wasdk.client;

import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.ManagementJson;
import dev.wasdk.internal.json.WebhookSubscriptionsJson;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Subscribes the calling app to the webhooks of the WhatsApp Business Account, lists the subscribed
 * apps and unsubscribes ({@code /{waba-id}/subscribed_apps}). Get it from {@link
 * WhatsAppClient#webhookSubscriptions()}; it needs the client's {@code wabaId}, and says so when it
 * is missing.
 *
 * <pre>{@code
 * wa.webhookSubscriptions().subscribe();          // events go to the app's callback URL
 * wa.webhookSubscriptions().subscribe(URI.create("https://hooks.example.com/wa"), verifyToken);
 * wa.webhookSubscriptions().list().forEach(app -> System.out.println(app.name()));
 * }</pre>
 *
 * <p>The app is the one the access token belongs to. Until it is subscribed, no webhook of this
 * WABA reaches it, even when the app's callback URL is set. With an override, Meta first calls the
 * new URL with the verification handshake and the given verify token, so the endpoint must answer
 * it before {@link #subscribe(URI, String)} can succeed. These calls share the per-WABA management
 * budget (200 or 5,000 calls an hour; error 80007) and are retried per the {@link RetryPolicy}.
 *
 * <p>Thread-safe; share one instance.
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/embedded-signup/webhooks">Webhooks
 *     for WhatsApp Business Accounts</a>
 */
public final class WebhookSubscriptionsApi {
  private final ManagementCalls calls;
  private final String wabaId;

  WebhookSubscriptionsApi(ManagementCalls calls, String wabaId) {
    this.calls = calls;
    this.wabaId = wabaId;
  }

  /**
   * Subscribes the app to this WABA's webhooks, delivered to the app's own callback URL. Doing it
   * again changes nothing.
   *
   * @return the subscriptions Meta echoed, often none
   */
  public List<SubscribedApp> subscribe() {
    return calls.call(subscribeCall());
  }

  /** The async twin of {@link #subscribe()}. */
  public CompletableFuture<List<SubscribedApp>> subscribeAsync() {
    return calls.callAsync(subscribeCall());
  }

  private ManagementCalls.Call<List<SubscribedApp>> subscribeCall() {
    return post(WebhookSubscriptionsJson.subscribe(), "subscribe to webhooks");
  }

  /**
   * Subscribes the app to this WABA's webhooks, delivered to another callback URL than the app's
   * own. The verify token is sent only in the request body and never appears in messages or logs.
   *
   * @param overrideCallbackUri an absolute https URL that answers the verification handshake
   * @param verifyToken the token the handshake must echo; not blank
   * @return the subscriptions Meta echoed
   */
  public List<SubscribedApp> subscribe(URI overrideCallbackUri, String verifyToken) {
    return calls.call(subscribeCall(overrideCallbackUri, verifyToken));
  }

  /** The async twin of {@link #subscribe(URI, String)}. */
  public CompletableFuture<List<SubscribedApp>> subscribeAsync(
      URI overrideCallbackUri, String verifyToken) {
    return calls.callAsync(subscribeCall(overrideCallbackUri, verifyToken));
  }

  private ManagementCalls.Call<List<SubscribedApp>> subscribeCall(
      URI overrideCallbackUri, String verifyToken) {
    Objects.requireNonNull(overrideCallbackUri, "overrideCallbackUri");
    Objects.requireNonNull(verifyToken, "verifyToken");
    if (!overrideCallbackUri.isAbsolute()
        || !"https".equals(overrideCallbackUri.getScheme().toLowerCase(Locale.ROOT))
        || overrideCallbackUri.getHost() == null) {
      throw new IllegalArgumentException(
          "overrideCallbackUri must be an absolute https URL, but was " + overrideCallbackUri);
    }
    if (verifyToken.isBlank()) {
      throw new IllegalArgumentException("verifyToken must not be blank");
    }
    return post(
        WebhookSubscriptionsJson.subscribe(overrideCallbackUri, verifyToken),
        "subscribe to webhooks with a callback override");
  }

  /**
   * Returns the apps subscribed to this WABA's webhooks.
   *
   * @return the apps, in Meta's order
   */
  public List<SubscribedApp> list() {
    return calls.call(listCall());
  }

  /** The async twin of {@link #list()}. */
  public CompletableFuture<List<SubscribedApp>> listAsync() {
    return calls.callAsync(listCall());
  }

  /** Unsubscribes the app: this WABA's webhooks stop reaching it at once. */
  public void unsubscribe() {
    calls.call(unsubscribeCall());
  }

  /** The async twin of {@link #unsubscribe()}. */
  public CompletableFuture<Void> unsubscribeAsync() {
    return calls.callAsync(unsubscribeCall());
  }

  private ManagementCalls.Call<List<SubscribedApp>> listCall() {
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(path()), "list webhook subscriptions"),
        WebhookSubscriptionsJson::read);
  }

  private ManagementCalls.Call<Void> unsubscribeCall() {
    return ManagementCalls.success(
        GraphRequest.delete(calls.uri(path()), "unsubscribe from webhooks"));
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  private ManagementCalls.Call<List<SubscribedApp>> post(byte[] body, String operation) {
    GraphRequest request =
        GraphRequest.json("POST", calls.uri(path()), body, true, operation, null);
    return ManagementCalls.json(
        request,
        answer -> {
          if (!ManagementJson.success(answer)) {
            throw new WhatsAppException(
                request.describe() + " was not confirmed: the answer lacked success=true");
          }
          return WebhookSubscriptionsJson.read(answer);
        });
  }

  private String path() {
    if (wabaId == null) {
      throw new IllegalStateException(
          "webhook subscriptions need a WhatsApp Business Account id: set it with"
              + " WhatsAppClient.builder().wabaId(...)");
    }
    return GraphTransport.segment(wabaId) + "/subscribed_apps";
  }
}
