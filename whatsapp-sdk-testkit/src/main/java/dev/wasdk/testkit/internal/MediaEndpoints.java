package dev.wasdk.testkit.internal;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The media endpoints: upload, metadata, delete and the signed download URL, with Meta's size
 * limits per MIME type. Thread-safe.
 */
final class MediaEndpoints {
  private final Simulator sim;

  MediaEndpoints(Simulator sim) {
    this.sim = sim;
  }

  /** Where media downloads are served, as on Meta's lookaside host. */
  static final String DOWNLOAD_PATH = "/whatsapp_business/attachments/";

  private static final long MB = 1024L * 1024;
  private static final Map<String, Long> MEDIA_LIMITS = mediaLimits();
  private static final Duration MEDIA_LIFETIME = Duration.ofDays(30);
  private static final Duration URL_LIFETIME = Duration.ofMinutes(5);

  private static Map<String, Long> mediaLimits() {
    Map<String, Long> m = new LinkedHashMap<>();
    for (String t : List.of("audio/aac", "audio/amr", "audio/mpeg", "audio/mp4", "audio/ogg")) {
      m.put(t, 16 * MB);
    }
    for (String t :
        List.of(
            "text/plain",
            "application/pdf",
            "application/vnd.ms-excel",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/msword",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.ms-powerpoint",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation")) {
      m.put(t, 100 * MB);
    }
    m.put("image/jpeg", 5 * MB);
    m.put("image/png", 5 * MB);
    m.put("image/webp", 500 * 1024L);
    m.put("video/mp4", 16 * MB);
    m.put("video/3gpp", 16 * MB);
    return m;
  }

  // ---- media -----------------------------------------------------------------------------------

  SimResponse upload(Simulator.Phone phone, SimRequest req, Instant now) {
    List<SimRequest.Part> parts = req.parts();
    if (parts.isEmpty()) {
      throw GraphErrorException.of(
          100,
          "The request must be multipart/form-data with the parts messaging_product, file and"
              + " type.");
    }
    SimRequest.Part product = part(parts, "messaging_product");
    if (product == null) {
      throw GraphErrorException.of(100, "The parameter messaging_product is required.");
    }
    String productValue = new String(product.body(), StandardCharsets.UTF_8).trim();
    if (!productValue.equals("whatsapp")) {
      throw GraphErrorException.of(
          100, "Param messaging_product must be one of {WHATSAPP} - got \"" + productValue + "\".");
    }
    SimRequest.Part file = part(parts, "file");
    if (file == null) {
      throw GraphErrorException.of(100, "The parameter file is required.");
    }
    SimRequest.Part typePart = part(parts, "type");
    String mime =
        typePart != null
            ? new String(typePart.body(), StandardCharsets.UTF_8).trim()
            : file.contentType().orElse("");
    int semicolon = mime.indexOf(';');
    if (semicolon >= 0) {
      mime = mime.substring(0, semicolon).trim();
    }
    mime = mime.toLowerCase(Locale.ROOT);
    if (mime.isEmpty()) {
      throw GraphErrorException.of(100, "The parameter type is required.");
    }
    Long max = MEDIA_LIMITS.get(mime);
    if (max == null) {
      throw GraphErrorException.of(
          131053,
          "Param file must be a file with one of the following types: "
              + String.join(", ", MEDIA_LIMITS.keySet())
              + ". Received file of type '"
              + mime
              + "'.");
    }
    if (file.body().length == 0) {
      throw GraphErrorException.of(131053, "file: must not be empty");
    }
    if (file.body().length > max) {
      throw GraphErrorException.of(
          131053,
          "file: must be at most "
              + max
              + " bytes for "
              + mime
              + ", but was "
              + file.body().length
              + " bytes");
    }
    MediaStore.Media m = sim.media.put(phone.id, file.body(), mime, now.toEpochMilli());
    return SimResponse.json(
        JsonIo.write(
            g -> {
              g.writeStartObject();
              g.writeStringProperty("id", m.id());
              g.writeEndObject();
            }));
  }

  private static SimRequest.Part part(List<SimRequest.Part> parts, String name) {
    for (SimRequest.Part p : parts) {
      if (p.name().equals(name)) {
        return p;
      }
    }
    return null;
  }

  static boolean alive(MediaStore.Media m, Instant now) {
    return now.toEpochMilli() - m.createdMillis() < MEDIA_LIFETIME.toMillis();
  }

  byte[] mediaJson(MediaStore.Media m, Instant now) {
    long expires = now.plus(URL_LIFETIME).getEpochSecond();
    String url =
        sim.baseUrl
            + DOWNLOAD_PATH
            + "?mid="
            + m.id()
            + "&ext="
            + expires
            + "&hash="
            + urlHash(m.id(), expires);
    return JsonIo.write(
        g -> {
          g.writeStartObject();
          g.writeStringProperty("messaging_product", "whatsapp");
          g.writeStringProperty("url", url);
          g.writeStringProperty("mime_type", m.mimeType());
          g.writeStringProperty("sha256", m.sha256Hex());
          g.writeStringProperty("file_size", Long.toString(m.bytes().length));
          g.writeStringProperty("id", m.id());
          g.writeEndObject();
        });
  }

  private String urlHash(String id, long expires) {
    String signed =
        new Hmac(sim.settings.appSecret())
            .sign((id + ":" + expires).getBytes(StandardCharsets.UTF_8));
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(signed.substring(7, 31).getBytes(StandardCharsets.US_ASCII));
  }

  /** {@code GET <media url>}: the bytes, for a caller with the current token, within 5 minutes. */
  SimResponse download(SimRequest req, Instant now) {
    if (!req.method().equals("GET")) {
      throw GraphErrorException.unknownObject(req.method(), "attachments");
    }
    if (!sim.tokens.authorized(req, now)) {
      throw new GraphErrorException(
          401,
          190,
          null,
          "OAuthException",
          "Invalid OAuth access token - Cannot parse access token",
          null);
    }
    String id = req.query("mid").orElse("");
    long expires;
    try {
      expires = Long.parseLong(req.query("ext").orElse(""));
    } catch (NumberFormatException e) {
      throw notFound();
    }
    Optional<MediaStore.Media> m = sim.media.get(id).filter(x -> alive(x, now));
    if (m.isEmpty()
        || now.getEpochSecond() > expires
        || !urlHash(id, expires).equals(req.query("hash").orElse(""))) {
      throw notFound();
    }
    return new SimResponse(200, m.get().mimeType(), m.get().bytes(), 0);
  }

  private static GraphErrorException notFound() {
    return new GraphErrorException(
        404,
        100,
        null,
        "GraphMethodException",
        "(#100) The media URL is unknown or has expired. Retrieve a new URL.",
        null);
  }
}
