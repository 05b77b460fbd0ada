package dev.wasdk.internal.json;

import dev.wasdk.error.ApiError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the Graph API error envelope, {@code {"error":{"message","type","code","error_subcode",
 * "error_data","error_user_title","error_user_msg","is_transient","fbtrace_id"}}}, tolerantly:
 * {@code code} and {@code error_subcode} may be numbers or strings, {@code error_data} an object or
 * a string, and any field may be missing. Thread-safe and stateless.
 */
public final class GraphErrorJson {
  private static final String REDACTED = "[redacted]";

  private GraphErrorJson() {}

  /**
   * Returns the error in a response body. A body without an error object gives an error with code
   * {@link ApiError#NO_CODE} that describes the body's type and size, never its content. Every
   * occurrence of the access token in Meta's texts is replaced by {@code [redacted]}.
   *
   * @param body the response body
   * @param httpStatus the HTTP status
   * @param contentType the response's content type, for the description of a non-Graph body
   * @param token the access token sent with the request, to redact; may be null
   * @return the error
   */
  public static ApiError parse(byte[] body, int httpStatus, String contentType, String token) {
    JsonNode error = null;
    try {
      JsonNode root = Json.MAPPER.readTree(body);
      if (root != null) {
        error = root.get("error");
      }
    } catch (JacksonException e) {
      error = null;
    }
    if (error == null || !error.isObject()) {
      return ApiError.builder(ApiError.NO_CODE, httpStatus)
          .message(
              "HTTP "
                  + httpStatus
                  + " with a body that is not a Graph error ("
                  + contentType
                  + ", "
                  + body.length
                  + " bytes)")
          .build();
    }
    ApiError.Builder b = ApiError.builder(integer(error.get("code"), ApiError.NO_CODE), httpStatus);
    int subcode = integer(error.get("error_subcode"), Integer.MIN_VALUE);
    if (subcode != Integer.MIN_VALUE) {
      b.subcode(subcode);
    }
    String type = text(error.get("type"), token);
    if (type != null) {
      b.type(type);
    }
    String message = text(error.get("message"), token);
    if (message != null) {
      b.message(message);
    }
    JsonNode data = error.get("error_data");
    if (data != null && data.isObject()) {
      String details = text(data.get("details"), token);
      if (details != null) {
        b.details(details);
      }
      b.errorData(redact(data.toString(), token));
    } else if (data != null && data.isString()) {
      b.errorData(redact(data.stringValue(), token));
    }
    String title = text(error.get("error_user_title"), token);
    if (title != null) {
      b.errorUserTitle(title);
    }
    String userMessage = text(error.get("error_user_msg"), token);
    if (userMessage != null) {
      b.errorUserMessage(userMessage);
    }
    JsonNode transientFlag = error.get("is_transient");
    if (transientFlag != null) {
      b.isTransient(transientFlag.asBoolean(false));
    }
    String trace = text(error.get("fbtrace_id"), token);
    if (trace != null) {
      b.fbtraceId(trace);
    }
    return b.build();
  }

  private static int integer(JsonNode node, int absent) {
    if (node == null || node.isNull()) {
      return absent;
    }
    if (node.isIntegralNumber() && node.canConvertToInt()) {
      return node.intValue();
    }
    if (node.isString()) {
      try {
        return Integer.parseInt(node.stringValue().trim());
      } catch (NumberFormatException e) {
        return absent;
      }
    }
    return absent;
  }

  private static String text(JsonNode node, String token) {
    if (node == null || node.isNull() || node.isContainer()) {
      return null;
    }
    return redact(node.asString(), token);
  }

  static String redact(String text, String token) {
    if (text == null || token == null || token.isEmpty() || !text.contains(token)) {
      return text;
    }
    return text.replace(token, REDACTED);
  }
}
