package dev.wasdk.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Scans the sources of core and webhooks for tolerant enum parsers written by hand, which drift
 * from the one rule of {@link OpenEnums} (trimming, letter case, empty input).
 */
class OpenEnumsUsageTest {
  private static final List<Pattern> HAND_ROLLED =
      List.of(
          // Enum.valueOf(text.trim().toUpperCase(...)) in a try/catch
          Pattern.compile("\\bvalueOf\\([^;]*\\.toUpperCase\\("),
          // switch (text.trim().toUpperCase(...)) { case "NAME": return NAME; ... }
          Pattern.compile("\\bswitch\\s*\\(.*\\.toUpperCase\\("),
          // a loop over the constants comparing names
          Pattern.compile("\\bgetEnumConstants\\("),
          Pattern.compile("\\.name\\(\\)\\.equalsIgnoreCase\\("));

  private static final List<Path> SOURCES =
      List.of(Path.of("src/main/java"), Path.of("../whatsapp-sdk-webhooks/src/main/java"));

  @Test
  void patterns_handRolledParsers_areFound() {
    assertThat(offending("return valueOf(value.trim().toUpperCase(Locale.ROOT));")).isTrue();
    assertThat(offending("    switch (value.trim().toUpperCase(Locale.ROOT)) {")).isTrue();
    assertThat(offending("for (E e : type.getEnumConstants()) {")).isTrue();
    assertThat(offending("if (e.name().equalsIgnoreCase(value)) {")).isTrue();
    assertThat(offending("return OpenEnums.parse(FlowStatus.class, value, UNKNOWN);")).isFalse();
  }

  @Test
  void sources_parseEnumsOnlyThroughOpenEnums() throws IOException {
    List<String> found = new ArrayList<>();
    int files = 0;
    for (Path root : SOURCES) {
      assertThat(root).as("source folder %s", root.toAbsolutePath()).isDirectory();
      try (Stream<Path> paths = Files.walk(root)) {
        for (Path p :
            (Iterable<Path>) paths.filter(f -> f.toString().endsWith(".java"))::iterator) {
          if (p.getFileName().toString().equals("OpenEnums.java")) {
            continue;
          }
          files++;
          List<String> lines = read(p);
          for (int i = 0; i < lines.size(); i++) {
            if (offending(lines.get(i))) {
              found.add(root.relativize(p) + ":" + (i + 1) + ": " + lines.get(i).strip());
            }
          }
        }
      }
    }
    assertThat(files).as("source files scanned").isGreaterThan(100);
    assertThat(found).as("enum parsers that bypass OpenEnums").isEmpty();
  }

  private static boolean offending(String line) {
    return HAND_ROLLED.stream().anyMatch(p -> p.matcher(line).find());
  }

  private static List<String> read(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
