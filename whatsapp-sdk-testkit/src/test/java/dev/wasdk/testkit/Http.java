package dev.wasdk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JDK HttpClient wrapper that talks to a simulator the way the SDK would. */
final class Http {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String V = "/v23.0/";

  /** One answer. */
  record Response(int status, byte[] bytes, java.net.http.HttpHeaders headers) {
    String body() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      return JSON.readTree(bytes);
    }

    int errorCode() {
      return json().path("error").path("code").asInt(0);
    }

    String details() {
      return json().path("error").path("error_data").path("details").asString("");
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final WhatsAppSimulator sim;
  private String token;

  Http(WhatsAppSimulator sim) {
    this.sim = sim;
    this.token = sim.accessToken();
  }

  Http token(String token) {
    this.token = token;
    return this;
  }

  URI uri(String pathAndQuery) {
    return URI.create(sim.baseUrl() + pathAndQuery);
  }

  /** POSTs JSON to /v23.0/{phone}/messages. */
  Response send(String json) {
    return post(V + sim.phoneNumberId() + "/messages", json);
  }

  Response post(String path, String json) {
    return call(
        builder(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  Response get(String path) {
    return call(builder(path).GET().build());
  }

  Response delete(String path) {
    return call(builder(path).DELETE().build());
  }

  Response delete(String path, String json) {
    return call(
        builder(path)
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** Uploads media as multipart/form-data, as the SDK does. */
  Response upload(byte[] file, String mime, String filename, boolean withProduct) {
    String boundary = "----wasdk" + UUID.randomUUID();
    StringBuilder head = new StringBuilder();
    if (withProduct) {
      head.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"messaging_product\"\r\n\r\n")
          .append("whatsapp\r\n");
    }
    if (mime != null) {
      head.append("--")
          .append(boundary)
          .append("\r\n")
          .append("Content-Disposition: form-data; name=\"type\"\r\n\r\n")
          .append(mime)
          .append("\r\n");
    }
    head.append("--")
        .append(boundary)
        .append("\r\n")
        .append("Content-Disposition: form-data; name=\"file\"; filename=\"")
        .append(filename)
        .append("\"\r\n")
        .append("Content-Type: ")
        .append(mime == null ? "application/octet-stream" : mime)
        .append("\r\n\r\n");
    byte[] a = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] c = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[a.length + file.length + c.length];
    System.arraycopy(a, 0, body, 0, a.length);
    System.arraycopy(file, 0, body, a.length, file.length);
    System.arraycopy(c, 0, body, a.length + file.length, c.length);
    return call(
        builder(V + sim.phoneNumberId() + "/media")
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  /** GETs an absolute URL (a media download). */
  Response getAbsolute(String url, boolean withToken) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (withToken) {
      b.header("Authorization", "Bearer " + token);
    }
    return call(b.build());
  }

  HttpRequest.Builder builder(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path));
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return b;
  }

  Response call(HttpRequest request) {
    try {
      HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Response(r.statusCode(), r.body(), r.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Returns a text message body to a user. */
  static String text(String to, String body) {
    return "{\"messaging_product\":\"whatsapp\",\"recipient_type\":\"individual\",\"to\":\""
        + to
        + "\",\"type\":\"text\",\"text\":{\"body\":\""
        + body
        + "\"}}";
  }

  /** Returns a template message body with positional text body parameters. */
  static String template(String to, String name, String language, String... params) {
    StringBuilder b =
        new StringBuilder(
            "{\"messaging_product\":\"whatsapp\",\"to\":\""
                + to
                + "\",\"type\":\"template\",\"template\":{\"name\":\""
                + name
                + "\",\"language\":{\"code\":\""
                + language
                + "\"}");
    if (params.length > 0) {
      b.append(",\"components\":[{\"type\":\"body\",\"parameters\":[");
      for (int i = 0; i < params.length; i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append("{\"type\":\"text\",\"text\":\"").append(params[i]).append("\"}");
      }
      b.append("]}]");
    }
    return b.append("}}").toString();
  }
}
