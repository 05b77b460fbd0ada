package dev.wasdk.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The whole-response deadline, driven by a fake clock and sweeps run by hand. */
class BodyDeadlinesTest {
  private static final long PERIOD = 100;
  private static final long TIMEOUT = 1_000;

  private final AtomicLong clock = new AtomicLong(5_000);
  private final List<Scheduled> scheduled = new ArrayList<>();
  private final BodyDeadlines deadlines =
      new BodyDeadlines(
          clock::get, (task, delay) -> scheduled.add(new Scheduled(task, delay)), PERIOD);

  private record Scheduled(Runnable task, long delayNanos) {}

  private static final class FakeSubscription implements Flow.Subscription {
    long requested;
    boolean cancelled;

    @Override
    public void request(long n) {
      requested += n;
    }

    @Override
    public void cancel() {
      cancelled = true;
    }
  }

  private static HttpResponse.ResponseInfo info(Map<String, List<String>> headers) {
    HttpHeaders h = HttpHeaders.of(headers, (a, b) -> true);
    return new HttpResponse.ResponseInfo() {
      @Override
      public int statusCode() {
        return 200;
      }

      @Override
      public HttpHeaders headers() {
        return h;
      }

      @Override
      public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
      }
    };
  }

  /** Starts a response whose request began at {@code start}, with its headers arrived now. */
  private BodySubscriber<byte[]> body(long start) {
    return BoundedBody.handler(1024, deadlines, start, TIMEOUT, "the request timeout of 1 s")
        .apply(info(Map.of()));
  }

  private static List<ByteBuffer> chunk(String s) {
    return List.of(ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8)));
  }

  /** Runs the one scheduled sweep and returns what it scheduled next (0 or 1 sweeps). */
  private int runSweep() {
    assertThat(scheduled).hasSize(1);
    Scheduled next = scheduled.remove(0);
    assertThat(next.delayNanos()).isEqualTo(PERIOD);
    next.task().run();
    return scheduled.size();
  }

  private static void assertDeadlineFailure(CompletableFuture<byte[]> result) {
    assertThatThrownBy(result::get)
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            BoundedBody.Exceeded.class,
            e -> {
              assertThat(e.bound()).isEqualTo(BoundedBody.Exceeded.Bound.DEADLINE);
              assertThat(e)
                  .hasMessage("the response did not complete within the request timeout of 1 s");
            });
  }

  @Test
  void stalledBody_isFailedByTheSweepOnceItsDeadlinePasses_andTheConnectionIsDropped() {
    long start = clock.get();
    BodySubscriber<byte[]> body = body(start);
    FakeSubscription subscription = new FakeSubscription();
    body.onSubscribe(subscription);
    body.onNext(chunk("{\"messa"));
    CompletableFuture<byte[]> result = body.getBody().toCompletableFuture();

    clock.set(start + TIMEOUT - 1);
    assertThat(runSweep()).as("a sweep with a body still in flight schedules the next").isOne();
    assertThat(result).isNotDone();
    assertThat(subscription.cancelled).isFalse();

    clock.set(start + TIMEOUT);
    assertThat(runSweep()).as("nothing left to watch, so no next sweep").isZero();
    assertDeadlineFailure(result);
    assertThat(subscription.cancelled).isTrue();
    assertThat(deadlines.inFlight()).isZero();
    assertThat(deadlines.armed()).isFalse();
  }

  @Test
  void chunkAfterTheDeadline_failsTheBodyWithoutWaitingForTheSweep() {
    long start = clock.get();
    BodySubscriber<byte[]> body = body(start);
    FakeSubscription subscription = new FakeSubscription();
    body.onSubscribe(subscription);
    body.onNext(chunk("{\"a\""));

    clock.set(start + TIMEOUT + 1);
    body.onNext(chunk(":1}"));
    body.onComplete();

    assertDeadlineFailure(body.getBody().toCompletableFuture());
    assertThat(subscription.cancelled).isTrue();
    assertThat(deadlines.inFlight()).isZero();
  }

  @Test
  void completedBody_leavesTheWatch_theSweepStops_andTheNextBodyArmsItAgain() throws Exception {
    BodySubscriber<byte[]> body = body(clock.get());
    body.onSubscribe(new FakeSubscription());
    body.onNext(chunk("{\"ok\":"));
    body.onNext(chunk("true}"));
    body.onComplete();
    assertThat(body.getBody().toCompletableFuture().get())
        .asString(StandardCharsets.UTF_8)
        .isEqualTo("{\"ok\":true}");
    assertThat(deadlines.inFlight()).isZero();

    assertThat(runSweep()).isZero();
    assertThat(deadlines.armed()).isFalse();

    body(clock.get());
    assertThat(scheduled).as("a new body after an idle spell schedules one sweep").hasSize(1);
    assertThat(deadlines.armed()).isTrue();
  }

  @Test
  void failedBody_leavesTheWatch() {
    BodySubscriber<byte[]> body = body(clock.get());
    body.onSubscribe(new FakeSubscription());
    body.onError(new java.io.IOException("connection reset"));

    assertThat(body.getBody().toCompletableFuture()).isCompletedExceptionally();
    assertThat(deadlines.inFlight()).isZero();
  }

  @Test
  void manyBodiesInFlight_shareOneScheduledSweep() {
    List<BodySubscriber<byte[]>> bodies = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      bodies.add(body(clock.get() + i));
    }
    assertThat(scheduled).as("one sweep for the transport, not one timer per response").hasSize(1);
    assertThat(deadlines.inFlight()).isEqualTo(200);

    clock.addAndGet(TIMEOUT + 99);
    assertThat(runSweep()).isOne();
    long failed = bodies.stream().filter(b -> b.getBody().toCompletableFuture().isDone()).count();
    assertThat(failed).as("the first 100 deadlines have passed, the rest have not").isEqualTo(100);
    assertThat(deadlines.inFlight()).isEqualTo(100);
  }

  @Test
  void headersArrivingAfterTheDeadline_failTheBodyAtOnce_andScheduleNothing() {
    long start = clock.get();
    clock.set(start + TIMEOUT);
    BodySubscriber<byte[]> body = body(start);
    FakeSubscription subscription = new FakeSubscription();
    body.onSubscribe(subscription);

    assertDeadlineFailure(body.getBody().toCompletableFuture());
    assertThat(subscription.cancelled).isTrue();
    assertThat(scheduled).isEmpty();
    assertThat(deadlines.inFlight()).isZero();
  }

  @Test
  void announcedBodyOverTheCap_isNotWatched() {
    BodySubscriber<byte[]> body =
        BoundedBody.handler(10, deadlines, clock.get(), TIMEOUT, "1 s")
            .apply(info(Map.of("Content-Length", List.of("11"))));

    assertThat(body.getBody().toCompletableFuture()).isCompletedExceptionally();
    assertThat(scheduled).isEmpty();
    assertThat(deadlines.inFlight()).isZero();
  }

  @Test
  void periodFor_isATenthOfTheTimeout_between10msAnd1s() {
    assertThat(BodyDeadlines.periodFor(Duration.ofSeconds(30))).isEqualTo(1_000_000_000L);
    assertThat(BodyDeadlines.periodFor(Duration.ofMillis(1500))).isEqualTo(150_000_000L);
    assertThat(BodyDeadlines.periodFor(Duration.ofMillis(20))).isEqualTo(10_000_000L);
  }

  @Test
  void nonPositivePeriod_isRefused() {
    assertThatThrownBy(() -> new BodyDeadlines(clock::get, (t, d) -> {}, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("periodNanos");
  }
}
