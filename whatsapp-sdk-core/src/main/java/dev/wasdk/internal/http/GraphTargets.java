package dev.wasdk.internal.http;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Where a transport's calls go: the version root URIs are built under, the rule for which hosts may
 * receive the access token, and the {@code appsecret_proof} query parameter, which only Graph
 * itself gets. Immutable; thread-safe.
 */
final class GraphTargets {
  private final URI base;
  private final String root;
  private final String rootPath;
  private final Set<String> tokenHosts;

  GraphTargets(URI base, String version, Set<String> tokenHosts) {
    this.base = base;
    String b = base.toString();
    while (b.endsWith("/")) {
      b = b.substring(0, b.length() - 1);
    }
    this.root = b + "/" + version + "/";
    this.rootPath = URI.create(root).getRawPath();
    this.tokenHosts = tokenHosts;
  }

  URI base() {
    return base;
  }

  /** Returns the raw path of the version root, such as {@code /v24.0/}. */
  String rootPath() {
    return rootPath;
  }

  URI uri(String path) {
    Objects.requireNonNull(path, "path");
    if (path.startsWith("/")) {
      throw new IllegalArgumentException("path must be relative to the version root: " + path);
    }
    return URI.create(root + path);
  }

  URI uri(String path, Map<String, String> query) {
    if (query.isEmpty()) {
      return uri(path);
    }
    StringBuilder b = new StringBuilder(root).append(path);
    char sep = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      b.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    return URI.create(b.toString());
  }

  static String segment(String value) {
    Objects.requireNonNull(value, "value");
    if (value.isEmpty()) {
      throw new IllegalArgumentException("path segment must not be empty");
    }
    StringBuilder b = new StringBuilder(value.length());
    for (byte x : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (x & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_'
          || c == '~') {
        b.append(c);
      } else {
        b.append('%').append(String.format(Locale.ROOT, "%02X", (int) c));
      }
    }
    String s = b.toString();
    if (s.equals(".") || s.equals("..")) {
      throw new IllegalArgumentException("path segment must not be '.' or '..'");
    }
    return s;
  }

  /**
   * Returns the URI with the token's {@code appsecret_proof} appended, for Graph itself only: the
   * media host signs its own URLs and has no use for it.
   */
  URI withProof(URI uri, BearerHeader.Entry token) {
    if (token.proof == null || !sameOrigin(uri, base)) {
      return uri;
    }
    String s = uri.toString();
    int hash = s.indexOf('#');
    String fragmentless = hash >= 0 ? s.substring(0, hash) : s;
    return URI.create(
        fragmentless
            + (uri.getRawQuery() == null ? '?' : '&')
            + AppSecretProof.PARAMETER
            + '='
            + token.proof);
  }

  /** Refuses a URI the token must not go to: anything but the base origin and the media hosts. */
  void check(URI uri) {
    if (sameOrigin(uri, base)) {
      return;
    }
    String host = uri.getHost();
    if (host != null
        && "https".equalsIgnoreCase(uri.getScheme())
        && tokenHosts.contains(host.toLowerCase(Locale.ROOT))) {
      return;
    }
    throw new IllegalArgumentException(
        "refusing to send the access token to " + uri.getScheme() + "://" + host);
  }

  static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null
        && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  static int port(URI u) {
    if (u.getPort() != -1) {
      return u.getPort();
    }
    return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }
}
