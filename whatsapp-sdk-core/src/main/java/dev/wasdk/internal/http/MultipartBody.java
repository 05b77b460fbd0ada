package dev.wasdk.internal.http;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Builds a {@code multipart/form-data} body (RFC 7578), as media upload needs: text fields and file
 * parts, streamed from memory or from a file. The publisher can be sent more than once, so a
 * retried upload resends the same body. Not thread-safe while building.
 *
 * <pre>{@code
 * MultipartBody body = MultipartBody.create()
 *     .field("messaging_product", "whatsapp")
 *     .field("type", "image/jpeg")
 *     .file("file", "photo.jpg", "image/jpeg", path);
 * new GraphRequest("POST", uri, body.publisher(), body.contentType(), false, "upload media", null, null);
 * }</pre>
 */
public final class MultipartBody {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String boundary;
  private final List<BodyPublisher> parts = new ArrayList<>();

  private MultipartBody(String boundary) {
    this.boundary = boundary;
  }

  /** Returns an empty body with a random boundary. */
  public static MultipartBody create() {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    return new MultipartBody("wasdk-" + HexFormat.of().formatHex(random));
  }

  /** Returns the {@code Content-Type} header value, with the boundary. */
  public String contentType() {
    return "multipart/form-data; boundary=" + boundary;
  }

  /** Adds a text field. */
  public MultipartBody field(String name, String value) {
    Objects.requireNonNull(value, "value");
    parts.add(ascii(head(name, null, "text/plain; charset=UTF-8")));
    parts.add(BodyPublishers.ofByteArray(value.getBytes(StandardCharsets.UTF_8)));
    parts.add(ascii("\r\n"));
    return this;
  }

  /** Adds a file part from memory. */
  public MultipartBody file(String name, String filename, String contentType, byte[] data) {
    Objects.requireNonNull(data, "data");
    return file(name, filename, contentType, BodyPublishers.ofByteArray(data));
  }

  /** Adds a file part streamed from a file when the body is sent. */
  public MultipartBody file(String name, String filename, String contentType, Path path)
      throws FileNotFoundException {
    return file(name, filename, contentType, BodyPublishers.ofFile(path));
  }

  private MultipartBody file(
      String name, String filename, String contentType, BodyPublisher content) {
    Objects.requireNonNull(filename, "filename");
    Objects.requireNonNull(contentType, "contentType");
    if (contentType.indexOf('\r') >= 0 || contentType.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("content type must not contain line breaks");
    }
    parts.add(ascii(head(name, filename, contentType)));
    parts.add(content);
    parts.add(ascii("\r\n"));
    return this;
  }

  /** Returns the body, ending with the closing boundary. */
  public BodyPublisher publisher() {
    List<BodyPublisher> all = new ArrayList<>(parts);
    all.add(ascii("--" + boundary + "--\r\n"));
    return BodyPublishers.concat(all.toArray(new BodyPublisher[0]));
  }

  private String head(String name, String filename, String contentType) {
    Objects.requireNonNull(name, "name");
    StringBuilder b = new StringBuilder("--").append(boundary).append("\r\n");
    b.append("Content-Disposition: form-data; name=\"").append(quote(name)).append('"');
    if (filename != null) {
      b.append("; filename=\"").append(quote(filename)).append('"');
    }
    b.append("\r\nContent-Type: ").append(contentType).append("\r\n\r\n");
    return b.toString();
  }

  /**
   * Escapes a quoted parameter value the way browsers do: {@code "}, CR and LF as %22, %0D, %0A.
   */
  private static String quote(String value) {
    return value.replace("\"", "%22").replace("\r", "%0D").replace("\n", "%0A");
  }

  private static BodyPublisher ascii(String s) {
    return BodyPublishers.ofByteArray(s.getBytes(StandardCharsets.UTF_8));
  }
}
