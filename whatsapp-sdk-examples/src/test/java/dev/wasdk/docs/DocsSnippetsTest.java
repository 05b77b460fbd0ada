package dev.wasdk.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the guides' Java snippets equal to compiled, tested code.
 *
 * <p>Every Java block in {@code docs/} is preceded by a marker naming a tagged region of a source
 * file:
 *
 * <pre>
 * &lt;!-- snippet: whatsapp-sdk-examples/src/test/java/dev/wasdk/docs/MediaSnippets.java#upload --&gt;
 * ```java
 * ...
 * ```
 * </pre>
 *
 * <p>The region lies between the lines {@code // tag::upload[]} and {@code // end::upload[]}; the
 * block must equal it after the region's blank first and last lines and its common leading
 * indentation are removed. This test fails, naming the Markdown file, the line and the tag, when a
 * block differs, when a tag or its file is missing, or when a Java block in {@code docs/} has no
 * marker. {@code README.md} is checked for markers too, but may hold unmarked blocks.
 */
class DocsSnippetsTest {
  private static final Pattern MARKER =
      Pattern.compile("^<!--\\s*snippet:\\s*(\\S+?)#([A-Za-z0-9_.-]+)\\s*-->\\s*$");
  private static final Pattern TAG_START =
      Pattern.compile("^\\s*//\\s*tag::([A-Za-z0-9_.-]+)\\[\\]\\s*$");
  private static final Pattern TAG_END =
      Pattern.compile("^\\s*//\\s*end::([A-Za-z0-9_.-]+)\\[\\]\\s*$");
  private static final Pattern FENCE = Pattern.compile("^(```+|~~~+)\\s*([A-Za-z0-9_+-]*)\\s*$");

  @Test
  void guides_everyJavaBlock_equalsItsTaggedSourceRegion() {
    Path root = RepositoryRoot.find();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path doc : markdownFiles(root)) {
      boolean requireMarkers = doc.startsWith(root.resolve("docs"));
      Result r = check(root, root.relativize(doc).toString(), read(doc), requireMarkers);
      problems.addAll(r.problems());
      checked += r.snippets();
    }
    assertThat(problems)
        .as("snippet problems in docs/ and README.md (%d snippets checked)", checked)
        .isEmpty();
    // The guides hold dozens of snippets; finding none would mean the scan itself is broken.
    assertThat(checked).isGreaterThan(50);
  }

  /**
   * A snippet shows a part of a file; the guide links the whole file, so that a reader finds its
   * imports and its setup (issue: "no snippet shows its imports").
   */
  @Test
  void guides_linkTheCompleteSourceOfEverySnippet() throws IOException {
    Path docs = RepositoryRoot.find().resolve("docs");
    List<String> unlinked = new ArrayList<>();
    try (Stream<Path> files = Files.list(docs)) {
      for (Path doc : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        String text = read(doc);
        for (String line : text.lines().toList()) {
          Matcher m = MARKER.matcher(line.trim());
          if (m.matches() && !text.contains("](../" + m.group(1) + ")")) {
            unlinked.add(doc.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(unlinked).as("snippet sources a guide does not link").isEmpty();
  }

  /**
   * Every complete {@code pom.xml} printed in a guide is well-formed, uses the build's compiler and
   * Surefire plugin versions (Maven 3.8's defaults cannot target Java 17 or run JUnit 5), and names
   * this version of wasdk. {@code .ci/guide-check} builds and runs two of them.
   */
  @Test
  void guides_everyPrintedPom_isCompleteAndCurrent() throws Exception {
    Path root = RepositoryRoot.find();
    String parent = read(root.resolve("pom.xml"));
    String version = firstGroup(parent, "<version>([^<]+)</version>");
    String compiler = pluginVersion(parent, "maven-compiler-plugin");
    String surefire = pluginVersion(parent, "maven-surefire-plugin");
    List<String> problems = new ArrayList<>();
    int poms = 0;
    try (Stream<Path> files = Files.list(root.resolve("docs"))) {
      for (Path doc : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
        Matcher block =
            Pattern.compile("```xml\\n(<\\?xml.*?</project>)\\n```", Pattern.DOTALL)
                .matcher(read(doc));
        while (block.find()) {
          poms++;
          String pom = block.group(1);
          String where = doc.getFileName() + " (pom " + poms + ")";
          try {
            javax.xml.parsers.DocumentBuilderFactory.newInstance()
                .newDocumentBuilder()
                .parse(new java.io.ByteArrayInputStream(pom.getBytes(StandardCharsets.UTF_8)));
          } catch (Exception e) {
            problems.add(where + ": not well-formed: " + e.getMessage());
          }
          if (!compiler.equals(pluginVersion(pom, "maven-compiler-plugin"))) {
            problems.add(where + ": maven-compiler-plugin is not " + compiler);
          }
          if (!surefire.equals(pluginVersion(pom, "maven-surefire-plugin"))) {
            problems.add(where + ": maven-surefire-plugin is not " + surefire);
          }
          if (!pom.contains("<maven.compiler.release>17</maven.compiler.release>")) {
            problems.add(where + ": no maven.compiler.release 17");
          }
          if (!pom.contains("<wasdk.version>" + version + "</wasdk.version>")) {
            problems.add(where + ": wasdk.version is not " + version);
          }
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(poms).as("complete pom.xml blocks in docs/").isGreaterThanOrEqualTo(11);
  }

  private static String pluginVersion(String pom, String artifactId) {
    return firstGroup(
        pom, "<artifactId>" + artifactId + "</artifactId>\\s*<version>([^<]+)</version>");
  }

  private static String firstGroup(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    return m.find() ? m.group(1) : "(none)";
  }

  @Test
  void index_linksEveryGuide() throws IOException {
    Path docs = RepositoryRoot.find().resolve("docs");
    String index = read(docs.resolve("README.md"));
    try (Stream<Path> files = Files.list(docs)) {
      List<String> unlisted =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".md") && !n.equals("README.md"))
              .filter(n -> !index.contains("](" + n + ")"))
              .sorted()
              .toList();
      assertThat(unlisted).as("guides missing from docs/README.md").isEmpty();
    }
  }

  @Test
  void check_blockDiffersFromRegion_namesFileLineAndTag() {
    Path root = RepositoryRoot.find();
    String source = "whatsapp-sdk-examples/src/test/java/dev/wasdk/docs/DocsSnippetsTest.java";
    String md =
        String.join(
            "\n",
            "Intro",
            "<!-- snippet: " + source + "#selfCheck -->",
            "```java",
            "int answer = 41;",
            "```",
            "");

    Result r = check(root, "docs/example.md", md, true);

    assertThat(r.problems())
        .singleElement()
        .asString()
        .contains("docs/example.md:2", "selfCheck", "differs");
  }

  @Test
  void check_blockEqualsRegionAfterIndentationIsRemoved_passes() {
    // tag::selfCheck[]
    int answer = 42;
    // end::selfCheck[]
    Path root = RepositoryRoot.find();
    String source = "whatsapp-sdk-examples/src/test/java/dev/wasdk/docs/DocsSnippetsTest.java";
    String md =
        String.join(
            "\n",
            "<!-- snippet: " + source + "#selfCheck -->",
            "```java",
            "int answer = 42;",
            "```");

    Result r = check(root, "docs/example.md", md, true);

    assertThat(answer).isEqualTo(42);
    assertThat(r.problems()).isEmpty();
    assertThat(r.snippets()).isEqualTo(1);
  }

  @Test
  void check_missingTagOrFile_isReported() {
    Path root = RepositoryRoot.find();
    String source = "whatsapp-sdk-examples/src/test/java/dev/wasdk/docs/DocsSnippetsTest.java";
    String md =
        String.join(
            "\n",
            "<!-- snippet: " + source + "#noSuchTag -->",
            "```java",
            "x();",
            "```",
            "<!-- snippet: no/such/File.java#any -->",
            "```java",
            "x();",
            "```");

    Result r = check(root, "docs/example.md", md, true);

    assertThat(r.problems()).hasSize(2);
    assertThat(r.problems().get(0)).contains("docs/example.md:1", "noSuchTag", "not found");
    assertThat(r.problems().get(1)).contains("docs/example.md:5", "no/such/File.java", "missing");
  }

  @Test
  void check_javaBlockWithoutMarker_isReportedInDocsButNotInReadme() {
    Path root = RepositoryRoot.find();
    String md = String.join("\n", "Text", "", "```java", "x();", "```", "", "```sh", "ls", "```");

    assertThat(check(root, "docs/example.md", md, true).problems())
        .singleElement()
        .asString()
        .contains("docs/example.md:3", "no snippet marker");
    assertThat(check(root, "README.md", md, false).problems()).isEmpty();
  }

  @Test
  void check_markerNotFollowedByJavaFence_isReported() {
    Path root = RepositoryRoot.find();
    String source = "whatsapp-sdk-examples/src/test/java/dev/wasdk/docs/DocsSnippetsTest.java";
    String md =
        String.join("\n", "<!-- snippet: " + source + "#selfCheck -->", "", "```java", "```");

    List<String> problems = check(root, "docs/example.md", md, true).problems();

    // The marker is reported, and so is the java block it fails to precede.
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0)).contains("docs/example.md:1", "must be followed");
    assertThat(problems.get(1)).contains("docs/example.md:3", "no snippet marker");
  }

  @Test
  void region_blankEdges_areTrimmedButInnerBlankLinesKept() {
    assertThat(trimBlankEdges(List.of("", "a();", "", "b();", "  ")))
        .containsExactly("a();", "", "b();");
  }

  @Test
  void region_commonIndentation_isRemovedAndBlankLinesKept() {
    List<String> lines = List.of("    a(", "", "        b);", "    c();");

    assertThat(stripCommonIndent(lines)).containsExactly("a(", "", "    b);", "c();");
  }

  // ---------------------------------------------------------------------------------------------

  record Result(List<String> problems, int snippets) {}

  static Result check(Path root, String docName, String markdown, boolean requireMarkers) {
    List<String> problems = new ArrayList<>();
    List<String> lines = markdown.lines().collect(Collectors.toList());
    int snippets = 0;
    boolean inFence = false;
    String fenceMarker = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher fence = FENCE.matcher(line);
      if (inFence) {
        if (fence.matches() && fence.group(2).isEmpty() && line.startsWith(fenceMarker)) {
          inFence = false;
        }
        continue;
      }
      Matcher marker = MARKER.matcher(line.trim());
      if (marker.matches()) {
        String where = docName + ":" + (i + 1);
        String path = marker.group(1);
        String tag = marker.group(2);
        Matcher next = i + 1 < lines.size() ? FENCE.matcher(lines.get(i + 1)) : null;
        if (next == null || !next.matches() || !next.group(2).equals("java")) {
          problems.add(
              where + ": the marker for " + path + "#" + tag + " must be followed by ```java");
          continue;
        }
        String open = next.group(1);
        List<String> block = new ArrayList<>();
        int j = i + 2;
        while (j < lines.size() && !lines.get(j).trim().equals(open)) {
          block.add(lines.get(j));
          j++;
        }
        if (j >= lines.size()) {
          problems.add(where + ": the java block for " + path + "#" + tag + " is not closed");
          break;
        }
        snippets++;
        String problem = compare(root, path, tag, block);
        if (problem != null) {
          problems.add(where + ": " + problem);
        }
        i = j;
        continue;
      }
      if (fence.matches()) {
        if (fence.group(2).equals("java") && requireMarkers) {
          problems.add(
              docName
                  + ":"
                  + (i + 1)
                  + ": a ```java block has no snippet marker (<!-- snippet: path#tag --> on the"
                  + " line before)");
        }
        inFence = true;
        fenceMarker = fence.group(1);
      }
    }
    return new Result(problems, snippets);
  }

  private static String compare(Path root, String path, String tag, List<String> block) {
    Path source = root.resolve(path).normalize();
    if (!source.startsWith(root) || !Files.isRegularFile(source)) {
      return "the source file " + path + " of tag " + tag + " is missing";
    }
    List<String> region;
    try {
      region = region(read(source).lines().collect(Collectors.toList()), tag);
    } catch (IllegalStateException e) {
      return path + "#" + tag + ": " + e.getMessage();
    }
    if (region == null) {
      return "tag " + tag + " not found in " + path;
    }
    List<String> expected = stripCommonIndent(trimBlankEdges(region));
    List<String> actual = block.stream().map(DocsSnippetsTest::stripTrailing).toList();
    if (!expected.equals(actual)) {
      return "the block for "
          + path
          + "#"
          + tag
          + " differs from the tagged region; the region reads:\n"
          + String.join("\n", expected);
    }
    return null;
  }

  /** Returns the lines of a region, or null when the tag is absent. */
  static List<String> region(List<String> lines, String tag) {
    List<String> out = null;
    int starts = 0;
    for (String line : lines) {
      Matcher start = TAG_START.matcher(line);
      Matcher end = TAG_END.matcher(line);
      if (start.matches() && start.group(1).equals(tag)) {
        starts++;
        out = new ArrayList<>();
      } else if (end.matches() && end.group(1).equals(tag)) {
        if (out == null) {
          throw new IllegalStateException("end::" + tag + "[] comes before tag::" + tag + "[]");
        }
        if (starts > 1) {
          throw new IllegalStateException("the tag is defined " + starts + " times");
        }
        return out;
      } else if (out != null && !start.matches() && !end.matches()) {
        out.add(stripTrailing(line));
      }
    }
    if (out != null) {
      throw new IllegalStateException("tag::" + tag + "[] has no end::" + tag + "[]");
    }
    return null;
  }

  /**
   * Removes blank lines at the start and end of a region: the formatter puts a blank line between
   * class members, and so before an end marker that follows a method or a nested class.
   */
  static List<String> trimBlankEdges(List<String> lines) {
    int from = 0;
    int to = lines.size();
    while (from < to && lines.get(from).isBlank()) {
      from++;
    }
    while (to > from && lines.get(to - 1).isBlank()) {
      to--;
    }
    return lines.subList(from, to);
  }

  static List<String> stripCommonIndent(List<String> lines) {
    int indent = Integer.MAX_VALUE;
    for (String l : lines) {
      if (!l.isBlank()) {
        int n = 0;
        while (n < l.length() && l.charAt(n) == ' ') {
          n++;
        }
        indent = Math.min(indent, n);
      }
    }
    int cut = indent == Integer.MAX_VALUE ? 0 : indent;
    return lines.stream().map(l -> l.isBlank() ? "" : l.substring(cut)).toList();
  }

  private static String stripTrailing(String s) {
    return s.stripTrailing();
  }

  static List<Path> markdownFiles(Path root) {
    List<Path> out = new ArrayList<>();
    Path readme = root.resolve("README.md");
    if (Files.isRegularFile(readme)) {
      out.add(readme);
    }
    try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
      docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(out::add);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
