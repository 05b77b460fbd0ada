package dev.wasdk.webhooks.internal.parse;

import dev.wasdk.webhooks.WebhookParseException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;

/**
 * A small, read-only JSON tree built straight from the token stream. Objects are arrays of
 * name/value pairs (webhook objects have few properties, so a scan beats hashing), arrays are
 * arrays, and scalars are plain Java values: {@code String}, {@code Long}, {@code BigInteger},
 * {@code Double}, {@code Boolean}, or {@link #NULL} for JSON null.
 *
 * <p>Trees are built by one thread and never modified after; they may then be read from any thread.
 */
final class Dom {
  /** JSON {@code null}. */
  enum Null {
    INSTANCE;

    @Override
    public String toString() {
      return "null";
    }
  }

  static final Null NULL = Null.INSTANCE;
  static final Arr EMPTY_ARRAY = new Arr(0);

  private Dom() {}

  /** A JSON object: properties in payload order; with duplicate names, the last one wins. */
  static final class Obj {
    private String[] names;
    private Object[] values;
    private int size;

    Obj() {
      names = new String[8];
      values = new Object[8];
    }

    void put(String name, Object value) {
      if (size == names.length) {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
      }
      names[size] = name;
      values[size] = value;
      size++;
    }

    /** Returns the value of the last property of that name, or null if there is none. */
    Object get(String name) {
      // Most lookups are for properties a given payload does not have; Strings cache their hash,
      // so comparing hashes first keeps those misses to one int comparison per property.
      int h = name.hashCode();
      for (int i = size - 1; i >= 0; i--) {
        String n = names[i];
        if (n == name || (n.hashCode() == h && n.equals(name))) {
          return values[i];
        }
      }
      return null;
    }

    int size() {
      return size;
    }

    String name(int i) {
      return names[i];
    }

    Object value(int i) {
      return values[i];
    }
  }

  /** A JSON array. */
  static final class Arr implements Iterable<Object> {
    private Object[] items;
    private int size;

    Arr(int capacity) {
      items = new Object[capacity];
    }

    void add(Object value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, Math.max(4, size * 2));
      }
      items[size++] = value;
    }

    int size() {
      return size;
    }

    boolean isEmpty() {
      return size == 0;
    }

    Object get(int i) {
      return items[i];
    }

    @Override
    public Iterator<Object> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public Object next() {
          if (next >= size) {
            throw new NoSuchElementException();
          }
          return items[next++];
        }
      };
    }
  }

  /**
   * Reads the value at the parser's current token, leaving the parser on its last token. Recursion
   * depth is bounded by the parser's nesting limit.
   */
  static Object read(JsonParser p, JsonToken t) {
    switch (t) {
      case START_OBJECT:
        {
          Obj o = new Obj();
          JsonToken n;
          while ((n = p.nextToken()) == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            o.put(name, read(p, p.nextToken()));
          }
          expectEnd(n, JsonToken.END_OBJECT);
          return o;
        }
      case START_ARRAY:
        {
          Arr a = new Arr(4);
          JsonToken n;
          while ((n = p.nextToken()) != JsonToken.END_ARRAY) {
            if (n == null) {
              throw new WebhookParseException("webhook body ends early", null);
            }
            a.add(read(p, n));
          }
          return a;
        }
      case VALUE_STRING:
        return p.getString();
      case VALUE_NUMBER_INT:
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
            ? p.getBigIntegerValue()
            : (Object) p.getLongValue();
      case VALUE_NUMBER_FLOAT:
        return p.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      default:
        return NULL;
    }
  }

  private static void expectEnd(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new WebhookParseException("webhook body ends early", null);
    }
  }

  /** Writes a tree back as compact JSON; used only where the original bytes are not at hand. */
  static String toJson(Object value) {
    StringWriter w = new StringWriter();
    try (JsonGenerator g = JsonSupport.FACTORY.createGenerator(ObjectWriteContext.empty(), w)) {
      write(g, value);
    }
    return w.toString();
  }

  private static void write(JsonGenerator g, Object v) {
    if (v instanceof Obj) {
      Obj o = (Obj) v;
      g.writeStartObject();
      for (int i = 0; i < o.size; i++) {
        g.writeName(o.names[i]);
        write(g, o.values[i]);
      }
      g.writeEndObject();
    } else if (v instanceof Arr) {
      Arr a = (Arr) v;
      g.writeStartArray();
      for (int i = 0; i < a.size; i++) {
        write(g, a.items[i]);
      }
      g.writeEndArray();
    } else if (v instanceof String) {
      g.writeString((String) v);
    } else if (v instanceof Long) {
      g.writeNumber((Long) v);
    } else if (v instanceof BigInteger) {
      g.writeNumber((BigInteger) v);
    } else if (v instanceof Double) {
      g.writeNumber((Double) v);
    } else if (v instanceof Boolean) {
      g.writeBoolean((Boolean) v);
    } else {
      g.writeNull();
    }
  }
}
