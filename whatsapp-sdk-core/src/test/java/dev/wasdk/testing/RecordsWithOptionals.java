package dev.wasdk.testing;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Finds the public records of a class directory, outside {@code internal} packages, that have an
 * optional component or a {@code rawJson} one and no {@code toString()} of their own. Shared with
 * the other modules' tests through the test jar.
 */
public final class RecordsWithOptionals {
  private RecordsWithOptionals() {}

  /** Returns the names of the offending records under a class directory. */
  public static List<String> withoutOwnToString(Path classes) throws IOException {
    List<String> out = new ArrayList<>();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    for (Path file : files) {
      String name = classes.relativize(file).toString().replace('\\', '/').replace('/', '.');
      name = name.substring(0, name.length() - ".class".length());
      if (name.contains(".internal.") || name.endsWith("module-info")) {
        continue;
      }
      Class<?> type;
      try {
        type = Class.forName(name, false, RecordsWithOptionals.class.getClassLoader());
      } catch (ClassNotFoundException | LinkageError e) {
        continue;
      }
      if (!type.isRecord() || !Modifier.isPublic(type.getModifiers())) {
        continue;
      }
      boolean optional = false;
      for (RecordComponent c : type.getRecordComponents()) {
        Class<?> t = c.getType();
        optional |=
            t == Optional.class
                || t == OptionalLong.class
                || t == OptionalInt.class
                || t == OptionalDouble.class
                || c.getName().equals("rawJson"); // printed by its length, never in full
      }
      if (!optional) {
        continue;
      }
      try {
        // The compiler's toString() of a record is declared too, but final; a written one is not.
        if (Modifier.isFinal(type.getDeclaredMethod("toString").getModifiers())) {
          out.add(name);
        }
      } catch (NoSuchMethodException e) {
        out.add(name);
      }
    }
    return out;
  }
}
