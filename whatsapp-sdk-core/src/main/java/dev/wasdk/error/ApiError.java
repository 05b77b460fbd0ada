package dev.wasdk.error;

import dev.wasdk.internal.text.Redact;
import java.util.Objects;
import java.util.Optional;

/**
 * The error object of a Graph API error response, as Meta sent it, plus the HTTP status.
 *
 * <pre>{@code
 * {"error":{"message":"(#131047) Re-engagement message","type":"OAuthException","code":131047,
 *   "error_data":{"messaging_product":"whatsapp","details":"..."},"fbtrace_id":"Az8or2yhqkZfEZ-_4Qn_Bam"}}
 * }</pre>
 *
 * <p>Build logic on {@link #code()} (and {@link #details()}), not on the message text or the HTTP
 * status, as Meta recommends. The text fields are Meta's and may contain personal data, such as a
 * phone number; {@link #toString()} masks long digit runs, and the access token is removed before
 * the error is built.
 *
 * @param code the error code, or {@link #NO_CODE} when the response had no Graph error body
 * @param subcode the deprecated {@code error_subcode}, when present
 * @param type the error type, such as {@code OAuthException}; empty when absent
 * @param message Meta's message, such as {@code "(#131047) Re-engagement message"}; empty when
 *     absent
 * @param details {@code error_data.details}, the most specific explanation, when present
 * @param errorUserTitle {@code error_user_title}, a title meant for end users, when present
 * @param errorUserMessage {@code error_user_msg}, a message meant for end users, when present
 * @param isTransient {@code is_transient}, Meta's hint that the error is temporary
 * @param fbtraceId {@code fbtrace_id}, the id Meta support asks for, when present
 * @param httpStatus the HTTP status of the response
 * @param errorData {@code error_data} as raw text: the string itself when Meta sent a string (as
 *     some template errors do), or the object's JSON; empty when absent
 */
public record ApiError(
    int code,
    Optional<Integer> subcode,
    String type,
    String message,
    Optional<String> details,
    Optional<String> errorUserTitle,
    Optional<String> errorUserMessage,
    boolean isTransient,
    Optional<String> fbtraceId,
    int httpStatus,
    Optional<String> errorData) {

  /** The code of an error response that carried no Graph error object (an HTML 502 page, say). */
  public static final int NO_CODE = -1;

  /** Checks that no component is null. */
  public ApiError {
    Objects.requireNonNull(subcode, "subcode");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(errorUserTitle, "errorUserTitle");
    Objects.requireNonNull(errorUserMessage, "errorUserMessage");
    Objects.requireNonNull(fbtraceId, "fbtraceId");
    Objects.requireNonNull(errorData, "errorData");
  }

  /**
   * Returns a builder, for tests and for simulators that need an error.
   *
   * @param code the error code
   * @param httpStatus the HTTP status
   * @return a builder with every optional part absent
   */
  public static Builder builder(int code, int httpStatus) {
    return new Builder(code, httpStatus);
  }

  /** Returns the catalog entry for {@link #code()}. */
  public ErrorCode errorCode() {
    return ErrorCode.of(code);
  }

  /** Returns the parts that identify the error, with long digit runs in Meta's texts masked. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("ApiError[code=").append(code);
    subcode.ifPresent(s -> b.append(", subcode=").append(s));
    if (!type.isEmpty()) {
      b.append(", type=").append(type);
    }
    b.append(", httpStatus=").append(httpStatus);
    fbtraceId.ifPresent(f -> b.append(", fbtraceId=").append(f));
    if (!message.isEmpty()) {
      b.append(", message=").append(Redact.maskDigits(message));
    }
    details.ifPresent(d -> b.append(", details=").append(Redact.maskDigits(d)));
    if (isTransient) {
      b.append(", transient");
    }
    return b.append(']').toString();
  }

  /** Builds an {@link ApiError}. Not thread-safe. */
  public static final class Builder {
    private final int code;
    private final int httpStatus;
    private Integer subcode;
    private String type = "";
    private String message = "";
    private String details;
    private String errorUserTitle;
    private String errorUserMessage;
    private boolean isTransient;
    private String fbtraceId;
    private String errorData;

    private Builder(int code, int httpStatus) {
      this.code = code;
      this.httpStatus = httpStatus;
    }

    /**
     * Sets the subcode.
     *
     * @param subcode the subcode
     * @return this builder
     */
    public Builder subcode(int subcode) {
      this.subcode = subcode;
      return this;
    }

    /**
     * Sets the type.
     *
     * @param type the type, such as {@code OAuthException}
     * @return this builder
     */
    public Builder type(String type) {
      this.type = Objects.requireNonNull(type, "type");
      return this;
    }

    /**
     * Sets Meta's message.
     *
     * @param message the message
     * @return this builder
     */
    public Builder message(String message) {
      this.message = Objects.requireNonNull(message, "message");
      return this;
    }

    /**
     * Sets {@code error_data.details}.
     *
     * @param details the details
     * @return this builder
     */
    public Builder details(String details) {
      this.details = Objects.requireNonNull(details, "details");
      return this;
    }

    /**
     * Sets {@code error_user_title}.
     *
     * @param title the title
     * @return this builder
     */
    public Builder errorUserTitle(String title) {
      this.errorUserTitle = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * Sets {@code error_user_msg}.
     *
     * @param message the message
     * @return this builder
     */
    public Builder errorUserMessage(String message) {
      this.errorUserMessage = Objects.requireNonNull(message, "message");
      return this;
    }

    /**
     * Sets {@code is_transient}.
     *
     * @param isTransient whether Meta marked the error as temporary
     * @return this builder
     */
    public Builder isTransient(boolean isTransient) {
      this.isTransient = isTransient;
      return this;
    }

    /**
     * Sets {@code fbtrace_id}.
     *
     * @param fbtraceId the trace id
     * @return this builder
     */
    public Builder fbtraceId(String fbtraceId) {
      this.fbtraceId = Objects.requireNonNull(fbtraceId, "fbtraceId");
      return this;
    }

    /**
     * Sets {@code error_data} as raw text.
     *
     * @param errorData the string Meta sent, or the object's JSON
     * @return this builder
     */
    public Builder errorData(String errorData) {
      this.errorData = Objects.requireNonNull(errorData, "errorData");
      return this;
    }

    /**
     * Builds the error.
     *
     * @return the error
     */
    public ApiError build() {
      return new ApiError(
          code,
          Optional.ofNullable(subcode),
          type,
          message,
          Optional.ofNullable(details),
          Optional.ofNullable(errorUserTitle),
          Optional.ofNullable(errorUserMessage),
          isTransient,
          Optional.ofNullable(fbtraceId),
          httpStatus,
          Optional.ofNullable(errorData));
    }
  }
}
