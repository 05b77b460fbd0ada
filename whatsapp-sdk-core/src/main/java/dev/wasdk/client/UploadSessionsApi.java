package dev.wasdk.client;

import dev.wasdk.error.ServerException;
import dev.wasdk.error.TransportException;
import dev.wasdk.error.WhatsAppException;
import dev.wasdk.internal.http.GraphRequest;
import dev.wasdk.internal.http.GraphTransport;
import dev.wasdk.internal.http.RequestHeaders;
import dev.wasdk.internal.json.ManagementJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * Uploads files through Meta's Resumable Upload API and returns the file handle that template
 * creation ({@code header_handle} of media headers and carousel cards) and the business profile
 * picture ({@code profile_picture_handle}) take. Get it from {@link MediaApi#uploadSessions()}.
 *
 * <pre>{@code
 * String handle = wa.media().uploadSessions()
 *     .upload("1234567890", Path.of("header.jpg"), "image/jpeg");
 * // use it as the example header_handle of a template's IMAGE header
 * }</pre>
 *
 * <p>A session is opened on the app ({@code POST /{app-id}/uploads}), the bytes are sent to it with
 * a {@code file_offset} header, and a broken transfer is resumed from the offset Meta reports
 * ({@code GET /upload:<id>}). {@link #upload(String, Path, String)} does all three and resumes up
 * to {@value #MAX_RESUMES} times. The token needs an admin or developer role on the app. Handles
 * are samples for template review only: to send media, upload it with {@link MediaApi#upload}.
 *
 * <p>Thread-safe; share one instance.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/guides/upload">Resumable Upload
 *     API</a>
 */
public final class UploadSessionsApi {
  /** How often {@link #upload(String, Path, String)} resumes a broken transfer before failing. */
  public static final int MAX_RESUMES = 3;

  /** The file types Meta accepts in an upload session. */
  public static final Set<String> FILE_TYPES =
      Set.of("application/pdf", "image/jpeg", "image/jpg", "image/png", "video/mp4");

  private final ManagementCalls calls;

  UploadSessionsApi(ManagementCalls calls) {
    this.calls = calls;
  }

  /**
   * Opens an upload session on an app.
   *
   * @param appId the Meta app id
   * @param fileName the file name
   * @param fileLength the file size in bytes, at least 1
   * @param fileType one of {@link #FILE_TYPES}
   * @return the session id, {@code upload:...}, opaque
   */
  public String create(String appId, String fileName, long fileLength, String fileType) {
    return calls.call(createCall(appId, fileName, fileLength, fileType));
  }

  /** The async twin of {@link #create(String, String, long, String)}. */
  public CompletableFuture<String> createAsync(
      String appId, String fileName, long fileLength, String fileType) {
    return calls.callAsync(createCall(appId, fileName, fileLength, fileType));
  }

  private ManagementCalls.Call<String> createCall(
      String appId, String fileName, long fileLength, String fileType) {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(fileName, "fileName");
    Objects.requireNonNull(fileType, "fileType");
    if (fileName.isBlank()) {
      throw new IllegalArgumentException("fileName must not be blank");
    }
    if (fileLength < 1) {
      throw new IllegalArgumentException("fileLength must be at least 1 byte, was " + fileLength);
    }
    if (!FILE_TYPES.contains(fileType)) {
      throw new IllegalArgumentException(
          "an upload session takes " + new java.util.TreeSet<>(FILE_TYPES) + ", not " + fileType);
    }
    Map<String, String> q = new LinkedHashMap<>();
    q.put("file_name", fileName);
    q.put("file_length", Long.toString(fileLength));
    q.put("file_type", fileType);
    GraphRequest request =
        new GraphRequest(
            "POST",
            calls.uri(GraphTransport.segment(appId) + "/uploads", q),
            null,
            null,
            false,
            "open upload session",
            null,
            null);
    return ManagementCalls.json(
        request,
        body ->
            ManagementJson.text(body, "id")
                .filter(id -> id.startsWith("upload:"))
                .orElseThrow(
                    () ->
                        new WhatsAppException(
                            "open upload session was answered without an upload: id")));
  }

  /**
   * Returns how many bytes of the file the session has received, where an upload resumes.
   *
   * @param sessionId the session id, {@code upload:...}
   * @return the offset
   */
  public long offset(String sessionId) {
    return calls.call(offsetCall(sessionId));
  }

  /** The async twin of {@link #offset(String)}. */
  public CompletableFuture<Long> offsetAsync(String sessionId) {
    return calls.callAsync(offsetCall(sessionId));
  }

  private ManagementCalls.Call<Long> offsetCall(String sessionId) {
    return ManagementCalls.json(
        GraphRequest.get(calls.uri(sessionPath(sessionId)), "get upload session offset"),
        body ->
            ManagementJson.number(body, "file_offset")
                .orElseThrow(
                    () ->
                        new WhatsAppException(
                            "get upload session offset was answered without file_offset")));
  }

  /**
   * Sends a file's bytes from an offset to a session. Not retried by the transport once it may have
   * reached Meta; resume with {@link #offset(String)} and this method again.
   *
   * @param sessionId the session id
   * @param file the file whose size the session was opened with
   * @param offset where to start, from {@link #offset(String)}; 0 for a new session
   * @return the file handle, such as {@code 2:c2FtcGxl...}
   */
  public String send(String sessionId, Path file, long offset) {
    return calls.call(sendCall(sessionId, file, offset));
  }

  /** The async twin of {@link #send(String, Path, long)}. */
  public CompletableFuture<String> sendAsync(String sessionId, Path file, long offset) {
    return calls.callAsync(sendCall(sessionId, file, offset));
  }

  private ManagementCalls.Call<String> sendCall(String sessionId, Path file, long offset) {
    Objects.requireNonNull(file, "file");
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of the file to upload", e);
    }
    if (offset < 0 || offset > size) {
      throw new IllegalArgumentException(
          "offset must be 0 to the file size " + size + ", was " + offset);
    }
    BodyPublisher body =
        BodyPublishers.fromPublisher(
            BodyPublishers.ofInputStream(() -> open(file, offset)), size - offset);
    GraphRequest request =
        new GraphRequest(
            "POST",
            calls.uri(sessionPath(sessionId)),
            body,
            "application/octet-stream",
            false,
            "upload file data",
            new RequestHeaders(
                "an upload session at offset " + offset,
                Map.of("file_offset", Long.toString(offset))),
            null);
    return ManagementCalls.json(
        request,
        answer ->
            ManagementJson.text(answer, "h")
                .orElseThrow(
                    () -> new WhatsAppException("upload file data was answered without a handle")));
  }

  /**
   * Uploads a file through a new session, resuming from Meta's offset after a broken transfer, a
   * timeout or a 5xx (at most {@value #MAX_RESUMES} times), and returns its handle.
   *
   * @param appId the Meta app id
   * @param file the file
   * @param fileType one of {@link #FILE_TYPES}
   * @return the file handle
   */
  public String upload(String appId, Path file, String fileType) {
    Objects.requireNonNull(file, "file");
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the size of the file to upload", e);
    }
    Path name = file.getFileName();
    String session = create(appId, name == null ? "file" : name.toString(), size, fileType);
    long offset = 0;
    for (int resumes = 0; ; resumes++) {
      try {
        return send(session, file, offset);
      } catch (TransportException | ServerException e) {
        if (resumes >= MAX_RESUMES) {
          throw e;
        }
        offset = offset(session);
      }
    }
  }

  /** The async twin of {@link #upload(String, Path, String)}; runs on the client's executor. */
  public CompletableFuture<String> uploadAsync(String appId, Path file, String fileType) {
    return calls.blockingAsync(() -> upload(appId, file, fileType));
  }

  /** Returns the usage reported by the latest management response of this client. */
  public Optional<UsageInfo> lastUsage() {
    return calls.lastUsage();
  }

  /** The session id goes into the path as it is: Meta's ids may carry {@code :} and a query. */
  private static String sessionPath(String sessionId) {
    Objects.requireNonNull(sessionId, "sessionId");
    if (!sessionId.startsWith("upload:")
        || sessionId.length() == "upload:".length()
        || sessionId.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '#' || c == '\\')) {
      throw new IllegalArgumentException("sessionId must be an upload session id, upload:...");
    }
    return sessionId;
  }

  private static InputStream open(Path file, long offset) {
    try {
      InputStream in = Files.newInputStream(file);
      in.skipNBytes(offset);
      return in;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the file to upload", e);
    }
  }
}
