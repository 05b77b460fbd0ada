package dev.wasdk.internal.http;

import dev.wasdk.error.ApiError;
import dev.wasdk.error.ApiException;
import dev.wasdk.error.TransportException;
import dev.wasdk.internal.observe.PathTemplates;
import dev.wasdk.observe.GraphCallEvent;
import dev.wasdk.observe.GraphCallStart;
import dev.wasdk.observe.Observation;
import dev.wasdk.observe.WhatsAppObserver;
import java.net.URI;
import java.time.Duration;

/**
 * One observed HTTP attempt: the start the observer saw, what it returned, and the start time. Used
 * by one attempt only; {@link #end} methods are called once.
 */
final class CallObservation {
  private final GraphCallStart start;
  private final Observation<GraphCallEvent> observation;
  private final long startNanos;

  /**
   * Starts the observation of one attempt.
   *
   * @param observer the observer
   * @param targets where the transport's calls go, to name the path template
   * @param request the call
   * @param attempt the attempt's number, from 1
   * @return the observation
   */
  static CallObservation start(
      WhatsAppObserver observer, GraphTargets targets, GraphRequest request, int attempt) {
    URI uri = request.uri();
    String template;
    if (GraphTargets.sameOrigin(uri, targets.base())) {
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      String rootPath = targets.rootPath();
      template =
          PathTemplates.of(path.startsWith(rootPath) ? path.substring(rootPath.length()) : path);
    } else {
      template = "{media_url}";
    }
    GraphCallStart start =
        new GraphCallStart(
            request.method(),
            template,
            PathTemplates.operation(request.operation()),
            uri.getHost() == null ? "" : uri.getHost(),
            GraphTargets.port(uri),
            attempt);
    return new CallObservation(start, observer.onGraphCallStart(start));
  }

  CallObservation(GraphCallStart start, Observation<GraphCallEvent> observation) {
    this.start = start;
    this.observation = observation;
    this.startNanos = System.nanoTime();
  }

  void succeeded(int status) {
    end(GraphCallEvent.Outcome.SUCCESS, status, 0, "");
  }

  void failed(RuntimeException failure) {
    if (failure instanceof ApiException api) {
      ApiError e = api.error();
      int status = e.httpStatus();
      end(
          status >= 500 ? GraphCallEvent.Outcome.SERVER_ERROR : GraphCallEvent.Outcome.CLIENT_ERROR,
          status,
          e.code() == ApiError.NO_CODE ? 0 : e.code(),
          api.getClass().getSimpleName());
    } else if (failure instanceof TransportException t) {
      end(GraphCallEvent.Outcome.TRANSPORT_ERROR, 0, 0, String.valueOf(t.failure()));
    } else {
      end(GraphCallEvent.Outcome.TRANSPORT_ERROR, 0, 0, failure.getClass().getSimpleName());
    }
  }

  private void end(GraphCallEvent.Outcome outcome, int status, int code, String type) {
    observation.end(
        new GraphCallEvent(
            start, outcome, status, code, type, Duration.ofNanos(System.nanoTime() - startNanos)));
  }
}
