package dev.wasdk.client;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one batch of a template migration between two WABAs of one business portfolio.
 * Only approved templates of {@code GREEN} or {@code UNKNOWN} quality migrate.
 *
 * <p>Immutable and thread-safe.
 *
 * @param migrated the ids of the templates migrated
 * @param failed the ids that failed, with Meta's reason, such as {@code Incorrect category}
 */
public record TemplateMigration(List<String> migrated, Map<String, String> failed) {
  /** Copies the collections. */
  public TemplateMigration {
    migrated = List.copyOf(migrated);
    failed = Map.copyOf(failed);
  }
}
