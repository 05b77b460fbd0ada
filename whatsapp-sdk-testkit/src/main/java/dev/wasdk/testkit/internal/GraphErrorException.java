package dev.wasdk.testkit.internal;

/**
 * A Graph API error the simulator answers with: the HTTP status and the fields of Meta's error
 * envelope. Thrown inside the request handlers and turned into a response at the top.
 */
public final class GraphErrorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int httpStatus;
  private final int code;
  private final Integer subcode;
  private final String type;
  private final String graphMessage;
  private final String details;

  /**
   * Creates an error.
   *
   * @param httpStatus the HTTP status
   * @param code the Graph error code
   * @param subcode the error subcode, or null
   * @param type the error type, such as {@code OAuthException}
   * @param graphMessage the envelope's {@code message}
   * @param details the {@code error_data.details}, or null to leave {@code error_data} out
   */
  public GraphErrorException(
      int httpStatus, int code, Integer subcode, String type, String graphMessage, String details) {
    super(details == null ? graphMessage : graphMessage + ": " + details, null, false, false);
    this.httpStatus = httpStatus;
    this.code = code;
    this.subcode = subcode;
    this.type = type;
    this.graphMessage = graphMessage;
    this.details = details;
  }

  /**
   * Returns a WhatsApp error from the catalog, with its HTTP status.
   *
   * @param code the error code
   * @param details the {@code error_data.details}, or null for the catalog's text
   */
  public static GraphErrorException of(int code, String details) {
    return of(ErrorCatalog.entry(code).httpStatus(), code, details);
  }

  /**
   * Returns a WhatsApp error from the catalog with an explicit HTTP status.
   *
   * @param httpStatus the HTTP status
   * @param code the error code
   * @param details the {@code error_data.details}, or null for the catalog's text
   */
  public static GraphErrorException of(int httpStatus, int code, String details) {
    ErrorCatalog.Entry e = ErrorCatalog.entry(code);
    return new GraphErrorException(
        httpStatus,
        code,
        null,
        "OAuthException",
        "(#" + code + ") " + e.title(),
        details != null ? details : e.details());
  }

  /** Returns Graph's answer for an id that names nothing this simulator holds. */
  public static GraphErrorException unknownObject(String method, String id) {
    return new GraphErrorException(
        400,
        100,
        33,
        "GraphMethodException",
        "Unsupported "
            + method.toLowerCase(java.util.Locale.ROOT)
            + " request. Object with ID '"
            + id
            + "' does not exist, cannot be loaded due to missing permissions, or does not support"
            + " this operation. Please read the Graph API documentation at"
            + " https://developers.facebook.com/docs/graph-api",
        null);
  }

  /** Returns the HTTP status. */
  public int httpStatus() {
    return httpStatus;
  }

  /** Returns the Graph error code. */
  public int code() {
    return code;
  }

  /** Returns the error envelope as JSON bytes. */
  public byte[] toJson(String fbtraceId) {
    return JsonIo.write(
        g -> {
          g.writeStartObject();
          g.writeObjectPropertyStart("error");
          g.writeStringProperty("message", graphMessage);
          g.writeStringProperty("type", type);
          g.writeNumberProperty("code", code);
          if (details != null) {
            g.writeObjectPropertyStart("error_data");
            g.writeStringProperty("messaging_product", "whatsapp");
            g.writeStringProperty("details", details);
            g.writeEndObject();
          }
          if (subcode != null) {
            g.writeNumberProperty("error_subcode", subcode);
          }
          g.writeStringProperty("fbtrace_id", fbtraceId);
          g.writeEndObject();
          g.writeEndObject();
        });
  }
}
