package dev.wasdk.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the <code>{{…}}</code> variables of a template text. */
final class Placeholders {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([^{}]*?)\\s*}}");
  private static final Pattern POSITIONAL = Pattern.compile("[1-9][0-9]{0,2}");
  private static final Pattern NAMED = Pattern.compile("[a-z][a-z0-9_]*");

  private Placeholders() {}

  /** Returns the distinct variable names in order of first appearance. */
  static List<String> of(String text) {
    Set<String> out = new LinkedHashSet<>();
    Matcher m = VARIABLE.matcher(text);
    while (m.find()) {
      out.add(m.group(1));
    }
    return new ArrayList<>(out);
  }

  static boolean positional(String name) {
    return POSITIONAL.matcher(name).matches();
  }

  static boolean named(String name) {
    return NAMED.matcher(name).matches();
  }

  static boolean startsWithVariable(String text) {
    Matcher m = VARIABLE.matcher(text.strip());
    return m.lookingAt();
  }

  static boolean endsWithVariable(String text) {
    String t = text.strip();
    Matcher m = VARIABLE.matcher(t);
    int end = -1;
    while (m.find()) {
      end = m.end();
    }
    return end == t.length() && end > 0;
  }
}
