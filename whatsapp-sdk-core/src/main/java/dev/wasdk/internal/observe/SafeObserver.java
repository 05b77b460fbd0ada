package dev.wasdk.internal.observe;

import dev.wasdk.observe.CapturedContext;
import dev.wasdk.observe.GraphCallEvent;
import dev.wasdk.observe.GraphCallStart;
import dev.wasdk.observe.HandlerEvent;
import dev.wasdk.observe.HandlerStart;
import dev.wasdk.observe.LimiterDecisionEvent;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.SendOutcomeEvent;
import dev.wasdk.observe.StoreCallEvent;
import dev.wasdk.observe.WebhookDeliveryEvent;
import dev.wasdk.observe.WhatsAppObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes each call to a fixed list of observers, catching what each throws so that an observer can
 * never fail the work it observes. Immutable and thread-safe.
 */
public final class SafeObserver implements WhatsAppObserver {
  private static final Logger LOG = LoggerFactory.getLogger(WhatsAppObserver.class);

  /** The observer of nothing. */
  public static final WhatsAppObserver NONE = new SafeObserver(List.of());

  private final List<WhatsAppObserver> observers;

  private SafeObserver(List<WhatsAppObserver> observers) {
    this.observers = observers;
  }

  /**
   * Returns an isolating observer of {@code observers}, flattening isolating ones and dropping
   * {@link #NONE}.
   */
  public static WhatsAppObserver of(List<? extends WhatsAppObserver> observers) {
    if (observers.size() == 1 && observers.get(0) instanceof SafeObserver s) {
      return s;
    }
    List<WhatsAppObserver> flat = new ArrayList<>();
    for (WhatsAppObserver o : observers) {
      if (o instanceof SafeObserver s) {
        flat.addAll(s.observers);
      } else {
        flat.add(o);
      }
    }
    if (flat.isEmpty()) {
      return NONE;
    }
    return new SafeObserver(List.copyOf(flat));
  }

  /** Returns whether {@code o} observes nothing, so that callers may skip even the clock reads. */
  public static boolean isNone(WhatsAppObserver o) {
    return o == NONE;
  }

  @Override
  public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart start) {
    return started(o -> o.onGraphCallStart(start));
  }

  @Override
  public void onSendOutcome(SendOutcomeEvent event) {
    each(o -> o.onSendOutcome(event));
  }

  @Override
  public void onLimiterDecision(LimiterDecisionEvent event) {
    each(o -> o.onLimiterDecision(event));
  }

  @Override
  public Observation<WebhookDeliveryEvent> onWebhookStart() {
    return started(WhatsAppObserver::onWebhookStart);
  }

  @Override
  public Observation<HandlerEvent> onHandlerStart(HandlerStart start) {
    return started(o -> o.onHandlerStart(start));
  }

  @Override
  public void onStoreCall(StoreCallEvent event) {
    each(o -> o.onStoreCall(event));
  }

  @Override
  public CapturedContext capture() {
    if (observers.isEmpty()) {
      return CapturedContext.none();
    }
    List<CapturedContext> taken = new ArrayList<>(observers.size());
    List<WhatsAppObserver> owners = new ArrayList<>(observers.size());
    for (WhatsAppObserver o : observers) {
      try {
        CapturedContext c = o.capture();
        if (c != null && c != CapturedContext.none()) {
          taken.add(c);
          owners.add(o);
        }
      } catch (RuntimeException ex) {
        failed(o, ex);
      }
    }
    return combined(taken, owners);
  }

  /**
   * Merges the fields every observer writes. Each observer writes its own propagator's names; if
   * two write the same name, the first observer's value is kept.
   */
  @Override
  public Map<String, String> inject() {
    if (observers.isEmpty()) {
      return Map.of();
    }
    Map<String, String> merged = null;
    for (WhatsAppObserver o : observers) {
      try {
        Map<String, String> fields = o.inject();
        if (fields == null || fields.isEmpty()) {
          continue;
        }
        if (merged == null) {
          merged = new HashMap<>();
        }
        for (Map.Entry<String, String> f : fields.entrySet()) {
          if (f.getKey() != null && f.getValue() != null) {
            merged.putIfAbsent(f.getKey(), f.getValue());
          }
        }
      } catch (RuntimeException ex) {
        failed(o, ex);
      }
    }
    return merged == null || merged.isEmpty() ? Map.of() : Map.copyOf(merged);
  }

  /** Gives the fields to every observer and makes what each rebuilt current together. */
  @Override
  public CapturedContext extract(Map<String, String> fields) {
    if (observers.isEmpty() || fields.isEmpty()) {
      return CapturedContext.none();
    }
    Map<String, String> readOnly = Map.copyOf(fields);
    List<CapturedContext> rebuilt = new ArrayList<>(observers.size());
    List<WhatsAppObserver> owners = new ArrayList<>(observers.size());
    for (WhatsAppObserver o : observers) {
      try {
        CapturedContext c = o.extract(readOnly);
        if (c != null && c != CapturedContext.none()) {
          rebuilt.add(c);
          owners.add(o);
        }
      } catch (RuntimeException ex) {
        failed(o, ex);
      }
    }
    return combined(rebuilt, owners);
  }

  /** Returns one context that makes each of {@code taken} current in order, isolating failures. */
  private static CapturedContext combined(
      List<CapturedContext> taken, List<WhatsAppObserver> owners) {
    if (taken.isEmpty()) {
      return CapturedContext.none();
    }
    return () -> {
      CapturedContext.Scope[] opened = new CapturedContext.Scope[taken.size()];
      for (int i = 0; i < opened.length; i++) {
        try {
          opened[i] = taken.get(i).makeCurrent();
        } catch (RuntimeException ex) {
          failed(owners.get(i), ex);
        }
      }
      // Closed in reverse order, so that nested scopes unwind cleanly.
      return () -> {
        for (int i = opened.length - 1; i >= 0; i--) {
          if (opened[i] != null) {
            try {
              opened[i].close();
            } catch (RuntimeException ex) {
              failed(owners.get(i), ex);
            }
          }
        }
      };
    };
  }

  private void each(Consumer<WhatsAppObserver> call) {
    for (WhatsAppObserver o : observers) {
      try {
        call.accept(o);
      } catch (RuntimeException ex) {
        failed(o, ex);
      }
    }
  }

  private <E> Observation<E> started(Function<WhatsAppObserver, Observation<E>> start) {
    if (observers.isEmpty()) {
      return Observation.none();
    }
    if (observers.size() == 1) {
      WhatsAppObserver o = observers.get(0);
      return safe(o, startOne(o, start));
    }
    List<Observation<E>> started = new ArrayList<>(observers.size());
    List<WhatsAppObserver> owners = new ArrayList<>(observers.size());
    for (WhatsAppObserver o : observers) {
      Observation<E> s = startOne(o, start);
      if (s != null && s != Observation.none()) {
        started.add(s);
        owners.add(o);
      }
    }
    if (started.isEmpty()) {
      return Observation.none();
    }
    // Ended in reverse order, so that nested scopes (a tracer's current span) unwind cleanly.
    return event -> {
      for (int i = started.size() - 1; i >= 0; i--) {
        try {
          started.get(i).end(event);
        } catch (RuntimeException ex) {
          failed(owners.get(i), ex);
        }
      }
    };
  }

  private <E> Observation<E> startOne(
      WhatsAppObserver o, Function<WhatsAppObserver, Observation<E>> start) {
    try {
      return start.apply(o);
    } catch (RuntimeException ex) {
      failed(o, ex);
      return null;
    }
  }

  private <E> Observation<E> safe(WhatsAppObserver owner, Observation<E> s) {
    if (s == null || s == Observation.none()) {
      return Observation.none();
    }
    return event -> {
      try {
        s.end(event);
      } catch (RuntimeException ex) {
        failed(owner, ex);
      }
    };
  }

  private static void failed(WhatsAppObserver o, RuntimeException ex) {
    LOG.warn("an observer ({}) failed; ignored: {}", o.getClass().getName(), ex.toString());
  }

  @Override
  public String toString() {
    return "SafeObserver" + observers;
  }
}
