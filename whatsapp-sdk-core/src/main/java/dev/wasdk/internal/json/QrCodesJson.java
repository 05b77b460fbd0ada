package dev.wasdk.internal.json;

import dev.wasdk.client.Page;
import dev.wasdk.client.QrCode;
import dev.wasdk.client.QrImageFormat;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Writes QR code requests ({@code message_qrdls}) and reads the codes. */
public final class QrCodesJson {
  private QrCodesJson() {}

  /** Returns the body of a create request. */
  public static byte[] create(String prefilledMessage, Optional<QrImageFormat> image) {
    ObjectNode body = ManagementJson.object();
    body.put("prefilled_message", prefilledMessage);
    image.ifPresent(f -> body.put("generate_qr_image", f.name()));
    return ManagementJson.bytes(body);
  }

  /** Returns the body of an update request. */
  public static byte[] update(String code, String prefilledMessage) {
    ObjectNode body = ManagementJson.object();
    body.put("code", code);
    body.put("prefilled_message", prefilledMessage);
    return ManagementJson.bytes(body);
  }

  /**
   * Reads a single code, which comes flat (create, update) or as {@code data[0]} (get); empty when
   * the answer carries no code.
   */
  public static Optional<QrCode> readOne(JsonNode body) {
    JsonNode node = unwrap(body);
    return ManagementJson.text(node, "code").isPresent()
        ? Optional.of(read(node))
        : Optional.empty();
  }

  /**
   * Reads the answer to an update; an answer without the code stands for the code as sent, with no
   * link or image.
   */
  public static QrCode readUpdated(JsonNode answer, String code, String prefilledMessage) {
    return readOne(answer)
        .orElseGet(
            () ->
                new QrCode(
                    code,
                    prefilledMessage,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    ManagementJson.raw(answer)));
  }

  /** Reads one page of codes. */
  public static Page<QrCode> readPage(JsonNode body) {
    return new Page<>(
        ManagementJson.objects(body, "data", QrCodesJson::read),
        ManagementJson.before(body),
        ManagementJson.after(body));
  }

  private static JsonNode unwrap(JsonNode body) {
    JsonNode data = body.path("data");
    if (data.isArray()) {
      return data.size() > 0 && data.get(0).isObject() ? data.get(0) : ManagementJson.object();
    }
    return body;
  }

  private static QrCode read(JsonNode n) {
    return new QrCode(
        ManagementJson.textOrEmpty(n, "code"),
        ManagementJson.textOrEmpty(n, "prefilled_message"),
        ManagementJson.text(n, "deep_link_url"),
        ManagementJson.text(n, "qr_image_url"),
        ManagementJson.number(n, "creation_time").map(Instant::ofEpochSecond),
        ManagementJson.raw(n));
  }
}
