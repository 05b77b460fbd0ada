package dev.wasdk.opentelemetry;

import io.opentelemetry.api.trace.SpanContext;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers, for the most recent sent messages, the span context each was sent in, so that their
 * status webhooks can join the sender's trace. Bounded: the oldest entry goes when it is full. The
 * message ids stay in this map and never reach a span. Thread-safe; every call is a map operation
 * under the instance's lock.
 */
final class SentMessages {
  private final Map<String, SpanContext> byWamid;

  SentMessages(int capacity) {
    this.byWamid =
        new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, SpanContext> eldest) {
            return size() > capacity;
          }
        };
  }

  synchronized void put(String wamid, SpanContext context) {
    byWamid.put(wamid, context);
  }

  synchronized SpanContext get(String wamid) {
    return byWamid.get(wamid);
  }

  synchronized int size() {
    return byWamid.size();
  }
}
