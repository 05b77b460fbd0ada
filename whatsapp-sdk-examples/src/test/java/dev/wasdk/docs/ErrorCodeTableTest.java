package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.error.ErrorCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Keeps the code table of {@code docs/errors.md} equal to {@link ErrorCode#catalog()}: one row per
 * catalog entry, in catalog order, with its code (or range), category, retry advice, details and
 * meaning. When the catalog changes, the failure prints the rows to paste between the table
 * markers.
 */
class ErrorCodeTableTest {
  static final String START = "<!-- error-code-table:start -->";
  static final String END = "<!-- error-code-table:end -->";
  static final String HEADER = "| code | category | advice | details | meaning |";
  static final String RULE = "|---|---|---|---|---|";

  @Test
  void errorsGuide_codeTable_matchesTheCatalog() {
    String guide = DocsSnippetsTest.read(RepositoryRoot.find().resolve("docs/errors.md"));

    List<String> documented = tableRows(guide);
    List<String> expected = expectedRows();

    assertThat(documented)
        .as(
            "docs/errors.md's code table must list ErrorCode.catalog() exactly; paste these lines"
                + " between the markers:%n%s%n%s%n%s%n",
            HEADER, RULE, String.join(System.lineSeparator(), expected))
        .containsExactlyElementsOf(expected);
  }

  @Test
  void expectedRows_everyCatalogEntry_hasOneRow() {
    assertThat(expectedRows()).hasSize(ErrorCode.catalog().size()).doesNotHaveDuplicates();
    assertThat(expectedRows()).anyMatch(r -> r.startsWith("| 131047 | RECIPIENT | NO |"));
  }

  static List<String> tableRows(String markdown) {
    int start = markdown.indexOf(START);
    int end = markdown.indexOf(END);
    assertThat(start).as("the table start marker in docs/errors.md").isNotNegative();
    assertThat(end).as("the table end marker in docs/errors.md").isGreaterThan(start);
    List<String> rows = new ArrayList<>();
    for (String line : markdown.substring(start + START.length(), end).split("\n")) {
      String l = line.trim();
      if (l.startsWith("|") && !l.equals(HEADER) && !l.equals(RULE)) {
        rows.add(l);
      }
    }
    return rows;
  }

  static List<String> expectedRows() {
    List<String> rows = new ArrayList<>();
    for (ErrorCode c : ErrorCode.catalog()) {
      String code =
          c.firstCode() == c.lastCode()
              ? Integer.toString(c.code())
              : c.firstCode() + "–" + c.lastCode();
      rows.add(
          "| "
              + code
              + " | "
              + c.category()
              + " | "
              + c.advice()
              + " | "
              + details(c)
              + " | "
              + c.meaning()
              + " |");
    }
    return rows;
  }

  private static String details(ErrorCode c) {
    List<String> parts = new ArrayList<>();
    c.rateLimitKind().ifPresent(k -> parts.add("limit " + k));
    c.recipientReason().ifPresent(r -> parts.add("reason " + r));
    c.retryAfterHint().ifPresent(d -> parts.add("wait " + human(d)));
    return parts.isEmpty() ? "—" : String.join(", ", parts);
  }

  private static String human(Duration d) {
    if (d.toHours() > 0 && d.toMinutesPart() == 0) {
      return d.toHours() + " h";
    }
    if (d.toMinutes() > 0 && d.toSecondsPart() == 0) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() + " s";
  }
}
