package dev.wasdk.internal.json;

import java.io.OutputStream;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
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

  /**
   * Returns a streaming parser over {@code body} straight from the mapper's factory, for code that
   * reads tokens itself: it skips the databinding context the mapper would create for each parser.
   *
   * @param body the JSON bytes
   * @return the parser; the caller closes it
   */
  public static JsonParser parser(byte[] body) {
    return MAPPER.tokenStreamFactory().createParser(ObjectReadContext.empty(), body);
  }

  /**
   * Returns a streaming generator writing UTF-8 to {@code out} straight from the mapper's factory,
   * for code that writes tokens itself.
   *
   * @param out where the JSON goes
   * @return the generator; the caller closes it
   */
  public static JsonGenerator generator(OutputStream out) {
    return MAPPER.tokenStreamFactory().createGenerator(ObjectWriteContext.empty(), out);
  }
}
