package dev.wasdk.testkit.internal;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.requestfilter.RequestFilterAction;
import com.github.tomakehurst.wiremock.extension.requestfilter.StubRequestFilterV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.QueryParameter;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.standalone.MappingsSource;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a {@link Simulator} on WireMock. One request filter answers every request itself, so
 * WireMock's stub matching, request journal and per-request logging are all bypassed: the hot path
 * is Jetty, the filter and the simulator.
 */
public final class WireMockEngine implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(WireMockEngine.class);

  private final WireMockServer server;

  /**
   * Starts WireMock on the loopback interface.
   *
   * @param simulator the simulator that answers
   * @param port the port, or 0 for a free one
   * @param containerThreads Jetty's request threads
   */
  public WireMockEngine(Simulator simulator, int port, int containerThreads) {
    WireMockConfiguration options =
        WireMockConfiguration.options()
            .bindAddress("127.0.0.1")
            .port(port)
            .containerThreads(containerThreads)
            .jettyAcceptors(1)
            .asynchronousResponseEnabled(true)
            .asynchronousResponseThreads(4)
            .disableRequestJournal()
            .stubRequestLoggingDisabled(true)
            .gzipDisabled(true)
            .mappingSource(new NoMappings())
            .extensionScanningEnabled(false)
            .notifier(new LogNotifier())
            .extensions(new Filter(simulator));
    this.server = new WireMockServer(options);
    server.start();
    simulator.baseUrl("http://127.0.0.1:" + server.port());
  }

  /** Returns the port WireMock listens on. */
  public int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  /** The one extension: every stub request is answered by the simulator. */
  private static final class Filter implements StubRequestFilterV2 {
    private final Simulator simulator;

    Filter(Simulator simulator) {
      this.simulator = simulator;
    }

    @Override
    public String getName() {
      return "wasdk-simulator";
    }

    @Override
    public RequestFilterAction filter(Request request, ServeEvent serveEvent) {
      Simulator.Outcome outcome;
      try {
        outcome = simulator.handle(new WireMockRequest(request));
      } catch (RuntimeException e) {
        LOG.warn("The simulator failed on a request", e);
        outcome =
            new Simulator.Outcome(
                SimResponse.error(GraphErrorException.of(500, 1, "Simulator error: " + e)), null);
      }
      return RequestFilterAction.stopWith(toDefinition(outcome));
    }

    private static ResponseDefinition toDefinition(Simulator.Outcome outcome) {
      SimResponse r = outcome.response();
      ResponseDefinitionBuilder b =
          ResponseDefinitionBuilder.responseDefinition()
              .withStatus(r.status())
              .withHeader("Content-Type", r.contentType())
              .withBody(r.body());
      FaultQueue.Spec fault = outcome.fault();
      if (fault != null) {
        switch (fault.kind()) {
          case LATENCY:
            b.withFixedDelay((int) Math.min(Integer.MAX_VALUE, fault.delayMillis()));
            break;
          case CONNECTION_RESET:
            b.withFault(Fault.CONNECTION_RESET_BY_PEER);
            break;
          case MALFORMED_BODY:
            b.withStatus(200).withBody(truncated(r.body()));
            break;
          default:
            break;
        }
      }
      return b.build();
    }

    private static byte[] truncated(byte[] body) {
      int n = Math.max(1, body.length / 2);
      byte[] out = new byte[n];
      System.arraycopy(body, 0, out, 0, Math.min(n, body.length));
      if (body.length == 0) {
        out[0] = '{';
      }
      return out;
    }
  }

  /** Adapts WireMock's request to the simulator's view of it. */
  private static final class WireMockRequest implements SimRequest {
    private final Request request;
    private final String path;
    private final String rawQuery;
    private List<Part> parts;

    WireMockRequest(Request request) {
      this.request = request;
      String url = request.getUrl();
      int q = url.indexOf('?');
      this.path = q < 0 ? url : url.substring(0, q);
      this.rawQuery = q < 0 ? "" : url.substring(q);
    }

    @Override
    public String method() {
      return request.getMethod().getName();
    }

    @Override
    public String path() {
      return path;
    }

    @Override
    public String rawQuery() {
      return rawQuery;
    }

    @Override
    public Optional<String> query(String name) {
      if (rawQuery.isEmpty()) {
        return Optional.empty();
      }
      QueryParameter p = request.queryParameter(name);
      return p != null && p.isPresent() ? Optional.of(p.firstValue()) : Optional.empty();
    }

    @Override
    public Optional<String> header(String name) {
      return Optional.ofNullable(request.getHeader(name));
    }

    @Override
    public byte[] body() {
      byte[] b = request.getBody();
      return b == null ? new byte[0] : b;
    }

    @Override
    public List<Part> parts() {
      if (parts == null) {
        List<Part> out = new ArrayList<>();
        if (request.isMultipart()) {
          Collection<Request.Part> ps = request.getParts();
          if (ps != null) {
            for (Request.Part p : ps) {
              HttpHeader ct = p.getHeader("Content-Type");
              out.add(
                  new Part(
                      p.getName(),
                      ct != null && ct.isPresent()
                          ? Optional.of(ct.firstValue())
                          : Optional.empty(),
                      Optional.ofNullable(p.getFileName()),
                      p.getBody() == null ? new byte[0] : p.getBody().asBytes()));
            }
          }
        }
        parts = List.copyOf(out);
      }
      return parts;
    }
  }

  /** Loads and saves no stub files: the simulator never reads the working directory. */
  private static final class NoMappings implements MappingsSource {
    @Override
    public void loadMappingsInto(StubMappings stubMappings) {}

    @Override
    public void save(List<StubMapping> stubMappings) {}

    @Override
    public void save(StubMapping stubMapping) {}

    @Override
    @SuppressWarnings("removal")
    public void remove(StubMapping stubMapping) {}

    @Override
    public void removeAll() {}
  }

  /** Sends WireMock's own messages to SLF4J: errors as WARN, the rest as DEBUG. */
  private static final class LogNotifier implements Notifier {
    @Override
    public void info(String message) {
      LOG.debug("{}", message);
    }

    @Override
    public void error(String message) {
      LOG.warn("{}", message);
    }

    @Override
    public void error(String message, Throwable t) {
      LOG.warn("{}", message, t);
    }
  }
}
