package dev.wasdk.flows.internal;

import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;

/** The Jackson stream factory the Flows module reads with, with limits for hostile input. */
public final class Json {
  /** The deepest nesting accepted; Flow data is shallow. */
  public static final int MAX_NESTING_DEPTH = 64;

  /**
   * The longest string accepted, in characters. Meta allows request payloads up to 10 MB, and the
   * ciphertext is one base64 string.
   */
  public static final int MAX_STRING_LENGTH = 16 * 1024 * 1024;

  /** The shared factory; immutable and thread-safe. */
  public static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_NESTING_DEPTH)
                  .maxNumberLength(256)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNameLength(4096)
                  .build())
          .build();

  private Json() {}
}
