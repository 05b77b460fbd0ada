package dev.wasdk.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wasdk.observe.CapturedContext;
import dev.wasdk.observe.GraphCallEvent;
import dev.wasdk.observe.GraphCallStart;
import dev.wasdk.observe.HandlerEvent;
import dev.wasdk.observe.HandlerStart;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.SendOutcomeEvent;
import dev.wasdk.observe.WhatsAppObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeObserverTest {
  private static final GraphCallStart START =
      new GraphCallStart("POST", "{id}/messages", "send message", "localhost", 80, 1);
  private static final GraphCallEvent END =
      new GraphCallEvent(START, GraphCallEvent.Outcome.SUCCESS, 200, 0, "", Duration.ZERO);
  private static final SendOutcomeEvent SENT =
      new SendOutcomeEvent("1", SendOutcomeEvent.Kind.SENT, "", 0, 1);

  @Test
  void of_emptyList_isNone() {
    assertThat(WhatsAppObserver.of(List.of())).isSameAs(WhatsAppObserver.none());
    assertThat(WhatsAppObserver.of(WhatsAppObserver.none())).isSameAs(WhatsAppObserver.none());
  }

  @Test
  void of_throwingObserver_othersStillRunAndNothingEscapes() {
    List<String> seen = new ArrayList<>();
    WhatsAppObserver throwing =
        new WhatsAppObserver() {
          @Override
          public void onSendOutcome(SendOutcomeEvent e) {
            throw new IllegalStateException("boom");
          }

          @Override
          public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart s) {
            throw new IllegalStateException("boom");
          }
        };
    WhatsAppObserver recording =
        new WhatsAppObserver() {
          @Override
          public void onSendOutcome(SendOutcomeEvent e) {
            seen.add("outcome " + e.kind());
          }

          @Override
          public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart s) {
            seen.add("start " + s.pathTemplate());
            return e -> seen.add("end " + e.status());
          }
        };
    WhatsAppObserver both = WhatsAppObserver.of(List.of(throwing, recording));

    both.onSendOutcome(SENT);
    both.onGraphCallStart(START).end(END);

    assertThat(seen).containsExactly("outcome SENT", "start {id}/messages", "end 200");
  }

  @Test
  void of_severalObservations_endInReverseOrder() {
    List<String> ends = new ArrayList<>();
    WhatsAppObserver a = named("a", ends);
    WhatsAppObserver b = named("b", ends);

    WhatsAppObserver.of(List.of(a, b)).onGraphCallStart(START).end(END);

    assertThat(ends).containsExactly("b", "a");
  }

  @Test
  void of_endThatThrows_isIsolated() {
    WhatsAppObserver o =
        new WhatsAppObserver() {
          @Override
          public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart s) {
            return e -> {
              throw new IllegalStateException("boom");
            };
          }
        };
    Observation<GraphCallEvent> obs = WhatsAppObserver.of(o).onGraphCallStart(START);
    obs.end(END); // must not throw
    assertThat(obs).isNotSameAs(Observation.none());
  }

  @Test
  void capture_severalObservers_openInOrderCloseInReverse_andIsolateFailures() {
    List<String> seen = new ArrayList<>();
    WhatsAppObserver throwing =
        new WhatsAppObserver() {
          @Override
          public CapturedContext capture() {
            throw new IllegalStateException("boom");
          }
        };
    WhatsAppObserver both =
        WhatsAppObserver.of(List.of(capturing("a", seen), throwing, capturing("b", seen)));

    CapturedContext taken = both.capture();
    try (CapturedContext.Scope s = taken.makeCurrent()) {
      seen.add("work");
    }

    assertThat(seen).containsExactly("open a", "open b", "work", "close b", "close a");
  }

  @Test
  void onHandlerStart_throwingObserver_othersStillSeeTheHandler() {
    List<String> seen = new ArrayList<>();
    WhatsAppObserver throwing =
        new WhatsAppObserver() {
          @Override
          public Observation<HandlerEvent> onHandlerStart(HandlerStart start) {
            throw new IllegalStateException("boom");
          }
        };
    WhatsAppObserver recording =
        new WhatsAppObserver() {
          @Override
          public Observation<HandlerEvent> onHandlerStart(HandlerStart start) {
            seen.add("start " + start.eventType());
            return e -> seen.add("end " + e.result());
          }
        };

    WhatsAppObserver.of(List.of(throwing, recording))
        .onHandlerStart(new HandlerStart("TextReceived"))
        .end(new HandlerEvent(HandlerEvent.Result.FAILED, Duration.ZERO));

    assertThat(seen).containsExactly("start TextReceived", "end FAILED");
    assertThat(WhatsAppObserver.none().onHandlerStart(new HandlerStart("TextReceived")))
        .isSameAs(Observation.none());
  }

  @Test
  void capture_noObserverCarriesAContext_isNone() {
    assertThat(WhatsAppObserver.none().capture()).isSameAs(CapturedContext.none());
    assertThat(WhatsAppObserver.of(named("a", new ArrayList<>())).capture())
        .isSameAs(CapturedContext.none());
  }

  @Test
  void inject_severalObservers_mergesTheirFields_firstWinsAndFailuresAreIsolated() {
    WhatsAppObserver throwing =
        new WhatsAppObserver() {
          @Override
          public Map<String, String> inject() {
            throw new IllegalStateException("boom");
          }
        };
    WhatsAppObserver nullFields =
        new WhatsAppObserver() {
          @Override
          public Map<String, String> inject() {
            return null;
          }
        };
    WhatsAppObserver both =
        WhatsAppObserver.of(
            List.of(
                injecting(Map.of("traceparent", "00-a", "tracestate", "x=1")),
                throwing,
                nullFields,
                injecting(Map.of("traceparent", "00-b", "other", "2"))));

    assertThat(both.inject())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("traceparent", "00-a", "tracestate", "x=1", "other", "2"));
  }

  @Test
  void inject_noObserverWritesFields_isTheSharedEmptyMap() {
    assertThat(WhatsAppObserver.none().inject()).isSameAs(Map.of());
    assertThat(
            WhatsAppObserver.of(List.of(named("a", new ArrayList<>()), injecting(Map.of())))
                .inject())
        .isSameAs(Map.of());
  }

  @Test
  void extract_severalObservers_eachReadsTheFields_contextsOpenInOrderAndCloseInReverse() {
    List<String> seen = new ArrayList<>();
    WhatsAppObserver throwing =
        new WhatsAppObserver() {
          @Override
          public CapturedContext extract(Map<String, String> fields) {
            throw new IllegalStateException("boom");
          }
        };
    WhatsAppObserver both =
        WhatsAppObserver.of(List.of(extracting("a", seen), throwing, extracting("b", seen)));

    CapturedContext rebuilt = both.extract(Map.of("traceparent", "00-a"));
    try (CapturedContext.Scope s = rebuilt.makeCurrent()) {
      seen.add("work");
    }

    assertThat(seen)
        .containsExactly(
            "extract a from 00-a",
            "extract b from 00-a",
            "open a",
            "open b",
            "work",
            "close b",
            "close a");
  }

  @Test
  void extract_emptyFieldsOrNoObserverReadsThem_isNone() {
    List<String> seen = new ArrayList<>();
    assertThat(WhatsAppObserver.of(extracting("a", seen)).extract(Map.of()))
        .isSameAs(CapturedContext.none());
    assertThat(WhatsAppObserver.none().extract(Map.of("traceparent", "00-a")))
        .isSameAs(CapturedContext.none());
    assertThat(
            WhatsAppObserver.of(named("a", new ArrayList<>()))
                .extract(Map.of("traceparent", "00-a")))
        .isSameAs(CapturedContext.none());
    assertThat(seen).isEmpty();
  }

  private static WhatsAppObserver injecting(Map<String, String> fields) {
    return new WhatsAppObserver() {
      @Override
      public Map<String, String> inject() {
        return fields;
      }
    };
  }

  private static WhatsAppObserver extracting(String name, List<String> seen) {
    return new WhatsAppObserver() {
      @Override
      public CapturedContext extract(Map<String, String> fields) {
        seen.add("extract " + name + " from " + fields.get("traceparent"));
        return () -> {
          seen.add("open " + name);
          return () -> seen.add("close " + name);
        };
      }
    };
  }

  private static WhatsAppObserver capturing(String name, List<String> seen) {
    return new WhatsAppObserver() {
      @Override
      public CapturedContext capture() {
        return () -> {
          seen.add("open " + name);
          return () -> seen.add("close " + name);
        };
      }
    };
  }

  private static WhatsAppObserver named(String name, List<String> ends) {
    return new WhatsAppObserver() {
      @Override
      public Observation<GraphCallEvent> onGraphCallStart(GraphCallStart s) {
        return e -> ends.add(name);
      }
    };
  }
}
