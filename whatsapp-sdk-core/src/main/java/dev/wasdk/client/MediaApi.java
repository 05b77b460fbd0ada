package dev.wasdk.client;

import dev.wasdk.error.ApiException;
import dev.wasdk.error.InvalidMessageException;
import dev.wasdk.error.RequestMaybeSentException;
import dev.wasdk.error.TransportFailure;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.http.GraphDownload;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.http.MultipartBody;
import dev.wasdk.internal.json.ManagementJson;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import tools.jackson.databind.JsonNode;

/**
 * Uploads, looks up, downloads and deletes media ({@code /{phone-number-id}/media} and {@code
 * /{media-id}}). Get it from {@link WhatsAppClient#media()}.
 *
 * <pre>{@code
 * String id = wa.media().upload(Path.of("receipt.pdf"), "application/pdf");
 * wa.messages().send(Message.to("+16505551234").document(MediaRef.id(id), "Your receipt"));
 *
 * // an image from an inbound webhook
 * wa.media().download(imageId, Path.of("inbound.jpg"));
 * }</pre>
 *
 * <p><b>Uploads</b> are checked against {@link MediaKind}'s MIME types and sizes before any byte is
 * sent; a breach throws {@link InvalidMessageException} naming {@code type} or {@code file}. An
 * upload is not idempotent (each one makes a new id), so it is retried only when nothing was sent.
 * Uploaded ids live 30 days; ids in webhooks live 7 days.
 *
 * <p><b>Downloads</b> stream into an {@link OutputStream} or a file, up to a size cap. The access
 * token goes only to the configured base URL and Meta's media host ({@code lookaside.fbsbx.com},
 * over https): a URL anywhere else is refused before any I/O. Lookup URLs expire after 5 minutes;
 * when a download by id answers 404, the URL is looked up again once.
 *
 * <p>Thread-safe; share one instance.
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/reference/media">Media</a>
 */
public final class MediaApi {
  /** The default download cap: 100 MB, the largest media WhatsApp delivers. */
  public static final long DEFAULT_DOWNLOAD_MAX_BYTES = 100L * 1024 * 1024;

  private final ManagementCalls calls;
  private final URI uploadUri;
  private final UploadSessionsApi uploadSessions;

  MediaApi(ManagementCalls calls, String phoneNumberId) {
    this.calls = calls;
    this.uploadUri = calls.uri(GraphTransport.segment(phoneNumberId) + "/media");
    this.uploadSessions = new UploadSessionsApi(calls);
  }

  /**
   * Returns the Resumable Upload API, which makes the file handles that template creation and the
   * business profile picture take.
   *
   * @return the upload sessions API
   */
  public UploadSessionsApi uploadSessions() {
    return uploadSessions;
  }

  /**
   * Uploads a file, streamed from disk.
   *
   * @param file the file; its name is sent as the part's file name
   * @param mimeType the MIME type, such as {@code image/jpeg}; it decides the kind and its limit
   * @return the new media id
   * @throws InvalidMessageException if the type is not accepted or the file is empty or too large
   * @throws UncheckedIOException if the file cannot be read
   */
  public String upload(Path file, String mimeType) {
    return calls.call(uploadCall(file, mimeType));
  }

  /**
   * The async twin of {@link #upload(Path, String)}: the file is checked at once and streamed from
   * disk by the HTTP client.
   */
  public CompletableFuture<String> uploadAsync(Path file, String mimeType) {
    return calls.callAsync(uploadCall(file, mimeType));
  }

  private ManagementCalls.Call<String> uploadCall(Path file, String mimeType) {
    Objects.requireNonNull(file, "file");
    MediaKind kind = kind(mimeType);
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of the media file", e);
    }
    checkSize(kind, size);
    Path name = file.getFileName();
    MultipartBody body = body(mimeType);
    try {
      body.file("file", name == null ? "file" : name.toString(), mimeType, file);
    } catch (FileNotFoundException e) {
      throw new UncheckedIOException("media file not found", e);
    }
    return uploadCall(body);
  }

  /**
   * Uploads media held in memory.
   *
   * @param data the bytes
   * @param mimeType the MIME type, such as {@code image/png}
   * @param filename the file name sent with the part, such as {@code logo.png}
   * @return the new media id
   * @throws InvalidMessageException if the type is not accepted or the data is empty or too large
   */
  public String upload(byte[] data, String mimeType, String filename) {
    return calls.call(uploadCall(data, mimeType, filename));
  }

  /** The async twin of {@link #upload(byte[], String, String)}. */
  public CompletableFuture<String> uploadAsync(byte[] data, String mimeType, String filename) {
    return calls.callAsync(uploadCall(data, mimeType, filename));
  }

  private ManagementCalls.Call<String> uploadCall(byte[] data, String mimeType, String filename) {
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(filename, "filename");
    MediaKind kind = kind(mimeType);
    checkSize(kind, data.length);
    return uploadCall(body(mimeType).file("file", filename, mimeType, data));
  }

  /**
   * Uploads media read from a stream. The stream is read into memory (up to the kind's limit plus
   * one byte, so an oversized stream fails before upload) and is not closed.
   *
   * @param in the stream
   * @param mimeType the MIME type, such as {@code video/mp4}
   * @param filename the file name sent with the part
   * @return the new media id
   * @throws InvalidMessageException if the type is not accepted or the stream is empty or too large
   * @throws UncheckedIOException if the stream fails
   */
  public String upload(InputStream in, String mimeType, String filename) {
    return calls.call(uploadCall(in, mimeType, filename));
  }

  /**
   * The async twin of {@link #upload(InputStream, String, String)}. The stream is read into memory
   * on the calling thread, before the future is returned; only the upload itself runs without
   * blocking.
   */
  public CompletableFuture<String> uploadAsync(InputStream in, String mimeType, String filename) {
    return calls.callAsync(uploadCall(in, mimeType, filename));
  }

  private ManagementCalls.Call<String> uploadCall(
      InputStream in, String mimeType, String filename) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(filename, "filename");
    MediaKind kind = kind(mimeType);
    byte[] data;
    try {
      data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, kind.maxBytes() + 1));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the media stream", e);
    }
    checkSize(kind, data.length);
    return uploadCall(body(mimeType).file("file", filename, mimeType, data));
  }

  /**
   * Looks up a media id's download URL and facts.
   *
   * @param mediaId the media id
   * @return the URL, valid for 5 minutes, and the file's facts
   */
  public MediaInfo url(String mediaId) {
    return calls.call(lookupCall(mediaId, null));
  }

  /** The async twin of {@link #url(String)}. */
  public CompletableFuture<MediaInfo> urlAsync(String mediaId) {
    return calls.callAsync(lookupCall(mediaId, null));
  }

  /**
   * Looks up a media id's download URL, failing unless the media belongs to the phone number.
   *
   * @param mediaId the media id
   * @param phoneNumberId the business phone number id the media must belong to
   * @return the URL and the file's facts
   */
  public MediaInfo url(String mediaId, String phoneNumberId) {
    return calls.call(lookupCall(mediaId, Objects.requireNonNull(phoneNumberId, "phoneNumberId")));
  }

  /** The async twin of {@link #url(String, String)}. */
  public CompletableFuture<MediaInfo> urlAsync(String mediaId, String phoneNumberId) {
    return calls.callAsync(
        lookupCall(mediaId, Objects.requireNonNull(phoneNumberId, "phoneNumberId")));
  }

  /**
   * Downloads media by id into a stream, with the default 100 MB cap.
   *
   * @param mediaId the media id (from an upload or an inbound webhook)
   * @param sink where the bytes go; not closed
   * @return the size and type
   */
  public DownloadedMedia download(String mediaId, OutputStream sink) {
    return download(mediaId, sink, DEFAULT_DOWNLOAD_MAX_BYTES);
  }

  /**
   * The async twin of {@link #download(String, OutputStream)}. Writing to the sink blocks, so the
   * download runs on the client's executor ({@link WhatsAppClient.Builder#executor}, by default the
   * common fork-join pool): set an executor sized for downloads when many run at once.
   */
  public CompletableFuture<DownloadedMedia> downloadAsync(String mediaId, OutputStream sink) {
    checkDownload(mediaId, sink, DEFAULT_DOWNLOAD_MAX_BYTES);
    return calls.blockingAsync(() -> download(mediaId, sink, DEFAULT_DOWNLOAD_MAX_BYTES));
  }

  /**
   * Downloads media by id into a stream: looks up the URL, downloads it, and on a 404 looks the URL
   * up once more and tries again.
   *
   * @param mediaId the media id
   * @param sink where the bytes go; not closed
   * @param maxBytes the largest download accepted; a larger one fails without writing past it
   * @return the size and type
   * @throws WhatsAppException if the media is larger than {@code maxBytes}
   */
  public DownloadedMedia download(String mediaId, OutputStream sink, long maxBytes) {
    checkDownload(mediaId, sink, maxBytes);
    MediaInfo info = url(mediaId);
    try {
      return fetch(info, sink, maxBytes);
    } catch (ApiException e) {
      if (e.error().httpStatus() != 404) {
        throw e;
      }
      MediaInfo fresh = url(mediaId);
      try {
        return fetch(fresh, sink, maxBytes);
      } catch (ApiException again) {
        again.addSuppressed(e);
        throw again;
      }
    }
  }

  /**
   * The async twin of {@link #download(String, OutputStream, long)}; it runs on the client's
   * executor, like {@link #downloadAsync(String, OutputStream)}.
   */
  public CompletableFuture<DownloadedMedia> downloadAsync(
      String mediaId, OutputStream sink, long maxBytes) {
    checkDownload(mediaId, sink, maxBytes);
    return calls.blockingAsync(() -> download(mediaId, sink, maxBytes));
  }

  /**
   * Downloads the media a lookup returned into a stream.
   *
   * @param info the lookup, at most 5 minutes old
   * @param sink where the bytes go; not closed
   * @param maxBytes the largest download accepted
   * @return the size and type
   */
  public DownloadedMedia download(MediaInfo info, OutputStream sink, long maxBytes) {
    return fetch(Objects.requireNonNull(info, "info"), sink, maxBytes);
  }

  /**
   * The async twin of {@link #download(MediaInfo, OutputStream, long)}; it runs on the client's
   * executor, like {@link #downloadAsync(String, OutputStream)}.
   */
  public CompletableFuture<DownloadedMedia> downloadAsync(
      MediaInfo info, OutputStream sink, long maxBytes) {
    Objects.requireNonNull(info, "info");
    checkDownload(info.id(), sink, maxBytes);
    return calls.blockingAsync(() -> fetch(info, sink, maxBytes));
  }

  /**
   * Downloads media by id into a file, replacing it. The bytes go to a temporary file next to it,
   * moved into place only when the download completed.
   *
   * @param mediaId the media id
   * @param target the file to write
   * @return the size and type
   * @throws UncheckedIOException if the file cannot be written
   */
  public DownloadedMedia download(String mediaId, Path target) {
    Objects.requireNonNull(target, "target");
    return toFile(target, out -> download(mediaId, out, DEFAULT_DOWNLOAD_MAX_BYTES));
  }

  /**
   * The async twin of {@link #download(String, Path)}; it runs on the client's executor, like
   * {@link #downloadAsync(String, OutputStream)}.
   */
  public CompletableFuture<DownloadedMedia> downloadAsync(String mediaId, Path target) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(mediaId, "mediaId");
    return calls.blockingAsync(() -> download(mediaId, target));
  }

  /**
   * Downloads media from a URL an inbound webhook carried (its {@code url} field). The token is
   * sent only if the URL is on Meta's media host over https, or on the configured base URL; any
   * other URL is refused. Such a URL cannot be renewed here: on a 404, download by id instead.
   *
   * @param url the media URL
   * @param sink where the bytes go; not closed
   * @param maxBytes the largest download accepted
   * @return the size and type
   * @throws IllegalArgumentException if the URL's host may not receive the token
   */
  public DownloadedMedia download(URI url, OutputStream sink, long maxBytes) {
    Objects.requireNonNull(url, "url");
    GraphDownload d = calls.download(GraphRequest.get(url, "download media"), sink, maxBytes);
    return new DownloadedMedia(d.size(), d.contentType(), Optional.empty());
  }

  /**
   * The async twin of {@link #download(URI, OutputStream, long)}; it runs on the client's executor,
   * like {@link #downloadAsync(String, OutputStream)}.
   */
  public CompletableFuture<DownloadedMedia> downloadAsync(
      URI url, OutputStream sink, long maxBytes) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(sink, "sink");
    return calls.blockingAsync(() -> download(url, sink, maxBytes));
  }

  /**
   * Deletes media.
   *
   * @param mediaId the media id
   */
  public void delete(String mediaId) {
    calls.call(
        ManagementCalls.success(GraphRequest.delete(mediaUri(mediaId, null), "delete media")));
  }

  /** The async twin of {@link #delete(String)}. */
  public CompletableFuture<Void> deleteAsync(String mediaId) {
    return calls.callAsync(
        ManagementCalls.success(GraphRequest.delete(mediaUri(mediaId, null), "delete media")));
  }

  /**
   * Deletes media, failing unless it belongs to the phone number.
   *
   * @param mediaId the media id
   * @param phoneNumberId the business phone number id the media must belong to
   */
  public void delete(String mediaId, String phoneNumberId) {
    calls.call(deleteCall(mediaId, phoneNumberId));
  }

  /** The async twin of {@link #delete(String, String)}. */
  public CompletableFuture<Void> deleteAsync(String mediaId, String phoneNumberId) {
    return calls.callAsync(deleteCall(mediaId, phoneNumberId));
  }

  private ManagementCalls.Call<Void> deleteCall(String mediaId, String phoneNumberId) {
    return ManagementCalls.success(
        GraphRequest.delete(
            mediaUri(mediaId, Objects.requireNonNull(phoneNumberId, "phoneNumberId")),
            "delete media"));
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  private DownloadedMedia fetch(MediaInfo info, OutputStream sink, long maxBytes) {
    GraphDownload d =
        calls.download(GraphRequest.get(info.url(), "download media"), sink, maxBytes);
    return new DownloadedMedia(d.size(), d.contentType(), Optional.of(info));
  }

  private static void checkDownload(String mediaId, OutputStream sink, long maxBytes) {
    Objects.requireNonNull(mediaId, "mediaId");
    Objects.requireNonNull(sink, "sink");
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative");
    }
  }

  private ManagementCalls.Call<MediaInfo> lookupCall(String mediaId, String phoneNumberId) {
    return ManagementCalls.json(
        GraphRequest.get(mediaUri(mediaId, phoneNumberId), "look up media"),
        body -> readLookup(body, mediaId));
  }

  private static MediaInfo readLookup(JsonNode body, String mediaId) {
    Optional<String> url = ManagementJson.text(body, "url");
    if (url.isEmpty()) {
      throw new WhatsAppException("look up media returned no url");
    }
    URI uri;
    try {
      uri = URI.create(url.get());
    } catch (IllegalArgumentException e) {
      throw new WhatsAppException("look up media returned a malformed url", e);
    }
    return new MediaInfo(
        ManagementJson.text(body, "id").orElse(mediaId),
        uri,
        ManagementJson.textOrEmpty(body, "mime_type"),
        ManagementJson.textOrEmpty(body, "sha256"),
        ManagementJson.number(body, "file_size"));
  }

  private URI mediaUri(String mediaId, String phoneNumberId) {
    Objects.requireNonNull(mediaId, "mediaId");
    Map<String, String> query = new LinkedHashMap<>();
    if (phoneNumberId != null) {
      query.put("phone_number_id", phoneNumberId);
    }
    return calls.uri(GraphTransport.segment(mediaId), query);
  }

  private ManagementCalls.Call<String> uploadCall(MultipartBody body) {
    GraphRequest request =
        new GraphRequest(
            "POST",
            uploadUri,
            body.publisher(),
            body.contentType(),
            false,
            "upload media",
            null,
            null);
    return ManagementCalls.json(
        request,
        answer ->
            ManagementJson.text(answer, "id")
                .orElseThrow(
                    () ->
                        new RequestMaybeSentException(
                            "upload media was probably done, but the answer carried no id",
                            TransportFailure.UNREADABLE_RESPONSE,
                            null)));
  }

  private static MultipartBody body(String mimeType) {
    return MultipartBody.create().field("messaging_product", "whatsapp").field("type", mimeType);
  }

  private static MediaKind kind(String mimeType) {
    Objects.requireNonNull(mimeType, "mimeType");
    if (mimeType.indexOf('\r') >= 0 || mimeType.indexOf('\n') >= 0) {
      throw new InvalidMessageException("type", "a MIME type without line breaks", "a line break");
    }
    return MediaKind.ofMimeType(mimeType)
        .orElseThrow(
            () ->
                new InvalidMessageException(
                    "type",
                    "a MIME type WhatsApp accepts (see MediaKind)",
                    "'" + MediaKind.baseType(mimeType) + "'"));
  }

  private static void checkSize(MediaKind kind, long size) {
    if (size == 0) {
      throw new InvalidMessageException("file", "not empty", "0 bytes");
    }
    if (size > kind.maxBytes()) {
      throw new InvalidMessageException(
          "file",
          "at most " + kind.maxBytes() + " bytes for " + kind,
          (size == kind.maxBytes() + 1 ? "more than " + kind.maxBytes() : size) + " bytes");
    }
  }

  interface Download {
    DownloadedMedia to(OutputStream out);
  }

  static DownloadedMedia toFile(Path target, Download download) {
    Path dir = target.toAbsolutePath().getParent();
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, ".wasdk-", ".part");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a temporary file next to the target", e);
    }
    boolean done = false;
    try (OutputStream out = Files.newOutputStream(tmp)) {
      DownloadedMedia result = download.to(out);
      out.close();
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      done = true;
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the downloaded media", e);
    } finally {
      if (!done) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // best effort: the partial file is hidden and marked .part
        }
      }
    }
  }
}
