package dev.wasdk.docs;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository root, which holds {@code docs/}, from the module the tests run in. */
final class RepositoryRoot {
  private RepositoryRoot() {}

  /**
   * Returns the repository root: the nearest directory, from the module directory upwards, that
   * holds both {@code docs/} and this module. Surefire runs tests in the module directory and sets
   * {@code basedir}; an IDE may run them from the repository root.
   */
  static Path find() {
    String basedir = System.getProperty("basedir");
    Path start =
        (basedir != null && !basedir.isBlank() ? Path.of(basedir) : Path.of(""))
            .toAbsolutePath()
            .normalize();
    for (Path p = start; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("docs"))
          && Files.isDirectory(p.resolve("whatsapp-sdk-examples"))) {
        return p;
      }
    }
    throw new IllegalStateException(
        "no directory holding docs/ and whatsapp-sdk-examples/ above " + start);
  }
}
