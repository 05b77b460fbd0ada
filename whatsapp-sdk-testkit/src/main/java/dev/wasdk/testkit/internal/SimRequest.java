package dev.wasdk.testkit.internal;

import java.util.List;
import java.util.Optional;

/** One HTTP request as the simulator sees it, independent of the HTTP engine. */
public interface SimRequest {
  /** One part of a multipart body. */
  record Part(String name, Optional<String> contentType, Optional<String> filename, byte[] body) {}

  /** Returns the method in upper case, such as {@code POST}. */
  String method();

  /** Returns the path without the query string, such as {@code /v23.0/123/messages}. */
  String path();

  /** Returns the query string with its leading {@code ?}, or the empty string. */
  String rawQuery();

  /** Returns the first value of a query parameter. */
  Optional<String> query(String name);

  /** Returns the first value of a header (case-insensitive name). */
  Optional<String> header(String name);

  /** Returns the raw body. */
  byte[] body();

  /** Returns the parts of a multipart body; empty for other bodies. */
  List<Part> parts();
}
