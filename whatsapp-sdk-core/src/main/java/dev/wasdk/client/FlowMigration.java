package dev.wasdk.client;

import dev.wasdk.internal.text.Values;
import java.util.List;
import java.util.Objects;

/**
 * The result of copying Flows from another WABA: each Flow either migrated or failed alone.
 *
 * @param migrated the copies made
 * @param failed the Flows that could not be copied
 * @param rawJson the answer as received
 */
public record FlowMigration(List<Migrated> migrated, List<Failed> failed, String rawJson) {
  /** Copies the lists. */
  public FlowMigration {
    migrated = List.copyOf(migrated);
    failed = List.copyOf(failed);
    Objects.requireNonNull(rawJson, "rawJson");
  }

  /**
   * A copied Flow.
   *
   * @param sourceName its name, the same in both WABAs
   * @param sourceId its id in the source WABA
   * @param migratedId the copy's id in this WABA
   */
  public record Migrated(String sourceName, String sourceId, String migratedId) {
    /** Checks for nulls. */
    public Migrated {
      Objects.requireNonNull(sourceName, "sourceName");
      Objects.requireNonNull(sourceId, "sourceId");
      Objects.requireNonNull(migratedId, "migratedId");
    }
  }

  /**
   * A Flow that was not copied.
   *
   * @param sourceName its name
   * @param errorCode Meta's code, such as {@code 4233041}
   * @param errorMessage why
   */
  public record Failed(String sourceName, String errorCode, String errorMessage) {
    /** Checks for nulls. */
    public Failed {
      Objects.requireNonNull(sourceName, "sourceName");
      Objects.requireNonNull(errorCode, "errorCode");
      Objects.requireNonNull(errorMessage, "errorMessage");
    }
  }

  /** Returns the components by name, a present optional as its value, an absent one left out. */
  @Override
  public String toString() {
    return Values.toString(this);
  }
}
