package dev.wasdk.observe;

import java.util.Objects;

/**
 * The start of one HTTP attempt of a Graph API request.
 *
 * @param method the HTTP method, such as {@code POST}
 * @param pathTemplate the path after the version with every id replaced by {@code {id}}, such as
 *     {@code {id}/messages}; {@code {media_url}} for a download from Meta's media host
 * @param operation what the call does, such as {@code send message}, with any id in it replaced by
 *     {@code {id}}
 * @param serverAddress the host the request goes to
 * @param serverPort the port the request goes to
 * @param attempt 1 for the first attempt, 2 for the first retry, and so on
 */
public record GraphCallStart(
    String method,
    String pathTemplate,
    String operation,
    String serverAddress,
    int serverPort,
    int attempt) {

  /** Checks the arguments. */
  public GraphCallStart {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(pathTemplate, "pathTemplate");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(serverAddress, "serverAddress");
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt must be at least 1, but was " + attempt);
    }
  }
}
