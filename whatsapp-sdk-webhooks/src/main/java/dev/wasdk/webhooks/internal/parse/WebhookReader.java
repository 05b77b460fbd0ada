package dev.wasdk.webhooks.internal.parse;

import dev.wasdk.webhooks.WebhookParseException;
import dev.wasdk.webhooks.event.WebhookEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * Reads a webhook body in one streaming pass. The envelope ({@code entry[]}, {@code changes[]},
 * {@code value}) is walked token by token; each element of an array inside a {@code value} (such as
 * one message or one status) is read into its own small {@link Dom} tree, and its byte span in the
 * body is kept, so its raw JSON is the exact original text without re-serializing anything.
 *
 * <p>Stateless and thread-safe.
 */
public final class WebhookReader {
  private WebhookReader() {}

  /**
   * Reads a webhook body into events.
   *
   * @param body the raw body; not modified and not retained
   * @return the events, in payload order
   * @throws WebhookParseException if the body is not a JSON object with an {@code entry} array
   * @throws tools.jackson.core.JacksonException if the body is not well-formed JSON or exceeds the
   *     limits in {@link JsonSupport}
   */
  public static List<WebhookEvent> read(byte[] body) {
    List<WebhookEvent> out = new ArrayList<>();
    try (JsonParser p = JsonSupport.FACTORY.createParser(ObjectReadContext.empty(), body)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new WebhookParseException("webhook body is empty", null);
      }
      if (t != JsonToken.START_OBJECT) {
        throw new WebhookParseException("webhook body is not a JSON object", null);
      }
      boolean sawEntry = false;
      while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
        String name = p.currentName();
        JsonToken vt = p.nextToken();
        if ("entry".equals(name)) {
          if (vt != JsonToken.START_ARRAY) {
            throw new WebhookParseException("webhook body's \"entry\" is not an array", null);
          }
          sawEntry = true;
          readEntries(p, body, out);
        } else {
          p.skipChildren();
        }
      }
      expect(t, JsonToken.END_OBJECT);
      if (p.nextToken() != null) {
        throw new WebhookParseException("webhook body has content after the JSON object", null);
      }
      if (!sawEntry) {
        throw new WebhookParseException("webhook body has no \"entry\" array", null);
      }
    }
    return out;
  }

  private static void readEntries(JsonParser p, byte[] body, List<WebhookEvent> out) {
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      expectValue(t);
      if (t == JsonToken.START_OBJECT) {
        readEntry(p, body, out);
      } else {
        p.skipChildren();
      }
    }
  }

  private static void readEntry(JsonParser p, byte[] body, List<WebhookEvent> out) {
    String wabaId = "";
    Instant time = null;
    List<Change> changes = List.of();
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken vt = p.nextToken();
      switch (name) {
        case "id":
          {
            String s = Nodes.scalar(Dom.read(p, vt));
            wabaId = s == null ? "" : s;
            break;
          }
        case "time":
          time = Nodes.instant(Dom.read(p, vt));
          break;
        case "changes":
          if (vt == JsonToken.START_ARRAY) {
            changes = readChanges(p);
          } else {
            p.skipChildren();
          }
          break;
        default:
          p.skipChildren();
      }
    }
    expect(t, JsonToken.END_OBJECT);
    // The entry id may follow its changes, so events are made only once the entry is complete.
    for (Change c : changes) {
      EventMapper.map(wabaId, time, c, body, out);
    }
  }

  private static List<Change> readChanges(JsonParser p) {
    List<Change> changes = new ArrayList<>(2);
    JsonToken t;
    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
      expectValue(t);
      if (t == JsonToken.START_OBJECT) {
        changes.add(readChange(p));
      } else {
        p.skipChildren();
      }
    }
    return changes;
  }

  private static Change readChange(JsonParser p) {
    String field = "";
    Value value = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken vt = p.nextToken();
      if ("field".equals(name)) {
        String s = Nodes.scalar(Dom.read(p, vt));
        field = s == null ? "" : s;
      } else if ("value".equals(name)) {
        value = vt == JsonToken.START_OBJECT ? readObjectValue(p) : Value.scalar(Dom.read(p, vt));
      } else {
        p.skipChildren();
      }
    }
    expect(t, JsonToken.END_OBJECT);
    return new Change(field, value);
  }

  /** Reads an object value, the parser standing on its opening brace. */
  static Value readObjectValue(JsonParser p) {
    int start = startOffset(p);
    Dom.Obj tree = new Dom.Obj();
    Map<String, List<Element>> arrays = null;
    JsonToken t;
    while ((t = p.nextToken()) == JsonToken.PROPERTY_NAME) {
      String name = p.currentName();
      JsonToken vt = p.nextToken();
      if (vt == JsonToken.START_ARRAY) {
        Dom.Arr array = new Dom.Arr(4);
        List<Element> elements = new ArrayList<>();
        JsonToken et;
        while ((et = p.nextToken()) != JsonToken.END_ARRAY) {
          expectValue(et);
          int s = et == JsonToken.START_OBJECT ? startOffset(p) : -1;
          Object node = Dom.read(p, et);
          elements.add(new Element(node, s, s < 0 ? -1 : endOffset(p)));
          array.add(node);
        }
        tree.put(name, array);
        if (arrays == null) {
          arrays = new HashMap<>(4);
        }
        arrays.put(name, elements);
      } else {
        tree.put(name, Dom.read(p, vt));
        if (arrays != null) {
          arrays.remove(name);
        }
      }
    }
    expect(t, JsonToken.END_OBJECT);
    return new Value(tree, arrays == null ? Map.of() : arrays, start, endOffset(p));
  }

  private static int startOffset(JsonParser p) {
    long o = p.currentTokenLocation().getByteOffset();
    return o < 0 || o > Integer.MAX_VALUE ? -1 : (int) o;
  }

  // The parser stands on the closing brace of the value just read.
  private static int endOffset(JsonParser p) {
    int o = startOffset(p);
    return o < 0 ? -1 : o + 1;
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new WebhookParseException("webhook body ends early or is out of shape", null);
    }
  }

  private static void expectValue(JsonToken t) {
    if (t == null) {
      throw new WebhookParseException("webhook body ends early", null);
    }
  }

  /** One change: its field name and its value, if it had one. */
  record Change(String field, Value value) {}

  /** One element of an array inside a value, with its byte span in the body (or -1). */
  record Element(Object node, int start, int end) {
    /** Returns the element if it is an object, else null. */
    Dom.Obj obj() {
      return node instanceof Dom.Obj ? (Dom.Obj) node : null;
    }

    String raw(byte[] body) {
      if (start >= 0 && end > start && end <= body.length) {
        return new String(body, start, end - start, StandardCharsets.UTF_8);
      }
      return Dom.toJson(node);
    }
  }

  /** A change's value: the whole tree, the elements of its arrays, and its byte span. */
  static final class Value {
    private final Object tree;
    private final Map<String, List<Element>> arrays;
    private final int start;
    private final int end;

    Value(Object tree, Map<String, List<Element>> arrays, int start, int end) {
      this.tree = tree;
      this.arrays = arrays;
      this.start = start;
      this.end = end;
    }

    static Value scalar(Object node) {
      return new Value(node, Map.of(), -1, -1);
    }

    boolean isObject() {
      return tree instanceof Dom.Obj;
    }

    /** Returns the value if it is an object, else null. */
    Dom.Obj obj() {
      return tree instanceof Dom.Obj ? (Dom.Obj) tree : null;
    }

    List<Element> elements(String name) {
      List<Element> e = arrays.get(name);
      return e == null ? List.of() : e;
    }

    String raw(byte[] body) {
      if (start >= 0 && end > start && end <= body.length) {
        return new String(body, start, end - start, StandardCharsets.UTF_8);
      }
      return Dom.toJson(tree);
    }
  }
}
