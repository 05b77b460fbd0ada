package dev.wasdk.internal.observe;

/**
 * Turns a Graph path into a template of bounded cardinality: a segment made only of lower-case
 * letters and underscores (an edge name such as {@code messages} or {@code message_templates}) is
 * kept, every other segment (an id, a code, an encoded name) becomes {@code {id}}, and paths deeper
 * than four segments are cut. Stateless.
 */
public final class PathTemplates {
  private static final int MAX_SEGMENTS = 4;
  private static final int MAX_EDGE_LENGTH = 40;

  private PathTemplates() {}

  /**
   * Returns the template of a path relative to the version root, such as {@code {id}/messages} for
   * {@code 106540352242922/messages}.
   *
   * @param path the raw path after the version, without a query
   * @return the template
   */
  public static String of(String path) {
    StringBuilder b = new StringBuilder(24);
    int segments = 0;
    int start = 0;
    int n = path.length();
    while (start <= n) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = n;
      }
      if (end > start) {
        if (segments == MAX_SEGMENTS) {
          b.append("/...");
          break;
        }
        if (segments > 0) {
          b.append('/');
        }
        if (isEdge(path, start, end)) {
          b.append(path, start, end);
        } else {
          b.append("{id}");
        }
        segments++;
      }
      start = end + 1;
    }
    return b.toString();
  }

  /**
   * Returns an operation text without the ids some carry, such as {@code get flow {id}} for {@code
   * get flow 1234567890} or {@code graph call POST {id}/settings} for a raw Graph call: each word
   * with a digit in it is replaced by its path template.
   *
   * @param operation the operation text of a request
   * @return the text with ids replaced
   */
  public static String operation(String operation) {
    if (operation.chars().noneMatch(c -> c >= '0' && c <= '9')) {
      return operation;
    }
    String[] words = operation.split(" ", -1);
    for (int i = 0; i < words.length; i++) {
      if (words[i].chars().anyMatch(c -> c >= '0' && c <= '9')) {
        words[i] = of(words[i]);
      }
    }
    return String.join(" ", words);
  }

  private static boolean isEdge(String path, int start, int end) {
    if (end - start > MAX_EDGE_LENGTH) {
      return false;
    }
    for (int i = start; i < end; i++) {
      char c = path.charAt(i);
      if (!((c >= 'a' && c <= 'z') || c == '_')) {
        return false;
      }
    }
    return true;
  }
}
