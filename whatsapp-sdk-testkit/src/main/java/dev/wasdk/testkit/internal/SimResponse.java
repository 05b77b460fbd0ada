package dev.wasdk.testkit.internal;

/**
 * One HTTP response of the simulator.
 *
 * @param status the HTTP status
 * @param contentType the content type
 * @param body the body
 * @param errorCode the Graph error code when the response is an error, else 0
 */
public record SimResponse(int status, String contentType, byte[] body, int errorCode) {
  private static final String JSON = "application/json; charset=UTF-8";
  private static final byte[] SUCCESS =
      "{\"success\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);

  /** Returns a 200 with a JSON body. */
  public static SimResponse json(byte[] body) {
    return new SimResponse(200, JSON, body, 0);
  }

  /** Returns {@code {"success":true}}. */
  public static SimResponse success() {
    return json(SUCCESS);
  }

  /** Returns Meta's error envelope for an error. */
  public static SimResponse error(GraphErrorException e) {
    return new SimResponse(e.httpStatus(), JSON, e.toJson(Ids.fbtraceId()), e.code());
  }
}
