package dev.wasdk.webhooks.internal.parse;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/** The Jackson stream factory the webhook reader uses, with limits sized for webhook bodies. */
public final class JsonSupport {
  /**
   * The deepest nesting accepted. Meta's payloads nest about eight levels; the limit keeps hostile
   * bodies (such as 100,000 opening brackets) from exhausting the stack anywhere downstream.
   */
  public static final int MAX_NESTING_DEPTH = 64;

  /** The longest number accepted, in characters. Ids and prices are far shorter. */
  public static final int MAX_NUMBER_LENGTH = 256;

  /** The longest string accepted, in characters. Meta caps a whole body at 3 MB. */
  public static final int MAX_STRING_LENGTH = 8 * 1024 * 1024;

  /** The longest property name accepted, in characters. */
  public static final int MAX_NAME_LENGTH = 4096;

  static final StreamReadConstraints CONSTRAINTS =
      StreamReadConstraints.builder()
          .maxNestingDepth(MAX_NESTING_DEPTH)
          .maxNumberLength(MAX_NUMBER_LENGTH)
          .maxStringLength(MAX_STRING_LENGTH)
          .maxNameLength(MAX_NAME_LENGTH)
          .build();

  /** The shared factory; immutable and thread-safe once built. */
  static final JsonFactory FACTORY =
      JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

  private JsonSupport() {}
}
