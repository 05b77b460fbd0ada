package dev.wasdk.client;

import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.json.QrCodesJson;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Creates, lists, reads, updates and deletes the message QR codes of this client's phone number
 * ({@code /{phone-number-id}/message_qrdls}). Get it from {@link WhatsAppClient#qrCodes()}.
 *
 * <pre>{@code
 * QrCode qr = wa.qrCodes().create("Show me today's deals", QrImageFormat.SVG);
 * printPoster(qr.qrImageUrl().orElseThrow(), qr.deepLinkUrl().orElseThrow());
 * wa.qrCodes().update(qr.code(), "Show me this week's deals");
 * }</pre>
 *
 * <p>A prefilled message holds at most {@value #MAX_PREFILLED_MESSAGE} characters; a longer one
 * fails before any request with {@link InvalidMessageException}. Reads, updates and deletes are
 * retried per the {@link RetryPolicy}; a creation only when Meta provably did not receive it, since
 * sending it twice would create two codes. Deleting a code makes its printed image and link stop
 * working, and cannot be undone.
 *
 * <p>Thread-safe; share one instance.
 *
 * @see <a
 *     href="https://developers.facebook.com/docs/whatsapp/business-management-api/qr-codes">Message
 *     QR codes</a>
 */
public final class QrCodesApi {
  /** The longest prefilled message Meta accepts, in characters. */
  public static final int MAX_PREFILLED_MESSAGE = 140;

  static final String DEFAULT_FIELDS = "code,prefilled_message,deep_link_url";

  private final ManagementCalls calls;
  private final String path;

  QrCodesApi(ManagementCalls calls, String phoneNumberId) {
    this.calls = calls;
    this.path = GraphTransport.segment(phoneNumberId) + "/message_qrdls";
  }

  /**
   * Creates a code without an image; {@link QrCode#deepLinkUrl()} is the link to share.
   *
   * @param prefilledMessage 1 to 140 characters
   * @return the new code
   */
  public QrCode create(String prefilledMessage) {
    return calls.call(createCall(prefilledMessage, Optional.empty()));
  }

  /** The async twin of {@link #create(String)}. */
  public CompletableFuture<QrCode> createAsync(String prefilledMessage) {
    return calls.callAsync(createCall(prefilledMessage, Optional.empty()));
  }

  /**
   * Creates a code and has Meta render its image.
   *
   * @param prefilledMessage 1 to 140 characters
   * @param image the image format
   * @return the new code, with {@link QrCode#qrImageUrl()}
   */
  public QrCode create(String prefilledMessage, QrImageFormat image) {
    return calls.call(
        createCall(prefilledMessage, Optional.of(Objects.requireNonNull(image, "image"))));
  }

  /** The async twin of {@link #create(String, QrImageFormat)}. */
  public CompletableFuture<QrCode> createAsync(String prefilledMessage, QrImageFormat image) {
    return calls.callAsync(
        createCall(prefilledMessage, Optional.of(Objects.requireNonNull(image, "image"))));
  }

  private ManagementCalls.Call<QrCode> createCall(
      String prefilledMessage, Optional<QrImageFormat> image) {
    checkMessage(prefilledMessage);
    return ManagementCalls.json(
        GraphRequest.json(
            "POST",
            calls.uri(path),
            QrCodesJson.create(prefilledMessage, image),
            false,
            "create QR code",
            null),
        answer -> QrCodesJson.readOne(answer).orElseThrow(QrCodesApi::noCodeInAnswer));
  }

  private static RequestMaybeSentException noCodeInAnswer() {
    return new RequestMaybeSentException(
        "create QR code was probably done, but the answer carried no code; list the codes"
            + " before creating it again",
        TransportFailure.UNREADABLE_RESPONSE,
        null);
  }

  /**
   * Replaces the prefilled message of an existing code; its image and link stay the same.
   *
   * @param code the code's identifier
   * @param prefilledMessage 1 to 140 characters
   * @return the code as Meta now has it
   */
  public QrCode update(String code, String prefilledMessage) {
    return calls.call(updateCall(code, prefilledMessage));
  }

  /** The async twin of {@link #update(String, String)}. */
  public CompletableFuture<QrCode> updateAsync(String code, String prefilledMessage) {
    return calls.callAsync(updateCall(code, prefilledMessage));
  }

  private ManagementCalls.Call<QrCode> updateCall(String code, String prefilledMessage) {
    checkCode(code);
    checkMessage(prefilledMessage);
    return ManagementCalls.json(
        GraphRequest.json(
            "POST",
            calls.uri(path),
            QrCodesJson.update(code, prefilledMessage),
            true,
            "update QR code",
            null),
        answer -> QrCodesJson.readUpdated(answer, code, prefilledMessage));
  }

  /**
   * Returns one page of codes, newest first, with Meta's default fields and no image URL.
   *
   * @param after the cursor of the previous page, or empty for the first
   * @return the page
   */
  public Page<QrCode> list(Optional<String> after) {
    return calls.call(listCall(Optional.empty(), after));
  }

  /** The async twin of {@link #list(Optional)}. */
  public CompletableFuture<Page<QrCode>> listAsync(Optional<String> after) {
    return calls.callAsync(listCall(Optional.empty(), after));
  }

  /**
   * Returns one page of codes, newest first, each with the URL of its image in a format.
   *
   * @param image the image format
   * @param after the cursor of the previous page, or empty for the first
   * @return the page
   */
  public Page<QrCode> list(QrImageFormat image, Optional<String> after) {
    return calls.call(listCall(Optional.of(Objects.requireNonNull(image, "image")), after));
  }

  /** The async twin of {@link #list(QrImageFormat, Optional)}. */
  public CompletableFuture<Page<QrCode>> listAsync(QrImageFormat image, Optional<String> after) {
    return calls.callAsync(listCall(Optional.of(Objects.requireNonNull(image, "image")), after));
  }

  private ManagementCalls.Call<Page<QrCode>> listCall(
      Optional<QrImageFormat> image, Optional<String> after) {
    Objects.requireNonNull(after, "after");
    Map<String, String> q = new LinkedHashMap<>();
    image.ifPresent(f -> q.put("fields", fields(f)));
    after.ifPresent(a -> q.put("after", a));
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(path, q), "list QR codes"), QrCodesJson::readPage);
  }

  /** Returns every code of this phone number as a lazy stream that fetches pages as it goes. */
  public Stream<QrCode> stream() {
    return Pages.stream(this::list);
  }

  /**
   * Returns a code by its identifier.
   *
   * @param code the code's identifier
   * @return the code, or empty when Meta answered with no data
   * @throws dev.wasdk.error.ApiException if the code does not exist (Meta answers 404, code 803)
   */
  public Optional<QrCode> get(String code) {
    return calls.call(getCall(code, Optional.empty()));
  }

  /** The async twin of {@link #get(String)}. */
  public CompletableFuture<Optional<QrCode>> getAsync(String code) {
    return calls.callAsync(getCall(code, Optional.empty()));
  }

  /**
   * Returns a code by its identifier, with the URL of its image in a format.
   *
   * @param code the code's identifier
   * @param image the image format
   * @return the code, or empty when Meta answered with no data
   */
  public Optional<QrCode> get(String code, QrImageFormat image) {
    return calls.call(getCall(code, Optional.of(Objects.requireNonNull(image, "image"))));
  }

  /** The async twin of {@link #get(String, QrImageFormat)}. */
  public CompletableFuture<Optional<QrCode>> getAsync(String code, QrImageFormat image) {
    return calls.callAsync(getCall(code, Optional.of(Objects.requireNonNull(image, "image"))));
  }

  private ManagementCalls.Call<Optional<QrCode>> getCall(
      String code, Optional<QrImageFormat> image) {
    checkCode(code);
    Map<String, String> q = new LinkedHashMap<>();
    image.ifPresent(f -> q.put("fields", fields(f)));
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(path + "/" + GraphTransport.segment(code), q), "get QR code"),
        QrCodesJson::readOne);
  }

  /**
   * Deletes a code; its image and link stop working at once. Cannot be undone.
   *
   * @param code the code's identifier
   */
  public void delete(String code) {
    calls.call(deleteCall(code));
  }

  /** The async twin of {@link #delete(String)}. */
  public CompletableFuture<Void> deleteAsync(String code) {
    return calls.callAsync(deleteCall(code));
  }

  private ManagementCalls.Call<Void> deleteCall(String code) {
    checkCode(code);
    return ManagementCalls.success(
        GraphRequest.delete(
            calls.uri(path + "/" + GraphTransport.segment(code)), "delete QR code"));
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  private static String fields(QrImageFormat image) {
    return DEFAULT_FIELDS + ",qr_image_url.format(" + image.name() + ")";
  }

  private static void checkMessage(String message) {
    Objects.requireNonNull(message, "prefilledMessage");
    int n = message.codePointCount(0, message.length());
    if (message.isBlank() || n > MAX_PREFILLED_MESSAGE) {
      throw new InvalidMessageException(
          "prefilled_message",
          "1 to " + MAX_PREFILLED_MESSAGE + " characters, not blank",
          message.isBlank() ? "blank" : n + " characters");
    }
  }

  private static void checkCode(String code) {
    Objects.requireNonNull(code, "code");
    if (code.isBlank()) {
      throw new IllegalArgumentException("code must not be blank");
    }
  }
}
