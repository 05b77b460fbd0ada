package dev.wasdk.internal.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one shared, immutable Jackson mapper. Thread-safe. */
public final class Json {
  private Json() {}

  /** Reads tolerantly: unknown properties are ignored. */
  public static final JsonMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();
}
